"""DESIGN.md's layer rule: models, store, services, sync and printing never import Qt; views never touch the store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ["app/models", "app/store", "app/services", "app/sync", "app/printing", "server"]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "app.views")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


@pytest.mark.parametrize("package", QT_FREE)
def test_no_qt_below_the_views(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    offenders = [
        f"{f.relative_to(ROOT)} imports {m}" for f in files for m in imported_modules(f) if m.startswith(QT_MODULES)
    ]
    assert offenders == []


def test_the_checker_sees_qt_imports(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport app.views.main\n")
    assert imported_modules(sample) == ["PySide6.QtWidgets", "app.views.main"]
