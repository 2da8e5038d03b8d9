"""Signed SLA PDFs: each signatory's PAdES signature, and verification catching tampering."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from workshop.demo.content import demo_content
from workshop.report.sla_pdf import signed_pdf
from workshop.signoff.signing import LocalAuthority, parse_strokes, strokes_json, synthetic_signature
from workshop.signoff.verification import verify_pdf


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> LocalAuthority:
    return LocalAuthority(tmp_path_factory.mktemp("ca"))


@pytest.fixture(scope="module")
def signed(authority: LocalAuthority) -> bytes:
    return signed_pdf(demo_content(date(2027, 6, 1)), "a4", authority)


def test_each_signatory_signs_in_order_and_all_verify(signed: bytes, authority: LocalAuthority) -> None:
    result = verify_pdf(signed, authority.certificate_path)
    assert result.ok, result
    assert [s.signer for s in result.signatures] == ["Dana Whitfield", "Priya Raman", "Claire Dubois"]
    assert [s.title for s in result.signatures] == ["VP Sales", "Head of Marketing", "Facilitator (witness)"]
    assert all(s.trusted for s in result.signatures)


def test_the_authority_is_made_once_and_kept(authority: LocalAuthority, tmp_path: Path) -> None:
    first = authority.certificate_pem()
    assert LocalAuthority(authority.folder.parent).certificate_pem() == first
    authority.export_certificate(tmp_path / "ca.pem")
    assert (tmp_path / "ca.pem").read_bytes() == first
    assert (authority.folder / "workshop-ca-key.pem").stat().st_mode & 0o077 == 0


def test_another_authority_is_not_trusted(signed: bytes, tmp_path: Path) -> None:
    other = LocalAuthority(tmp_path)
    other.export_certificate(tmp_path / "other.pem")
    result = verify_pdf(signed, tmp_path / "other.pem")
    assert result.code == 3
    assert not any(s.trusted for s in result.signatures)
    assert result.summary() == "valid, but signed by an authority you have not said you trust"


def test_a_flipped_byte_fails(signed: bytes) -> None:
    index = signed.index(b"%%EOF") // 2  # inside the first revision: content every signature covers
    tampered = bytearray(signed)
    tampered[index] ^= 0x01
    result = verify_pdf(bytes(tampered))
    assert not result.ok
    assert all("digest mismatch" in " ".join(s.problems) for s in result.signatures)


def test_an_appended_update_that_changes_a_page_fails(signed: bytes) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    stream = writer.add_object(generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 200 re f"))
    writer.add_stream_to_page(1, stream)
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue())
    assert result.code == 1
    assert "was added after the signature of Claire Dubois" in " ".join(result.problems)


def test_a_removed_signature_fails(signed: bytes) -> None:
    last_revision = signed.rstrip().rfind(b"%%EOF", 0, len(signed.rstrip()) - 5)
    truncated = signed[: last_revision + len(b"%%EOF")] + b"\n"
    result = verify_pdf(truncated)
    assert len(result.signatures) == 2
    assert result.code == 4
    assert result.unsigned == ["Claire Dubois"]


def test_an_unsigned_or_broken_file_fails(tmp_path: Path) -> None:
    from workshop.report.sla_pdf import draft_pdf

    unsigned = verify_pdf(draft_pdf(demo_content(date(2027, 6, 1)), "a4"))
    assert not unsigned.ok
    assert unsigned.problems == ["the document has no digital signatures"]
    broken = verify_pdf(b"not a pdf at all")
    assert not broken.ok
    assert "not a readable PDF" in broken.problems[0]


def test_strokes_survive_storage_and_bad_points_are_dropped() -> None:
    strokes = synthetic_signature("Zoë Łódź")
    assert parse_strokes(strokes_json(strokes))[0][0] == pytest.approx(strokes[0][0], abs=1e-3)
    assert parse_strokes('[[[0.5, 2.0], ["x", 1], [NaN, 0]], "junk"]') == [[(0.5, 1.0)]]
    assert parse_strokes("{broken") == []


def test_a_signatory_can_bring_a_pkcs12_certificate(authority: LocalAuthority, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from workshop.signoff.signing import Person

    corporate = LocalAuthority(tmp_path / "corporate")
    key, cert, ca_cert = corporate.issue(Person("Priya Raman", "Head of Marketing", "Fernhill Software"))
    p12 = tmp_path / "priya.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"priya", key, cert, [ca_cert], BestAvailableEncryption(b"secret")
        )
    )
    content = demo_content(date(2027, 6, 1))
    data = signed_pdf(content, "a4", authority, pkcs12={"marketing": (str(p12), "secret")})
    ours = verify_pdf(data, authority.certificate_path)
    assert [s.trusted for s in ours.signatures] == [True, False, True]  # Priya's is the corporate one
    corporate.export_certificate(tmp_path / "corporate.pem")
    assert verify_pdf(data, tmp_path / "corporate.pem").signatures[1].trusted
    from workshop.signoff.pades import SigningError

    with pytest.raises(SigningError, match=r"certificate file priya\.p12"):
        signed_pdf(content, "a4", authority, pkcs12={"marketing": (str(p12), "wrong")})
