"""The fonts of printed forms: the bundled Traditional Chinese font, fallbacks for rare characters, glyph coverage.

The bundled font is AR PL UMing TW (face 2 of `resources/fonts/uming.ttc`; Arphic Public License, which allows
redistribution, see `uming-COPYRIGHT.txt`). ReportLab embeds TrueType outlines only, so CFF-based fonts (every Noto
CJK file) cannot serve as a fallback (DESIGN.md, "Practical notes").

A name may hold a character (罕用字) the bundled font lacks. Fallback fonts are tried in order: the files listed
in $FIELDCASE_FALLBACK_FONTS, any TrueType file dropped into `resources/fonts/fallback/`, then well-known places of
fonts that cover the CNS 11643 and CJK Extension B repertoires (Debian `fonts-cns11643-sung`, Windows'
MingLiU-ExtB and SimSun-ExtB). A character no font has is printed as 〓 (the customary mark for a missing
character, to be written in by hand) and reported, never drawn as an empty box.

Fonts are registered with ReportLab once per process (`register_fonts` is cached); the Qt side reads the same
file through `bundled_font()`.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.services.codes import resources_dir

BUNDLED_FONT_FILE: Final = "uming.ttc"
BUNDLED_SUBFONT_INDEX: Final = 2  # the TTC holds UMing CN, HK, TW and TW MBE; 2 is TW
BUNDLED_FAMILY: Final = "AR PL UMing TW"
MAIN_FONT: Final = "FieldCase-Ming"
FALLBACK_ENV: Final = "FIELDCASE_FALLBACK_FONTS"
MISSING_MARK: Final = "〓"  # 缺字: printed where no font has the character

# (path, face index) of TrueType fonts known to cover rare Traditional Chinese characters.
KNOWN_FALLBACKS: Final[tuple[tuple[str, int], ...]] = (
    ("/usr/share/fonts/truetype/cns11643/TW-Sung-98_1.ttf", 0),  # Debian fonts-cns11643-sung
    ("/usr/share/fonts/truetype/cns11643/TW-Sung-Ext-B-98_1.ttf", 0),
    ("/usr/share/fonts/truetype/cns11643/TW-Sung-Plus-98_1.ttf", 0),
    ("/usr/share/fonts/truetype/cns11643/TW-Kai-98_1.ttf", 0),  # fonts-cns11643-kai
    ("/usr/share/fonts/truetype/cns11643/TW-Kai-Ext-B-98_1.ttf", 0),
    ("C:/Windows/Fonts/mingliub.ttc", 0),  # MingLiU-ExtB
    ("C:/Windows/Fonts/simsunb.ttf", 0),  # SimSun-ExtB
)

# Characters that take no room of their own: dropping them changes nothing visible (a variation selector picks a
# glyph variant ReportLab cannot select anyway; the others are joiners and directional marks).
_INVISIBLE: Final = frozenset(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
)


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with characters beyond the BMP (CJK Extension B, common in names: 𡘙) written as
    UTF-16 surrogate pairs as the PDF format wants; ReportLab writes <21619>, and copying or searching the PDF
    then finds 「Ⅱ」 where the name has 「𡘙」. What is printed is right either way."""
    cmap: str = _reportlab_to_unicode(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            utf16 = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>")
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class BundledFont:
    """Where the shipped font is, for any consumer (Qt's QFontDatabase.addApplicationFont takes `path`)."""

    path: Path
    subfont_index: int
    family: str


def bundled_font() -> BundledFont:
    return BundledFont(resources_dir() / "fonts" / BUNDLED_FONT_FILE, BUNDLED_SUBFONT_INDEX, BUNDLED_FAMILY)


@dataclass(frozen=True)
class FontFace:
    """One registered face and the characters it has glyphs for (read from its cmap)."""

    name: str  # the ReportLab font name
    path: Path
    subfont_index: int
    family: str
    codepoints: frozenset[int] = field(repr=False)

    def covers(self, char: str) -> bool:
        return ord(char) in self.codepoints


class FontSet:
    """The main face, then the fallbacks in the order they are tried.

    Fallback files are read only when a character the main face lacks turns up: the CNS 11643 fonts are 35–65 MB
    each, and most print runs never need them.
    """

    def __init__(self, main: FontFace, candidates: tuple[tuple[Path, int], ...]) -> None:
        self.main = main
        self.candidates = candidates
        self._fallbacks: tuple[FontFace, ...] | None = None
        self._skipped: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def _loaded(self) -> tuple[tuple[FontFace, ...], tuple[str, ...]]:
        with self._lock:
            if self._fallbacks is None:
                self._fallbacks, self._skipped = _load_fallbacks(self.candidates)
            return self._fallbacks, self._skipped

    @property
    def fallbacks(self) -> tuple[FontFace, ...]:
        return self._loaded()[0]

    @property
    def skipped(self) -> tuple[str, ...]:
        """Fallback files found but unusable (CFF outlines, damaged), with the reason."""
        return self._loaded()[1]

    def face_for(self, char: str) -> FontFace | None:
        if self.main.covers(char):
            return self.main
        return next((face for face in self.fallbacks if face.covers(char)), None)


def _load_face(name: str, path: Path, index: int) -> FontFace:
    font = TTFont(name, str(path), subfontIndex=index)
    pdfmetrics.registerFont(font)
    family = font.face.familyName
    return FontFace(
        name=name,
        path=path,
        subfont_index=index,
        family=family.decode("latin-1") if isinstance(family, bytes) else str(family),
        codepoints=frozenset(font.face.charToGlyph),
    )


def fallback_candidates() -> list[tuple[Path, int]]:
    """Files to try as fallbacks: $FIELDCASE_FALLBACK_FONTS (``path`` or ``path#index``, separated by the OS path
    separator), then `resources/fonts/fallback/*.ttf|ttc`, then KNOWN_FALLBACKS; only those that exist."""
    found: list[tuple[Path, int]] = []
    for entry in os.environ.get(FALLBACK_ENV, "").split(os.pathsep):
        if entry.strip():
            name, _, number = entry.strip().partition("#")
            found.append((Path(name).expanduser(), int(number) if number.isdigit() else 0))
    agency_dir = resources_dir() / "fonts" / "fallback"
    if agency_dir.is_dir():
        found.extend((p, 0) for p in sorted(agency_dir.iterdir()) if p.suffix.lower() in (".ttf", ".ttc"))
    found.extend((Path(p), i) for p, i in KNOWN_FALLBACKS)
    unique: dict[tuple[Path, int], None] = {}
    for path, index in found:
        if path.is_file():
            unique.setdefault((path, index), None)
    return list(unique)


def register_fonts() -> FontSet:
    """Register the bundled font and every usable fallback with ReportLab (once per configuration)."""
    main = bundled_font()
    return _register(main.path, main.subfont_index, tuple(fallback_candidates()))


@cache
def _register(main_path: Path, main_index: int, candidates: tuple[tuple[Path, int], ...]) -> FontSet:
    return FontSet(_load_face(MAIN_FONT, main_path, main_index), candidates)


def _load_fallbacks(candidates: tuple[tuple[Path, int], ...]) -> tuple[tuple[FontFace, ...], tuple[str, ...]]:
    fallbacks: list[FontFace] = []
    skipped: list[str] = []
    for path, index in candidates:
        # Named after the file, so that a face registered by one configuration is never replaced by another's.
        name = f"{MAIN_FONT}-{re.sub(r'[^A-Za-z0-9_-]', '_', path.stem)}-{index}"
        try:
            fallbacks.append(_load_face(name, path, index))
        except (TTFError, OSError, ValueError) as exc:  # CFF outlines, a damaged file, a wrong face index
            skipped.append(f"{path}#{index}: {exc}")
    return tuple(fallbacks), tuple(skipped)


# --- text as runs of one font -----------------------------------------------------------------------------------


@dataclass
class GlyphLog:
    """Characters one render needed a fallback for, and those no font has, with the documents they occurred in."""

    fallback: dict[str, set[str]] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)

    def note(self, table: dict[str, set[str]], char: str, subject: str) -> None:
        table.setdefault(char, set()).add(subject)


class TextShaper:
    """Turns text into runs of one font each, using fallbacks where needed and logging what no font has.

    `subject` names the document being built (a client's name and the form), so a warning says where a missing
    character is; the renderer sets it before each document.
    """

    def __init__(self, fonts: FontSet, log: GlyphLog | None = None) -> None:
        self.fonts = fonts
        self.log = log if log is not None else GlyphLog()
        self.subject = ""

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``[(font name, text), …]`` covering `text`; missing characters become MISSING_MARK in the main font."""
        result: list[tuple[str, str]] = []
        for font, chunk in self._chars(text):
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + chunk)
            else:
                result.append((font, chunk))
        return result

    def _chars(self, text: str) -> Iterator[tuple[str, str]]:
        main = self.fonts.main
        for char in text:
            if main.covers(char):
                yield main.name, char
                continue
            code = ord(char)
            if code in _INVISIBLE or unicodedata.category(char) == "Cc":
                continue
            face = self.fonts.face_for(char)
            if face is not None:
                self.log.note(self.log.fallback, char, self.subject)
                yield face.name, char
            else:
                self.log.note(self.log.missing, char, self.subject)
                yield main.name, MISSING_MARK

    def markup(self, text: str) -> str:
        """Paragraph markup for plain `text`: escaped, line breaks kept, fallback runs in their own font."""
        lines = []
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            parts = []
            for font, chunk in self.runs(line.replace("\t", "    ")):
                safe = escape(chunk)
                parts.append(safe if font == self.fonts.main.name else f'<font face="{font}">{safe}</font>')
            lines.append("".join(parts))
        return "<br/>".join(lines)

    def width(self, text: str, size: float) -> float:
        return sum(float(pdfmetrics.stringWidth(chunk, font, size)) for font, chunk in self.runs(text))


def characters(text: Iterable[str]) -> str:
    """The distinct characters of some texts, in code-point order (for messages)."""
    return "".join(sorted({char for chunk in text for char in chunk}))
