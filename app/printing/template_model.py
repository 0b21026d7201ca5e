"""The template model: what a form template (resources/forms/*.yaml) can say, as frozen dataclasses.

The format is described for agencies in docs/forms.md; templates.py finds and loads the files, template_reader.py
turns YAML into this model and checks it against the view-models.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal

from app.errors import AppError
from app.printing import views
from app.printing.options import Option

Subject = Literal["case", "month", "supervision", "daily"]
SUBJECTS: Final = typing.get_args(Subject)
SUBJECT_ROOTS: Final[Mapping[Subject, type]] = MappingProxyType(  # the view-model a template's paths start from
    {
        "case": views.CaseDocument,
        "month": views.MonthDocument,
        "supervision": views.SupervisionDocument,
        "daily": views.DailyDocument,
    }
)
Format = Literal["auto", "date", "date_short", "text", "yes_no", "number"]
FORMATS: Final = typing.get_args(Format)
SELECTIONS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "records": ("interview", "service", "follow_up", "all"),
        "referral": ("service", "job"),
        "decision": ("open", "not_open"),
        "programme": ("vr", "supported_employment", "employment_service"),
    }
)
SIGNER_ROLES: Final = tuple(f.name for f in dataclasses.fields(views.Signatures))
AGENCY_ROOT: Final = "agency"
PLACEHOLDER: Final = re.compile(r"\{([A-Za-z0-9_.]+)(?::([a-z_]+))?\}")


class TemplateError(AppError):
    """A template file is missing, or says something the renderer cannot do."""


# --- the template model ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """A labelled value. With `options` it is a checkbox group ticking the options whose code the value has."""

    label: str
    path: str | None  # None: always blank, to fill in by hand
    format: Format = "auto"
    options: tuple[Option, ...] | None = None
    span: int = 1  # columns of the grid this field takes
    lines: int = 1  # height, in lines, of the space to write in when the value is blank


@dataclass(frozen=True)
class FieldsBlock:
    """A grid of fields: label cells shaded, value cells to read or fill in."""

    columns: int
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    path: str | None  # relative to a row; None: an empty column to fill in
    width: float  # share of the table's width
    format: Format = "auto"


@dataclass(frozen=True)
class TableBlock:
    """Rows of a list in the view; headers repeat on every page the table runs onto."""

    path: str | None  # None: a table of blank rows only, to fill in by hand
    columns: tuple[ColumnSpec, ...]
    label: str | None = None
    numbered: bool = False  # a first column 1, 2, 3 …
    blank_rows: int = 0  # empty rows added for handwriting (at least this many rows when the list is short)


@dataclass(frozen=True)
class TextBlock:
    """A long text under a label, wrapping and running onto the next page; ruled lines when it is blank."""

    label: str
    path: str | None
    lines: int = 4


@dataclass(frozen=True)
class ParagraphBlock:
    """Running text with `{path}` (or `{path:date_short}`) placeholders; a blank value prints as ＿＿＿＿."""

    text: str
    align: Literal["left", "center", "right", "justify"] = "left"
    size: float = 0  # 0: the body size
    indent: bool = False  # first-line indent of two characters, as in letters


@dataclass(frozen=True)
class SignerSpec:
    role: str  # a field of views.Signatures: client, guardian, case_manager, supervisor, employer, unit
    label: str
    name_path: str | None = None  # printed under the line when known
    date_path: str | None = None  # the signing date when known; else 民國＿＿年＿＿月＿＿日


@dataclass(frozen=True)
class SignaturesBlock:
    signers: tuple[SignerSpec, ...]


@dataclass(frozen=True)
class PhotosBlock:
    """Frames to paste photographs into (附表3: before and after)."""

    labels: tuple[str, ...]
    height_mm: float = 60


@dataclass(frozen=True)
class MatrixBlock:
    """A table whose columns come from the data (views.Matrix: one column per case manager); split into several
    tables, each repeating the first column, when the columns do not fit across the page."""

    path: str
    label: str | None = None
    label_width: float = 2.5  # the first column's width, as a share of a figure column's


Block = FieldsBlock | TableBlock | TextBlock | ParagraphBlock | SignaturesBlock | PhotosBlock | MatrixBlock


@dataclass(frozen=True)
class Section:
    heading: str | None
    blocks: tuple[Block, ...]
    page_break_before: bool = False
    keep_together: bool = False


@dataclass(frozen=True)
class FormTemplate:
    doc_id: str
    title: str
    title_en: str
    subject: Subject
    sections: tuple[Section, ...]
    path: Path
    form_no: str = ""  # 表2-1, 附表2 …: printed at the top right
    order: int = 0  # position in list_forms()
    reference_format: bool = False  # 參考格式: our reconstruction, not the official layout
    landscape: bool = False  # A4 turned sideways, for wide tables
    source: str = ""  # where the field list comes from
    select: Mapping[str, str] = dataclasses.field(default_factory=dict)
    disclose: tuple[str, ...] | None = None  # only these view paths may print (個人資料保護法 minimisation)
    note: str = ""  # printed small under the title
    footer: str = ""  # printed small at the end of the document


def placeholders(text: str) -> list[tuple[str, str, Format]]:
    """(whole match, path, format) of each `{path}` / `{path:format}` in a paragraph."""
    return [(m.group(0), m.group(1), typing.cast(Format, m.group(2) or "auto")) for m in PLACEHOLDER.finditer(text)]
