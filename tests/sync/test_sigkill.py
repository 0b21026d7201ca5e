"""A laptop process killed with SIGKILL at random moments, many times, mid-edit and mid-sync: a final sync
converges, every committed edit is on the server exactly once, and the encrypted store is intact."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from app.models import Case, ContactAttempt
from app.services.validation import make_national_id
from app.store.store import Store
from app.sync.client import local_scope_hash, login, sync
from app.sync.conflicts import open_conflicts, pending_count, rejected_edits
from tests.factories import make_case, make_client
from tests.sync.file_keyring import PATH_ENV, FileKeyring
from tests.sync.live import PASSWORD, ROOT, LiveServer, env_for_subprocess

KILLS = 20
PASSPHRASE = "field-work-passphrase"


def _start(path: Path, case_id: uuid.UUID, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "tests.sync.edit_loop", str(path), str(case_id)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _wait_ready(log: Path, process: subprocess.Popen[bytes], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while b"ready" not in log.read_bytes():
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError("edit loop did not start:\n" + log.read_text(errors="replace"))
        time.sleep(0.02)


def _notes(store: Store) -> list[str]:
    with store.transaction() as db:
        return sorted(db.scalars(select(ContactAttempt.note)))


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv(PATH_ENV, str(keyring_file))
    keyring.set_keyring(FileKeyring(keyring_file))  # shared with the subprocesses
    monkeypatch.setenv("FIELDCASE_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "laptop.db"
    store = Store.open(path, actor="cm.chen")
    login(store, live_server.url, "cm.chen", PASSWORD, "killed laptop")
    with store.transaction() as db:
        case = make_case(make_client(id_number=make_national_id("B", 2, 7)))
        db.add(case)
    sync(store)
    store.close()

    env = env_for_subprocess(keyring_file, PASSPHRASE)
    rng = random.Random(20261122)
    started = time.monotonic()
    for kill in range(KILLS):
        log = tmp_path / f"loop-{kill}.log"
        process = _start(path, case.id, env, log)
        _wait_ready(log, process)
        time.sleep(rng.uniform(0.0, 0.8))
        process.send_signal(signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL, log.read_text(errors="replace")
    assert time.monotonic() - started < 60
    logs = "".join((tmp_path / f"loop-{k}.log").read_text(errors="replace") for k in range(KILLS))
    assert logs.count("synced") >= 3, "the kills never landed after a sync: the test proves too little"

    store = Store.open(path, actor="cm.chen")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        sync(store)
        final = sync(store)
        assert final.pending == 0 and final.pulled == 0 and not final.drift
        notes = _notes(store)
        made = len(notes)
        assert made >= 10
        assert notes == sorted(f"edit-{n}" for n in range(1, made + 1))  # every committed edit, once
        assert open_conflicts(store) == [] and rejected_edits(store) == []
        assert pending_count(store) == 0

        fresh = Store.open(tmp_path / "check.db", actor="cm.chen")
        try:
            login(fresh, live_server.url, "cm.chen", PASSWORD, "checking laptop")
            sync(fresh)
            assert _notes(fresh) == notes  # the server holds each edit exactly once
            with fresh.transaction() as db:
                assert db.get_one(Case, case.id).intake_assessment == f"v{made}"
            assert local_scope_hash(fresh) == local_scope_hash(store)
        finally:
            fresh.close()
    finally:
        store.close()
    assert '" 500' not in (live_server.folder / "server.log").read_text()
