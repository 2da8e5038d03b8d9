"""PAdES signatures on the SLA PDF: one per signatory, each applied at its signer's moment.

The document is made once, before anyone signs, with one empty signature field per
signatory (:func:`prepare`); each field's tooltip names who is to sign it, so a reader of
a partly signed record sees who has not signed yet. Each signer then adds one incremental
revision (:func:`sign_next`) that fills only their field: the appearance (drawn by the
caller) holds the drawn signature, the name, the time and the signer's consent events, so
the audit evidence is inside what they signed. The first signature certifies the document
with DocMDP permissions that allow filling in and signing the remaining fields and nothing
else. The signing time is the moment the signer finished, not the moment of this call.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from workshop.signoff.signing import LocalAuthority, Person, Stroke

Box = tuple[int, tuple[float, float, float, float]]  # page index, (x1, y1, x2, y2)

DRAWN, TYPED = "drawn", "typed"


class SigningError(Exception):
    """The document could not be signed; the message is for the user."""


@dataclass(frozen=True)
class Evidence:
    """What the audit record says about one signer, beside their signature."""

    reviewed_at: datetime
    consented_at: datetime
    signed_at: datetime
    document_sha256: str  # the fingerprint the signer was shown when consenting
    computer: str
    app_version: str
    method: str = DRAWN  # drawn on the pad, or typed (signing later from the command line)


@dataclass(frozen=True)
class SignRequest:
    role: str
    person: Person
    strokes: list[Stroke]
    signed_at: datetime
    pkcs12: Path | None = None
    pkcs12_passphrase: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class CertificateFacts:
    """The certificate a signature is made with, as the audit record shows it."""

    sha256: str
    issuer: str
    subject: str
    own_file: bool  # True: a certificate file the signer brought; False: this laptop's authority


@dataclass(frozen=True)
class SignatureField:
    role: str
    signer: str  # who is to sign it: the field's tooltip
    box: Box


StampDrawer = Callable[[SignRequest, CertificateFacts, float, float, Path], None]
"""Writes the visible stamp of one signature, ``width`` x ``height`` points, as a one-page PDF."""


def field_name(role: str) -> str:
    return f"Signature-{role}"


def prepare(pdf: bytes, signature_fields: list[SignatureField]) -> bytes:
    """The document to be signed: ``pdf`` with one empty signature field per signatory."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for spec in signature_fields:
        page, box = spec.box
        fields.append_signature_field(
            writer,
            fields.SigFieldSpec(
                sig_field_name=field_name(spec.role),
                on_page=page,
                box=(round(box[0]), round(box[1]), round(box[2]), round(box[3])),
            ),
        )
    for name, _value, ref in fields.enumerate_sig_fields(writer, filled_status=False):
        role = name.removeprefix("Signature-")
        signer = next((s.signer for s in signature_fields if s.role == role), "")
        ref.get_object()["/TU"] = generic.TextStringObject(f"Signature of {signer}")
        writer.mark_update(ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _facts(cert: Any, own_file: bool) -> CertificateFacts:
    subject = cert.subject.native
    issuer = cert.issuer.native
    return CertificateFacts(
        sha256=hashlib.sha256(cert.dump()).hexdigest(),
        issuer=str(issuer.get("common_name") or issuer.get("organization_name") or "unknown"),
        subject=str(subject.get("common_name", "")),
        own_file=own_file,
    )


def signer_for(request: SignRequest, authority: LocalAuthority) -> tuple[Any, CertificateFacts]:
    """The pyHanko signer for ``request`` and the facts of its certificate."""
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    if request.pkcs12 is not None:
        passphrase = request.pkcs12_passphrase.encode() if request.pkcs12_passphrase else None
        try:
            loaded = signers.SimpleSigner.load_pkcs12(str(request.pkcs12), passphrase=passphrase)
        except (OSError, ValueError) as error:
            raise SigningError(f"cannot use the certificate file {request.pkcs12.name}: {error}") from None
        if loaded is None:
            raise SigningError(f"cannot open the certificate file {request.pkcs12.name}: wrong password?")
        return loaded, _facts(loaded.signing_cert, True)
    key, cert, ca_cert = authority.issue(request.person, at=request.signed_at)
    der = serialization.Encoding.DER
    key_info = keys.PrivateKeyInfo.load(
        key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    signing_cert = x509.Certificate.load(cert.public_bytes(der))
    signer = signers.SimpleSigner(
        signing_cert=signing_cert,
        signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs([x509.Certificate.load(ca_cert.public_bytes(der))]),
    )
    return signer, _facts(signing_cert, False)


def signed_count(pdf: bytes) -> int:
    """How many signatures the PDF holds."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return len(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures)


def field_box(pdf: bytes, role: str) -> tuple[float, float]:
    """Width and height of ``role``'s signature field."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    for name, _value, ref in enumerate_sig_fields(reader, filled_status=False):
        if name == field_name(role):
            found = ref.get_object()
            widget = found if "/Rect" in found else found["/Kids"][0].get_object()
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            return abs(x2 - x1), abs(y2 - y1)
    raise SigningError(f"the document has no empty place for the signature of {role}")


def sign_next(pdf: bytes, request: SignRequest, authority: LocalAuthority, draw_stamp: StampDrawer) -> bytes:
    """``pdf`` with ``request``'s signature added as one incremental revision.

    The first signature certifies the document (later: only filling in and signing fields).
    """
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError as RefusedError
    from pyhanko.stamp import StaticStampStyle

    width, height = field_box(pdf, request.role)
    signer, facts = signer_for(request, authority)
    first = signed_count(pdf) == 0
    meta = signers.PdfSignatureMetadata(
        field_name=field_name(request.role),
        name=request.person.name,
        reason="Witnesses the signatures"
        if request.role == "witness"
        else "Agrees to this service level agreement",
        location=request.person.company or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=first,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
    )
    with tempfile.TemporaryDirectory(prefix="smw-stamp-") as folder:
        stamp = Path(folder, "stamp.pdf")
        draw_stamp(request, facts, width, height, stamp)
        style = StaticStampStyle.from_pdf_file(
            str(stamp),
            border_width=0,
            background_opacity=1,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MIN,
                margins=layout.Margins.uniform(0),
            ),
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        try:
            signed = _TimedSigner(request.signed_at, meta, signer, stamp_style=style).sign_pdf(
                writer, existing_fields_only=True
            )
        except RefusedError as error:
            raise SigningError(f"cannot sign: {error}") from None
    return signed.getvalue()  # type: ignore[no-any-return]


@cache
def _timed_signer_class() -> type:
    from pyhanko.sign import signers

    class TimedSigner(signers.PdfSigner):
        """A PdfSigner whose signing time is the signer's moment, not the moment of the call."""

        def __init__(self, moment: datetime, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.moment = moment

        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
            session.system_time = self.moment
            return session

    return TimedSigner


def _TimedSigner(moment: datetime, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - reads as a class
    return _timed_signer_class()(moment, *args, **kwargs)
