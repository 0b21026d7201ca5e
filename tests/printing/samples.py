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

from app.models import Case, Client, SupervisionNote
from app.models.enums import IntakeDecision, RecordStatus, Stage, SupervisionKind
from app.printing import AgencyInfo, PrintOptions, build_view, list_forms, load_template, render
from app.services.demo import generate_demo
from app.store.store import Store
from tests.conftest import MemoryKeyring

TODAY = date(2025, 6, 30)
REPORT_YEAR, REPORT_MONTH = 2025, 5
DAILY_FIRST, DAILY_LAST = date(2025, 6, 2), date(2025, 6, 27)  # 服務對象日報: four working weeks of June
NOTE_CASES = ("莊琪", "諸葛思彤", "羅哲承")  # the demo cases the sample supervision record discusses
NOT_ON_THIS_LAPTOP = uuid.UUID("0badc0de-0000-4000-8000-000000000001")  # a case another team holds
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


def add_sample_notes(session: Session) -> tuple[uuid.UUID, uuid.UUID]:
    """Two supervision records: a final group supervision about NOTE_CASES and a case this laptop does not hold,
    with its follow-up done; and a draft individual supervision about no case."""
    cases = [session.scalars(select(Case.id).join(Client).where(Client.name == name)).one() for name in NOTE_CASES]
    final = SupervisionNote(
        kind=SupervisionKind.GROUP,
        held_on=date(2025, 6, 12),
        supervisor="sup.lin",
        attendees=["cm.chen", "cm.huang", "cm.wang"],
        case_id=cases[0],
        case_ids=[str(c) for c in (*cases[1:], NOT_ON_THIS_LAPTOP, cases[0])],
        content=(
            "檢視三位個案之就業準備與職場適應：莊琪已完成職業輔導評量，建議先安排職場見習；諸葛思彤於職場之人際互動"
            "仍需支持，請就服員每週到職場觀察一次；羅哲承移案後尚未與新職管員見面。\n\n督導意見：密集輔導期間之紀錄"
            "請於當週定稿，並留意一百八十日追蹤期限。"
        ),
        agreed_actions="一、莊琪：六月底前聯繫見習單位。\n二、諸葛思彤：與雇主討論工作調整。\n三、羅哲承：安排家訪。",
        follow_up_due_on=date(2025, 6, 30),
        follow_up_done_on=date(2025, 6, 27),
        follow_up_note="三項均已完成，羅哲承家訪紀錄已定稿。",
        status=RecordStatus.FINAL,
    )
    draft = SupervisionNote(
        kind=SupervisionKind.INDIVIDUAL,
        held_on=date(2025, 6, 20),
        supervisor="sup.lin",
        attendees=["cm.chen"],
        content="個別督導：案量與時間安排，討論如何排定家訪路線。",
        status=RecordStatus.DRAFT,
    )
    session.add_all([final, draft])
    session.flush()
    return final.id, draft.id


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


def _picture_options(session: Session, doc_id: str, notes: tuple[uuid.UUID, uuid.UUID]) -> PrintOptions:
    subject = load_template(doc_id).subject
    if subject == "month":
        return PrintOptions(year=REPORT_YEAR, month=REPORT_MONTH, printed_on=date(2025, 6, 5))
    if subject == "supervision":
        return PrintOptions(note_id=notes[0], printed_on=TODAY)
    if subject == "daily":
        return PrintOptions(first_day=DAILY_FIRST, last_day=DAILY_LAST, printed_on=TODAY)
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
        store.transaction() as session,
    ):
        notes = add_sample_notes(session)
        for doc_id, _zh, _en in list_forms():
            pdf = Path(scratch) / f"{doc_id}.pdf"
            render(doc_id, [build_view(session, doc_id, _picture_options(session, doc_id, notes))], pdf, AGENCY)
            stem = Path(scratch) / doc_id
            subprocess.run(["pdftoppm", "-png", "-gray", "-r", "60", "-f", "1", "-l", "1", pdf, stem], check=True)
            picture = next(Path(scratch).glob(f"{doc_id}-*.png"))
            Image.open(picture).quantize(16).save(target / f"{doc_id}.png", optimize=True)
            print(target / f"{doc_id}.png")


if __name__ == "__main__":
    draw_pictures(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_PICTURES)
