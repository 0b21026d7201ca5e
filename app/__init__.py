"""FieldCase: the case manager's offline desktop client.

`__version__` is the version in pyproject.toml: read from the installed package's metadata (a pip install, an
editable install, or the PyInstaller bundle, which carries the metadata), else straight from pyproject.toml when the
code runs from a source tree that was never installed.
"""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

UNKNOWN_VERSION = "0+unknown"


def _version() -> str:
    try:
        return version("fieldcase")
    except PackageNotFoundError:
        return _source_tree_version(Path(__file__).resolve().parents[1] / "pyproject.toml")


def _source_tree_version(pyproject: Path) -> str:
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return UNKNOWN_VERSION
    if project.get("name") != "fieldcase" or not isinstance(project.get("version"), str):
        return UNKNOWN_VERSION
    return str(project["version"])


__version__ = _version()
