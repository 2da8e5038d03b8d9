"""Drawn signatures and the local certificate authority that issues each signer's certificate.

A drawn signature is a list of strokes, each a list of ``(x, y)`` points in 0..1 of the
signature pad (y down), stored as JSON. The local certificate authority is created once
per installation in the user's data folder (or the folder given, for tests) and issues, at
signing time, a certificate naming the person, their title and the company. Its
certificate can be exported so a recipient's PDF reader trusts the signatures.

``cryptography`` is imported inside functions: nothing here slows the app's start.
"""

from __future__ import annotations

import json
import math
import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from workshop.folders import user_data_folder

Stroke = list[tuple[float, float]]


# -- drawn strokes --------------------------------------------------------------------------


def parse_strokes(text: str) -> list[Stroke]:
    """Strokes from their JSON; points outside 0..1 are clamped, anything malformed is dropped."""
    try:
        data: Any = json.loads(text or "[]")
    except ValueError:
        return []
    strokes: list[Stroke] = []
    for stroke in data if isinstance(data, list) else []:
        points: Stroke = []
        for point in stroke if isinstance(stroke, list) else []:
            if isinstance(point, list | tuple) and len(point) == 2:
                try:
                    x, y = float(point[0]), float(point[1])
                except (TypeError, ValueError):
                    continue
                if math.isfinite(x) and math.isfinite(y):
                    points.append((min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)))
        if points:
            strokes.append(points)
    return strokes


def strokes_json(strokes: list[Stroke]) -> str:
    """Strokes as compact JSON, three decimals per coordinate."""
    return json.dumps([[[round(x, 3), round(y, 3)] for x, y in s] for s in strokes], separators=(",", ":"))


def has_ink(strokes: list[Stroke]) -> bool:
    """True when the strokes draw something visible (not just a dot or two)."""
    return sum(len(s) for s in strokes) >= 6


def synthetic_signature(name: str, seed: int = 0) -> list[Stroke]:
    """A handwriting-like scribble for ``name`` (the demo's signatories): one stroke per word."""
    rng = random.Random(f"{name}:{seed}")
    words = [w for w in name.split() if w] or ["x"]
    letters = sum(len(w) for w in words) + len(words)
    step = 0.86 / max(letters, 1)
    x = 0.06
    strokes: list[Stroke] = []
    for word in words:
        points: Stroke = [(x, 0.7)]
        for index, ch in enumerate(word):
            tall = ch.isupper() or ch in "bdfhklt"
            height = (0.55 if index == 0 and tall else 0.42 if tall else 0.24) * rng.uniform(0.85, 1.1)
            width = step * rng.uniform(0.8, 1.2)
            base = 0.7 + rng.uniform(-0.015, 0.015)
            for t in range(1, 17):
                angle = t / 16 * 2 * math.pi
                rise = height * (0.5 - 0.5 * math.cos(angle))
                px = x + width * (t / 16) - width * 0.28 * math.sin(angle) + rise * 0.3  # forward slant
                points.append((px, base - rise))
            x += width
        strokes.append(points)
        x += step
    flourish_y = 0.86 + rng.uniform(-0.03, 0.03)
    strokes.append([(0.08 + t * 0.1, flourish_y - 0.04 * math.sin(t * 0.7)) for t in range(9)])
    return [[(min(max(px, 0.0), 1.0), min(max(py, 0.0), 1.0)) for px, py in s] for s in strokes]


# -- the local certificate authority --------------------------------------------------------


def default_data_folder() -> Path:
    """Where the app keeps its certificate authority: the user's data folder (beside the demo)."""
    return user_data_folder()


@dataclass(frozen=True)
class Person:
    """Who a certificate names."""

    name: str
    title: str
    company: str


class LocalAuthority:
    """A small certificate authority kept in ``folder/signing``; created on first use."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = (folder or default_data_folder()) / "signing"

    @property
    def certificate_path(self) -> Path:
        return self.folder / "workshop-ca.pem"

    @property
    def _key_path(self) -> Path:
        return self.folder / "workshop-ca-key.pem"

    def exists(self) -> bool:
        return self.certificate_path.is_file() and self._key_path.is_file()

    def _load(self) -> tuple[Any, Any]:
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization

        if not self.exists():
            self._create()
        key = serialization.load_pem_private_key(self._key_path.read_bytes(), password=None)
        cert = x509.load_pem_x509_certificate(self.certificate_path.read_bytes())
        return key, cert

    def _create(self) -> None:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, "Smarketing Workshop local signing CA"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Smarketing Workshop"),
                x509.NameAttribute(NameOID.SERIAL_NUMBER, os.urandom(8).hex()),
            ]
        )
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=400))  # signatures dated in the recent past
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(ca=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256())
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        key_bytes = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        fd = os.open(self._key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        if hasattr(os, "fchmod"):  # an existing key file keeps its mode through O_CREAT: make it private
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key_bytes)
        self.certificate_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))

    def certificate_pem(self) -> bytes:
        """The CA certificate (PEM), created if needed: what a recipient imports to trust."""
        from cryptography.hazmat.primitives import serialization

        return self._load()[1].public_bytes(serialization.Encoding.PEM)  # type: ignore[no-any-return]

    def export_certificate(self, path: Path) -> None:
        path.write_bytes(self.certificate_pem())

    def issue(self, person: Person, at: datetime | None = None) -> tuple[Any, Any, Any]:
        """A new key and certificate naming ``person``, valid from before ``at`` (the signing moment).

        Returns (key, certificate, CA certificate).
        """
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

        ca_key, ca_cert = self._load()
        key = ec.generate_private_key(ec.SECP256R1())
        attributes = [x509.NameAttribute(NameOID.COMMON_NAME, _limit(person.name or "Unnamed signatory"))]
        if person.title.strip():
            attributes.append(x509.NameAttribute(NameOID.TITLE, _limit(person.title)))
        if person.company.strip():
            attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, _limit(person.company)))
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attributes))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(min(now, at or now) - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(ca=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False
            )
            .sign(ca_key, hashes.SHA256())
        )
        return key, cert, ca_cert


def _limit(text: str) -> str:
    """X.509 name attributes hold at most 64 characters."""
    text = " ".join(text.split())
    return text if len(text) <= 64 else text[:63] + "…"


def _key_usage(*, ca: bool) -> Any:
    from cryptography import x509

    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def strokes_from_image(path: Path, columns: int = 240) -> list[Stroke]:
    """Strokes tracing the ink of a signature image (dark on light): one per run of ink in a row.

    The image is scaled to ``columns`` wide and kept in the pad's 3:1 shape; raises ValueError
    when the file is not an image or holds no ink.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            grey = image.convert("LA")
    except (OSError, UnidentifiedImageError) as error:
        raise ValueError(f"{path.name} is not an image this app can read ({error})") from None
    background = Image.new("LA", grey.size, (255, 255))
    background.alpha_composite(grey)
    rows = max(1, columns // 3)
    small = background.convert("L").resize((columns, rows))
    pixels = small.load()
    assert pixels is not None
    strokes: list[Stroke] = []
    for y in range(rows):
        start = None
        for x in range(columns + 1):
            ink = x < columns and int(pixels[x, y]) < 128  # type: ignore[arg-type]
            if ink and start is None:
                start = x
            elif not ink and start is not None:
                strokes.append([(start / columns, (y + 0.5) / rows), ((x - 0.5) / columns, (y + 0.5) / rows)])
                start = None
    if sum(len(s) for s in strokes) < 6:
        raise ValueError(f"{path.name} holds no signature: draw it dark on a light background")
    return strokes
