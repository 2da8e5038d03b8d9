"""PAdES signatures on the SLA PDF: one per signatory, applied in order, each stamped visibly.

The unsigned document first gets one empty signature field per signatory (so a later
reader sees who was meant to sign, and a removed signature shows as an empty field).
Each signature is then an incremental update with the signer's certificate, issued by
the local certificate authority or loaded from the PKCS#12 file the signer brought.
The visible stamp (the drawn signature with the name and time) is drawn by the caller.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from workshop.signoff.signing import LocalAuthority, Person, Stroke

Box = tuple[int, tuple[float, float, float, float]]  # page index, (x1, y1, x2, y2)


class SigningError(Exception):
    """The document could not be signed; the message is for the user."""


@dataclass(frozen=True)
class SignRequest:
    role: str
    person: Person
    strokes: list[Stroke]
    signed_at: datetime
    pkcs12: Path | None = None
    pkcs12_passphrase: str | None = None


StampDrawer = Callable[[SignRequest, float, float, Path], None]
"""Writes the visible stamp of one signature, ``width`` x ``height`` points, as a one-page PDF."""


def field_name(role: str) -> str:
    return f"Signature-{role}"


def _signer(request: SignRequest, authority: LocalAuthority) -> Any:
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
        return loaded
    key, cert, ca_cert = authority.issue(request.person)
    der = serialization.Encoding.DER
    key_info = keys.PrivateKeyInfo.load(
        key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return signers.SimpleSigner(
        signing_cert=x509.Certificate.load(cert.public_bytes(der)),
        signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs([x509.Certificate.load(ca_cert.public_bytes(der))]),
    )


def sign_document(
    pdf: bytes,
    requests: list[SignRequest],
    boxes: dict[str, Box],
    authority: LocalAuthority,
    draw_stamp: StampDrawer,
) -> bytes:
    """Add a signature field per request, then sign each in order; returns the signed PDF.

    ``draw_stamp`` draws each signature's visible stamp (the report's look, not signing's).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    missing = [r.role for r in requests if r.role not in boxes]
    if missing:
        raise SigningError(f"the document has no place for the signature of: {', '.join(missing)}")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for request in requests:
        page, box = boxes[request.role]
        fields.append_signature_field(
            writer,
            fields.SigFieldSpec(
                sig_field_name=field_name(request.role),
                on_page=page,
                box=(round(box[0]), round(box[1]), round(box[2]), round(box[3])),
            ),
        )
    out = io.BytesIO()
    writer.write(out)
    current = out.getvalue()
    with tempfile.TemporaryDirectory(prefix="smw-stamp-") as folder:
        for index, request in enumerate(requests):
            _page, (x1, y1, x2, y2) = boxes[request.role]
            stamp = Path(folder, f"stamp-{index}.pdf")
            draw_stamp(request, x2 - x1, y2 - y1, stamp)
            meta = signers.PdfSignatureMetadata(
                field_name=field_name(request.role),
                name=request.person.name,
                reason="Agrees to this service level agreement"
                if request.role != "witness"
                else "Witnesses the signatures",
                location=request.person.company or None,
            )
            style = StaticStampStyle.from_pdf_file(str(stamp), border_width=0, background_opacity=1)
            signed = signers.PdfSigner(meta, _signer(request, authority), stamp_style=style).sign_pdf(
                IncrementalPdfFileWriter(io.BytesIO(current))
            )
            current = signed.getvalue()
    return current
