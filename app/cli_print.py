"""`fieldcase forms`, `fieldcase print`, `fieldcase report monthly` and `fieldcase report daily`: printing from
scripts (docs/forms.md).

    fieldcase forms
    fieldcase print service_plan --db cases.db --case 3f2a… -o plan.pdf
    fieldcase print open_notice --db cases.db --cases ID,ID,ID --addressee applicant -o notices.pdf
    fieldcase print supervision_record --db cases.db --note 9c1e… --note 47ad… -o 督導紀錄.pdf
    fieldcase report monthly --db cases.db --month 114/03 --format xlsx -o 月報表.xlsx
    fieldcase report daily --db cases.db --from 114/03/03 --to 114/03/07 -o 日報.pdf

app/cli.py registers these with `add_print_commands(sub, _open)`. Output files hold personal data: they are
written owner-only (0600) and atomically, so a failure (a bad case id, a month that does not exist) leaves no file
behind. The summary goes to stdout as JSON; warnings (characters no font has, unreadable logo) go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from app.errors import AppError, ValidationError
from app.services.rocdate import parse_date, parse_roc_month

if TYPE_CHECKING:
    from app.printing import AgencyInfo, RenderReport, Signatures
    from app.store.store import Store

# The printing modules (ReportLab, fonts, templates) are imported by the commands that print, so that every other
# `fieldcase` command starts as fast as before.

StoreOpener = Callable[[argparse.Namespace], "Store"]

MONTHLY_FORMS: Final = {"6-1": "monthly_6_1", "6-2": "monthly_6_2"}
SIGNER_ROLES: Final = ("client", "guardian", "case_manager", "supervisor", "employer", "unit", "successor")
ADDRESSEES: Final = ("applicant", "referring_unit")  # app.printing.case_views.Addressee
DAILY_DAYS: Final = 31  # app.services.daily_report.LONGEST_PERIOD_DAYS
REPORT_COMMANDS: Final = {"month": "fieldcase report monthly", "daily": "fieldcase report daily"}


def add_print_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], open_store: StoreOpener
) -> None:
    """Register `forms`, `print` and `report` on app/cli.py's subcommands; `open_store` unlocks `--db`."""
    p = subparsers.add_parser("forms", help="list the printable documents (doc_id and title)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms)

    p = subparsers.add_parser(
        "print", help="print a form or letter for one or many cases (or supervision records) into one PDF"
    )
    p.add_argument("doc_id", metavar="DOC", help="document id, see `fieldcase forms`")
    p.add_argument("--db", required=True, help="path of the encrypted case store")
    p.add_argument("--case", action="append", default=[], metavar="ID", help="case id (repeat for many)")
    p.add_argument("--cases", action="append", default=[], metavar="ID,ID,…", help="case ids, comma-separated")
    p.add_argument(
        "--note", action="append", default=[], metavar="ID", help="supervision record id (supervision_record)"
    )
    p.add_argument("--notes", action="append", default=[], metavar="ID,ID,…", help="record ids, comma-separated")
    p.add_argument("--addressee", choices=ADDRESSEES, help="notices: to the applicant or referring unit")
    p.add_argument(
        "--signature",
        action="append",
        default=[],
        metavar="ROLE=PNG",
        help=f"a captured signature image for a signer ({', '.join(SIGNER_ROLES)})",
    )
    p.add_argument("--printed-on", type=_date, help="printing date (ROC or Gregorian), default today")
    _agency_arguments(p)
    p.add_argument("-o", "--output", required=True, help="the PDF to write")
    p.set_defaults(handler=lambda args: cmd_print(args, open_store))

    report = subparsers.add_parser("report", help="reports of a period")
    kinds = report.add_subparsers(dest="report", required=True)
    p = kinds.add_parser("monthly", help="月報表 表6-1 and 表6-2 of a month, as PDF or xlsx")
    p.add_argument("--db", required=True, help="path of the encrypted case store")
    p.add_argument("--month", required=True, help="the month: 2025-03 or 114/03")
    p.add_argument("--format", choices=["pdf", "xlsx"], default=None, help="default: from the output's suffix")
    p.add_argument("--form", action="append", choices=list(MONTHLY_FORMS), help="only this form (default: both)")
    p.add_argument("--manager", help="one case manager's username (default: the whole unit)")
    p.add_argument("--unit", help="one 承辦單位 (default: every unit in the store)")
    p.add_argument("--printed-on", type=_date, help="printing date (ROC or Gregorian), default today")
    _agency_arguments(p)
    p.add_argument("-o", "--output", required=True, help="the PDF or xlsx file to write")
    p.set_defaults(handler=lambda args: cmd_report_monthly(args, open_store))

    p = kinds.add_parser("daily", help="服務對象日報: clients served by target group and case manager, as PDF or xlsx")
    p.add_argument("--db", required=True, help="path of the encrypted case store")
    p.add_argument("--from", dest="first_day", required=True, metavar="DATE", help="first day: 2025-03-05 or 114/03/05")
    p.add_argument(
        "--to", dest="last_day", metavar="DATE", help=f"last day (default: the first; at most {DAILY_DAYS} days)"
    )
    p.add_argument("--format", choices=["pdf", "xlsx"], default=None, help="default: from the output's suffix")
    p.add_argument("--printed-on", type=_date, help="printing date (ROC or Gregorian), default today")
    _agency_arguments(p)
    p.add_argument("-o", "--output", required=True, help="the PDF or xlsx file to write")
    p.set_defaults(handler=lambda args: cmd_report_daily(args, open_store))


def _agency_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agency", default="", help="agency name printed at the top of each page")
    p.add_argument("--agency-address", default="", help="agency address (letters)")
    p.add_argument("--agency-phone", default="", help="agency phone (letters)")
    p.add_argument("--logo", help="agency logo (PNG or JPEG)")


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message_zh + " " + exc.message_en) from None


