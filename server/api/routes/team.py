"""Who am I (GET /me), and what a supervisor reads of the team on the server: the overview and KPIs computed in the
database (server.services.overview_figures, kpi_figures) and the audit log (server.services.audit_query).

A supervisor sees their own team only; an administrator names the team (`team=`) for the figures and sees the whole
audit log; a case manager gets 403. Nothing here changes a record.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import clock
from server.api.deps import CurrentPrincipal, DatabaseDep
from server.api.routes.auth import ERRORS, user_info
from server.api.schemas import (
    AuditEntryOut,
    AuditPage,
    KpiRow,
    Me,
    OverviewRow,
    TeamKpiOut,
    TeamOverviewOut,
    TeamSettingsOut,
)
from server.core.errors import ApiError, forbidden_role
from server.models import Team
from server.services import audit_query, kpi_figures, overview_figures, teams
from server.services.principal import Principal

router = APIRouter(tags=["team"])
TEAM_HELP = "the team's name (administrators only; a supervisor always reads their own team)"


@router.get("/me", responses=ERRORS)
def me(principal: CurrentPrincipal, database: DatabaseDep) -> Me:
    """Who this device syncs as, and the team's settings (also in the login answer and every page of changes)."""
    with database.unit() as session:
        settings = teams.settings_of(session, principal.team_id)
    return Me(user=user_info(principal), settings=TeamSettingsOut(closure_signoff=settings.closure_signoff))


def _team(session: Session, principal: Principal, team: str | None) -> tuple[int, str]:
    if principal.is_case_manager:
        raise forbidden_role()
    if principal.is_supervisor:
        if team is not None and team != principal.team_name:
            raise ApiError(403, "scope", "您只能查看本團隊的資料。", "You can only read your own team's figures.")
        return principal.team_id, principal.team_name
    if team is None:
        raise ApiError(422, "invalid", "請以 team= 指定團隊名稱。", "Name the team with team=.")
    found = session.scalar(select(Team.id).where(Team.name == team))
    if found is None:
        raise ApiError(404, "not_found", f"沒有名為「{team}」的團隊。", f"There is no team named {team!r}.")
    return found, team


@router.get("/team/overview", responses={**ERRORS, 404: ERRORS[401]})
def overview(
    principal: CurrentPrincipal,
    database: DatabaseDep,
    on: Annotated[date | None, Query(description="the day it is seen from (default: today in Taiwan)")] = None,
    team: Annotated[str | None, Query(max_length=100, description=TEAM_HELP)] = None,
) -> TeamOverviewOut:
    """團隊總覽: per case manager, open cases, new this month, days since the last contact, open conflicts."""
    with database.snapshot() as session:
        team_id, name = _team(session, principal, team)
        figures = overview_figures.team_overview(session, team_id, on or clock.today())
    return TeamOverviewOut(
        team=name,
        on=figures.on,
        rows=[_overview_row(row) for row in figures.rows],
        total=_overview_row(figures.total),
    )


def _overview_row(row: overview_figures.ManagerOverview) -> OverviewRow:
    return OverviewRow(
        owner=row.owner,
        display_name=row.display_name,
        open_cases=row.open_cases,
        new_this_month=row.new_this_month,
        contact_days_max=row.contact_days_max,
        contact_days_median=row.contact_days_median,
        conflicts=row.conflicts,
    )


@router.get("/team/kpi", responses={**ERRORS, 404: ERRORS[401]})
def kpi(
    principal: CurrentPrincipal,
    database: DatabaseDep,
    year: Annotated[int | None, Query(ge=1912, le=2200, description="the year (default: this year)")] = None,
    as_of: Annotated[date | None, Query(description="the day jobs are seen from (default: today or 12/31)")] = None,
    team: Annotated[str | None, Query(max_length=100, description=TEAM_HELP)] = None,
) -> TeamKpiOut:
    """績效指標 of a year per case manager: 結案率 (numerator, denominator), 服務人數, 推介成功, 就業成功."""
    today = clock.today()
    year = year or today.year
    seen = as_of or min(today, date(year, 12, 31))
    with database.snapshot() as session:
        team_id, name = _team(session, principal, team)
        figures = kpi_figures.team_kpi(session, team_id, year, seen)
    return TeamKpiOut(
        team=name, year=year, as_of=seen, rows=[_kpi_row(row) for row in figures.rows], total=_kpi_row(figures.total)
    )


def _kpi_row(row: kpi_figures.ManagerKpi) -> KpiRow:
    return KpiRow(
        owner=row.owner,
        display_name=row.display_name,
        county=row.county,
        opened=row.opened,
        carried=row.carried,
        closed=row.closed,
        closure_denominator=row.opened + row.carried,
        closure_rate=float(row.closure_rate) if row.closure_rate is not None else None,
        meets_closure_target=row.meets_closure_target,
        served=row.served.total,
        served_target=row.served.target,
        served_capped=row.served.capped,
        placed=row.placed,
        supported_successes=row.supported_successes,
        general_successes=row.general_successes,
        employment_successes=row.employment_successes,
    )


@router.get("/audit", responses=ERRORS)
def audit_log(
    principal: CurrentPrincipal,
    database: DatabaseDep,
    client_id: Annotated[uuid.UUID | None, Query(description="a client: their record, cases and case records")] = None,
    user: Annotated[str | None, Query(max_length=64, description="who read or wrote")] = None,
    since: Annotated[date | None, Query(description="from this day (Taiwan), inclusive")] = None,
    until: Annotated[date | None, Query(description="to this day (Taiwan), inclusive")] = None,
    limit: Annotated[int, Query(ge=1, le=audit_query.MAX_LIMIT)] = 200,
) -> AuditPage:
    """Who opened (pulled, downloaded) or changed which record, when, from which device: a supervisor's team, or
    everything for an administrator. Newest first."""
    if principal.is_case_manager:
        raise forbidden_role()
    query = audit_query.AuditQuery(client_id=client_id, username=user, since=since, until=until, limit=limit)
    with database.unit() as session:
        rows, more = audit_query.audit_entries(session, principal, query)
        entries = [AuditEntryOut.model_validate(row, from_attributes=True) for row in rows]
    return AuditPage(entries=entries, more=more)
