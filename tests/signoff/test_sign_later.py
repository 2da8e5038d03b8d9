"""Signing later, elsewhere: ``smarketing-workshop sign FILE.smw --signer NAME`` adds the next
signature to the record kept in the file, in order, with the signer's own certificate if they
bring one."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from workshop.cli import main
from workshop.document import WorkshopDocument
from workshop.edits import Update
from workshop.model import SlaClause
from workshop.report.record import current_record, record_bytes
from workshop.signoff.signing import LocalAuthority, Person
from workshop.signoff.verification import verify_pdf
from workshop.sla import agreement as sla


@pytest.fixture
def unsigned(demo_file: Path) -> Path:
    document = WorkshopDocument.open(demo_file)
    clause = document.typed(SlaClause)[0]
    document.apply("Edit", [Update(SlaClause.TABLE, clause.id, (("heading", clause.heading + " v2"),))])
    document.close()
    return demo_file


def signature_png(path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.line([(40, 150), (120, 40), (200, 160), (300, 50), (420, 140), (560, 60)], fill="navy", width=6)
    image.save(path)
    return path


def corporate_p12(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    corporate = LocalAuthority(tmp_path / "corporate")
    key, cert, ca_cert = corporate.issue(Person("Priya Raman", "Head of Marketing", "Fernhill Software"))
    p12 = tmp_path / "priya.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"priya", key, cert, [ca_cert], BestAvailableEncryption(b"s3cret")
        )
    )
    corporate.export_certificate(tmp_path / "corporate.pem")
    return p12, tmp_path / "corporate.pem"


def record_of(path: Path) -> bytes:
    document = WorkshopDocument.open(path, read_only=True)
    try:
        record = current_record(document.content())
        return b"" if record is None else record_bytes(record)
    finally:
        document.close()


def test_each_signatory_signs_later_in_order(
    unsigned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["sign", str(unsigned), "--signer", "Priya Raman", "--typed", "--agree"]) == 1
    assert "Dana Whitfield signs next" in capsys.readouterr().err
    assert main(["sign", str(unsigned), "--signer", "Nobody Else", "--typed", "--agree"]) == 1
    assert "Nobody Else is not a signatory" in capsys.readouterr().err
    assert main(["sign", str(unsigned), "--signer", "dana  WHITFIELD", "--typed", "--agree"]) == 0
    out = capsys.readouterr().out
    assert "binds them" in out and "Still to sign: Priya Raman, Claire Dubois" in out
    assert len(verify_pdf(record_of(unsigned)).signatures) == 1
    p12, corporate = corporate_p12(tmp_path)
    monkeypatch.setenv("SMARKETING_WORKSHOP_P12_PASSWORD", "s3cret")
    drawn = signature_png(tmp_path / "priya.png")
    assert (
        main(
            [
                "sign",
                str(unsigned),
                "--signer",
                "Priya Raman",
                "--p12",
                str(p12),
                "--drawn",
                str(drawn),
                "--agree",
            ]
        )
        == 0
    )
    assert main(["sign", str(unsigned), "--signer", "Claire Dubois", "--typed", "--agree"]) == 0
    assert "Everyone has signed." in capsys.readouterr().out
    data = record_of(unsigned)
    own = LocalAuthority().certificate_path
    result = verify_pdf(data, [own])
    assert result.code == 3  # Priya's certificate comes from her company's authority
    assert [c.signer for c in result.signatures] == ["Dana Whitfield", "Priya Raman", "Claire Dubois"]
    assert verify_pdf(data, [own, corporate]).code == 0
    document = WorkshopDocument.open(unsigned, read_only=True)
    assert sla.fully_signed(document.content())
    document.close()


def test_signing_needs_consent_and_a_readable_signature(
    unsigned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["sign", str(unsigned), "--signer", "Dana Whitfield", "--typed"]) == 1
    assert "add --agree to consent" in capsys.readouterr().err
    (tmp_path / "not.png").write_bytes(base64.b64decode("aGVsbG8="))
    assert (
        main(
            [
                "sign",
                str(unsigned),
                "--signer",
                "Dana Whitfield",
                "--drawn",
                str(tmp_path / "not.png"),
                "--agree",
            ]
        )
        == 1
    )
    assert "is not an image" in capsys.readouterr().err
    assert record_of(unsigned) == b""  # nothing was signed