def _day(text: str, option: str) -> date:
    """A typed day (2025-03-05, 114/03/05, …); AppError naming `option` when it cannot be read."""
    try:
        return parse_date(text, option)
    except ValidationError as exc:
        raise AppError(f"{option}：{exc.message_zh}", f"{option}: {exc.message_en}") from None


def _agency(args: argparse.Namespace) -> AgencyInfo:
    from app.printing import AgencyInfo

    return AgencyInfo(
        name=args.agency.strip(),
        logo_path=Path(args.logo) if args.logo else None,
        address=args.agency_address.strip(),
        phone=args.agency_phone.strip(),
    )


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _warn(reports: Sequence[RenderReport], lang: str) -> None:
    heading = "Warning" if lang == "en" else "注意"
    for report in reports:
        for warning in report.warnings:
            print(f"{heading}: {warning}", file=sys.stderr)


# --- forms ------------------------------------------------------------------------------------------------------------


def cmd_forms(args: argparse.Namespace) -> int:
    from app.printing import list_forms, load_template

    forms = [
        {"doc_id": doc_id, "title": title, "title_en": title_en, "subject": load_template(doc_id).subject}
        for doc_id, title, title_en in list_forms()
    ]
    if args.json:
        _print_json(forms)
        return 0
    english = args.lang == "en"
    width = max(len(form["doc_id"]) for form in forms)
    for form in forms:
        print(f"{form['doc_id']:<{width}}  {form['title_en'] if english else form['title']}")
    return 0


# --- print ------------------------------------------------------------------------------------------------------------


def case_ids(texts: Sequence[str]) -> list[uuid.UUID]:
    """Case ids from `--case ID` and `--cases ID,ID,…`, in order, each once; AppError naming any that is no id."""
    found: list[uuid.UUID] = []
    for text in (part.strip() for chunk in texts for part in chunk.split(",")):
        if not text:
            continue
        try:
            case_id = uuid.UUID(text)
        except ValueError:
            raise AppError(
                f"「{text}」不是個案編號（應為 32 位十六進位的 UUID）。",
                f"'{text}' is not a case id (a UUID of 32 hex digits).",
            ) from None
        if case_id not in found:
            found.append(case_id)
    return found


def _signatures(texts: Sequence[str]) -> Signatures:
    from app.printing import Signatures

    signatures = Signatures()
    for text in texts:
        role, _, path = text.partition("=")
        if role not in SIGNER_ROLES or not path:
            raise AppError(
                f"簽名應寫成 角色=圖檔（角色：{'、'.join(SIGNER_ROLES)}），收到「{text}」。",
                f"A signature is ROLE=PNG (roles: {', '.join(SIGNER_ROLES)}); got '{text}'.",
            )
        if not Path(path).is_file():
            raise AppError(f"找不到簽名圖檔 {path}。", f"No signature image at {path}.")
        signatures = replace(signatures, **{role: Path(path)})
    return signatures


