"""Who is asking: the user behind a device token, as plain data that outlives the session it was read in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from server.models import Role


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    display_name: str
    role: Role
    team_id: int
    team_name: str
    device_id: uuid.UUID | None  # None for the command line
    address: str = ""

    @property
    def is_case_manager(self) -> bool:
        return self.role is Role.CASE_MANAGER

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN
