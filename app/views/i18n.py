"""The interface language: Traditional Chinese by default, English selectable in the settings.

FieldCase's own texts are written in both languages at the place they are used (see CaseTab.text and
errors.current_language); Qt's standard texts (OK, Cancel, Save, the file dialog…) come from Qt's own zh_TW
translations, which PySide6 ships.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGE_PROPERTY = "fieldcase_language"


def apply_language(app: QApplication, language: str) -> None:
    """Set the language for FieldCase's texts and load Qt's translations of its standard dialogs."""
    app.setProperty(LANGUAGE_PROPERTY, language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Taiwan))
        return
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan)
    )
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_TW", "qt_zh_TW"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
