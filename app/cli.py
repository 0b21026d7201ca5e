"""`fieldcase`: the desktop client's command line for scripts, admins and tests (documented in the README).

Every subcommand that touches a store takes `--db PATH`. The key comes from the OS keyring, or from
FIELDCASE_PASSPHRASE, or is asked for on the terminal. Expected problems print a message (zh-TW, or English with
`--lang en`) and exit with status 2; nothing is changed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import AppError, ProblemsError
from app.services import clock
from app.services.cases import count_clients
from app.services.rocdate import format_roc, parse_date
from app.store.store import Store

EXIT_PROBLEM = 2
STATUS_ZH = {"overdue": "逾期", "due_today": "今日到期", "upcoming": "即將到期"}


def _prompt(creating: bool) -> str:
    if not sys.stdin.isatty():
        raise AppError(
            "需要資料庫密碼：請設定環境變數 FIELDCASE_PASSPHRASE。", "A passphrase is needed: set FIELDCASE_PASSPHRASE."
        )
    passphrase = getpass.getpass("設定新的資料庫密碼 New passphrase: " if creating else "資料庫密碼 Passphrase: ")
    if creating and getpass.getpass("再輸入一次 Again: ") != passphrase:
        raise AppError("兩次輸入的密碼不同。", "The passphrases differ.")
    return passphrase


def _open(args: argparse.Namespace, *, create: bool = False) -> Store:
    return Store.open(Path(args.db), actor=args.actor, prompt=_prompt, create=create)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return float(value)
    return str(value)


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default))


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import generate_demo

    store = _open(args, create=True)
    try:
        with store.transaction() as db:
            has_clients = count_clients(db) > 0
        if has_clients:
            # Synthetic clients with valid ID numbers would mix with real ones and sync as if real.
            raise AppError(
                "此資料庫已有個案資料，示範資料只能建立在新的資料庫。",
                "This store already holds clients; demo data goes into a new store only.",
            )
        summary = generate_demo(store, args.cases, seed=args.seed, today=args.today)
    finally:
        store.close()
    _print_json(asdict(summary))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.exchange import import_json, import_xlsx

    path = Path(args.file)
    if not Path(args.db).exists():
        print(f"建立新的資料庫 Creating a new store: {args.db}", file=sys.stderr)
    store = _open(args, create=True)
    try:
        summary = (import_xlsx if path.suffix.lower() == ".xlsx" else import_json)(store, path)
    finally:
        store.close()
    _print_json(asdict(summary))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.exchange import export_json, export_xlsx

    store = _open(args)
    try:
        (export_xlsx if args.format == "xlsx" else export_json)(store, Path(args.output))
    finally:
        store.close()
    print(args.output)
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    from app.services.agenda import due_items

    store = _open(args)
    try:
        with store.transaction() as db:
            items = due_items(db, args.on, owners=args.owner or None)
    finally:
        store.close()
    if args.json:
        _print_json([asdict(item) for item in items])
        return 0
    english = args.lang == "en"
    for item in items:
        when = item.due_on.isoformat() if english else format_roc(item.due_on, "short")
        title = item.title_en if english else item.title_zh
        status = item.status.value if english else STATUS_ZH[item.status.value]
        print(f"{when}\t{status}\t{item.owner or '-'}\t{title}")
    return 0


def cmd_kpi(args: argparse.Namespace) -> int:
    from app.services.kpi_report import year_kpi

    store = _open(args)
    try:
        with store.transaction() as db:
            result = year_kpi(db, args.year, county=args.county, case_managers=args.case_managers)
    finally:
        store.close()
    if args.json:
        _print_json(asdict(result))
        return 0
    vr = result.vr
    rate = "—" if vr.closure_rate is None else f"{float(vr.closure_rate):.1%}"
    print(f"{args.year} 年 職業重建個案管理（{vr.county}，職管員 {vr.case_managers} 人）")
    denominator = f"新開案 {vr.opened_this_year} + 前一年度未結案 {vr.open_from_last_year}"
    print(f"  結案率 {rate}（結案 {vr.closed} ÷（{denominator}））")
    print(
        f"  服務人數 {vr.served.total} ／ 目標 {vr.served.target}（前一年度未結案列計 {vr.served.counted_carry_over}）"
    )
    print(f"  推介成功 {result.outcomes.placements}　就業成功 {result.outcomes.employment_successes}")
    se = result.supported_employment
    if se.result is not None:
        r = se.result
        print(
            f"  支持性就業：推介成功 {r.placements_counted} ／ {r.placements_required}，"
            f"支持性就業成功 {r.supported_successes_total} ／ {r.targets.supported_successes}"
        )
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise AppError("請以 --password-stdin 提供密碼。", "Give the password with --password-stdin.")
    return getpass.getpass("密碼 Password: ")


def cmd_login(args: argparse.Namespace) -> int:
    from app.sync.client import login

    password = _password(args)
    store = _open(args, create=True)
    try:
        account = login(store, args.server, args.user, password, args.device_name or _device_name())
    finally:
        store.close()
    _print_json(asdict(account))
    return 0


def _device_name() -> str:
    import platform

    return platform.node() or "FieldCase laptop"


def cmd_sync(args: argparse.Namespace) -> int:
    from app.sync.client import sync, wipe_store
    from app.sync.errors import DeviceRevoked

    store = _open(args)
    try:
        report = sync(store)
    except DeviceRevoked as exc:
        store.close()
        wiped = wipe_store(store.path, store.device_id)
        print(exc.message(args.lang), file=sys.stderr)
        heading = "Removed:" if args.lang == "en" else "已清除："
        print("\n  ".join([heading, *wiped.removed]), file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        store.close()
    _print_json(asdict(report))
    return 0


def cmd_self_check(args: argparse.Namespace) -> int:
    from app.selfcheck import main as self_check

    return self_check()


def _date(text: str) -> date:
    return parse_date(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldcase", description="FieldCase 個案管理 — command line")
    parser.add_argument("--version", action="version", version=f"fieldcase {__version__}")
    parser.add_argument("--lang", choices=["zh-TW", "en"], default="zh-TW", help="message language")
    parser.add_argument("--actor", default="cli", help="user name recorded in the audit log")
    parser.add_argument(
        "--self-check", action="store_true", help="check this installation (store, printing, Qt, fonts) and exit"
    )
    # Required unless --self-check is given (checked in main).
    sub = parser.add_subparsers(dest="command")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db", required=True, help="path of the encrypted case store")
        p.set_defaults(handler=handler)
        return p

    p = command("demo", cmd_demo, "fill a store with a synthetic caseload")
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--today", type=_date, default=None, help="the day the history ends (default: today)")

    p = command("import", cmd_import, "import clients and cases from a JSON or xlsx file (all or nothing)")
    p.add_argument("file")

    p = command("export", cmd_export, "export clients and cases")
    p.add_argument("--format", choices=["json", "xlsx"], default="json")
    p.add_argument("-o", "--output", required=True)

    p = command("deadlines", cmd_deadlines, "what is due and overdue")
    p.add_argument("--on", type=_date, default=clock.today(), help="date (ROC or Gregorian), default today in Taiwan")
    p.add_argument("--owner", action="append", help="case manager (repeat for a team)")
    p.add_argument("--json", action="store_true")

    p = command("kpi", cmd_kpi, "statutory KPIs of a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--county", help="county code or name (default: the county of most cases)")
    p.add_argument("--case-managers", type=int, help="number of case managers (default: owners of active cases)")
    p.add_argument("--json", action="store_true")

    p = command("login", cmd_login, "register this laptop with the sync server (the token goes to the OS keyring)")
    p.add_argument("--server", required=True, help="the server's address, https://…")
    p.add_argument("--user", required=True)
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    p.add_argument("--device-name", help="how the server lists this laptop (default: the computer's name)")

    command("sync", cmd_sync, "push local edits, pull changes, and report (JSON)")
    sub.add_parser("self-check", help="check this installation (same as --self-check)").set_defaults(
        handler=cmd_self_check
    )
    from app.cli_print import add_print_commands

    add_print_commands(sub, _open)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_check:
        return cmd_self_check(args)
    if args.command is None:
        parser.error("the following arguments are required: command")
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except ProblemsError as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return EXIT_PROBLEM
    except AppError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader (`| head`) stopped early; that is not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
