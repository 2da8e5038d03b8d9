"""Check a signed PDF: who signed, whom we trust, what is missing, and what changed after signing.

A digest check alone is not enough: a later incremental update can change what a page
shows while every earlier signature still checks out over its own revision. So each
signature is validated with pyHanko (digest, certificate, DocMDP and its difference
analysis), and every revision of the file that is not a signature's own is named with
what it changed. An empty signature field is a signatory who has not signed (yet).

The verdict, as ``verify`` exits:

* ``VALID`` (0): every signature present, valid, from a trusted authority, nothing changed after;
* ``CHANGED`` (1): a signature is invalid or the document was changed after signing;
* ``UNTRUSTED`` (3): all valid, but an authority is not one the user said they trust;
* ``INCOMPLETE`` (4): valid so far, but some signatories have not signed.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

VALID, CHANGED, UNTRUSTED, INCOMPLETE = 0, 1, 3, 4


@dataclass
class SignatureCheck:
    """What verification found about one signature."""

    name: str  # the signature field's name
    signer: str
    title: str
    signed_at: datetime | None
    issuer: str = ""
    revision: int = 0  # the file's revision this signature closes (1-based)
    problems: list[str] = field(default_factory=list)
    trusted: bool = False
    covers_file: bool = True  # nothing follows it in the file

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Verification:
    """The verdict on one PDF."""

    signatures: list[SignatureCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # damage and changes after signing
    unsigned: list[str] = field(default_factory=list)  # who has not signed (empty fields)

    @property
    def tampered(self) -> bool:
        return bool(self.problems) or any(not s.ok for s in self.signatures)

    @property
    def code(self) -> int:
        if self.tampered or not self.signatures:
            return CHANGED
        if self.unsigned:
            return INCOMPLETE
        if not all(s.trusted for s in self.signatures):
            return UNTRUSTED
        return VALID

    @property
    def ok(self) -> bool:
        return self.code == VALID

    def summary(self) -> str:
        """The verdict in one sentence."""
        code = self.code
        if code == CHANGED:
            return "NOT valid: " + "; ".join(self.all_problems()) if self.all_problems() else "NOT valid"
        if code == INCOMPLETE:
            total = len(self.signatures) + len(self.unsigned)
            names = _and(self.unsigned)
            verb = "has" if len(self.unsigned) == 1 else "have"
            done = len(self.signatures)
            return f"valid so far, but incomplete: {done} of {total} signed; {names} {verb} not signed"
        if code == UNTRUSTED:
            return "valid, but signed by an authority you have not said you trust"
        return f"all {len(self.signatures)} signatures valid and trusted; nothing changed after the last one"

    def all_problems(self) -> list[str]:
        problems = list(self.problems)
        for number, check in enumerate(self.signatures, 1):
            problems += [f"signature {number} ({check.signer}): {p}" for p in check.problems]
        return problems


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def trust_roots(paths: list[Path]) -> list[Any]:
    """The certificates in ``paths`` (PEM or DER); a file that cannot be read raises ValueError."""
    from pyhanko.keys import load_cert_from_pemder

    roots = []
    for path in paths:
        try:
            roots.append(load_cert_from_pemder(str(path)))
        except (OSError, ValueError) as error:
            raise ValueError(f"cannot read the certificate {path.name}: {error}") from None
    return roots


def verify_pdf(data: bytes, trust: Path | list[Path] | None = None) -> Verification:
    """Check every signature of the PDF in ``data``; ``trust``: CA certificates (PEM or DER) to trust."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko_certvalidator import ValidationContext

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # its log repeats what we report
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    result = Verification()
    paths = [] if trust is None else [trust] if isinstance(trust, Path) else list(trust)
    try:
        roots = trust_roots(paths)
    except ValueError as error:
        result.problems.append(str(error))
        return result
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        for name, _value, ref in enumerate_sig_fields(reader, filled_status=False):
            result.unsigned.append(_who(ref.get_object(), name))
    except (PdfError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        result.problems.append(f"the file is not a readable PDF any more ({error})")
        return result
    if not embedded:
        result.problems.append("the document has no digital signatures")
        return result
    for signature in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        result.signatures.append(_check(signature, context))
    result.problems += _foreign_revisions(reader, embedded, result.signatures)
    return result


def _who(value: Any, name: str) -> str:
    tooltip = str(value.get("/TU", "") or "")
    return tooltip.removeprefix("Signature of ").strip() or name.removeprefix("Signature-")


def _check(signature: Any, context: object) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = str(getattr(signature, "field_name", "") or "unnamed")
    try:
        status = validate_pdf_signature(signature, context)  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - pyHanko raises many kinds on a damaged file; each is reported
        return SignatureCheck(
            name, "unknown", "", None, problems=[f"cannot be validated: the file is damaged ({error})"]
        )
    subject = status.signing_cert.subject.native
    issuer = status.signing_cert.issuer.native
    check = SignatureCheck(
        name=name,
        signer=str(subject.get("common_name", "unknown")),
        title=str(subject.get("title", "")),
        signed_at=status.signer_reported_dt or signature.self_reported_timestamp,
        issuer=str(issuer.get("common_name") or issuer.get("organization_name") or "unknown"),
        revision=signature.signed_revision + 1,
        trusted=bool(status.trusted),
        covers_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
    )
    if not status.intact:
        check.problems.append("the signed content was changed (digest mismatch)")
    elif not status.valid:
        check.problems.append("the signature does not match the signer's certificate")
    elif status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        check.problems.append("the signature does not cover its revision of the document")
    level = status.modification_level
    if status.intact and level is not None and level > ModificationLevel.FORM_FILLING:
        check.problems.append(
            "the document was changed after this signature in a way its signer did not allow"
        )
    if status.docmdp_ok is False:
        check.problems.append("a later change breaks the permissions the first signature set")
    return check


def _foreign_revisions(reader: Any, embedded: list[Any], checks: list[SignatureCheck]) -> list[str]:
    """Every revision after the first signature that is not a signature's own, named with what it did."""
    own = {s.signed_revision for s in embedded}
    first = min(own)
    total = reader.xrefs.total_revisions
    problems = []
    for revision in range(first + 1, total):
        if revision in own:
            continue
        before = [c for c in checks if c.revision - 1 < revision]
        after = f"after the signature of {before[-1].signer}" if before else "after signing"
        problems.append(
            f"revision {revision + 1} of {total} was added {after}: {_what_changed(reader, revision)}"
        )
    if not problems and checks and not checks[-1].covers_file and checks[-1].ok:
        problems.append("bytes were appended to the file after the last signature")
    return problems


def _what_changed(reader: Any, revision: int) -> str:
    from pyhanko.pdf_utils import generic

    kinds: list[str] = []
    for ref in sorted(reader.xrefs.explicit_refs_in_revision(revision), key=lambda r: r.idnum):
        try:
            obj = reader.get_object(ref, revision=revision)
        except Exception:  # noqa: BLE001 - an unreadable object is itself a change to report
            kinds.append("an unreadable object was added")
            continue
        if isinstance(obj, generic.DictionaryObject):
            kind = obj.get("/Type")
            subtype = obj.get("/Subtype")
            if kind == "/Annot" or (subtype is not None and "/Rect" in obj):
                if subtype != "/Widget":
                    kinds.append(
                        f"an annotation ({str(subtype).lstrip('/') or 'unknown'}) was added or changed"
                    )
                else:
                    kinds.append("a form field was added or changed")
            elif kind == "/Page":
                kinds.append("a page's content or annotations changed")
            elif isinstance(obj, generic.StreamObject) and kind is None:
                kinds.append("page text or drawing was added or changed")
    unique = list(dict.fromkeys(kinds))
    return ", ".join(unique) if unique else "objects of the document were changed"
