"""個案工作區: one case, its header, and a tab per part of the work."""

from app.views.workspace.base import CaseTab
from app.views.workspace.workspace import CaseWorkspace

__all__ = ["CaseTab", "CaseWorkspace"]
