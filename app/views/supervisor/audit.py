"""稽核紀錄: who opened or changed which record, when, from which device (個人資料保護法), from the central service.

The filters: a client (found by name or ID number in this laptop's store, so the server is asked by the client's id
only), a user, and a range of days. The log lives on the server (GET /api/v1/audit, app.sync.team): the page needs
the network and says so plainly when there is none, instead of showing an empty list as if nobody had looked.
"""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services import clock
from app.services.client_lookup import ClientChoice, client_names, find_clients
from app.services.rocdate import format_roc
from app.sync.errors import NotLoggedIn, OfflineError, RequestRefused
from app.sync.team import AuditAnswer, AuditEntry, audit_entries
from app.views.errors import report_error
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.common import Notice
from app.views.workspace.common_tables import add_row, cell, make_table

ACTIONS: Final = {
    "read": ("讀取", "read"),
    "write": ("修改", "changed"),
    "resolve": ("處理衝突", "resolved a conflict"),
    "login": ("登入", "logged in"),
    "logout": ("登出", "logged out"),
    "revoke": ("停用裝置", "revoked a device"),
}
RECORD_TYPES: Final = {
    "client": ("個案基本資料", "client"),
    "case": ("個案", "case"),
    "service_record": ("服務紀錄", "service record"),
    "contact_attempt": ("聯繫紀錄", "contact attempt"),
    "service_plan": ("服務計畫", "plan"),
    "closure": ("結案", "closure"),
    "review": ("送審", "submission"),
    "attachment": ("附件", "attachment"),
    "audit_log": ("稽核紀錄", "audit log"),
}


def _pair(table: dict[str, tuple[str, str]], key: str) -> str:
    found = table.get(key)
    return translate(*found) if found else key


