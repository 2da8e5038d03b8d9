"""Sign-off (Ctrl+8): the frozen SLA, each signatory signing in turn, and the signed record."""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.common.page_context import PageContext
from ui.signoff.signature_pad import SignaturePad
from ui.sla.preview import sla_html
from workshop.clock import local_now
from workshop.edits import Change
from workshop.model import SlaRecord, SlaSignature, WorkshopContent
from workshop.report.paper import default_paper
from workshop.report.record import current_record, record_signers
from workshop.report.signed_record import record_signed_pdf, sign_and_record
from workshop.signoff.pades import SigningError
from workshop.signoff.record import SignOffError
from workshop.signoff.signing import LocalAuthority, has_ink
from workshop.sla import agreement as sla

ROLE_WORDS = {"sales": "for {team}", "marketing": "for {team}", "witness": "as witness"}


class SignoffPage(QWidget):
    """Who has signed this version, the pad for the next signatory, and the signed records."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document = context.document
        self.authority = LocalAuthority()

        self.version = QLabel()
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.version.setAccessibleName("SLA version being signed")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Sign-off status")
        self.people = QListWidget()
        self.people.setAccessibleName("Signatories")
        self.people.setMaximumHeight(90)

        self.signer_box = QGroupBox()
        self.name = QLineEdit()
        self.name.setAccessibleName("Signatory name")
        self.title = QLineEdit()
        self.title.setAccessibleName("Signatory title")
        self.consent = QCheckBox()
        self.consent.setAccessibleName("Consent to sign electronically")
        self.consent.toggled.connect(self._consent_toggled)
        self.reviewed_at: datetime | None = None
        self.consented_at: datetime | None = None
        self.pad = SignaturePad()
        self.pad.changed.connect(self._pad_changed)
        clear = QPushButton("&Clear")
        clear.setAccessibleName("Clear the signature pad")
        clear.clicked.connect(self.pad.clear)
        self.own_certificate = QPushButton("Use a certificate file (.p12)…")
        self.own_certificate.setToolTip(
            "Sign with a PKCS#12 certificate the signatory brings (corporate PKI)"
        )
        self.own_certificate.clicked.connect(self._choose_certificate)
        self.pkcs12: dict[str, tuple[str, str | None]] = {}
        self.sign_button = QPushButton("&Sign")
        self.sign_button.setAccessibleName("Sign the SLA")
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        form = QFormLayout(self.signer_box)
        form.addRow("&Name", self.name)
        form.addRow("&Title", self.title)
        form.addRow(self.consent)
        form.addRow(self.pad)
        row = QHBoxLayout()
        row.addWidget(self.own_certificate)
        row.addStretch(1)
        row.addWidget(clear)
        row.addWidget(self.sign_button)
        form.addRow(row)

        self.records = QListWidget()
        self.records.setAccessibleName("Signed records")
        self.records.setMaximumHeight(100)
        save = QPushButton("Save signed PDF…")
        save.clicked.connect(self.save_record)
        self.save_button = save
        export_ca = QPushButton("Export CA certificate…")
        export_ca.setToolTip("Recipients import it in their PDF reader to see the signatures as trusted")
        export_ca.clicked.connect(self.export_ca)
        self.make_record = QPushButton("Apply the signatures")
        self.make_record.setToolTip(
            "The signatures were drawn without a signed record: apply each one's digital signature, "
            "at the moment it was drawn, and keep the PDF"
        )
        self.make_record.clicked.connect(self._record)
        record_buttons = QHBoxLayout()
        record_buttons.addWidget(self.make_record)
        record_buttons.addWidget(save)
        record_buttons.addWidget(export_ca)
        record_buttons.addStretch(1)
        records_box = QGroupBox("Signed records (kept in the workshop file)")
        records_layout = QVBoxLayout(records_box)
        records_layout.addWidget(self.records)
        records_layout.addLayout(record_buttons)

        self.review = QTextBrowser()
        self.review.setAccessibleName("The SLA to review before signing")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.status)
        self.open_points = QLabel()
        self.open_points.setWordWrap(True)
        self.open_points.setAccessibleName("Open points before signing")
        side_layout.addWidget(self.open_points)
        side_layout.addWidget(self.people)
        side_layout.addWidget(self.signer_box)
        side_layout.addWidget(records_box)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.review)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(splitter, 1)
        context.signals.changed.connect(self._changed)
        self.refresh()

    def _changed(self, change: Change) -> None:
        self.refresh()

    def refresh(self) -> None:
        content = self.document.content()
        sha = sla.fingerprint(content)
        self.version.setText(
            f"<b>SLA version</b> {sla.short_fingerprint(sha)} … <small>(SHA-256 {sha})</small>"
        )
        self.review.setHtml(sla_html(content))
        signed = {s.role: s for s in sla.current_signatures(content)}
        voided = sla.voided_signatures(content)
        self.people.clear()
        for person in sla.signatories(content):
            role = ROLE_WORDS[person.role].format(team=person.team_name)
            mark = (
                f"✓ signed {signed[person.role].signed_at[:16].replace('T', ' ')}"
                if person.role in signed
                else "not signed yet"
            )
            self.people.addItem(f"{person.name} ({role}): {mark}")
        missing = [w.text for w in sla.warnings(content) if "signatory" in w.text or "facilitator" in w.text]
        nxt = sla.next_to_sign(content)
        record = current_record(content)
        if missing:
            text = "⚠ " + escape(" ".join(missing))
        elif nxt is None:
            kept = record is not None and record_signers(record) == len(signed)
            text = "✓ Signed by every signatory. " + (
                "The signed PDF is kept below."
                if kept
                else "Press “Apply the signatures” to apply their digital signatures and keep the record."
            )
        else:
            text = f"Next to sign: <b>{escape(nxt.name)}</b>. Read the SLA on the left, then sign below."
            if signed:
                text = f"Signed by {len(signed)} of {len(sla.signatories(content))}. " + text
        if voided and not signed:
            last = _count(len(_last_signed_version(voided)))
            text = (
                f"⚠ The SLA was edited after {last}: they are void and this version "
                "must be signed again. The signed record of the earlier version is kept. " + text
            )
        self.status.setText(text)
        self._show_open_points(content, nxt is not None and not missing)
        self.signer_box.setVisible(nxt is not None and not missing)
        if nxt is not None:
            role = ROLE_WORDS[nxt.role].format(team=nxt.team_name)
            if self.signer_box.title() != f"{nxt.name} signs {role}":
                self.signer_box.setTitle(f"{nxt.name} signs {role}")
                self.name.setText(nxt.name)
                self.title.setText(nxt.title)
                self.pad.clear()
                self.reviewed_at = local_now()
                self.consent.setChecked(False)
            self.consent.setText(
                f"{nxt.name} agrees to sign this agreement electronically; the drawn signature and a "
                f"digital signature bind them to the document with SHA-256 fingerprint\n{sha}"
            )
        self._pad_changed()
        self.make_record.setVisible(
            sla.fully_signed(content) and (record is None or record_signers(record) < len(signed))
        )
        self.make_record.setEnabled(not self.document.read_only)
        self.own_certificate.setEnabled(not self.document.read_only)
        self.save_button.setEnabled(
            bool(self.document.typed(SlaRecord))
        )  # nothing to save before one is made
        self.records.clear()
        for kept_record in reversed(self.document.typed(SlaRecord)):
            current = " (current version)" if kept_record.sla_sha256 == sha else " (earlier version)"
            self.records.addItem(
                f"{kept_record.signed_at[:16].replace('T', ' ')}: {kept_record.signers}{current}"
            )
        if self.records.count():
            self.records.setCurrentRow(0)

    def _show_open_points(self, content: WorkshopContent, signing: bool) -> None:
        points = open_points(content)
        self.open_points.setVisible(signing and bool(points))
        items = "".join(f"<li>{escape(p)}</li>" for p in points)
        self.open_points.setText(
            f"<b>⚠ {len(points)} open point{'s' if len(points) != 1 else ''} before signing</b>"
            f"<ul style='margin:0'>{items}</ul>Signing over them asks you to confirm."
        )

    def _consent_toggled(self, checked: bool) -> None:
        self.consented_at = local_now() if checked else None
        self._pad_changed()

    def _pad_changed(self) -> None:
        self.pad.setEnabled(self.consent.isChecked() and not self.document.read_only)
        self.sign_button.setEnabled(
            has_ink(self.pad.strokes) and self.consent.isChecked() and not self.document.read_only
        )

    def sign(self) -> None:
        moment = local_now()  # the signer's moment: when they pressed Sign
        content = self.document.content()
        nxt = sla.next_to_sign(content)
        if nxt is None:
            return
        if not self.consent.isChecked() or self.consented_at is None:
            self.context.show_error("Cannot sign", "Tick the consent to sign electronically first.")
            return
        points = open_points(content)
        if points and not self._sign_over(points):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sign_and_record(
                self.document,
                nxt.role,
                name=self.name.text(),
                title=self.title.text(),
                strokes=self.pad.strokes,
                signed_at=moment,
                reviewed_at=self.reviewed_at or moment,
                consented_at=self.consented_at,
                authority=self.authority,
                paper=default_paper(),
                certificate=self.pkcs12.get(nxt.role),
            )
        except (SignOffError, SigningError, OSError, ValueError) as error:
            self.context.show_error("Cannot sign", str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.own_certificate.setText("Use a certificate file (.p12)…")
        done = sla.next_to_sign(self.document.content()) is None
        self.context.report(
            f"{nxt.name}'s digital signature is applied to the record."
            + (" The SLA is signed by everyone." if done else "")
        )

    def _sign_over(self, points: list[str]) -> bool:
        listing = "\n".join(f"• {p}" for p in points)
        answer = self.context.dialogs.ask_choice(
            self,
            "Sign with open points?",
            f"The SLA still has {len(points)} open point{'s' if len(points) != 1 else ''}:\n{listing}\n\n"
            "Sign it as it stands?",
            [("sign", "Sign as it stands"), ("back", "Go back")],
        )
        return answer == "sign"

    def _record(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            record_signed_pdf(self.document, self.authority, default_paper(), pkcs12=self.pkcs12)
        except (SignOffError, SigningError, OSError, ValueError) as error:
            self.context.show_error("Cannot make the signed PDF", str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.context.report("The SLA is signed by everyone; the signed PDF is kept in the workshop.")

    def _choose_certificate(self) -> None:
        nxt = sla.next_to_sign(self.document.content())
        if nxt is None:
            return
        path = self.context.ask_open_path(
            f"Certificate of {nxt.name}", str(Path.home()), "PKCS#12 certificates (*.p12 *.pfx)"
        )
        if path is None:
            return
        password, ok = QInputDialog.getText(
            self, "Certificate password", f"Password of {path.name}:", QLineEdit.EchoMode.Password
        )
        if ok:
            self.pkcs12[nxt.role] = (str(path), password or None)
            self.own_certificate.setText(f"Certificate: {path.name}")

    def save_record(self) -> None:
        records = list(reversed(self.document.typed(SlaRecord)))
        row = self.records.currentRow()
        if not 0 <= row < len(records):
            self.context.show_error("No signed record", "The SLA has not been signed by everyone yet.")
            return
        path = self.context.ask_save_path("Save signed SLA", "SLA-signed.pdf", "PDF files (*.pdf)")
        if path is None:
            return
        try:
            path.write_bytes(base64.b64decode(records[row].pdf))
        except (OSError, ValueError) as error:
            self.context.show_error("Cannot save", f"Cannot write {path.name}: {error}")
            return
        self.context.report(f"Saved the signed SLA to {path}")

    def export_ca(self) -> None:
        path = self.context.ask_save_path(
            "Export CA certificate", "smarketing-workshop-ca.pem", "PEM (*.pem)"
        )
        if path is None:
            return
        try:
            self.authority.export_certificate(path)
        except OSError as error:
            self.context.show_error("Cannot export", f"Cannot write {path.name}: {error.strerror or error}")
            return
        self.context.report(f"Exported the certificate authority to {path}")


def _count(signatures: int) -> str:
    return f"{signatures} signature{'s' if signatures != 1 else ''}"


def open_points(content: WorkshopContent) -> list[str]:
    """Everything the SLA page warns about: what signing now would sign over."""
    return [w.text for w in sla.warnings(content)]


def _last_signed_version(voided: list[SlaSignature]) -> list[SlaSignature]:
    """The signatures of the version signed last before the edit (not of every earlier one)."""
    if not voided:
        return []
    latest = max(voided, key=lambda s: (s.signed_at, s.id)).sla_sha256
    return [s for s in voided if s.sla_sha256 == latest]
