"""The interface language: Traditional Chinese by default, English selectable in the settings.

FieldCase's texts are written in both languages where they are used: `CaseTab.text("儲存", "Save")`,
`intake.tr(...)`, `workspace.common.pick((…, …))`, `translate(...)`. The Chinese is the source text. Every pair
written with literal strings is collected by `app.views.translations` into resources/i18n/fieldcase_en.ts (Qt
Linguist), where the code's English is the first translation and translators improve it; `make translations`
compiles it to fieldcase_en.qm. In English, :func:`translate` returns the .qm's translation, and the code's
English where the .qm has none (a text built at run time, or a .qm that was never compiled).

Qt's standard texts (OK, Cancel, Save, the file dialog…) come from Qt's own zh_TW translations, which PySide6 ships.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.views.widgets import set_default_language

LANGUAGE_PROPERTY: Final = "fieldcase_language"
CONTEXT: Final = "FieldCase"
"""The one Qt Linguist context of FieldCase's texts (shared with app.views.translations)."""
TRANSLATIONS_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "i18n"
ENGLISH_CATALOG: Final = TRANSLATIONS_DIR / "fieldcase_en.qm"
_TRANSLATOR_NAME: Final = "fieldcase_translator"

log = logging.getLogger("fieldcase")
_warned: set[Path] = set()


def current_language() -> str:
    """ "en" or "zh-TW" (the default), as set by :func:`apply_language`."""
    app = QCoreApplication.instance()
    language = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return str(language) if language else "zh-TW"


def translate(zh: str, en: str, language: str | None = None) -> str:
    """The text in `language` (default: the interface's): `zh` in Chinese; in English, the .qm's translation of
    `zh`, or `en` when the catalog has none. `en` also tells apart two texts with the same Chinese and different
    English (the catalog gives those a disambiguation comment; Qt falls back to the plain entry otherwise)."""
    if (current_language() if language is None else language) != "en":
        return zh
    found = QCoreApplication.translate(CONTEXT, zh, en)
    return en if found == zh else found


def apply_language(app: QApplication, language: str, *, catalog: Path | None = None) -> None:
    """Set the language for FieldCase's texts, its fields' messages and Qt's standard dialogs. `catalog` is the
    compiled English catalog to load (default resources/i18n/fieldcase_en.qm)."""
    english = language == "en"
    app.setProperty(LANGUAGE_PROPERTY, language)
    set_default_language("en" if english else "zh-TW")
    for installed in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(installed)
        installed.setParent(None)
    if english:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Taiwan))
        _install(app, catalog or ENGLISH_CATALOG)
        return
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan)
    )
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_TW", "qt_zh_TW"):
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR_NAME)
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            translator.setParent(None)


def _install(app: QCoreApplication, catalog: Path) -> None:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if translator.load(str(catalog)):
        app.installTranslator(translator)
        return
    translator.setParent(None)
    if catalog not in _warned:
        _warned.add(catalog)
        log.warning(
            "English catalog %s is missing or unreadable (run `make translations`); using the code's English", catalog
        )
