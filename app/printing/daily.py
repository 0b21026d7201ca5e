"""服務對象日報 as a printed report: the view-model of the `daily_report` template, made from the figures
app.services.daily_report computed (its `table`, the same rows its workbook writes), never counted again here.

Our own report, not an imitation of an official form, so it does not say 參考格式.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.printing.views import DailyDocument, Matrix, Signatures
from app.services.daily_report import DailyReport, period_text, table


def daily_document(
    report: DailyReport,
    doc_id: str,
    *,
    printed_on: date,
    staff_names: Mapping[str, str],
    signatures: Signatures,
) -> DailyDocument:
    """The report's table with the case managers' names (their usernames unless `staff_names` knows a name) as
    column headings; every figure as the workbook has it."""
    header, body = table(report)
    names = [staff_names.get(owner, owner) for owner in report.owners]
    period = period_text(report)
    return DailyDocument(
        doc_id=doc_id,
        printed_on=printed_on,
        period=period,
        period_start=report.first,
        period_end=report.last,
        days=(report.last - report.first).days + 1,
        people_total=report.people_total,
        services_total=report.services_total,
        table=Matrix(
            header=(str(header[0]), *names, str(header[-1])),
            rows=tuple(tuple(row) for row in body),
            totals=len(body) - len(report.rows),  # 服務人數（不重複） and 服務人次
        ),
        subject=period,
        signatures=signatures,
    )
