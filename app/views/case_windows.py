"""Open case workspaces, one window per case (several side by side), reused when the same case is asked again."""

from __future__ import annotations

import uuid

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from app.views.runner import StoreRunner
from app.views.workspace import CaseTab, CaseWorkspace
from app.views.workspace.assessment_tab import AssessmentTab
from app.views.workspace.attachments_tab import AttachmentsTab
from app.views.workspace.closure_tab import ClosureTab
from app.views.workspace.employment_tab import EmploymentTab
from app.views.workspace.plan_tab import PlanTab
from app.views.workspace.profile_tab import ProfileTab
from app.views.workspace.records_tab import RecordsTab
from app.views.workspace.referral_tab import ReferralTab
from app.views.workspace.timeline_tab import TimelineTab

# The order of the work (issue 3): 基本資料, 晤談紀錄, 需求評估, 服務計畫, 派案/轉介, 就業, 結案, 附件, 歷程.
WORKSPACE_TABS: tuple[type[CaseTab], ...] = (
    ProfileTab,
    RecordsTab,
    AssessmentTab,
    PlanTab,
    ReferralTab,
    EmploymentTab,
    ClosureTab,
    AttachmentsTab,
    TimelineTab,
)


class CaseWindows(QObject):
    """`read_only`: a supervisor's windows on team cases (app.views.workspace.read_only)."""

    def __init__(self, runner: StoreRunner, parent: QObject | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.runner = runner
        self.read_only = read_only
        self._open: dict[uuid.UUID, CaseWorkspace] = {}

    def open(self, case_id: uuid.UUID, target_kind: str = "", target_id: uuid.UUID | None = None) -> CaseWorkspace:
        workspace = self._open.get(case_id)
        if workspace is None or not shiboken6.isValid(workspace):
            workspace = CaseWorkspace(self.runner, case_id, WORKSPACE_TABS, read_only=self.read_only)
            workspace.setWindowFlag(Qt.WindowType.Window)
            workspace.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            workspace.resize(1100, 760)
            workspace.setWindowTitle("FieldCase")
            workspace.loaded.connect(lambda case, w=workspace: w.setWindowTitle(f"{case.client.name} — FieldCase"))
            self._open[case_id] = workspace
        else:
            workspace.reload()  # opened again: show what changed since (another window may have edited the case)
        if target_kind:
            workspace.open_at(target_kind, target_id)
        workspace.show()
        workspace.raise_()
        workspace.activateWindow()
        return workspace

    def open_windows(self) -> list[QWidget]:
        return [w for w in self._open.values() if shiboken6.isValid(w) and w.isVisible()]
