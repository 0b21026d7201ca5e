"""A team's figures, computed in the database from the synced records: 團隊總覽 (GET /api/v1/team/overview,
server.services.overview_figures) and 績效指標 (GET /api/v1/team/kpi, server.services.kpi_figures); this module
holds what both statements share (the team's cases read once, tagged rows, the planner setting).

Every figure is an aggregate query over `record.data` (JSONB operators on PostgreSQL, server.services.sqlexpr)
joined to `case_access` for the team, never a load of records into Python; only the per-owner results (a few numbers
per case manager) reach Python, where the formulas of the foundation (app.services.kpi: closure_rate, served_count)
are applied to them, so the rate and the carry-over cap are the very functions the laptops use.

Each endpoint reads the team's case records once: one statement whose first (materialised) step fetches them by
primary key through `case_access`, and whose parts come back as rows tagged with what they are. A case's own records
are found by probing the index on (case, type) (migration 0004), so the cost follows the team's size, not the
table's: bench/bench_server_aggregates.py, 10,000 cases of a 100,000-case database. On PostgreSQL the statements run
with `random_page_cost` 1.1 (`_prefer_probes`).

How each figure relates to the laptop's own computation (tests/server/test_team_figures.py holds them equal):

- open cases, new this month, days since the last contact (longest and median over opened, open cases), open
  conflicts: app.services.team_overview.team_overview's `open_cases`, `new_this_month`, `contact_days_max`,
  `contact_days_median`, `conflicts` (the last contact is the latest final service record or successful contact
  attempt, on its day in Taiwan; never contacted counts from the opening).
- 結案率 numerator and denominator, 服務人數: app.services.kpi_report.vr_counts_by_owner's 結案 / (當年度新開案 +
  前一年度未結案) of VR cases, through kpi.closure_rate and kpi.served_count (one case manager, the county's target).
- 推介成功 and 就業成功 (支持性, 一般性), in people: app.services.kpi_report.period_outcomes(…).by_owner over the
  year, every programme; the job rules of app.services.supported_employment (勞保 or a small firm's proof; three
  calendar months by 民法 §121, 20 hours a week, the year's minimum wage from kpi_report.MINIMUM_WAGE; 支持性 needs
  ten days of intensive support, and a person counted 支持性 is never also 一般性). One difference: a job marked
  employed before service whose case opened before the job started is refused by the laptop's rules as inconsistent
  (a ValidationError); here it counts from the later of the two dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Float, cast, literal, null, select, text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from server.models import CaseAccess, Record, Role, User
from server.services.sqlexpr import (
    date_of,
    text_of,
)


def day_literal(value: date) -> ColumnElement[Any]:
    return literal(value, Date())


def prefer_probes(session: Session) -> None:
    """Let PostgreSQL fetch a team's records by index (for this transaction only). Its default cost of a random page
    read (4.0, made for spinning disks) makes the planner scan all of `record` rather than fetch 10,000 cases by
    primary key: 215 ms instead of 110 ms in the benchmark. On SSDs, and with the table in memory, 1.1 is the usual
    setting; a server already configured so loses nothing."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL random_page_cost = 1.1"))


def materialised(query: Any, name: str) -> Any:
    """A CTE computed once per statement, however often the statement reads it (PostgreSQL would otherwise inline
    one that is read once, and run a correlated subquery in it again for each use)."""
    return query.cte(name).prefix_with("MATERIALIZED", dialect="postgresql")


def team_cases(team_id: int) -> Any:
    """(owner, case id, client id, opened_on, closed_on, stage, programme, county) of the team's live cases."""
    rec = aliased(Record)
    query = (
        select(
            CaseAccess.owner.label("owner"),
            rec.id.label("case_id"),
            rec.client_id.label("client_id"),
            date_of(rec.data, "opened_on").label("opened_on"),
            date_of(rec.data, "closed_on").label("closed_on"),
            text_of(rec.data, "stage").label("stage"),
            text_of(rec.data, "programme").label("programme"),
            text_of(rec.data, "county").label("county"),
        )
        # Only cases have a case_access row (records.case_created), so no record_type test: it would only mislead
        # the planner's estimate into scanning every record instead of fetching the team's by primary key.
        .join(rec, rec.id == CaseAccess.case_id)
        .where(CaseAccess.team_id == team_id, rec.deleted.is_(False))
    )
    return materialised(query, "team_cases")


def case_managers(session: Session, team_id: int) -> dict[str, str]:
    """The team's case managers (username → display name), and anyone else owning one of its cases."""
    query = select(User.username, User.display_name).where(User.team_id == team_id, User.role == Role.CASE_MANAGER)
    found = {username: name for username, name in session.execute(query).all()}
    for owner in session.scalars(select(CaseAccess.owner).where(CaseAccess.team_id == team_id).distinct()):
        found.setdefault(owner, "")
    return found


def tagged(kind: str, owner: Any, *values: Any) -> Any:
    """One row shape for every part of a statement: (kind, owner, v1 … v4), numbers as floats or null."""
    padded = [*values, *([None] * (4 - len(values)))]
    return select(
        literal(kind).label("kind"),
        owner.label("owner"),
        *(cast(v, Float).label(f"v{i}") if v is not None else null().label(f"v{i}") for i, v in enumerate(padded)),
    )
