"""`python -m app` opens the window; `python -m app --self-check` checks the installation instead (app.selfcheck)."""

import sys

if "--self-check" in sys.argv[1:]:
    from app.selfcheck import main
else:
    from app.views.launch import main

raise SystemExit(main())
