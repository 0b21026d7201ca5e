"""Installing another version keeps the local store: an older program refuses a store a newer one has migrated,
clearly and without changing a byte of it.

The other direction (a newer version migrates an older store after a backup, keeping every row and the unsynced
outbox) is proven by tests/store/test_migrate.py: test_upgrade_keeps_unsynced_edits and
test_backup_holds_the_pre_migration_state (docs/install.md refers to both).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app import cli
from app.errors import StoreError
from app.models import Client
from app.store.backup import backups_dir
from app.store.store import Store
from tests.factories import make_client

FUTURE_REVISION = "0042_made_by_fieldcase_9"


def _store_from_a_newer_version(path: Path) -> None:
    """What a laptop holds after a newer FieldCase ran on it and someone reinstalled an older one."""
    store = Store.open(path, actor="cm.chen")
    with store.transaction() as db:
        db.add(make_client(name="林美玲", id_number="A223456781"))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": FUTURE_REVISION})
    store.close()


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.usefixtures("no_keyring")
def test_an_older_program_refuses_a_newer_store_and_leaves_it_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FIELDCASE_PASSPHRASE", "laptop passphrase")
    path = tmp_path / "fieldcase.db"
    _store_from_a_newer_version(path)
    before = _fingerprint(tmp_path)

    with pytest.raises(StoreError) as refused:
        Store.open(path, actor="cm.chen")
    assert refused.value.message_zh == "此資料庫由較新版本的 FieldCase 建立，請先更新程式再開啟。"
    assert refused.value.message_en == "This store was made by a newer FieldCase; update the program before opening it."

    # What the user sees from the command line: the message, status 2.
    assert cli.main(["--lang", "en", "deadlines", "--db", str(path)]) == cli.EXIT_PROBLEM
    assert "update the program before opening it" in capsys.readouterr().err
    assert cli.main(["deadlines", "--db", str(path)]) == cli.EXIT_PROBLEM
    assert "請先更新程式再開啟" in capsys.readouterr().err

    assert _fingerprint(tmp_path) == before  # the store, its key file: not a byte changed
    assert not backups_dir(path).exists()  # nor was a "backup" made of it

    # Once the newer program is back (here: the revision it knows), the data are all there.
    from app.store.engine import make_engine
    from app.store.keys import candidate_keys
    from app.store.migrate import head_revision

    key = next(candidate_keys(path))
    engine = make_engine(path, key)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": head_revision()})
    engine.dispose()
    store = Store.open(path, actor="cm.chen")
    with store.transaction() as db:
        assert db.scalars(select(Client.name)).all() == ["林美玲"]
    store.close()
