"""A laptop's battery dies mid-write: every committed unit of work survives, the store stays sound."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Client, OutboxOp
from app.store import keys
from app.store.store import Store

WRITER = """
import sys
from app.services.validation import make_national_id
from app.store.store import Store
from tests.factories import make_client, make_case, make_record

store = Store.open(sys.argv[1], actor="cm.field")
for n in range(100_000):
    with store.transaction() as db:
        client = make_client(id_number=make_national_id("A", 1, n), name=f"個案{n}", work_history="長" * 500)
        case = make_case(client)
        db.add_all([client, case, make_record(case, notes="晤談內容" * 50)])
    print(n + 1, flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("kill_after", [3, 40])
def test_sigkill_loses_no_committed_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kill_after: int) -> None:
    path = tmp_path / "field.db"
    env = dict(os.environ, FIELDCASE_PASSPHRASE="battery died", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert writer.stdout is not None
    committed = 0
    for line in writer.stdout:
        committed = int(line)
        if committed >= kill_after:
            break
    writer.send_signal(signal.SIGKILL)  # in the middle of the next unit of work
    writer.wait(timeout=30)
    writer.stdout.close()

    monkeypatch.setenv(keys.PASSPHRASE_ENV, "battery died")
    store = Store.open(path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with store.transaction() as db:
        clients = db.scalar(select(func.count()).select_from(Client)) or 0
        ops = db.scalar(select(func.count()).select_from(OutboxOp)) or 0
    assert committed <= clients <= committed + 1  # the one in flight is all there or not at all
    assert ops == 3 * clients  # every row's outbox operation went in with it
    store.close()
