"""Progress reports and cancelling for a sync run, for the GUI's progress dialog (no Qt: plain callables)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.sync.errors import SyncError


@dataclass(frozen=True)
class Progress:
    phase: str  # "push", "upload", "pull", "apply", "repair", "download"
    done: int  # ops settled, attachment contents moved or changes received so far in this phase


class SyncCancelled(SyncError):
    """The user cancelled; the run stopped between two steps, each of which was complete."""

    def __init__(self) -> None:
        super().__init__(
            "同步已取消；已完成的部分都已保存，下次同步會接著進行。", "Sync cancelled; what was done so far is kept."
        )


@dataclass(frozen=True)
class RunControl:
    """Called between steps (a push batch, a pulled page): reports progress and stops when cancelled.

    Every step ends in a committed state, so stopping there loses nothing: the next run carries on.
    """

    on_progress: Callable[[Progress], None] | None = None
    cancel: threading.Event | None = None

    def step(self, phase: str, done: int) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise SyncCancelled()
        if self.on_progress is not None:
            self.on_progress(Progress(phase, done))


NO_CONTROL = RunControl()
