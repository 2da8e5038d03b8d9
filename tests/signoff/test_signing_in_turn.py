"""Each signatory signs at their own moment: one certified record, one revision per signer, and
``verify`` saying who is trusted, what is missing and what changed (exit 0, 1, 3, 4)."""

from __future__ import annotations

import io
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.fakes import FakeClock
from workshop.cli import main
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.model import SlaClause
from workshop.report.record import current_record, record_bytes
from workshop.report.signature_page import signing_time
from workshop.report.signed_record import sign_and_record
from workshop.signoff.signing import LocalAuthority, synthetic_signature
from workshop.sla import agreement as sla

START = datetime(2027, 6, 29, 16, 4, 10, tzinfo=UTC)


@dataclass
class Signed:
    stages: list[bytes]  # the record after each signature
    moments: list[datetime]
    names: list[str]

    @property
    def final(self) -> bytes:
        return self.stages[-1]


def _void_demo_signatures(document: WorkshopDocument) -> None:
    clause = document.typed(SlaClause)[0]
    document.apply("Edit", [Update(SlaClause.TABLE, clause.id, (("heading", clause.heading + " (agreed)"),))])
    assert sla.next_to_sign(document.content()) is not None


def sign_everyone(document: WorkshopDocument, clock: FakeClock, pauses: list[float]) -> Signed:
    """Each signatory reviews, consents and signs, the fake clock moving between them."""
    stages, moments, names = [], [], []
    for pause in pauses:
        person = sla.next_to_sign(document.content())
        assert person is not None
        reviewed = START + timedelta(seconds=clock.now())
        clock.advance(21)
        consented = START + timedelta(seconds=clock.now())
        clock.advance(pause)
        moment = START + timedelta(seconds=clock.now())
        sign_and_record(
            document,
            person.role,
            name=person.name,
            title=person.title,
            strokes=synthetic_signature(person.name),
            signed_at=moment,
            reviewed_at=reviewed,
            consented_at=consented,
            authority=LocalAuthority(),
            paper="a4",
        )
        record = current_record(document.content())
        assert record is not None
        stages.append(record_bytes(record))
        moments.append(moment)
        names.append(person.name)
    return Signed(stages, moments, names)


@pytest.fixture
def signed(document: WorkshopDocument) -> Signed:
    _void_demo_signatures(document)
    return sign_everyone(document, FakeClock(0), [13.0, 437.0, 941.0])


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_each_signature_is_its_own_revision_at_its_signers_moment(signed: Signed) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm

    from workshop.signoff.verification import verify_pdf

    assert [len(PdfFileReader(io.BytesIO(s)).embedded_signatures) for s in signed.stages] == [1, 2, 3]
    for earlier, later in zip(signed.stages, signed.stages[1:], strict=False):
        assert later.startswith(earlier)  # incremental: each signer's revision is appended
    reader = PdfFileReader(io.BytesIO(signed.final))
    first = reader.embedded_signatures[0]
    assert first.docmdp_level == MDPPerm.FILL_FORMS  # certified: only filling in and signing after
    result = verify_pdf(signed.final, [LocalAuthority().certificate_path])
    assert result.code == 0, result.summary()
    assert [c.signer for c in result.signatures] == signed.names
    assert [c.signed_at for c in result.signatures] == signed.moments
    assert len(set(signed.moments)) == 3


def test_pdfsig_and_the_audit_page_show_the_same_moments_in_signing_order(
    signed: Signed, tmp_path: Path
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed.final)
    out = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, env={**os.environ, "TZ": "UTC"}, check=False
    ).stdout
    times = re.findall(r"Signing Time: (.+)", out)
    assert times == [m.strftime("%b %d %Y %H:%M:%S") for m in signed.moments]
    assert re.findall(r"Common Name: (.+)", out) == signed.names
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    shown = [line.split("Signed: ", 1)[1].strip() for line in text.splitlines() if "Signed: " in line]
    assert shown == [signing_time(m) for m in signed.moments]
    assert text.count("Consented to sign electronically:") == 3
    assert text.count("Reviewed the agreement:") == 3
    assert "no timestamp authority" in text


