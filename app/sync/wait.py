"""`python -m app.sync.wait URL [SECONDS]`: wait until a central service answers its health check (for `make run`).

Exits 0 once GET /api/v1/health answers, 1 with a message if it does not within the time (default 30 s).
"""

from __future__ import annotations

import sys
import time

import httpx


def wait_for_server(url: str, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url.rstrip('/')}/api/v1/health", timeout=1.0).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    url, seconds = args[0], float(args[1]) if len(args) > 1 else 30.0
    if wait_for_server(url, seconds):
        return 0
    print(f"同步伺服器 {url} 沒有回應。The sync server {url} did not answer within {seconds:.0f} s.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
