"""Printing: forms and letters as PDF (DESIGN.md, "Printing"). No Qt here; the views call this API.

    views = [build_view(session, "service_plan", PrintOptions(case_id=case_id)) for case_id in chosen]
    report = render("service_plan", views, Path("plans.pdf"), AgencyInfo("某某職業重建服務窗口"))

`list_forms()` lists what can be printed; `form_info(doc_id)` says whether a document is about a case or a month.
"""

from app.printing.build import PrintOptions, build_view, build_views
from app.printing.fonts import BundledFont, bundled_font, register_fonts
from app.printing.render import MissingCharacter, RenderReport, render
from app.printing.templates import FormTemplate, TemplateError, list_forms, load_template
from app.printing.views import AgencyInfo, CaseDocument, DocumentView, MonthDocument, Signatures

form_info = load_template

__all__ = [
    "AgencyInfo",
    "BundledFont",
    "CaseDocument",
    "DocumentView",
    "FormTemplate",
    "MissingCharacter",
    "MonthDocument",
    "PrintOptions",
    "RenderReport",
    "Signatures",
    "TemplateError",
    "build_view",
    "build_views",
    "bundled_font",
    "form_info",
    "list_forms",
    "load_template",
    "register_fonts",
    "render",
]
