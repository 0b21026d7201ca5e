"""The installers' own files: the Linux desktop entry, install.sh and the tarball script (run on a stand-in bundle,
no PyInstaller needed), the PyInstaller spec and the Inno Setup script kept in step with the code."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from app.store.migrate import MIGRATIONS_DIR
from app.views.settings import APPLICATION, ORGANISATION

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"
ISS = ROOT / "installer" / "windows" / "fieldcase.iss"
SPEC = ROOT / "installer" / "fieldcase.spec"


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / "fieldcase.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "fieldcase" and desktop["Icon"] == "fieldcase"
    assert desktop["Name[zh_TW]"].startswith("FieldCase") and desktop["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        subprocess.run([validator, str(LINUX / "fieldcase.desktop")], check=True)


def _fake_bundle(folder: Path, version: str) -> Path:
    """A stand-in for dist/fieldcase: an executable that answers --version, and a library folder."""
    bundle = folder / "fieldcase"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "lib.so").write_text(version)
    program = bundle / "fieldcase"
    program.write_text(f"#!/bin/sh\necho 'FieldCase {version}'\n")
    program.chmod(0o755)
    return bundle


def _sh(*args: str | Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True, timeout=60, env=env)
    return done.stdout


def test_tarball_holds_the_bundle_with_its_desktop_entry(tmp_path: Path) -> None:
    _fake_bundle(tmp_path, "0.1.0")
    out = _sh(LINUX / "make-tarball.sh", tmp_path, "0.1.0")
    tarball = tmp_path / f"fieldcase-0.1.0-linux-{os.uname().machine}.tar.gz"
    assert str(tarball) in out
    with tarfile.open(tarball) as packed:
        names = set(packed.getnames())
    expected = ["fieldcase", "_internal/lib.so", "install.sh", "fieldcase.desktop", "fieldcase.png"]
    assert {f"fieldcase/{name}" for name in expected} <= names


def test_install_upgrade_and_uninstall_keep_the_case_store(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = home / ".local" / "share" / ORGANISATION / APPLICATION
    store.mkdir(parents=True)
    (store / "fieldcase.db").write_bytes(b"encrypted field work")
    env = {**os.environ, "HOME": str(home)}
    env.pop("PREFIX", None)
    prefix = home / ".local"

    for version in ("0.1.0", "0.2.0"):  # install, then upgrade over it
        unpacked = tmp_path / f"unpacked-{version}"
        bundle = _fake_bundle(unpacked, version)
        for name in ("install.sh", "fieldcase.desktop"):
            shutil.copy(LINUX / name, bundle / name)
        shutil.copy(ROOT / "resources" / "icons" / "fieldcase.png", bundle)
        out = _sh(bundle / "install.sh", env=env)
        assert f"FieldCase {version}" in out
        assert _sh(prefix / "bin" / "fieldcase") == f"FieldCase {version}\n"
        assert (prefix / "opt" / "fieldcase" / "_internal" / "lib.so").read_text() == version
    assert not (prefix / "opt" / "fieldcase.old").exists() and not (prefix / "opt" / "fieldcase.new").exists()
    menu = (prefix / "share" / "applications" / "fieldcase.desktop").read_text(encoding="utf-8")
    assert f'Exec="{prefix}/opt/fieldcase/fieldcase"' in menu
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / "fieldcase.png").is_file()

    out = _sh(prefix / "opt" / "fieldcase" / "install.sh", "--uninstall", env=env)
    assert "case store stays" in out
    assert not (prefix / "opt" / "fieldcase").exists() and not (prefix / "bin" / "fieldcase").exists()
    assert not (prefix / "share" / "applications" / "fieldcase.desktop").exists()
    assert (store / "fieldcase.db").read_bytes() == b"encrypted field work"


def test_spec_ships_what_the_app_loads_by_path() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    for folder in ("resources/fonts", "resources/forms", "resources/codes", "resources/icons", "resources/i18n"):
        assert f'files("{folder}"' in spec
    assert MIGRATIONS_DIR == ROOT / "app" / "store" / "migrations"
    assert 'files("app/store/migrations", "*.py", "app/store/migrations")' in spec
    for needed in ("pypdfium2_raw", "sqlcipher3._sqlite3", 'copy_metadata("keyring")', 'copy_metadata("fieldcase")'):
        assert needed in spec
    for backend in ("keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.SecretService"):
        assert backend in spec


def test_inno_setup_script_is_per_user_and_keeps_the_store_unless_asked() -> None:
    iss = ISS.read_text(encoding="utf-8")
    setup = dict(re.findall(r"^(\w+)=(.*)$", iss.split("[Setup]")[1].split("\n[")[0], re.MULTILINE))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["AppId"] == "{{0EBC1BBB-8EF9-48BD-B1E3-21CBD874F061}"  # never changes: upgrades find the old one
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    # The store's folder is Qt's AppLocalDataLocation for the app's organisation and name (app.views.settings).
    assert f'#define DataDir "{{localappdata}}\\{ORGANISATION}"' in iss
    assert APPLICATION == "FieldCase"
    assert r'Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"' in iss
    code = iss.split("[Code]")[1]
    # DelTree runs only on an explicit Yes, whose default (and a silent uninstall's answer) is No.
    assert "MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then" in code
    assert code.index("= IDYES then") < code.index("DelTree(")
    assert code.count("DelTree(") == 1


@pytest.mark.parametrize("script", sorted((ROOT / "installer" / "linux").glob("*.sh")), ids=lambda p: p.name)
def test_shell_scripts_parse(script: Path) -> None:
    subprocess.run(["sh", "-n", str(script)], check=True)
    assert os.access(script, os.X_OK)
