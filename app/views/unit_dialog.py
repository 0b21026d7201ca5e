"""Adding or editing a 服務單位: name, county, services, capacity and caseload (尚可容納 shown as typed), contacts
and notes. Nothing is saved while a field is invalid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ProblemsError
from app.services import codes
from app.services.directory import UnitInput, UnitRow, save_unit, validate_email
from app.views.errors import current_language, report_error
from app.views.forms import ERROR_STYLE, TextField, county_combo, tr, with_message
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, FormValidator, PhoneEdit, ValidatedLineEdit


class EmailEdit(ValidatedLineEdit[str]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            label=tr("電子郵件", "E-mail"),
            field_name="email",
            placeholder="service@example.org",
            language=current_language(),
        )

    def parse(self, text: str) -> str:
        return validate_email(text, self.fieldName())

    def looksUnfinished(self, text: str) -> bool:
        return "@" not in text or text.strip().endswith(("@", "."))


class UnitDialog(QDialog):
    """Add a service unit, or edit `unit`. Saves nothing while a field is invalid; `saved` carries the stored row."""

    saved = Signal(object)  # UnitRow

    def __init__(self, runner: StoreRunner, unit: UnitRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.unit = unit
        self.setWindowTitle(tr("編輯服務單位", "Edit service unit") if unit else tr("新增服務單位", "Add service unit"))
        self.validator = FormValidator()
        self.name = TextField(label=tr("單位名稱", "Name"), required=True, field_name="name", max_length=100)
        self.county = county_combo(tr("縣市", "County"), unit.county if unit else "")
        self.county_message = FieldMessage()
        self.county.currentIndexChanged.connect(lambda *_: self.county_message.clear())
        self.services = QListWidget()
        self.services.setAccessibleName(tr("服務項目", "Services"))
        for kind in codes.code_lists().service_kinds:
            item = QListWidgetItem(kind.label(current_language()))
            item.setData(Qt.ItemDataRole.UserRole, kind.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = unit is not None and kind.code in unit.service_kinds
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.services.setMinimumHeight(150)
        self.services_message = FieldMessage()
        self.services.itemChanged.connect(lambda *_: self.services_message.clear())
        self.address = QLineEdit()
        self.address.setAccessibleName(tr("地址", "Address"))
        self.address.setMaxLength(200)
        self.contact = QLineEdit()
        self.contact.setAccessibleName(tr("聯絡人", "Contact person"))
        self.contact.setMaxLength(64)
        self.phone = PhoneEdit(label=tr("電話", "Phone"), language=current_language())
        self.email = EmailEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setAccessibleName(tr("可服務量", "Capacity"))
        self.caseload = QSpinBox()
        self.caseload.setRange(0, 100_000)
        self.caseload.setAccessibleName(tr("目前個案數", "Current caseload"))
        self.remaining = QLabel()
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("備註", "Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        for field in (self.name, self.phone, self.email):
            self.validator.register(field)
        if unit is not None:
            self.name.setText(unit.name)
            self.address.setText(unit.address)
            self.contact.setText(unit.contact_person)
            self.phone.setText(unit.phone)
            self.email.setText(unit.email)
            self.capacity.setValue(unit.capacity)
            self.caseload.setValue(unit.current_caseload)
            self.notes.setPlainText(unit.notes)
        self.capacity.valueChanged.connect(lambda *_: self._update_remaining())
        self.caseload.valueChanged.connect(lambda *_: self._update_remaining())
        self._update_remaining()

        numbers = QHBoxLayout()
        numbers.addWidget(QLabel(tr("可服務量", "Capacity")))
        numbers.addWidget(self.capacity)
        numbers.addSpacing(12)
        numbers.addWidget(QLabel(tr("目前個案數", "Caseload")))
        numbers.addWidget(self.caseload)
        numbers.addSpacing(12)
        numbers.addWidget(self.remaining)
        numbers.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("單位名稱 *", "Name *"), self.name)
        form.addRow(tr("縣市 *", "County *"), with_message(self.county, self.county_message))
        form.addRow(tr("服務項目 *", "Services *"), with_message(self.services, self.services_message))
        form.addRow(tr("服務量", "Capacity"), numbers)
        form.addRow(tr("聯絡人", "Contact person"), self.contact)
        form.addRow(tr("電話", "Phone"), self.phone)
        form.addRow(tr("電子郵件", "E-mail"), self.email)
        form.addRow(tr("地址", "Address"), self.address)
        form.addRow(tr("備註", "Notes"), self.notes)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.save_button = QPushButton(tr("儲存", "Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(tr("取消", "Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(560, 640)

    def _update_remaining(self) -> None:
        remaining = max(self.capacity.value() - self.caseload.value(), 0)
        if remaining == 0:
            self.remaining.setText(
                f"<span style='color:#b3261e'><b>{tr('尚可容納 0（已額滿）', 'Remaining 0 (full)')}</b>"
            )
        else:
            self.remaining.setText(tr(f"尚可容納 <b>{remaining}</b>", f"Remaining <b>{remaining}</b>"))

    def checked_services(self) -> tuple[str, ...]:
        return tuple(
            str(self.services.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        )

    def save(self) -> None:
        valid = self.validator.validate()
        if not self.county.currentData():
            self.county_message.showError(tr("請選擇縣市。", "Please choose the county."))
            valid = False
        kinds = self.checked_services()
        if not kinds:
            self.services_message.showError(tr("請至少勾選一項服務。", "Tick at least one service."))
            valid = False
        if not valid:
            return
        data = UnitInput(
            name=self.name.value() or "",
            service_kinds=kinds,
            county=str(self.county.currentData()),
            address=self.address.text(),
            phone=self.phone.value() or "",
            contact_person=self.contact.text(),
            email=self.email.value() or "",
            capacity=self.capacity.value(),
            current_caseload=self.caseload.value(),
            notes=self.notes.toPlainText(),
        )
        unit_id = self.unit.unit_id if self.unit else None
        self.save_button.setEnabled(False)
        self.runner.run(lambda session: save_unit(session, data, unit_id), self._saved, self._failed, owner=self)

    def _saved(self, unit: UnitRow) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(unit)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ProblemsError):
            self.problem.setText("\n".join(p.describe(current_language()) for p in error.problems))
        elif isinstance(error, AppError):
            self.problem.setText(error.message(current_language()))
        else:
            report_error(error, self)
