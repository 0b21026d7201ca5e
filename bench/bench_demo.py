"""`fieldcase demo --cases 1000` on a fresh encrypted store; target ≤ 15 s (issue 2)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(cases: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ, FIELDCASE_PASSPHRASE="bench-passphrase", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
        )
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "app.cli",
                "demo",
                "--db",
                str(Path(folder) / "demo.db"),
                "--cases",
                str(cases),
                "--seed",
                "1",
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - started
    print(f"== demo: fieldcase demo --cases {cases}: {elapsed:.1f} s wall (target ≤ 15 s) ==")
