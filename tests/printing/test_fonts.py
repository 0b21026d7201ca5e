"""The bundled font, fallbacks for rare characters, and a warning (never an empty box) for a character no font has."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from sqlalchemy import select

from app.models import Case
from app.printing import PrintOptions, build_view, bundled_font, register_fonts, render
from app.printing.flowables import Text
from app.printing.fonts import FALLBACK_ENV, MISSING_MARK, TextShaper
from app.store.store import Store
from tests.factories import make_case, make_client
from tests.printing.samples import AGENCY, pdf_fonts, pdf_text, squeeze

NOT_IN_ANY_FONT = "\U00020000"  # 𠀀, CJK Extension B: not in AR PL UMing
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _case_of(store: Store, name: str) -> object:
    with store.transaction() as session:
        session.add(make_case(make_client(name=name)))
    with store.session() as session:
        return session.scalar(select(Case.id))


def test_the_bundled_font_is_the_tw_face_of_the_shipped_collection() -> None:
    font = bundled_font()
    assert font.path.is_file() and font.path.suffix == ".ttc"
    assert font.family == "AR PL UMing TW"
    fonts = register_fonts()
    assert fonts.main.family == "AR PL UMing TW"
    assert register_fonts() is fonts  # registered once
    assert all(fonts.main.covers(c) for c in "職業重建服務計畫書民國年月日第頁共")


@pytest.mark.usefixtures("poppler")
def test_a_character_no_font_has_is_reported_and_marked(store: Store, tmp_path: Path) -> None:
    assert register_fonts().face_for(NOT_IN_ANY_FONT) is None
    case_id = _case_of(store, f"王{NOT_IN_ANY_FONT}明")
    path = tmp_path / "application.pdf"
    with store.session() as session:
        view = build_view(session, "application", PrintOptions(case_id=case_id))  # type: ignore[arg-type]
    report = render("application", [view], path, AGENCY)
    assert [m.codepoint for m in report.missing] == ["U+20000"]
    assert report.missing[0].documents == (view.subject,)
    assert any(NOT_IN_ANY_FONT in w and "U+20000" in w for w in report.warnings)
    assert f"王{MISSING_MARK}明" in squeeze(pdf_text(path))


@pytest.mark.usefixtures("poppler")
@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans as a stand-in fallback font")
def test_a_fallback_font_prints_what_the_bundled_one_lacks(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FALLBACK_ENV, str(DEJAVU))
    fonts = register_fonts()
    assert [f.family for f in fonts.fallbacks][:1] == ["DejaVu Sans"]
    case_id = _case_of(store, "王☺明")
    path = tmp_path / "application.pdf"
    with store.session() as session:
        view = build_view(session, "application", PrintOptions(case_id=case_id))  # type: ignore[arg-type]
    report = render("application", [view], path, AGENCY)
    assert report.missing == () and report.fallback_characters == "☺"
    assert "王☺明" in squeeze(pdf_text(path))
    names = [row[0] for row in pdf_fonts(path)]
    assert any("DejaVuSans" in n for n in names) and any("UMingTW" in n for n in names)


def test_an_unusable_fallback_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    monkeypatch.setenv(FALLBACK_ENV, str(broken))
    fonts = register_fonts()
    assert str(broken) in " ".join(fonts.skipped)
    assert all(f.path != broken for f in fonts.fallbacks)


@pytest.mark.parametrize(
    "text",
    [
        "；".join(f"第{n}句說明案主在職場的情形" for n in range(1, 120)),
        " ".join(f"word{n}-with-hyphens" for n in range(1, 200)),
        "\n".join(f"第{n}行 line {n} 混合 mixed text，含標點。" for n in range(1, 80)),
    ],
)
def test_text_splits_across_pages_without_losing_or_adding_a_character(text: str) -> None:
    style = ParagraphStyle("t", fontName=register_fonts().main.name, fontSize=10, leading=14, wordWrap="CJK")
    shaper = TextShaper(register_fonts())
    rest, pieces = Text(text, style, shaper), []
    while True:
        parts = rest.split(200, 150)
        if len(parts) == 1:
            pieces.append(parts[0].source)
            break
        first, rest = parts
        assert first.wrap(200, 150)[1] <= 150
        pieces.append(first.source)
    assert len(pieces) > 2
    assert "".join(pieces) == text
