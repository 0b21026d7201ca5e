"""Run every benchmark and print its figures (`make bench`)."""

import os
import platform
from datetime import datetime

from bench import (
    bench_caseload,
    bench_demo,
    bench_gui,
    bench_open,
    bench_push,
    bench_server_aggregates,
    bench_store,
    bench_supervisor,
    bench_sync,
)

machine = platform.processor() or platform.machine()
print(
    f"FieldCase benchmarks — {datetime.now():%Y-%m-%d %H:%M} — {platform.node()} — {machine}, "
    f"{os.cpu_count()} cores, Python {platform.python_version()}"
)
bench_demo.main()
bench_open.main()
bench_store.main()
bench_caseload.main()
bench_gui.main()
bench_sync.main()
bench_push.main([])
bench_supervisor.main()
bench_server_aggregates.main()
