"""The `fieldcase` command line, run as a real process the way scripts and admins run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "cli test passphrase"


def fieldcase(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FIELDCASE_PASSPHRASE=passphrase, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    result = fieldcase("demo", "--db", str(db), "--cases", "60", "--seed", "3", "--today", "2025-06-30")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["clients"] >= 1
    return db


def test_version() -> None:
    result = fieldcase("--version")
    assert result.returncode == 0 and result.stdout.startswith("fieldcase ")


def test_deadlines_text_and_json(demo_db: Path) -> None:
    text = fieldcase("deadlines", "--db", str(demo_db), "--on", "114/6/30")
    assert text.returncode == 0, text.stderr
    assert "114/07/10" in text.stdout  # the June monthly report, in ROC dates
    data = json.loads(fieldcase("deadlines", "--db", str(demo_db), "--on", "2025-06-30", "--json").stdout)
    assert {item["status"] for item in data} >= {"overdue", "upcoming"}
    owner = next(item["owner"] for item in data if item["owner"])
    mine = json.loads(
        fieldcase("deadlines", "--db", str(demo_db), "--on", "2025-06-30", "--owner", owner, "--json").stdout
    )
    assert mine and all(item["owner"] in (owner, "") for item in mine)


def test_kpi(demo_db: Path) -> None:
    result = fieldcase("kpi", "--db", str(demo_db), "--year", "2025", "--json")
    assert result.returncode == 0, result.stderr
    vr = json.loads(result.stdout)["vr"]
    assert vr["opened_this_year"] + vr["open_from_last_year"] > 0
    assert "結案率" in fieldcase("kpi", "--db", str(demo_db), "--year", "2025").stdout


def test_export_then_import_into_a_new_store(demo_db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "cases.json"
    assert fieldcase("export", "--db", str(demo_db), "-o", str(exported)).returncode == 0
    clients = len(json.loads(exported.read_text(encoding="utf-8"))["clients"])
    result = fieldcase("import", "--db", str(tmp_path / "other.db"), str(exported))
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again.json"
    assert fieldcase("export", "--db", str(tmp_path / "other.db"), "-o", str(again)).returncode == 0
    assert len(json.loads(again.read_text(encoding="utf-8"))["clients"]) == clients
    xlsx = tmp_path / "cases.xlsx"
    assert fieldcase("export", "--db", str(demo_db), "--format", "xlsx", "-o", str(xlsx)).returncode == 0
    assert xlsx.read_bytes()[:2] == b"PK"
    from_xlsx = fieldcase("import", "--db", str(tmp_path / "from-xlsx.db"), str(xlsx))
    assert from_xlsx.returncode == 0, from_xlsx.stderr


def test_bad_import_lists_problems_and_changes_nothing(demo_db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "cases.json"
    fieldcase("export", "--db", str(demo_db), "-o", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["clients"][0]["id_number"] = "A123456788"
    data["clients"][1]["birth_date"] = "2025-02-30"
    exported.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "target.db"
    result = fieldcase("import", "--db", str(target), str(exported))
    assert result.returncode == 2
    assert "檢查碼" in result.stderr and "id_number" in result.stderr and "birth_date" in result.stderr
    english = fieldcase("--lang", "en", "import", "--db", str(target), str(exported))
    assert "nothing was changed" in english.stderr
    empty = tmp_path / "empty.json"
    assert fieldcase("export", "--db", str(target), "-o", str(empty)).returncode == 0
    assert json.loads(empty.read_text(encoding="utf-8"))["clients"] == []


def test_wrong_passphrase_is_a_message_not_a_traceback(demo_db: Path) -> None:
    result = fieldcase("deadlines", "--db", str(demo_db), passphrase="not the passphrase")
    assert result.returncode == 2
    assert "密碼錯誤" in result.stderr and "Traceback" not in result.stderr


def test_demo_refuses_a_store_with_clients(demo_db: Path) -> None:
    result = fieldcase("demo", "--db", str(demo_db), "--cases", "5")
    assert result.returncode == 2 and "新的資料庫" in result.stderr


def test_missing_store(tmp_path: Path) -> None:
    result = fieldcase("--lang", "en", "kpi", "--db", str(tmp_path / "none.db"), "--year", "2025")
    assert result.returncode == 2 and "No store" in result.stderr
