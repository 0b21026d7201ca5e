"""The central service's tables. Importing this package registers every one on `ServerBase.metadata`."""

from server.models.audit import AuditLog
from server.models.auth import Device, LoginFailure, Role, Team, User
from server.models.base import ServerBase
from server.models.blob import SyncBlob, SyncBlobChunk
from server.models.sync import CaseAccess, Record, ScopeEvent, SyncConflict, SyncCounter, SyncOp

__all__ = [
    "AuditLog",
    "CaseAccess",
    "Device",
    "LoginFailure",
    "Record",
    "Role",
    "ScopeEvent",
    "ServerBase",
    "SyncBlob",
    "SyncBlobChunk",
    "SyncConflict",
    "SyncCounter",
    "SyncOp",
    "Team",
    "User",
]
