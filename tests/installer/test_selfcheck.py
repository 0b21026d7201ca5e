"""`fieldcase --self-check` from the source tree (CI runs the same on the built bundle, see .ci/run)."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import keyring
import pytest

from app import cli, selfcheck
from app.store.keys import PASSPHRASE_ENV
from app.views import i18n
from tests.conftest import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


def test_every_check_passes_from_the_source_tree(capsys: pytest.CaptureFixture[str], memory_keyring: object) -> None:
    assert cli.main(["--self-check"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    checks = [line for line in lines if line.startswith(("✓", "✗"))]
    assert len(checks) >= 10 and all(line.startswith("✓") for line in checks), out
    for words in ("加密資料庫", "Encrypted store", "內嵌字型", "UMing", "offscreen", "fieldcase_en.qm"):
        assert words in out
    backend = selfcheck.PLATFORM_BACKENDS.get(sys.platform, "SecretService")
    assert f"{backend} backend present" in out  # keyring's backends found through the package metadata
    assert "All" in lines[-2] and "checks passed" in lines[-2]
    # It used a throw-away key: the user's keyring and the environment are as they were.
    assert keyring.get_keyring() is memory_keyring
    assert isinstance(memory_keyring, MemoryKeyring) and memory_keyring.secrets == {}
    assert PASSPHRASE_ENV not in os.environ


def test_a_failed_check_is_marked_and_fails_the_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken_store(context: object) -> str:
        raise RuntimeError("sqlcipher3 extension missing")

    monkeypatch.setattr(selfcheck, "_check_store", broken_store)
    monkeypatch.setattr(i18n, "ENGLISH_CATALOG", tmp_path / "missing.qm")
    assert cli.main(["self-check"]) == 1
    out = capsys.readouterr().out
    assert "✗ 加密資料庫（建立、遷移、寫入、讀回） Encrypted store: RuntimeError: sqlcipher3 extension missing" in out
    assert "✗ 列印 PDF 與內嵌字型 Printing to PDF with the embedded font: no store to print from" in out
    assert "✗ 英文翻譯檔 English catalog (.qm)" in out and "make translations" in out
    assert "3 項未通過。 3 of " in out
    assert "✓ 內建字型（Qt）" in out  # the others still ran


def test_report_falls_back_to_ascii_marks() -> None:
    checks = [selfcheck.Check("版本", "Version", True, "0.1.0"), selfcheck.Check("列印", "Printing", False, "no font")]
    assert selfcheck.report(checks, ("OK", "FAIL")).splitlines()[1:] == [
        "OK 版本 Version: 0.1.0",
        "FAIL 列印 Printing: no font",
        "1 項未通過。 1 of 2 checks failed.",
    ]


def _entry() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fieldcase_entry", ROOT / "installer" / "fieldcase_entry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--self-check"], "self-check"),
        (["self-check"], "self-check"),
        (["--lang", "en", "--self-check"], "self-check"),
        (["demo", "--db", "x.db", "--cases", "3"], "cli"),
        (["--lang", "en", "kpi", "--db", "x.db", "--year", "2025"], "cli"),
        (["--help"], "cli"),
        ([], "window"),
        (["--store", "x.db", "--demo", "20"], "window"),
        (["--version"], "window"),
    ],
)
def test_the_bundle_entry_sends_each_command_to_its_program(
    argv: list[str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundle has one executable for the window, the command line and the self-check."""
    from app.views import launch

    called: list[tuple[str, object]] = []

    def recorder(name: str) -> Callable[..., int]:
        def run(args: object = None) -> int:
            called.append((name, args))
            return 0

        return run

    monkeypatch.setattr(selfcheck, "main", recorder("self-check"))
    monkeypatch.setattr(cli, "main", recorder("cli"))
    monkeypatch.setattr(launch, "main", recorder("window"))
    assert _entry().main(argv) == 0
    assert [name for name, _ in called] == [expected]
    if expected != "self-check":
        assert called[0][1] == argv


def test_tls_check_reads_the_ca_list_the_sync_client_uses(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert selfcheck._check_tls().endswith("CA certificates (certifi)")
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))  # an agency's CA folder, left empty
    with pytest.raises(RuntimeError, match="holds no certificates"):
        selfcheck._check_tls()
