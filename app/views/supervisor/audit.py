"""稽核紀錄: who opened or changed which record, when, from which device (個人資料保護法), from the central service.

The filters: a client (found by name or ID number in this laptop's store, so the server is asked by the client's id
only), a user, and a range of days (the last seven unless changed). The log lives on the server (GET /api/v1/audit,
app.sync.team): the page needs the network and says so plainly when there is none, instead of showing an empty list
as if nobody had looked. The server's terse details ("pull v338", "applied: mobile_phone") are shown in words, the
raw text in the cell's tooltip.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import Qt, Signal
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
from app.services.sync_labels import RECORD_KINDS, field_label
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
    "sync_conflict": ("同步衝突", "sync conflict"),
}
# The server's detail texts (server.services: push, pull, records, conflicts, auth, blobs, audit_query), in words.
_CHANGED: Final = re.compile(r"(applied|merged|conflict): (.+)")
_PULLED: Final = re.compile(r"pull (conflict \S+ )?v\d+")
_TRANSFER: Final = re.compile(r"transfer (\S+) → (\S+)")
_RESOLVED: Final = re.compile(r"conflict \S+ field (\S+)")
_DEVICE: Final = re.compile(r"device ([0-9a-f-]{36})( .*)?")
_UPLOADED: Final = re.compile(r"blob \S+ uploaded \((\d+) bytes\)")
_SEARCHED: Final = re.compile(r"audit( .*)?")


def _pair(table: dict[str, tuple[str, str]], key: str) -> str:
    found = table.get(key)
    return translate(*found) if found else key


def record_type_text(name: str) -> str:
    """The kind of record in words: the audit's own names first, then the sync dialogs' (every synced type)."""
    found = RECORD_TYPES.get(name)
    if found is None and name in RECORD_KINDS:
        zh, en = RECORD_KINDS[name]
        found = (zh, en.lower())
    return translate(*found) if found else name


def _fields(record_type: str, names: str) -> str:
    language = "en" if current_language() == "en" else "zh-TW"
    return translate("、", ", ").join(field_label(record_type, name.strip(), language) for name in names.split(","))


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
        # Wide enough for the date in words below each field on one line (民國115年11月16日（2026-11-16）).
        for edit in (self.since, self.until):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("民國115年11月16日（2026-11-16）") + 16)
        self.search_button = QPushButton(translate("查詢", "Search"))
        self.search_button.clicked.connect(self.search)
        self.user.returnPressed.connect(self.search)
        self.notice = Notice()
        self.summary = QLabel(
            translate(
                "選好條件後按「查詢」；空白的條件表示不限，預設為最近 7 天。",
                "Choose what to look for and press Search; a blank filter means any. The last 7 days by default.",
            )
        )
        self.summary.setWordWrap(True)
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
        top = Qt.AlignmentFlag.AlignTop
        dates.addWidget(self.since, 0, top)
        to = QLabel("～")
        to.setMinimumHeight(self.since.lineEdit().sizeHint().height())  # level with the fields' text, not their hints
        dates.addWidget(to, 0, top)
        dates.addWidget(self.until, 0, top)
        dates.addWidget(self.search_button, 0, top)
        dates.addStretch(1)
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
        today = clock.today()
        self.since.setDate(today - timedelta(days=6))
        self.until.setDate(today)

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
        ids += [found for entry in answer.entries if (found := _searched_client(entry)) is not None]

        def named(names: dict[uuid.UUID, str]) -> None:
            self.names = names
            self._fill(answer)

        self.runner.run(lambda session: client_names(session, [i for i in ids if i is not None]), named, owner=self)

    def _fill(self, answer: AuditAnswer) -> None:
        self.table.setRowCount(0)
        for entry in answer.entries:
            cells = [cell(text) for text in self.row_texts(entry)]
            if entry.device_id:  # the device's id, to tell apart two devices of the same name
                cells[2].setToolTip(f"{cells[2].text()}\n{entry.device_id}")
            if entry.detail:  # the server's own words, as the log keeps them
                cells[7].setToolTip(entry.detail)
            add_row(self.table, cells)
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
            record_type_text(entry.record_type) if entry.record_type else "—",
            client or ("…" + str(entry.client_id)[-6:] if entry.client_id else ""),
            entry.address,
            self.detail_text(entry),
        ]

    def detail_text(self, entry: AuditEntry) -> str:
        """The server's detail in words (its own text, when it is none of those the server writes today)."""
        detail = entry.detail
        if detail == "insert":
            return translate("新增", "created")
        if detail == "failed":
            return translate("帳號或密碼錯誤", "wrong username or password")
        if match := _CHANGED.fullmatch(detail):
            fields = _fields(entry.record_type, match[2]) if match[2] != "-" else ""
            if match[1] == "conflict":
                return translate(f"同步衝突：{fields}", f"sync conflict: {fields}")
            return translate(f"欄位：{fields}", f"fields: {fields}")
        if match := _PULLED.fullmatch(detail):
            return (
                translate("同步下載（含衝突）", "synced down (with a conflict)")
                if match[1]
                else translate("同步下載", "synced down")
            )
        if match := _TRANSFER.fullmatch(detail):
            return translate(f"移案：{match[1]} → {match[2]}", f"handed over: {match[1]} → {match[2]}")
        if match := _RESOLVED.fullmatch(detail):
            field = _fields(entry.record_type, match[1])
            return translate(f"欄位：{field}", f"field: {field}")
        if match := _UPLOADED.fullmatch(detail):
            return translate(f"上傳附件檔（{match[1]} 位元組）", f"file uploaded ({match[1]} bytes)")
        if match := _DEVICE.fullmatch(detail):
            if entry.action == "revoke":  # by an administrator: the device is only named here
                return translate(f"裝置 {match[1][:8]}", f"device {match[1][:8]}")
            return ""  # a login or logout: the device column names the device
        if match := _SEARCHED.fullmatch(detail):
            return self._search_text(match[1] or "")
        return detail

    def _search_text(self, filters: str) -> str:
        """A search of the audit log ("audit client=… user=… since=… until=…") in words."""
        words = dict(part.split("=", 1) for part in filters.split() if "=" in part)
        shown: list[str] = []
        if client := words.get("client"):
            try:
                name = self.names.get(uuid.UUID(client), "")
            except ValueError:
                name = ""
            shown.append(translate(f"個案 {name or '…' + client[-6:]}", f"client {name or '…' + client[-6:]}"))
        if user := words.get("user"):
            shown.append(translate(f"使用者 {user}", f"user {user}"))
        if "since" in words or "until" in words:
            shown.append(f"{_day(words.get('since'))}～{_day(words.get('until'))}")
        if not shown:
            return translate("查詢稽核紀錄", "searched the audit log")
        zh, en = "、".join(shown), ", ".join(shown)
        return translate(f"查詢稽核紀錄：{zh}", f"searched the audit log: {en}")


def _searched_client(entry: AuditEntry) -> uuid.UUID | None:
    """The client a search of the audit log asked about, to name them."""
    match = re.search(r"\bclient=(\S+)", entry.detail) if entry.record_type == "audit_log" else None
    try:
        return uuid.UUID(match[1]) if match else None
    except ValueError:
        return None


def _day(text: str | None) -> str:
    if not text:
        return ""
    try:
        return format_roc(date.fromisoformat(text), "short")
    except ValueError:
        return text
