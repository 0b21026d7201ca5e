"""Team settings: what a team's laptops must know about how the team works, delivered at login, with every pull and
by GET /api/v1/me, and changed by an administrator (`fieldcase-server team-setting`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import AppError
from server.models import Team


@dataclass(frozen=True)
class TeamSettings:
    closure_signoff: bool  # 結案須經督導核准: a closure is final only once the supervisor approved it


def settings_of(session: Session, team_id: int) -> TeamSettings:
    team = session.get(Team, team_id)
    return TeamSettings(closure_signoff=bool(team is not None and team.closure_signoff))


def change_settings(session: Session, team_name: str, *, closure_signoff: bool | None = None) -> TeamSettings:
    """Change the named team's settings (None: keep); AppError when there is no such team."""
    team = session.scalar(select(Team).where(Team.name == team_name))
    if team is None:
        raise AppError(f"沒有名為「{team_name}」的團隊。", f"There is no team named {team_name!r}.")
    if closure_signoff is not None:
        team.closure_signoff = closure_signoff
    return TeamSettings(closure_signoff=team.closure_signoff)
