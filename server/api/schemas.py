"""The wire format (docs/sync-protocol.md) as pydantic models: they validate requests and generate /openapi.json."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

# Versions, cursors and sequence numbers are 64-bit in the database; larger numbers are malformed input, not a 500.
MAX_INT = 2**62
MAX_OPS = 200
MAX_FIELDS = 200


class ErrorDetail(BaseModel):
    code: str
    message_zh: str
    message_en: str


class ErrorBody(BaseModel):
    detail: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    protocol: int


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_name: str = Field(default="", max_length=200)


class UserInfo(BaseModel):
    username: str
    display_name: str
    role: Literal["case_manager", "supervisor", "admin"]
    team: str


class TeamSettingsOut(BaseModel):
    closure_signoff: bool = Field(description="結案須經督導核准: a closure is final only once a supervisor approved it")


class LoginResponse(BaseModel):
    token: str
    device_id: uuid.UUID
    user: UserInfo
    settings: TeamSettingsOut


class FieldChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base: JsonValue = None
    new: JsonValue


class OpIn(BaseModel):
    op_id: uuid.UUID
    seq: int = Field(ge=0, le=MAX_INT)
    record_type: str = Field(min_length=1, max_length=64)
    record_id: uuid.UUID
    op: Literal["insert", "update", "delete", "resolve"]
    base_version: int = Field(ge=0, le=MAX_INT)
    fields: dict[Annotated[str, Field(max_length=64)], FieldChangeIn] = Field(max_length=MAX_FIELDS)


class PushRequest(BaseModel):
    ops: list[OpIn] = Field(max_length=MAX_OPS)


class OpResult(BaseModel):
    op_id: uuid.UUID
    status: Literal["applied", "merged", "conflict", "rejected"]
    version: int | None
    conflicts: list[uuid.UUID]
    replayed: bool
    code: str | None
    message_zh: str | None
    message_en: str | None


class PushResponse(BaseModel):
    results: list[OpResult]


class RecordItem(BaseModel):
    kind: Literal["record"]
    version: int
    record_type: str
    id: uuid.UUID
    data: dict[str, JsonValue]
    updated_at: datetime
    updated_by: str
    read_only: bool


class ConflictItem(BaseModel):
    kind: Literal["conflict"]
    version: int
    id: uuid.UUID
    record_type: str
    record_id: uuid.UUID
    field: str
    base: JsonValue
    mine: JsonValue
    theirs: JsonValue
    mine_by: str
    theirs_by: str
    created_at: datetime
    resolved: bool
    resolved_value: JsonValue
    resolved_by: str | None
    resolved_at: datetime | None


class ScopeRemovalItem(BaseModel):
    kind: Literal["scope_removal"]
    version: int
    case_id: uuid.UUID
    client_id: uuid.UUID


Item = Annotated[RecordItem | ConflictItem | ScopeRemovalItem, Field(discriminator="kind")]


class ChangesPage(BaseModel):
    items: list[Item]
    cursor: int
    more: bool
    scope_hash: str | None
    settings: TeamSettingsOut | None = Field(default=None, description="the user's team settings, as of this page")


class RevokedDevice(BaseModel):
    device_id: uuid.UUID
    revoked_at: datetime | None


class BlobStatus(BaseModel):
    sha256: str
    size: int | None = Field(description="the size declared by the upload under way; null before any byte arrived")
    received: int = Field(description="bytes the server holds from offset 0: the next upload goes at this offset")
    complete: bool = Field(description="every byte arrived and the content matched its SHA-256")


class Me(BaseModel):
    user: UserInfo
    settings: TeamSettingsOut


class OverviewRow(BaseModel):
    owner: str = Field(description="the case manager's username; empty for the team's total")
    display_name: str
    open_cases: int
    new_this_month: int
    contact_days_max: int | None = Field(description="days since the last contact, longest over opened open cases")
    contact_days_median: float | None
    conflicts: int = Field(description="open sync conflicts on records of their cases")


class TeamOverviewOut(BaseModel):
    team: str
    on: date
    rows: list[OverviewRow]
    total: OverviewRow


class KpiRow(BaseModel):
    owner: str = Field(description="the case manager's username; empty for the team's total")
    display_name: str
    county: str = Field(description="the county whose target per case manager applies")
    opened: int = Field(description="當年度新開案 (VR)")
    carried: int = Field(description="前一年度未結案 (VR)")
    closed: int = Field(description="結案 (VR): the closure rate's numerator")
    closure_denominator: int = Field(description="opened + carried")
    closure_rate: float | None = Field(description="closed ÷ (opened + carried); null without cases")
    meets_closure_target: bool | None = Field(description="結案率 ≥ 30 %")
    served: int = Field(description="服務人數: opened + carried, the carry-over capped at 50 % of the target")
    served_target: int
    served_capped: bool
    placed: int = Field(description="推介成功 (people)")
    supported_successes: int = Field(description="支持性就業成功 (people)")
    general_successes: int = Field(description="一般性就業成功, people without a 支持性 success")
    employment_successes: int = Field(description="就業成功 (people)")


class TeamKpiOut(BaseModel):
    team: str
    year: int
    as_of: date
    rows: list[KpiRow]
    total: KpiRow


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    username: str
    device_id: uuid.UUID | None
    device_name: str
    action: str
    record_type: str
    record_id: uuid.UUID | None
    client_id: uuid.UUID | None
    address: str
    detail: str


class AuditPage(BaseModel):
    entries: list[AuditEntryOut]
    more: bool = Field(description="more entries match than the limit returned")