def cmd_print(args: argparse.Namespace, open_store: StoreOpener) -> int:
    from app.printing import DocumentView, PrintOptions, build_view, load_template
    from app.printing.bundle import render_bundle
    from app.printing.supervision import note_ids

    template = load_template(args.doc_id)
    if template.subject in REPORT_COMMANDS:
        command = REPORT_COMMANDS[template.subject]
        raise AppError(
            f"「{template.title}」是報表，請用 {command}。",
            f"'{template.title_en}' is a report: use `{command}`.",
        )
    supervision = template.subject == "supervision"
    chosen = case_ids([*args.case, *args.cases])
    notes = note_ids(part for chunk in [*args.note, *args.notes] for part in chunk.split(","))
    if supervision and (chosen or not notes):
        raise AppError(
            "督導紀錄請以 --note 或 --notes 指定紀錄編號（不是個案）。",
            "Name the supervision records with --note or --notes (not cases).",
        )
    if not supervision and (notes or not chosen):
        raise AppError("請以 --case 或 --cases 指定個案。", "Name the cases with --case or --cases.")
    options = PrintOptions(printed_on=args.printed_on, addressee=args.addressee, signatures=_signatures(args.signature))
    store = open_store(args)
    try:
        with store.transaction() as session:  # committed: reading each case is audited (個人資料保護法)
            views: list[DocumentView] = []
            if supervision:  # an unknown record's message names it
                views.extend(build_view(session, args.doc_id, replace(options, note_id=n)) for n in notes)
            for case_id in chosen:
                try:
                    views.append(build_view(session, args.doc_id, replace(options, case_id=case_id)))
                except AppError as exc:
                    raise AppError(f"個案 {case_id}：{exc.message_zh}", f"Case {case_id}: {exc.message_en}") from exc
    finally:
        store.close()
    reports = render_bundle([(args.doc_id, views)], Path(args.output), _agency(args))
    _warn(reports, args.lang)
    _print_json(_summary(args.output, reports))
    return 0


def _summary(output: str, reports: Sequence[RenderReport]) -> dict[str, object]:
    return {
        "output": output,
        "documents": {r.doc_id: r.documents for r in reports},
        "pages": sum(r.pages for r in reports),
        "warnings": [w for r in reports for w in r.warnings],
    }


# --- report monthly -----------------------------------------------------------------------------------------------


def cmd_report_monthly(args: argparse.Namespace, open_store: StoreOpener) -> int:
    from app.printing import MonthDocument, PrintOptions, build_view, load_template
    from app.printing.bundle import render_bundle
    from app.printing.monthly_xlsx import write_month_workbook
    from app.services.exchange_json import write_private

    year, month = parse_roc_month(args.month, "--month")
    output = Path(args.output)
    fmt = args.format or ("xlsx" if output.suffix.lower() == ".xlsx" else "pdf")
    doc_ids = [MONTHLY_FORMS[form] for form in dict.fromkeys(args.form or MONTHLY_FORMS)]
    options = PrintOptions(
        year=year, month=month, manager=args.manager or None, unit=args.unit or None, printed_on=args.printed_on
    )
    store = open_store(args)
    try:
        with store.transaction() as session:
            views = [(doc_id, build_view(session, doc_id, options)) for doc_id in doc_ids]
    finally:
        store.close()
    if fmt == "xlsx":
        documents = [(load_template(doc_id), view) for doc_id, view in views if isinstance(view, MonthDocument)]

        def write(file: IO[bytes]) -> None:
            sheets.extend(write_month_workbook(documents, file))

        sheets: list[str] = []
        write_private(output, write)
        _print_json({"output": str(output), "sheets": sheets})
        return 0
    reports = render_bundle([(doc_id, [view]) for doc_id, view in views], output, _agency(args))
    _warn(reports, args.lang)
    _print_json(_summary(str(output), reports))
    return 0


# --- report daily -------------------------------------------------------------------------------------------------


def cmd_report_daily(args: argparse.Namespace, open_store: StoreOpener) -> int:
    from app.printing import PrintOptions
    from app.printing.team import print_daily_report
    from app.services.daily_report import daily_report, write_daily_workbook
    from app.services.exchange_json import write_private

    first = _day(args.first_day, "--from")
    last = _day(args.last_day, "--to") if args.last_day else first
    output = Path(args.output)
    fmt = args.format or ("xlsx" if output.suffix.lower() == ".xlsx" else "pdf")
    store = open_store(args)
    try:
        with store.session() as session:
            report = daily_report(session, first, last)  # ValidationError for a period it does not accept
    finally:
        store.close()
    if fmt == "xlsx":
        write_private(output, lambda file: write_daily_workbook(report, file, args.lang))
        _print_json({"output": str(output), "people": report.people_total, "services": report.services_total})
        return 0
    rendered = print_daily_report(report, output, _agency(args), PrintOptions(printed_on=args.printed_on))
    _warn([rendered], args.lang)
    _print_json(_summary(str(output), [rendered]))
    return 0
