"""`fieldcase-server`: run and administer the central service (documented in `fieldcase-server --help`).

Every subcommand takes `--database-url URL` (or FIELDCASE_DATABASE_URL): `postgresql://user@host/db`, or a SQLite
file path / `sqlite:///path`; the default is an embedded SQLite file in the user's data directory
(server.core.config). Expected problems print a message (zh-TW, then English) and exit with status 2.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import uuid
from collections.abc import Callable, Sequence

from app import __version__
from app.errors import AppError
from server.core.config import DATABASE_URL_ENV, FORWARDED_ALLOW_IPS_ENV, Settings, default_database_url
from server.core.db import Database
from server.models import Device, Role
from server.services import auth

EXIT_PROBLEM = 2
DEMO_TEAM = "臺北市職業重建個案管理服務窗口（示範）"
DEMO_PASSWORD = "fieldcase-demo"
DEMO_USERS = (
    ("cm.chen", "陳怡君", Role.CASE_MANAGER),
    ("cm.lin", "林志明", Role.CASE_MANAGER),
    ("sup.wang", "王淑芬", Role.SUPERVISOR),
    ("admin", "系統管理者", Role.ADMIN),
)


def _settings(args: argparse.Namespace) -> Settings:
    url = getattr(args, "database_url", None) or os.environ.get(DATABASE_URL_ENV) or default_database_url()
    return Settings(
        database_url=url,
        behind_proxy=bool(getattr(args, "behind_proxy", False)),
        forwarded_allow_ips=os.environ.get(FORWARDED_ALLOW_IPS_ENV, "127.0.0.1"),
    )


def _migrated_database(args: argparse.Namespace) -> Database:
    from server.migrate import require_current

    database = Database(_settings(args))
    try:
        require_current(database.engine)
    except Exception:
        database.dispose()
        raise
    return database


def cmd_migrate(args: argparse.Namespace) -> int:
    from server.migrate import upgrade

    database = Database(_settings(args))
    try:
        before, after = upgrade(database.engine)
    finally:
        database.dispose()
    where = database.engine.url.render_as_string(hide_password=True)
    if before == after:
        print(f"資料庫已是最新版本 {after}。 The database is up to date ({after}): {where}")
    else:
        print(f"資料庫已升級：{before or '（空）'} → {after}。 Migrated {before or '(empty)'} → {after}: {where}")
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.main import create_app

    if not _loopback(args.host) and not args.behind_proxy:
        raise AppError(
            f"同步服務只以未加密的 HTTP 提供；要在 {args.host} 上對外服務，請放在負責 HTTPS 的反向代理之後，"
            "並加上 --behind-proxy。",
            f"The service speaks plain HTTP; to listen on {args.host} put it behind a reverse proxy that "
            "terminates HTTPS, and add --behind-proxy.",
        )
    settings = _settings(args)
    app = create_app(settings)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        proxy_headers=settings.behind_proxy,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        log_level=args.log_level,
    )
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    if not args.password_stdin:
        raise AppError(
            "請用 --password-stdin 由標準輸入提供密碼（避免密碼出現在指令歷史中）。",
            "Give the password on standard input with --password-stdin (keeps it out of shell history).",
        )
    password = sys.stdin.readline().rstrip("\r\n")
    database = _migrated_database(args)
    try:
        with database.unit() as session:
            user = auth.create_user(
                session,
                username=args.username,
                role=Role(args.role),
                team=args.team,
                password=password,
                display_name=args.display_name or "",
            )
            team = user.team.name
    finally:
        database.dispose()
    print(f"已建立使用者 {args.username}（{args.role}，{team}）。 Created user {args.username} ({args.role}, {team}).")
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    database = _migrated_database(args)
    try:
        with database.unit() as session:
            revoked = auth.revoke(session, "cli", device_id=args.device_id, username=args.user, address="cli")
            ids = [str(device.id) for device in revoked]
    finally:
        database.dispose()
    for device_id in ids:
        print(device_id)
    print(f"已停用 {len(ids)} 台裝置。 Revoked {len(ids)} device(s).", file=sys.stderr)
    return 0


def cmd_list_devices(args: argparse.Namespace) -> int:
    database = _migrated_database(args)
    try:
        with database.unit() as session:
            rows = [
                (
                    str(device.id),
                    device.user.username,
                    device.name or "-",
                    device.created_at.isoformat(timespec="seconds"),
                    device.last_seen_at.isoformat(timespec="seconds") if device.last_seen_at else "-",
                    _device_state(device),
                )
                for device in auth.list_devices(session, args.user)
            ]
    finally:
        database.dispose()
    print("device_id\tuser\tname\tcreated\tlast_seen\tstate")
    for row in rows:
        print("\t".join(row))
    return 0


def _device_state(device: Device) -> str:
    """`active`, `revoked <time>` (by an admin: it wipes its store) or `logged-out <time>` (by its user)."""
    if device.revoked_at is not None:
        return f"revoked {device.revoked_at.isoformat(timespec='seconds')}"
    if device.logged_out_at is not None:
        return f"logged-out {device.logged_out_at.isoformat(timespec='seconds')}"
    return "active"


def cmd_team_setting(args: argparse.Namespace) -> int:
    from server.services import teams

    signoff = None if args.closure_signoff is None else args.closure_signoff == "on"
    database = _migrated_database(args)
    try:
        with database.unit() as session:
            settings = teams.change_settings(session, args.team, closure_signoff=signoff)
    finally:
        database.dispose()
    state = "on" if settings.closure_signoff else "off"
    print(f"{args.team}\tclosure-signoff\t{state}")
    if signoff is not None:
        print(
            f"已更新；各筆電下次同步時生效。 Saved; laptops take it at their next sync (closure sign-off {state}).",
            file=sys.stderr,
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from server.models import User

    database = _migrated_database(args)
    created = []
    try:
        with database.unit() as session:
            for username, display_name, role in DEMO_USERS:
                if session.scalar(select(User.id).where(User.username == username)) is None:
                    auth.create_user(
                        session,
                        username=username,
                        role=role,
                        team=DEMO_TEAM,
                        password=DEMO_PASSWORD,
                        display_name=display_name,
                    )
                    created.append(username)
    finally:
        database.dispose()
    print(f"示範團隊 Demo team: {DEMO_TEAM}")
    for username, display_name, role in DEMO_USERS:
        state = "new" if username in created else "exists"
        print(f"  {username}\t{role.value}\t{display_name}\t({state})")
    print(f"示範帳號密碼 Demo password (all demo accounts): {DEMO_PASSWORD}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldcase-server", description="FieldCase 同步服務 — central service")
    parser.add_argument("--version", action="version", version=f"fieldcase-server {__version__}")
    url_help = f"database URL (default: ${DATABASE_URL_ENV}, else {default_database_url()})"
    parser.add_argument("--database-url", help=url_help)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: given before the subcommand, the value must survive the subparser's own default.
        p.add_argument("--database-url", default=argparse.SUPPRESS, help=url_help)
        p.set_defaults(handler=handler)
        return p

    p = command(
        "serve",
        cmd_serve,
        "run the service (plain HTTP: only on a loopback address, unless --behind-proxy says a reverse proxy in "
        "front of it terminates HTTPS)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--behind-proxy",
        action="store_true",
        help="allow a non-loopback --host and take client addresses from X-Forwarded-For sent by "
        f"${FORWARDED_ALLOW_IPS_ENV} (default 127.0.0.1); use only behind a proxy that terminates HTTPS",
    )
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])

    command("migrate", cmd_migrate, "create or upgrade the database schema")

    p = command("create-user", cmd_create_user, "add a user (the team is created if missing)")
    p.add_argument("--username", required=True)
    p.add_argument("--role", required=True, choices=[role.value for role in Role])
    p.add_argument("--team", required=True, help="team (office) name")
    p.add_argument("--display-name", help="name shown in the app")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")

    p = command("revoke-device", cmd_revoke_device, "revoke a device (it wipes its local store at its next contact)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--device-id", type=uuid.UUID, help="one device")
    which.add_argument("--user", help="every device of this user")

    p = command("list-devices", cmd_list_devices, "list devices (tab-separated)")
    p.add_argument("--user", help="only this user's devices")

    p = command(
        "team-setting",
        cmd_team_setting,
        "show or change a team's settings: --closure-signoff on makes every closure wait for the supervisor's approval",
    )
    p.add_argument("--team", required=True, help="team (office) name")
    p.add_argument(
        "--closure-signoff",
        choices=["on", "off"],
        help="結案須經督導核准: a case closes only once the supervisor approved its closure (default: off)",
    )

    command(
        "demo",
        cmd_demo,
        f"add the demo team and accounts (cm.chen, cm.lin, sup.wang, admin; password {DEMO_PASSWORD}); idempotent",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except AppError as exc:
        print(f"{exc.message_zh}\n{exc.message_en}", file=sys.stderr)
        return EXIT_PROBLEM


if __name__ == "__main__":
    raise SystemExit(main())
