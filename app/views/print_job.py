"""A print job of the desktop app: what to print, the store job that builds and renders it, and where it is kept.

The PDF and any signature captured for it hold personal data, so they live only in a private temporary folder
(mode 0700, one per job) that is removed when the preview closes; nothing stays behind unless the user saves a copy
(0600). Folders a crash left behind are removed at the next start (`remove_stale_folders`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from app.errors import AppError, RuleError
from app.printing import AgencyInfo, FormTemplate, PrintOptions, build_view, list_forms, load_template
from app.printing.build import build_note_views
from app.printing.bundle import render_bundle
from app.printing.render import RenderReport
from app.printing.templates import (
    FieldsBlock,
    ParagraphBlock,
    SignaturesBlock,
    SignerSpec,
    TableBlock,
    TextBlock,
    placeholders,
)
from app.printing.views import DocumentView
from app.services.exchange_json import write_private

FOLDER_PREFIX: Final = "fieldcase-print-"
STALE_AFTER_SECONDS: Final = 12 * 3600
SIGNED_BY_CLIENT: Final = ("client", "guardian")  # the signatures the print dialog can capture on the spot


class PrivateFolder:
    """A temporary folder only its user can read (mkdtemp makes it 0700), for one print job."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))

    def file(self, name: str) -> Path:
        return self.path / name

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def remove_stale_folders(now: float | None = None) -> list[Path]:
    """Remove print folders older than STALE_AFTER_SECONDS that a crash left in the temporary directory."""
    now = time.time() if now is None else now
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_AFTER_SECONDS:
                shutil.rmtree(folder)
                removed.append(folder)
    return removed


@dataclass(frozen=True)
class PrintRequest:
    """One document kind for some cases, or for some supervision records (`note_ids`); with neither, documents of a
    period (monthly reports, the daily report: `doc_ids` in order, the period in `options`)."""

    doc_ids: tuple[str, ...]
    agency: AgencyInfo
    case_ids: tuple[uuid.UUID, ...] = ()
    note_ids: tuple[uuid.UUID, ...] = ()
    options: PrintOptions = field(default_factory=PrintOptions)
    skip_unfit: bool = False  # batch: leave out (and name) cases the document does not fit, e.g. another notice


@dataclass(frozen=True)
class PrintedPdf:
    """A rendered job: the PDF in the job's private folder, and what the user should know about it."""

    path: Path
    title: str
    documents: int
    pages: int
    warnings: tuple[str, ...]  # characters no font has, unreadable logo or signature, cases left out


def print_job(request: PrintRequest, folder: PrivateFolder) -> Callable[[Any], PrintedPdf]:
    """The store job (runner.run) that builds the views and renders them into `folder`."""

    def job(session: Any) -> PrintedPdf:
        parts: list[tuple[str, list[DocumentView]]] = []
        skipped: list[str] = []
        for doc_id in request.doc_ids:
            if request.note_ids:
                parts.append((doc_id, build_note_views(session, request.note_ids, request.options, doc_id)))
                continue
            if not request.case_ids:
                parts.append((doc_id, [build_view(session, doc_id, request.options)]))
                continue
            views = []
            for case_id in request.case_ids:
                try:
                    views.append(build_view(session, doc_id, dataclasses.replace(request.options, case_id=case_id)))
                except RuleError as exc:
                    if not request.skip_unfit:
                        raise
                    skipped.append(f"未列印：{exc.message_zh}")
            if not views:
                raise AppError(
                    "選取的個案都不適用這份文件：" + "；".join(skipped),
                    "The document fits none of the chosen cases.",
                )
            parts.append((doc_id, views))
        path = folder.file(f"{request.doc_ids[0]}.pdf")
        return printed_pdf(path, render_bundle(parts, path, request.agency), skipped)

    return job


def printed_pdf(path: Path, reports: Sequence[RenderReport], notes: Sequence[str] = ()) -> PrintedPdf:
    """What the preview shows of a rendered file: its documents' names, counts and warnings (`notes` first)."""
    return PrintedPdf(
        path=path,
        title="、".join(template_name(load_template(r.doc_id)) for r in reports),
        documents=sum(r.documents for r in reports),
        pages=sum(r.pages for r in reports),
        warnings=(*notes, *(w for r in reports for w in r.warnings)),
    )


def template_name(template: FormTemplate) -> str:
    return f"{template.form_no} {template.title}" if template.form_no else template.title


def save_copy(source: Path, target: Path) -> None:
    """Copy a printed PDF where the user chose, owner-only (0600: it holds personal data) and atomically."""
    with source.open("rb") as data:
        write_private(target, lambda out: shutil.copyfileobj(data, out))


# --- what a template asks of the print dialog -------------------------------------------------------------------


def template_paths(template: FormTemplate) -> Iterator[str]:
    """Every view path a template prints (fields, tables, texts, paragraph placeholders, signer names and dates)."""
    for section in template.sections:
        for block in section.blocks:
            if isinstance(block, FieldsBlock):
                yield from (f.path for f in block.fields if f.path)
            elif isinstance(block, TableBlock | TextBlock) and block.path:
                yield block.path
            elif isinstance(block, ParagraphBlock):
                yield from (path for _, path, _ in placeholders(block.text))
            elif isinstance(block, SignaturesBlock):
                for signer in block.signers:
                    yield from (p for p in (signer.name_path, signer.date_path) if p)


def has_addressee(template: FormTemplate) -> bool:
    """Whether the document is a letter to an addressee (the notices): it prints `notice.*`."""
    return any(path == "notice" or path.startswith("notice.") for path in template_paths(template))


def client_signers(template: FormTemplate) -> list[SignerSpec]:
    """The signature lines the client or their guardian may sign on screen (計畫書, 同意書 …), once per role."""
    found: dict[str, SignerSpec] = {}
    for section in template.sections:
        for block in section.blocks:
            if isinstance(block, SignaturesBlock):
                for signer in block.signers:
                    if signer.role in SIGNED_BY_CLIENT:
                        found.setdefault(signer.role, signer)
    return list(found.values())


def documents_about(subject: str) -> list[tuple[str, str, str]]:
    """The documents about a case (`case`) or a month (`month`), as (doc_id, 中文名稱, English title), in the
    order of the work."""
    return [form for form in list_forms() if load_template(form[0]).subject == subject]
