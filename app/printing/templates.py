"""Form templates: YAML files in `resources/forms/` that say what a document prints and where (docs/forms.md).

A template is data, so an agency can put its own layout in place of ours without a release: a file of the same
name in the folder $FIELDCASE_FORMS wins over the shipped one. Every path a template names is checked against the
view-model classes when it is read, so a typo fails with a message naming the file and the field, not with a
half-printed form. Templates of letters that leave the agency list what they may `disclose` (個人資料保護法), and
may not print anything outside that list.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Final

from app.printing.template_model import (
    AGENCY_ROOT,
    FORMATS,
    PLACEHOLDER,
    SELECTIONS,
    SIGNER_ROLES,
    SUBJECTS,
    Block,
    ColumnSpec,
    FieldsBlock,
    FieldSpec,
    Format,
    FormTemplate,
    MatrixBlock,
    ParagraphBlock,
    PhotosBlock,
    Section,
    SignaturesBlock,
    SignerSpec,
    Subject,
    TableBlock,
    TemplateError,
    TextBlock,
    placeholders,
)
from app.printing.template_reader import read_template
from app.services.codes import resources_dir

FORMS_ENV: Final = "FIELDCASE_FORMS"
TEMPLATE_SUFFIX: Final = ".yaml"

__all__ = [
    "AGENCY_ROOT",
    "FORMATS",
    "FORMS_ENV",
    "PLACEHOLDER",
    "SELECTIONS",
    "SIGNER_ROLES",
    "SUBJECTS",
    "TEMPLATE_SUFFIX",
    "Block",
    "ColumnSpec",
    "FieldSpec",
    "FieldsBlock",
    "FormTemplate",
    "Format",
    "MatrixBlock",
    "ParagraphBlock",
    "PhotosBlock",
    "Section",
    "SignaturesBlock",
    "SignerSpec",
    "Subject",
    "TableBlock",
    "TemplateError",
    "TextBlock",
    "doc_ids",
    "forms_dirs",
    "list_forms",
    "load_template",
    "placeholders",
    "template_path",
]


# --- locating -------------------------------------------------------------------------------------------------------


def forms_dirs() -> list[Path]:
    """Folders templates are read from, the first that has a file winning: $FIELDCASE_FORMS, then the shipped
    `resources/forms/`."""
    found = []
    override = os.environ.get(FORMS_ENV, "").strip()
    if override:
        found.append(Path(override).expanduser())
    found.append(resources_dir() / "forms")
    return found


def template_path(doc_id: str) -> Path:
    for folder in forms_dirs():
        candidate = folder / f"{doc_id}{TEMPLATE_SUFFIX}"
        if candidate.is_file():
            return candidate
    raise TemplateError(f"沒有「{doc_id}」這種文件的範本。", f"There is no template for document '{doc_id}'.")


def doc_ids() -> list[str]:
    names: set[str] = set()
    for folder in forms_dirs():
        if folder.is_dir():
            names.update(p.stem for p in folder.glob(f"*{TEMPLATE_SUFFIX}"))
    return sorted(names)


def load_template(doc_id: str) -> FormTemplate:
    """The template of `doc_id`, read again only when its file changed."""
    path = template_path(doc_id)
    return _read(path, path.stat().st_mtime_ns)


def list_forms() -> list[tuple[str, str, str]]:
    """Every printable document as (doc_id, 中文名稱 (with its form number: 表6-1 …), English title), in the order
    of the work."""
    templates = sorted((load_template(d) for d in doc_ids()), key=lambda t: (t.order, t.doc_id))
    return [(t.doc_id, f"{t.form_no} {t.title}" if t.form_no else t.title, t.title_en) for t in templates]


@cache
def _read(path: Path, mtime_ns: int) -> FormTemplate:
    return read_template(path)
