"""Fixtures of the printing tests: one demo store for the whole session, and every document rendered from it once."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.printing import RenderReport, build_view, list_forms, load_template, render
from app.printing.build import PrintOptions
from app.printing.views import DocumentView
from app.store.store import Store
from tests.printing.samples import (
    AGENCY,
    DAILY_FIRST,
    DAILY_LAST,
    POPPLER,
    REPORT_MONTH,
    REPORT_YEAR,
    TODAY,
    Sample,
    add_sample_notes,
    demo_store,
    fits,
    samples,
)


@dataclass(frozen=True)
class Rendered:
    """One document printed for every sample case (or for the report month) in one PDF."""

    doc_id: str
    path: Path
    views: list[DocumentView]
    samples: list[Sample]  # in the order of `views`; empty for the documents not about a case
    report: RenderReport


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with demo_store(tmp_path_factory.mktemp("demo") / "demo.db") as store:
        yield store


@pytest.fixture(scope="session")
def sample_notes(demo: Store) -> tuple[uuid.UUID, uuid.UUID]:
    """The final group supervision record and the draft (samples.add_sample_notes)."""
    with demo.transaction() as session:
        return add_sample_notes(session)


@pytest.fixture(scope="session")
def sample_cases(demo: Store) -> list[Sample]:
    with demo.session() as session:
        return samples(session)


@pytest.fixture(scope="session")
def rendered(
    demo: Store,
    sample_cases: list[Sample],
    sample_notes: tuple[uuid.UUID, uuid.UUID],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Rendered]:
    """Every document, batch-printed for the sample cases (both supervision records, the report month, the daily
    report's weeks)."""
    folder = tmp_path_factory.mktemp("pdf")
    found: dict[str, Rendered] = {}
    with demo.session() as session:
        for doc_id, _zh, _en in list_forms():
            subject = load_template(doc_id).subject
            chosen: list[Sample] = []
            if subject == "month":
                options = [PrintOptions(year=REPORT_YEAR, month=REPORT_MONTH, printed_on=TODAY)]
            elif subject == "supervision":
                options = [PrintOptions(note_id=note_id, printed_on=TODAY) for note_id in sample_notes]
            elif subject == "daily":
                options = [PrintOptions(first_day=DAILY_FIRST, last_day=DAILY_LAST, printed_on=TODAY)]
            else:
                chosen = [s for s in sample_cases if fits(doc_id, s)]
                options = [PrintOptions(case_id=s.case_id, printed_on=TODAY) for s in chosen]
            views = [build_view(session, doc_id, o) for o in options]
            path = folder / f"{doc_id}.pdf"
            found[doc_id] = Rendered(doc_id, path, views, chosen, render(doc_id, views, path, AGENCY))
    return found


@pytest.fixture
def poppler() -> None:
    if not POPPLER:
        pytest.skip("poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) is not installed")
