"""The small view-model types every printed document shares: a code with its label, captured signatures, the agency
printing, a member of staff. (views.py re-exports them; they live here so that the documents of views.py and
team_views.py can both use them.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Coded:
    """A code with its label: text fields print the label, checkbox groups tick the option with this code."""

    code: str
    label: str

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Signatures:
    """Captured signature images (PNG/JPEG) by signer role; a role without one gets a blank line to sign on."""

    client: Path | None = None
    guardian: Path | None = None
    case_manager: Path | None = None
    supervisor: Path | None = None
    employer: Path | None = None
    unit: Path | None = None  # a unit's stamp: the receiving unit's acknowledgement, or the agency head's
    successor: Path | None = None  # the case manager taking a case over (移案)


@dataclass(frozen=True)
class AgencyInfo:
    """The agency printing (承辦/受託單位): its name and logo head every document; letters print its address and
    phone through the template paths ``agency.address`` and ``agency.phone``."""

    name: str
    logo_path: Path | None = None
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class StaffView:
    username: str
    name: str  # display name where one is known, else the username
    unit: str
