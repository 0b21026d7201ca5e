"""Why an op was refused: a short stable code (≤ 32 characters) and a message in zh-TW and English.

A refused op changes nothing; the client keeps its values as a rejected edit the user sees (docs/sync-protocol.md,
"Push"), so each message says what happened in words a case manager can act on.
"""

from __future__ import annotations

from app.errors import AppError


class Rejected(AppError):
    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh, message_en)
        self.code = code


def unknown_type(record_type: str) -> Rejected:
    return Rejected(
        "unknown_type",
        f"伺服器不認得資料類型「{record_type}」。",
        f"The server does not know record type {record_type!r}.",
    )


def unknown_fields(record_type: str, fields: list[str]) -> Rejected:
    shown = ", ".join(sorted(fields))
    return Rejected(
        "unknown_field",
        f"{record_type} 沒有這些欄位：{shown}。",
        f"{record_type} has no field(s): {shown}.",
    )


def invalid(message_zh: str, message_en: str) -> Rejected:
    return Rejected("invalid", message_zh, message_en)


def incomplete(record_type: str, fields: list[str]) -> Rejected:
    shown = ", ".join(sorted(fields))
    return Rejected(
        "incomplete",
        f"伺服器沒有這筆{record_type}資料，而這次上傳缺少必要欄位：{shown}。",
        f"The server has no such {record_type} record, and the upload lacks required field(s): {shown}.",
    )


def out_of_scope() -> Rejected:
    return Rejected(
        "scope",
        "這筆資料不在您負責的範圍內，伺服器未接受這項修改。",
        "This record is outside your caseload; the server did not accept the change.",
    )


def read_only() -> Rejected:
    return Rejected(
        "read_only",
        "您的角色對這筆資料只能檢視，不能修改。",
        "Your role may view this record but not change it.",
    )


def final() -> Rejected:
    return Rejected(
        "final",
        "這筆紀錄已定稿或建立後不可修改；如需更正，請新增一筆更正紀錄。",
        "This record is final (or append-only) and cannot be changed; add a correcting record instead.",
    )


def anchor_changed(fields: list[str]) -> Rejected:
    shown = ", ".join(sorted(fields))
    return Rejected(
        "anchor",
        f"資料建立後不可改掛到其他個案或個案資料（{shown}）。",
        f"A record cannot be moved to another case or client once created ({shown}).",
    )


def missing_anchor(parent_zh: str, parent_en: str) -> Rejected:
    return Rejected(
        "anchor",
        f"這筆資料所屬的{parent_zh}不在伺服器上（可能先前已被退回），伺服器因此也未接受這筆資料。",
        f"The {parent_en} this record belongs to is not on the server (it may have been refused earlier), so the "
        "server did not accept this record either.",
    )


def bad_transfer(owner: str) -> Rejected:
    return Rejected(
        "transfer",
        f"無法移案給「{owner}」：伺服器上沒有這位個管員。",
        f"Cannot transfer the case to {owner!r}: no such case manager on the server.",
    )


def already_resolved() -> Rejected:
    return Rejected(
        "resolved",
        "這個衝突已由其他人處理，處理結果會在下次同步時送達。",
        "Someone else already resolved this conflict; their resolution arrives with the next sync.",
    )


def unknown_conflict() -> Rejected:
    return Rejected("unknown_record", "伺服器上沒有這個衝突。", "The server has no such conflict.")


def duplicate_op() -> Rejected:
    return Rejected(
        "duplicate_op",
        "這個操作編號已由其他使用者使用，請重新整理後再試。",
        "This operation id was already used by another user.",
    )
