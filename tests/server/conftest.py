"""Fixtures of the central service's tests: a database per module (a fresh PostgreSQL schema, or a SQLite file) with
the real application under uvicorn on 127.0.0.1. PostgreSQL tests skip, saying why, only when it is unreachable."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from server.core import security
from tests.server.support import Env, pg_schema_url, pg_unreachable, sqlite_url, start_env, stop_env

# Cheap argon2 parameters, so that the many test logins do not spend seconds hashing (verify follows the hash).
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
BACKENDS = ["postgresql", "sqlite"]


@pytest.fixture(scope="session", autouse=True)
def fast_passwords() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(security, "_hasher", lambda: FAST_HASHER)
        yield


@pytest.fixture(scope="session")
def postgres() -> None:
    reason = pg_unreachable()
    if reason:
        pytest.skip(reason)


@contextmanager
def running_env(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory, **options: bool
) -> Iterator[Env]:
    if backend == "postgresql":
        request.getfixturevalue("postgres")
        label = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")[:16]
        with pg_schema_url(label) as url:
            env = start_env(backend, url, **options)
            try:
                yield env
            finally:
                stop_env(env)
    else:
        # In memory-backed /dev/shm where there is one: every commit of a SQLite writer waits for fsync.
        shm = Path("/dev/shm")
        with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else tmp_path_factory.getbasetemp()) as directory:
            env = start_env(backend, sqlite_url(Path(directory) / "server.db"), **options)
            try:
                yield env
            finally:
                stop_env(env)


@pytest.fixture(scope="module", params=BACKENDS)
def env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    """The service on PostgreSQL and on SQLite, one database per test module."""
    with running_env(request, request.param, tmp_path_factory) as running:
        yield running


@pytest.fixture(scope="module")
def pg_env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    """The service on PostgreSQL only."""
    with running_env(request, "postgresql", tmp_path_factory) as running:
        yield running
