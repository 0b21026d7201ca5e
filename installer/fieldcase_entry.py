"""The bundle's one program: the window, the command line and the self-check behind one executable.

    fieldcase                          the window (`python -m app`), with its options: --store, --user, --demo, --server
    fieldcase --self-check             check this installation (also `fieldcase self-check`)
    fieldcase demo|print|sync|… ARGS   the command line (`fieldcase` of a pip install, app.cli)

The window takes options only, so a first argument that is a word (a subcommand) or a command-line option
(--lang, --actor) selects the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_OPTIONS = ("--lang", "--actor", "-h", "--help")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-check" in args or args[:1] == ["self-check"]:
        from app.selfcheck import main as self_check

        return self_check()
    if args and (not args[0].startswith("-") or args[0].split("=")[0] in CLI_OPTIONS):
        from app.cli import main as cli

        return cli(args)
    from app.views.launch import main as window

    return window(args)


if __name__ == "__main__":
    raise SystemExit(main())
