"""The English catalog (resources/i18n/fieldcase_en.ts): up to date with the code, complete, compiled by lrelease,
and what real widgets show in English; the Chinese interface does not depend on it."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.store.store import Store
from app.views import i18n
from app.views.errors import UnexpectedErrorDialog
from app.views.i18n import apply_language, current_language, translate
from app.views.intake import IntakeDialog
from app.views.runner import StoreRunner
from app.views.translations import (
    ENGLISH_NOTE,
    TS_FILE,
    Location,
    Message,
    Pair,
    extract,
    merge,
    read_ts,
    render_ts,
    stale,
)
from app.views.widgets import default_language
from app.views.workspace.base import CaseTab

INTAKE_TITLE = "新案受理（申請／轉介）"
EDITED = " (from the .qm)"


def a_tab_text() -> Message:
    """A text of a workspace tab (`CaseTab.text`) in the catalog."""
    return next(
        m
        for m in read_ts(TS_FILE)
        if not m.vanished and not m.comment and m.locations[0].path.startswith("app/views/workspace/")
    )


def lrelease(ts: Path, qm: Path) -> Path:
    """Compile `ts` as `make translations` does."""
    found = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(found) if found.exists() else shutil.which("pyside6-lrelease")
    assert tool, "pyside6-lrelease (PySide6) is needed to compile the catalog"
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.is_file()
    return qm


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("i18n")
    return lrelease(TS_FILE, folder / "fieldcase_en.qm")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalog with two translations changed, as a translator would in Qt Linguist, compiled."""
    folder = tmp_path_factory.mktemp("i18n_edited")
    changes = {INTAKE_TITLE: "Register a client" + EDITED, a_tab_text().source: "Tab text" + EDITED}
    messages = [replace(m, translation=changes.get(m.source, m.translation)) for m in read_ts(TS_FILE)]
    ts = folder / "fieldcase_en.ts"
    ts.write_text(render_ts(messages, ts), "utf-8")
    return lrelease(ts, folder / "fieldcase_en.qm")


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application; the test may switch the language, which is put back afterwards."""
    locale = QLocale()
    yield qapp
    apply_language(qapp, "zh-TW")
    for translator in qapp.findChildren(QTranslator, "fieldcase_translator"):
        qapp.removeTranslator(translator)
        translator.setParent(None)
    qapp.setProperty(i18n.LANGUAGE_PROPERTY, None)
    QLocale.setDefault(locale)


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


# --- the catalog -----------------------------------------------------------------------------------------------------


def test_the_catalog_is_up_to_date_with_the_code() -> None:
    pairs, _ = extract()
    problems = stale(pairs, read_ts(TS_FILE))
    shown = "\n  ".join(problems[:30])
    assert not problems, (
        f"{TS_FILE.name} does not match the texts in the code ({len(problems)}):\n  {shown}\n"
        "Run `make translations` (python -m app.views.translations update) and commit the .ts."
    )


def test_the_catalog_parses_and_every_text_has_a_translation() -> None:
    root = ET.parse(TS_FILE).getroot()
    assert (root.tag, root.get("version"), root.get("sourcelanguage"), root.get("language")) == (
        "TS",
        "2.1",
        "zh_TW",
        "en",
    )
    assert [c.findtext("name") for c in root.iter("context")] == [i18n.CONTEXT]
    messages = read_ts(TS_FILE)
    live = [m for m in messages if not m.vanished]
    assert len(live) > 300
    assert [m.source for m in live if not m.translation.strip()] == []
    assert all(m.locations for m in live)
    assert len({(m.source, m.comment) for m in live}) == len(live), "two messages Qt cannot tell apart"
    assert render_ts(messages) == TS_FILE.read_text("utf-8"), "the .ts is not laid out as the tool writes it"


def test_the_extractor_reads_every_helper_form(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    (views / "sample.py").write_text(
        "def tr(zh, en):\n"
        "    return translate(zh, en)\n"
        "class Tab:\n"
        "    def build(self, count):\n"
        '        self.text("儲存", "Save")\n'
        '        tr("姓名", "Name")\n'
        '        self._t("全部", "All")\n'
        '        pick(("確定", "OK"))\n'
        '        translate("錯誤", "Error", "en")\n'
        '        tr("姓名", "Name")\n'
        '        self.text(f"共 {count} 筆", f"{count} rows")\n'
        "        pick(TABLE[count])\n"
        "        tr(*PAIR)\n"
        "        label.text()\n",
        "utf-8",
    )
    pairs, computed = extract(views, tmp_path)
    assert [(p.zh, p.en) for p in pairs] == [
        ("儲存", "Save"),
        ("姓名", "Name"),
        ("全部", "All"),
        ("確定", "OK"),
        ("錯誤", "Error"),
    ]
    assert pairs[1].locations == [Location("views/sample.py", 6), Location("views/sample.py", 10)]
    assert [c.location.line for c in computed] == [11, 12, 13]  # not `translate(zh, en)` inside the helper


def test_translators_keep_their_work_and_the_code_adds_and_retires_texts() -> None:
    existing = [
        Message("儲存", "Save", "Save changes", translator_comment="as in Office"),  # edited by a translator
        Message("取消", "Cancel", "Cancel"),  # untouched; the code's English changes
        Message("定稿", "Finalise", "Lock"),  # edited; the code's English changes too
        Message("舊的", "Old", "Old one"),  # no longer in the code
    ]
    pairs = [
        Pair("儲存", "Save", [Location("a.py", 1)]),
        Pair("取消", "Close", [Location("a.py", 2)]),
        Pair("定稿", "Make final", [Location("a.py", 3)]),
        Pair("方式", "Mode", [Location("a.py", 4)]),
        Pair("方式", "Channel", [Location("b.py", 5)]),
    ]
    merged = {(m.source, m.english): m for m in merge(pairs, existing)}
    assert merged["儲存", "Save"].translation == "Save changes" and not merged["儲存", "Save"].unfinished
    assert merged["取消", "Close"].translation == "Close" and not merged["取消", "Close"].unfinished
    assert merged["定稿", "Make final"].translation == "Lock" and merged["定稿", "Make final"].unfinished
    assert merged["舊的", "Old"].vanished and merged["舊的", "Old"].translation == "Old one"
    assert (merged["方式", "Mode"].comment, merged["方式", "Channel"].comment) == ("Mode", "Channel")
    assert merged["儲存", "Save"].comment == "" and merged["儲存", "Save"].translator_comment == "as in Office"
    assert len(stale(pairs, existing)) == 7  # 2 with new English (2 lines each), 2 new, 1 retired
    assert stale(pairs, list(merged.values())) == []
    # A retired text that comes back gets its translation again.
    back = {m.source: m for m in merge([Pair("舊的", "Old", [Location("a.py", 9)])], list(merged.values()))}
    assert back["舊的"].translation == "Old one" and not back["舊的"].vanished


def test_the_catalog_survives_a_round_trip(tmp_path: Path) -> None:
    ts = tmp_path / "sub" / "x.ts"
    ts.parent.mkdir()
    tricky = Message(
        "<b>已定稿</b> & \"引號\"\u3000'x'\n第二行",
        "<b>Final</b> & more",
        "<b>Final</b> &",
        comment="c",
        translator_comment="checked with the team",
        unfinished=True,
        locations=(Location("app/views/intake.py", 12),),
    )
    ts.write_text(render_ts([tricky], ts), "utf-8")
    assert read_ts(ts) == [tricky]
    written = ts.read_text("utf-8")
    assert f"<extracomment>{ENGLISH_NOTE}&lt;b&gt;Final" in written
    assert "&quot;引號&quot;&#x3000;&apos;x&apos;" in written  # as Qt Linguist writes it


# --- at run time -----------------------------------------------------------------------------------------------------


def test_english_widgets_show_the_compiled_translations(
    app: QApplication, runner: StoreRunner, qtbot: QtBot, compiled: Path, edited: Path
) -> None:
    sample = a_tab_text()
    apply_language(app, "en", catalog=compiled)
    assert current_language() == "en" and default_language() == "en"
    dialog = IntakeDialog(runner, default_county="TPE")
    tab = CaseTab(runner)
    for widget in (dialog, tab):
        qtbot.addWidget(widget)
    assert dialog.windowTitle() == "New intake (application / referral)"
    assert dialog.next_button.text() == "Next: check for duplicates ▸"
    assert tab.text(sample.source, sample.english) == sample.translation

    # The same widgets with a translator's edits: the texts come from the .qm, not from the code.
    apply_language(app, "en", catalog=edited)
    dialog = IntakeDialog(runner, default_county="TPE")
    tab = CaseTab(runner)
    for widget in (dialog, tab):
        qtbot.addWidget(widget)
    assert dialog.windowTitle() == "Register a client" + EDITED
    assert tab.text(sample.source, sample.english) == "Tab text" + EDITED
    assert dialog.next_button.text() == "Next: check for duplicates ▸"
    assert len(app.findChildren(QTranslator, "fieldcase_translator")) == 1  # the first catalog was unloaded
    assert UnexpectedErrorDialog("details").windowTitle() == "Unexpected error"


def test_the_chinese_interface_ignores_the_catalog(
    app: QApplication, runner: StoreRunner, qtbot: QtBot, edited: Path
) -> None:
    apply_language(app, "en", catalog=edited)
    apply_language(app, "zh-TW")
    assert current_language() == "zh-TW" and default_language() == "zh-TW"
    sample = a_tab_text()
    dialog = IntakeDialog(runner, default_county="TPE")
    tab = CaseTab(runner)
    for widget in (dialog, tab):
        qtbot.addWidget(widget)
    assert dialog.windowTitle() == INTAKE_TITLE
    assert dialog.next_button.text() == "下一步：檢查重複資料 ▸"
    assert tab.text(sample.source, sample.english) == sample.source
    assert translate(INTAKE_TITLE, "New intake") == INTAKE_TITLE


def test_without_a_compiled_catalog_english_comes_from_the_code(
    app: QApplication, runner: StoreRunner, qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "never_compiled.qm"
    with caplog.at_level(logging.WARNING, logger="fieldcase"):
        apply_language(app, "en", catalog=missing)
        apply_language(app, "en", catalog=missing)
    assert len(caplog.records) == 1 and "make translations" in caplog.text  # said once
    dialog = IntakeDialog(runner, default_county="TPE")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New intake (application / referral)"
    assert translate("沒有這句", "Not in the catalog") == "Not in the catalog"
