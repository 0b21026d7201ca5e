"""DESIGN.md's layer rule: models, store, services, sync and printing never import Qt; views never touch the store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ["app/models", "app/store", "app/services", "app/sync", "app/printing", "server"]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "app.views")


def imported_modules(path: Path) -> list[str]:
    """Absolute names of every module a file imports, relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.append(".".join([*base, *([node.module] if node.module else [])]))
    return found


@pytest.mark.parametrize("package", QT_FREE)
def test_no_qt_below_the_views(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    offenders = [
        f"{f.relative_to(ROOT)} imports {m}" for f in files for m in imported_modules(f) if m.startswith(QT_MODULES)
    ]
    assert offenders == []


def test_views_never_open_the_store_themselves() -> None:
    """Views go through the runner, which runs store jobs off the GUI thread; a session or engine opened in a widget
    would run queries on the GUI thread. Only the runner and start-up (unlocking the store) may touch it."""
    allowed = {"runner.py", "launch.py", "unlock.py", "screenshots.py"}
    offenders = [
        f"{f.relative_to(ROOT)} imports {m}"
        for f in (ROOT / "app" / "views").rglob("*.py")
        if f.name not in allowed
        for m in imported_modules(f)
        if m.startswith(("app.store", "sqlalchemy", "sqlcipher3"))
    ]
    assert offenders == []


def test_the_checker_sees_every_kind_of_import() -> None:
    sample = ROOT / "app" / "services" / "_layer_probe.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport app.views.main\nfrom ..views import launch\n")
    try:
        assert imported_modules(sample) == ["PySide6.QtWidgets", "app.views.main", "app.views"]
    finally:
        sample.unlink()