def test_verify_names_an_untrusted_authority_and_trusts_it_when_told(
    signed: Signed, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed.final)
    LocalAuthority().export_certificate(tmp_path / "laptop-ca.pem")
    monkeypatch.setenv("SMARKETING_WORKSHOP_DATA", str(tmp_path / "another-laptop"))
    code, out = run("verify", str(path), capsys=capsys)
    assert code == 3
    assert "valid, but signed by an authority you have not said you trust" in out
    assert "issued by Smarketing Workshop local signing CA" in out
    code, out = run("verify", str(path), "--trust", str(tmp_path / "laptop-ca.pem"), capsys=capsys)
    assert code == 0, out
    assert "all 3 signatures valid and trusted" in out


def test_this_installations_own_authority_is_trusted(
    signed: Signed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed.final)
    code, out = run("verify", str(path), capsys=capsys)
    assert code == 0, out


def test_a_flipped_byte_is_named_and_not_also_called_untrusted(
    signed: Signed, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = bytearray(signed.final)
    index = data.index(b"%%EOF") // 2
    data[index] ^= 0x01
    path = tmp_path / "flipped.pdf"
    path.write_bytes(bytes(data))
    monkeypatch.setenv("SMARKETING_WORKSHOP_DATA", str(tmp_path / "another-laptop"))
    code, out = run("verify", str(path), capsys=capsys)
    assert code == 1
    assert "digest mismatch" in out
    assert "not said you trust" not in out


def _append(data: bytes, change: str) -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    if change == "text":
        font = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Font"),
                generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
            }
        )
        stream = writer.add_object(
            generic.StreamObject(stream_data=b"BT /Fx 12 Tf 100 700 Td (Commission: 0%) Tj ET")
        )
        writer.add_stream_to_page(
            1,
            stream,
            resources=generic.DictionaryObject(
                {generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/Fx"): font})}
            ),
        )
    else:
        page_ref = writer.root["/Pages"]["/Kids"][0]
        page = page_ref.get_object()
        note = writer.add_object(
            generic.DictionaryObject(
                {
                    generic.NameObject("/Type"): generic.NameObject("/Annot"),
                    generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
                    generic.NameObject("/Rect"): generic.ArrayObject(
                        [generic.FloatObject(v) for v in (50, 50, 300, 90)]
                    ),
                    generic.NameObject("/Contents"): generic.TextStringObject("Void"),
                }
            )
        )
        annots = page.get("/Annots", generic.ArrayObject())
        annots = generic.ArrayObject([*annots, note])
        page[generic.NameObject("/Annots")] = annots
        writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("change", "named"), [("text", "page text or drawing"), ("annotation", "annotation (FreeText)")]
)
def test_a_change_after_signing_is_named_with_its_revision(
    signed: Signed, tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str, named: str
) -> None:
    path = tmp_path / "changed.pdf"
    path.write_bytes(_append(signed.final, change))
    code, out = run("verify", str(path), capsys=capsys)
    assert code == 1, out
    assert named in out
    assert re.search(r"revision \d+ of \d+ was added after the signature of Claire Dubois", out)


@pytest.mark.parametrize(
    ("kept", "missing"),
    [(1, "Priya Raman and Claire Dubois have not signed"), (2, "Claire Dubois has not signed")],
)
def test_a_record_cut_back_names_who_has_not_signed(
    signed: Signed, tmp_path: Path, capsys: pytest.CaptureFixture[str], kept: int, missing: str
) -> None:
    path = tmp_path / "cut.pdf"
    final = signed.final
    path.write_bytes(final[: len(signed.stages[kept - 1])])
    code, out = run("verify", str(path), capsys=capsys)
    assert code == 4, out
    assert f"{kept} of 3 signed; {missing}" in out
