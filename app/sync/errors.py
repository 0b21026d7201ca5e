"""What can stop a sync run, each with a message a case manager can act on (zh-TW and English).

Every error leaves local work intact: unsent edits stay in the outbox and staged pages in the inbox, so the next
run carries on where this one stopped.
"""

from __future__ import annotations

from app.errors import AppError


class SyncError(AppError):
    """A sync run stopped; nothing local was lost."""


class OfflineError(SyncError):
    """The server could not be reached (no network, timeouts, a dropped link) even after retrying."""

    def __init__(
        self,
        message_zh: str = "無法連線到同步伺服器，請確認網路後再試；尚未上傳的修改都安全地留在這台電腦上。",
        message_en: str = "The sync server cannot be reached; check the network and try again. "
        "Unsent edits are safe on this laptop.",
    ) -> None:
        super().__init__(message_zh, message_en)


class ServerRefused(SyncError):
    """The server answered with a failure that retrying did not cure (5xx, an answer that cannot be read)."""

    def __init__(self, message_zh: str, message_en: str, *, status: int | None = None) -> None:
        super().__init__(message_zh, message_en)
        self.status = status


class ProtocolMismatch(SyncError):
    """426: this app speaks a protocol version the server does not."""

    def __init__(
        self,
        message_zh: str = "此版本的 FieldCase 與伺服器不相容，請更新程式後再同步；"
        "尚未上傳的修改都安全地留在這台電腦上。",
        message_en: str = "This FieldCase version cannot sync with the server: please update the app. "
        "Unsent edits stay on this laptop.",
    ) -> None:
        super().__init__(message_zh, message_en)


class NotLoggedIn(SyncError):
    """No device token for this store, or the server no longer knows it (401)."""

    def __init__(
        self,
        message_zh: str = "這台電腦尚未登入同步伺服器（或登入已失效），請重新登入。",
        message_en: str = "This laptop is not logged in to the sync server (or the login expired); please log in.",
    ) -> None:
        super().__init__(message_zh, message_en)


class DeviceRevoked(SyncError):
    """403 device_revoked: an administrator revoked this laptop, whose local store must now be wiped."""

    def __init__(
        self,
        message_zh: str = "管理者已停用這台電腦的同步權限；為保護個案資料，本機資料庫將被清除。",
        message_en: str = "An administrator revoked this laptop; to protect client data its local store is wiped.",
    ) -> None:
        super().__init__(message_zh, message_en)


class RequestRefused(SyncError):
    """A 4xx the user can act on: wrong password, outside their scope, invalid input, too many attempts."""

    def __init__(self, message_zh: str, message_en: str, *, status: int, code: str) -> None:
        super().__init__(message_zh, message_en)
        self.status = status
        self.code = code
