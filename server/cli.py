"""`fieldcase-server`: the central service's command line (serve, migrate, create-user … arrive with issue 4)."""

from __future__ import annotations

import argparse

from app import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldcase-server", description="FieldCase central service")
    parser.add_argument("--version", action="version", version=f"fieldcase-server {__version__}")
    parser.parse_args(argv)
    parser.print_help()
    return 0
