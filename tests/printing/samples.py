"""A small demo store with a case in every stage, and the PDF tools the printing tests read their output with.

Run as a script to redraw the pictures of docs/forms/ (one page of every document):
``.venv/bin/python -m tests.printing.samples``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import keyring
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Client
from app.models.enums import IntakeDecision, Stage
from app.printing import AgencyInfo, PrintOptions, build_view, list_forms, load_template, render
from app.services.demo import generate_demo
from app.store.store import Store
from tests.conftest import MemoryKeyring

TODAY = date(2025, 6, 30)
REPORT_YEAR, REPORT_MONTH = 2025, 5
DEMO_CASES = 20
AGENCY = AgencyInfo("社團法人中華職業重建服務協會", address="臺北市中正區忠孝東路一段1號", phone="02-2345-6789")
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm"))
DOCS_PICTURES = Path(__file__).resolve().parents[2] / "docs" / "forms"


@dataclass(frozen=True)
class Sample:
    """A case of the demo store chosen for what it has to print."""

    case_id: uuid.UUID
    name: str
    stage: Stage
    decision: IntakeDecision | None


@contextmanager
def demo_store(path: Path) -> Iterator[Store]:
    """A demo store of DEMO_CASES cases, made with an in-memory keyring (kept only while the store is made)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        store = Store.open(path, actor="cm.chen")
        generate_demo(store, DEMO_CASES, seed=1, today=TODAY)
    finally:
        keyring.set_keyring(previous)
    try:
        yield store
    finally:
        store.close()


def samples(session: Session) -> list[Sample]:
    """One case of each stage A–G plus the richest cases (most referrals, a transfer), so that plans, referrals,
    jobs, closures and hand-overs all get printed."""
    cases = list(session.scalars(select(Case).join(Client).order_by(Client.name)))
    chosen: dict[uuid.UUID, Case] = {}
    for stage in Stage:
        found = [c for c in cases if c.stage == stage]
        if found:
            best = max(found, key=lambda c: (len(c.referrals) + len(c.employments) + len(c.plans), c.client.name))
            chosen[best.id] = best
    for case in cases:
        if case.transfers or case.decision == IntakeDecision.NOT_OPEN:
            chosen[case.id] = case
    return [Sample(c.id, c.client.name, c.stage, c.decision) for c in chosen.values()]


def fits(doc_id: str, sample: Sample) -> bool:
    """Whether the document can be printed for the case (a notice only for its own decision)."""
    wanted = load_template(doc_id).select.get("decision")
    return wanted is None or sample.decision is None or sample.decision.value == wanted


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF in drawing order (`-raw`: a table cell's lines stay together)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> list[list[str]]:
    """pdffonts' table rows, split into columns (name, type, encoding, emb, sub, uni, object, generation)."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def squeeze(text: str) -> str:
    """Text without any whitespace: a value wrapped over two lines still matches."""
    return "".join(text.split())


# --- pictures for docs/forms.md -----------------------------------------------------------------------------------

PICTURE_CASES = {  # the demo case whose data shows each document best (by client name, seed 1, TODAY)
    "not_open_notice": "蘇文德",
    "handover": "羅哲承",
    "job_card": "姚昇琴",
    "follow_up_records": "黃𡘙慧",
    "se_form_3_2": "諸葛思彤",
    "se_form_4_1": "諸葛思彤",
    "job_redesign_visit": "諸葛思彤",
    "job_redesign_report": "諸葛思彤",
}
DEFAULT_PICTURE_CASE = "莊琪"


def _picture_options(session: Session, doc_id: str) -> PrintOptions:
    if load_template(doc_id).subject == "month":
        return PrintOptions(year=REPORT_YEAR, month=REPORT_MONTH, printed_on=date(2025, 6, 5))
    name = PICTURE_CASES.get(doc_id, DEFAULT_PICTURE_CASE)
    return PrintOptions(
        case_id=session.scalar(select(Case.id).join(Client).where(Client.name == name)), printed_on=TODAY
    )


def draw_pictures(target: Path = DOCS_PICTURES) -> None:
    """Page 1 of every document at 60 dpi in 16 greys: readable, and a few tens of kilobytes each."""
    from PIL import Image

    target.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as scratch,
        demo_store(Path(scratch) / "demo.db") as store,
        store.session() as session,
    ):
        for doc_id, _zh, _en in list_forms():
            pdf = Path(scratch) / f"{doc_id}.pdf"
            render(doc_id, [build_view(session, doc_id, _picture_options(session, doc_id))], pdf, AGENCY)
            stem = Path(scratch) / doc_id
            subprocess.run(["pdftoppm", "-png", "-gray", "-r", "60", "-f", "1", "-l", "1", pdf, stem], check=True)
            picture = next(Path(scratch).glob(f"{doc_id}-*.png"))
            Image.open(picture).quantize(16).save(target / f"{doc_id}.png", optimize=True)
            print(target / f"{doc_id}.png")


if __name__ == "__main__":
    draw_pictures(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_PICTURES)
