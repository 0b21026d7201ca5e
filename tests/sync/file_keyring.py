"""A keyring backend in a JSON file, for tests whose subprocesses share secrets with the test.

Never shipped: it keeps secrets in plain text. A subprocess selects it with PYTHON_KEYRING_BACKEND (see BACKEND) and
FIELDCASE_TEST_KEYRING=<path>.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.errors
from keyring.backend import KeyringBackend
from keyring.compat import properties

PATH_ENV = "FIELDCASE_TEST_KEYRING"
BACKEND = "tests.sync.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # Only where a test asked for it: keyring considers every backend class it has seen.
        if PATH_ENV not in os.environ:
            raise RuntimeError(f"{PATH_ENV} is not set")
        return 1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = path or Path(os.environ.get(PATH_ENV, "keyring.json"))

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _save(self, secrets: dict[str, str]) -> None:
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(secrets), encoding="utf-8")
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\x00{username}"] = password
        self._save(secrets)

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}\x00{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._save(secrets)
