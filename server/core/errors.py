"""One error type for every refusal the API gives: a 4xx status, a stable code, and a message in zh-TW and English.

The body is always {"detail": {"code", "message_zh", "message_en"}} (docs/sync-protocol.md, "Transport"), so the
client can show the message as it is and act on the code.
"""

from __future__ import annotations

from typing import Any

from app.errors import AppError


class ApiError(AppError):
    def __init__(
        self, status: int, code: str, message_zh: str, message_en: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message_zh, message_en)
        self.status = status
        self.code = code
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message_zh, self.message_en)


def error_body(code: str, message_zh: str, message_en: str) -> dict[str, Any]:
    return {"detail": {"code": code, "message_zh": message_zh, "message_en": message_en}}


def unauthorized() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        "這台電腦尚未登入同步伺服器（或登入已失效），請重新登入。",
        "This device is not logged in (or its login is no longer valid); please log in.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def logged_out() -> ApiError:
    """A token whose device logged out: nothing to wipe, the user only has to log in again."""
    return ApiError(
        401,
        "logged_out",
        "這台電腦已登出同步伺服器，請重新登入。",
        "This device has logged out of the sync server; please log in again.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def device_revoked() -> ApiError:
    return ApiError(
        403,
        "device_revoked",
        "管理者已停用這台電腦的同步權限；為保護個案資料，本機資料庫將被清除。",
        "An administrator revoked this device; to protect client data its local store is wiped.",
    )


def forbidden_role() -> ApiError:
    return ApiError(403, "scope", "您的角色不能執行這項操作。", "Your role does not allow this.")
