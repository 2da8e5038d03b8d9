"""Check a signed PDF: every signature valid, and nothing changed after the last one.

A digest check alone is not enough: a later incremental update can change what a page
shows while every earlier signature still checks out over its own revision. So each
signature is validated with pyHanko's difference analysis, the last one must cover the
whole file, and an empty signature field (a signature removed) counts as a failure.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass
class SignatureCheck:
    """What verification found about one signature."""

    name: str  # the signature field's name
    signer: str
    title: str
    signed_at: datetime | None
    problems: list[str] = field(default_factory=list)
    trusted: bool | None = None  # None: not checked (no trust anchor given)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Verification:
    """The verdict on one PDF."""

    signatures: list[SignatureCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.signatures) and all(s.ok for s in self.signatures)


def verify_pdf(data: bytes, trust: Path | None = None) -> Verification:
    """Check every signature of the PDF in ``data``; ``trust`` is a CA certificate (PEM or DER)."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko_certvalidator import ValidationContext

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # its log repeats what we report
    result = Verification()
    roots = []
    if trust is not None:
        try:
            roots = [load_cert_from_pemder(str(trust))]
        except (OSError, ValueError) as error:
            result.problems.append(f"cannot read the trusted certificate {trust.name}: {error}")
            return result
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        empty = [name for name, _value, _ref in enumerate_sig_fields(reader, filled_status=False)]
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as error:
        result.problems.append(f"the file is not a readable PDF any more ({error})")
        return result
    if not embedded:
        result.problems.append("the document has no digital signatures")
    for name in empty:
        result.problems.append(
            f"the signature field “{name}” is empty: a signature is missing or was removed"
        )
    for index, signature in enumerate(embedded):
        last = index == len(embedded) - 1
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        result.signatures.append(_check(signature, context, last=last, trust_given=bool(roots)))
    return result


def _check(signature: object, context: object, *, last: bool, trust_given: bool) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = str(getattr(signature, "field_name", "") or "unnamed")
    try:
        status = validate_pdf_signature(signature, context)  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - pyHanko raises many kinds on a damaged file; each is reported
        return SignatureCheck(
            name, "unknown", "", None, [f"cannot be validated: the file is damaged ({error})"]
        )
    subject = status.signing_cert.subject.native
    check = SignatureCheck(
        name=name,
        signer=str(subject.get("common_name", "unknown")),
        title=str(subject.get("title", "")),
        signed_at=status.signer_reported_dt,
    )
    if not status.intact:
        check.problems.append("the signed content was changed (digest mismatch)")
    elif not status.valid:
        check.problems.append("the signature does not match the signer's certificate")
    level = status.modification_level
    if level is not None and level > ModificationLevel.FORM_FILLING:
        check.problems.append("the document was changed after this signature")
    elif status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        check.problems.append("the signature does not cover its revision of the document")
    elif last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        check.problems.append("something was appended to the document after the last signature")
    if trust_given:
        check.trusted = bool(status.trusted)
        if not status.trusted:
            check.problems.append(
                "the signer's certificate is not issued by the trusted certificate authority"
            )
    return check
