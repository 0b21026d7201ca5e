"""Test support for the central service: databases (a PostgreSQL schema or a SQLite file), a real uvicorn on
127.0.0.1 in a thread, an HTTP client that speaks the protocol, users, and builders of wire ops."""

from __future__ import annotations

import gzip
import itertools
import json
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import uvicorn
from sqlalchemy import text

from app.sync.schema import PROTOCOL_VERSION
from server.core.config import Settings
from server.core.db import Database
from server.main import create_app
from server.migrate import upgrade
from server.models import Role
from server.services import auth

PG_CONNINFO = "host=127.0.0.1 port=5432 user=postgres dbname=test connect_timeout=3"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "correct-horse-1"
# httpx builds a TLS context (reading the CA bundle: ~50 ms) for every client unless given one; these are plain HTTP.
_TLS = ssl.create_default_context()
_names = itertools.count(1)


def pg_unreachable() -> str | None:
    """Why PostgreSQL cannot be used here, or None when it can."""
    try:
        with psycopg.connect(PG_CONNINFO) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"PostgreSQL is not reachable at 127.0.0.1:5432 (database test): {exc}".strip()
    return None


@contextmanager
def pg_schema_url(label: str) -> Iterator[str]:
    """A URL whose connections work in a fresh schema of their own (dropped afterwards)."""
    schema = f"fcs_{label}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_CONNINFO, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        # Commits without waiting for the disk: the tests need visibility, not durability across a power cut.
        yield f"{PG_URL}?options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"
    finally:
        with psycopg.connect(PG_CONNINFO, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def migrated(url: str) -> Database:
    database = Database(Settings(database_url=url))
    upgrade(database.engine)
    return database


class LiveServer:
    """The real application under uvicorn on a free port of 127.0.0.1, in a thread of this process."""

    def __init__(self, settings: Settings) -> None:
        self.app = create_app(settings)
        # IPPROTO_TCP given explicitly: asyncio sets TCP_NODELAY only on sockets that say so, and without it every
        # keep-alive response waits ~40 ms for the client's delayed ACK.
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=5,
            proxy_headers=settings.behind_proxy,
            forwarded_allow_ips=settings.forwarded_allow_ips,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()

    def client(self, token: str | None = None, **headers: str) -> httpx.Client:
        base = {"X-FieldCase-Protocol": str(PROTOCOL_VERSION)}
        if token:
            base["Authorization"] = f"Bearer {token}"
        base.update(headers)
        return httpx.Client(base_url=self.base_url, headers=base, timeout=30, verify=_TLS)


@dataclass
class Env:
    """One database and the server over it; tests make their own users and teams so they never meet."""

    backend: str
    url: str
    database: Database
    server: LiveServer
    clients: list[httpx.Client] = field(default_factory=list)

    def user(self, role: Role = Role.CASE_MANAGER, team: str | None = None, prefix: str = "u") -> str:
        username = f"{prefix}{next(_names)}.{uuid.uuid4().hex[:6]}"
        with self.database.unit() as session:
            auth.create_user(session, username=username, role=role, team=team or username, password=PASSWORD)
        return username

    def team(self) -> str:
        return f"team-{uuid.uuid4().hex[:8]}"

    def login(self, username: str, password: str = PASSWORD) -> Api:
        client = self.server.client()
        self.clients.append(client)
        response = client.post(
            "/api/v1/auth/login", json={"username": username, "password": password, "device_name": "test"}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        client.headers["Authorization"] = f"Bearer {body['token']}"
        return Api(client, username, body["token"], uuid.UUID(body["device_id"]))

    def close(self) -> None:
        for client in self.clients:
            client.close()

    def sql(self, statement: str, **params: Any) -> list[Any]:
        with self.database.engine.connect() as conn:
            return list(conn.execute(text(statement), params))


@dataclass
class Api:
    client: httpx.Client
    username: str
    token: str
    device_id: uuid.UUID
    seq: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def push_raw(self, ops: list[dict[str, Any]], *, gzip_body: bool = False) -> httpx.Response:
        body = json.dumps({"ops": ops}, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"}
        if gzip_body:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return self.client.post("/api/v1/sync/push", content=body, headers=headers)

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.push_raw(list(ops))
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def push_one(self, op: dict[str, Any]) -> dict[str, Any]:
        return self.push(op)[0]

    def page(self, since: int = 0, limit: int = 500) -> dict[str, Any]:
        response = self.client.get("/api/v1/sync/changes", params={"since": since, "limit": limit})
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def pull(self, since: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], int, str]:
        """Every item after `since`, page by page; (items, cursor, scope hash of the last page)."""
        items: list[dict[str, Any]] = []
        while True:
            page = self.page(since, limit)
            items.extend(page["items"])
            since = page["cursor"]
            if not page["more"]:
                return items, since, page["scope_hash"]

    def records(self, since: int = 0) -> dict[str, dict[str, Any]]:
        """Record id → the latest record item seen after `since`."""
        items, _, _ = self.pull(since)
        return {item["id"]: item for item in items if item["kind"] == "record"}

    def op(
        self,
        record_type: str,
        record_id: str | uuid.UUID,
        fields: dict[str, Any],
        *,
        op: str = "update",
        base_version: int = 0,
        bases: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A wire op; `fields` maps field → new value, `bases` field → base value (default null)."""
        bases = bases or {}
        return {
            "op_id": str(uuid.uuid4()),
            "seq": next(self.seq),
            "record_type": record_type,
            "record_id": str(record_id),
            "op": op,
            "base_version": base_version,
            "fields": {name: {"base": bases.get(name), "new": value} for name, value in fields.items()},
        }

    def new_client(self, **fields: Any) -> tuple[str, dict[str, Any]]:
        client_id = str(uuid.uuid4())
        values = {"id_number": "A123456789", "name": "王小明", "gender": "M", "birth_date": "1990-01-02", **fields}
        return client_id, self.op("client", client_id, values, op="insert")

    def new_case(self, client_id: str, owner: str | None = None, **fields: Any) -> tuple[str, dict[str, Any]]:
        case_id = str(uuid.uuid4())
        values = {
            "client_id": client_id,
            "programme": "vr",
            "source": "self",
            "application_date": "2025-03-03",
            "owner": owner or self.username,
            "county": "TPE",
            **fields,
        }
        return case_id, self.op("case", case_id, values, op="insert")

    def new_record(self, case_id: str, **fields: Any) -> tuple[str, dict[str, Any]]:
        record_id = str(uuid.uuid4())
        values = {"case_id": case_id, "mode": "in_person", "held_on": "2025-03-05", "notes": "初次晤談", **fields}
        return record_id, self.op("service_record", record_id, values, op="insert")

    def caseload(self) -> tuple[str, str]:
        """A new client with a new case of this user, pushed; (client id, case id)."""
        client_id, client_op = self.new_client()
        case_id, case_op = self.new_case(client_id)
        results = self.push(client_op, case_op)
        assert [r["status"] for r in results] == ["applied", "applied"], results
        return client_id, case_id


def start_env(backend: str, url: str, *, behind_proxy: bool = False) -> Env:
    database = migrated(url)
    server = LiveServer(Settings(database_url=url, behind_proxy=behind_proxy)).start()
    return Env(backend=backend, url=url, database=database, server=server)


def stop_env(env: Env) -> None:
    env.close()
    env.server.stop()
    env.database.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
