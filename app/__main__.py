"""`python -m app` opens the window."""

from app.views.launch import main

raise SystemExit(main())