class AuditView(QWidget):
    """The audit log's filters and the entries the server returned, newest first."""

    searched = Signal(object)  # the AuditAnswer shown

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.answer: AuditAnswer | None = None
        self.names: dict[uuid.UUID, str] = {}
        lang = "en" if current_language() == "en" else "zh-TW"
        self.client_text = QLineEdit()
        self.client_text.setPlaceholderText(
            translate("姓名、身分證號或電話（空白：全部個案）", "Name, ID or phone (blank: all)")
        )
        self.client_text.setAccessibleName(translate("個案", "Client"))
        self.client_text.returnPressed.connect(self.find_client)
        self.client_choice = QComboBox()
        self.client_choice.setAccessibleName(translate("選擇個案", "Choose the client"))
        self.client_choice.setMinimumContentsLength(16)
        self.find_button = QPushButton(translate("尋找個案", "Find client"))
        self.find_button.clicked.connect(self.find_client)
        self.user = QLineEdit()
        self.user.setPlaceholderText(translate("帳號（空白：所有人）", "Username (blank: everyone)"))
        self.user.setAccessibleName(translate("使用者", "User"))
        self.since = RocDateEdit(label=translate("起日", "From"), language=lang)
        self.until = RocDateEdit(label=translate("迄日", "To"), language=lang)
        self.search_button = QPushButton(translate("查詢", "Search"))
        self.search_button.clicked.connect(self.search)
        self.user.returnPressed.connect(self.search)
        self.notice = Notice()
        self.summary = QLabel()
        self.table = make_table(
            [
                translate("時間", "When"),
                translate("使用者", "User"),
                translate("裝置", "Device"),
                translate("動作", "Action"),
                translate("資料", "Record"),
                translate("個案", "Client"),
                translate("來源位址", "Address"),
                translate("說明", "Detail"),
            ],
            translate("稽核紀錄", "Audit log"),
        )
        client_row = QHBoxLayout()
        client_row.addWidget(self.client_text, 2)
        client_row.addWidget(self.find_button)
        client_row.addWidget(self.client_choice, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(QLabel("～"))
        dates.addWidget(self.until)
        dates.addStretch(1)
        dates.addWidget(self.search_button)
        form = QFormLayout()
        form.addRow(translate("個案", "Client"), client_row)
        form.addRow(translate("使用者", "User"), self.user)
        form.addRow(translate("日期", "Days"), dates)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "誰在何時、從哪台裝置讀取或修改了哪筆資料（個人資料保護法）。紀錄保存在同步伺服器上，查詢需要連線。",
                    "Who read or changed which record, when, from which device. The log is kept on the sync server: "
                    "searching it needs the network.",
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._choices([])

    # --- the client filter, from the local store ---

    def _choices(self, found: list[ClientChoice]) -> None:
        self.client_choice.clear()
        self.client_choice.addItem(translate("全部個案", "All clients"), None)
        for choice in found:
            self.client_choice.addItem(f"{choice.name} {choice.id_number}", choice.id)
        if found:
            self.client_choice.setCurrentIndex(1)

    def find_client(self) -> None:
        text = self.client_text.text()

        def found(choices: list[ClientChoice]) -> None:
            self._choices(choices)
            if text.strip() and not choices:
                self.notice.show_error(translate("本機找不到符合的個案。", "No client on this laptop matches."))
            elif len(choices) > 1:
                self.notice.show_info(
                    translate(f"找到 {len(choices)} 位個案，請選擇。", f"{len(choices)} clients match; choose one.")
                )
            else:
                self.notice.clear()

        self.runner.run(lambda session: find_clients(session, text), found, owner=self)

    def client_id(self) -> uuid.UUID | None:
        value = self.client_choice.currentData()
        return value if isinstance(value, uuid.UUID) else None

    # --- the search, on the server ---

    def search(self) -> None:
        since, until = self.since.date(), self.until.date()
        if since is not None and until is not None and until < since:
            self.notice.show_error(translate("迄日不能早於起日。", "The last day is before the first."))
            return
        client_id, user = self.client_id(), self.user.text().strip()
        self.notice.show_info(translate("查詢中…", "Searching…"))
        self.search_button.setEnabled(False)

        self.runner.run_network(
            lambda store: audit_entries(store, client_id=client_id, user=user, since=since, until=until),
            self._answered,
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.search_button.setEnabled(True)
        if isinstance(error, OfflineError):
            self.notice.show_error(
                translate(
                    "無法連線到同步伺服器：稽核紀錄保存在伺服器上，請連上網路後再查詢。",
                    "The sync server cannot be reached: the audit log is kept on the server; search again once online.",
                )
            )
        elif isinstance(error, NotLoggedIn):
            self.notice.show_error(
                translate(
                    "請先登入同步伺服器，才能查詢稽核紀錄。", "Log in to the sync server to search the audit log."
                )
            )
        elif isinstance(error, RequestRefused | AppError):
            self.notice.show_error(error.message(current_language()))
        else:
            self.notice.clear()
            report_error(error, self)

    def _answered(self, answer: AuditAnswer) -> None:
        self.search_button.setEnabled(True)
        self.answer = answer
        ids = [entry.client_id for entry in answer.entries if entry.client_id is not None]

        def named(names: dict[uuid.UUID, str]) -> None:
            self.names = names
            self._fill(answer)

        self.runner.run(lambda session: client_names(session, [i for i in ids if i is not None]), named, owner=self)

    def _fill(self, answer: AuditAnswer) -> None:
        self.table.setRowCount(0)
        for entry in answer.entries:
            add_row(self.table, [cell(text) for text in self.row_texts(entry)])
        more = (
            translate("（僅列出最新的部分，請縮小範圍）", " (the newest only: narrow the search)")
            if answer.more
            else ""
        )
        self.summary.setText(translate(f"共 {len(answer.entries)} 筆{more}", f"{len(answer.entries)} entries{more}"))
        if answer.entries:
            self.notice.clear()
        else:
            self.notice.show_info(translate("沒有符合的紀錄。", "No entry matches."))
        self.searched.emit(answer)

    def row_texts(self, entry: AuditEntry) -> list[str]:
        local = entry.at.astimezone(clock.LOCAL_TZ)
        client = self.names.get(entry.client_id, "") if entry.client_id else ""
        return [
            f"{format_roc(local.date(), 'short')} {local:%H:%M:%S}",
            entry.username,
            entry.device_name or (entry.device_id[:8] if entry.device_id else "—"),
            _pair(ACTIONS, entry.action),
            _pair(RECORD_TYPES, entry.record_type) if entry.record_type else "—",
            client or ("…" + str(entry.client_id)[-6:] if entry.client_id else ""),
            entry.address,
            entry.detail,
        ]
