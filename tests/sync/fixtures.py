"""A real central service for the live tests (sync and GUI): one migrated template database per run, one server
per test. A plugin of the root conftest (`pytest_plugins`), so every test directory can ask for `live_server`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.live import LiveServer, running_server, template_once


@pytest.fixture(scope="session")
def server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_once(tmp_path_factory.mktemp("server-template"))


@pytest.fixture
def live_server(tmp_path: Path, server_template: Path) -> Iterator[LiveServer]:
    with running_server(tmp_path / "server", server_template) as server:
        yield server
