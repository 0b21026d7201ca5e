"""The English catalog of FieldCase's texts, resources/i18n/fieldcase_en.ts (Qt Linguist TS 2.1).

The views write each text in both languages where it is used, and the Chinese is the source text::

    self.text("儲存", "Save")               # CaseTab.text, any `<object>.text(zh, en)` with two arguments
    tr("姓名", "Name")                      # intake.tr, also used by directory and handover
    self._t("全部", "All")                  # the case list
    pick(("確定", "OK"))                    # workspace.common.pick
    translate("錯誤詳細資訊", "Error details")  # i18n.translate itself

`python -m app.views.translations update` (run by `make translations`) reads every such call in app/views with
literal strings (ast, no import) and brings the catalog up to date: a new pair is added with the code's English as
its translation; a translation already in the catalog is kept, since translators edit the .ts in Qt Linguist, not
the code; a pair no longer in the code is marked vanished (its translation kept should it come back). When the
code's English of a pair changes, an untouched translation follows it, and one a translator edited is kept and
marked unfinished for review. Each message remembers the code's English in its developer comment
(<extracomment>), which is how an untouched translation is told from an edited one. One Chinese text with two
different English texts gets one message each, told apart by a disambiguation <comment> (the English).

Calls whose texts are built at run time (f-strings, variables, tables of pairs) cannot be looked up in a catalog;
they keep the code's English. `python -m app.views.translations computed` lists them.

`python -m app.views.translations check` exits 1 when the catalog lacks a pair of the code, or keeps one the code
no longer has (tests/views/test_i18n.py does the same check).
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from app.views.i18n import CONTEXT, TRANSLATIONS_DIR

VIEWS_DIR: Final = Path(__file__).resolve().parent
ROOT: Final = VIEWS_DIR.parents[1]
TS_FILE: Final = TRANSLATIONS_DIR / "fieldcase_en.ts"
PAIR_FUNCTIONS: Final = frozenset({"text", "tr", "_t", "translate"})  # f(zh, en); translate(zh, en, language)
TUPLE_FUNCTIONS: Final = frozenset({"pick"})  # f((zh, en))
ENGLISH_NOTE: Final = "English in the code: "
DESCRIPTION: Final = "The English catalog of FieldCase's texts (Qt Linguist)."


@dataclass(frozen=True)
class Location:
    path: str  # relative to the repository, with "/"
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Pair:
    """A text of the code in both languages, with every place it is used."""

    zh: str
    en: str
    locations: list[Location] = field(default_factory=list)


@dataclass(frozen=True)
class Computed:
    """A call of a text helper whose texts are not literals: it keeps the code's English."""

    location: Location
    call: str


@dataclass(frozen=True)
class Message:
    """One message of the catalog."""

    source: str  # the Chinese
    english: str  # the code's English when the message was last updated
    translation: str
    comment: str = ""  # disambiguation: the English, when one Chinese text has several
    translator_comment: str = ""  # a translator's note, written in Qt Linguist
    unfinished: bool = False
    vanished: bool = False  # no longer in the code
    locations: tuple[Location, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source, self.comment, self.english


# --- reading the code ------------------------------------------------------------------------------------------------


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _pair_arguments(call: ast.Call) -> list[ast.expr] | None:
    """The (zh, en) arguments if `call` is a text helper's call, else None."""
    name = _name(call)
    if name in PAIR_FUNCTIONS:
        if any(isinstance(a, ast.Starred) for a in call.args):
            return list(call.args)
        if len(call.args) == 2 or (name == "translate" and len(call.args) == 3):
            return call.args[:2]
    elif name in TUPLE_FUNCTIONS and len(call.args) == 1:
        argument = call.args[0]
        return argument.elts if isinstance(argument, ast.Tuple) and len(argument.elts) == 2 else [argument]
    return None


def extract(folder: Path = VIEWS_DIR, root: Path = ROOT) -> tuple[list[Pair], list[Computed]]:
    """Every literal pair of the Python files under `folder`, in order of first use, and the computed calls."""
    pairs: dict[tuple[str, str], Pair] = {}
    computed: list[Computed] = []
    for path in sorted(folder.rglob("*.py")):
        relative = path.resolve().relative_to(root.resolve()).as_posix()
        tree = ast.parse(path.read_text("utf-8"), str(path))
        # The helpers pass their own parameters on (`tr` calls `translate(zh, en)`): that is not a text.
        helpers = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef) and function.name in PAIR_FUNCTIONS | TUPLE_FUNCTIONS
            for node in ast.walk(function)
        }
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
            arguments = _pair_arguments(call)
            if arguments is None:
                continue
            location = Location(relative, call.lineno)
            texts = [_literal(a) for a in arguments]
            if len(texts) == 2 and texts[0] is not None and texts[1] is not None:
                pair = pairs.setdefault((texts[0], texts[1]), Pair(texts[0], texts[1]))
                pair.locations.append(location)
            elif id(call) not in helpers:
                computed.append(Computed(location, ast.unparse(call)))
    return list(pairs.values()), computed


# --- the catalog -----------------------------------------------------------------------------------------------------


def read_ts(path: Path = TS_FILE) -> list[Message]:
    """The messages of a TS file of our context; [] when there is no file yet."""
    if not path.exists():
        return []
    messages: list[Message] = []
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for element in context.iter("message"):
            translation = element.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            note = element.findtext("extracomment") or ""
            text = (translation.text or "") if translation is not None else ""
            comment = element.findtext("comment") or ""
            messages.append(
                Message(
                    source=element.findtext("source") or "",
                    english=note.removeprefix(ENGLISH_NOTE) if note.startswith(ENGLISH_NOTE) else comment or text,
                    translation=text,
                    comment=comment,
                    translator_comment=element.findtext("translatorcomment") or "",
                    unfinished=kind == "unfinished",
                    vanished=kind in ("vanished", "obsolete"),
                    locations=tuple(
                        Location(_from_ts(str(loc.get("filename", "")), path), int(loc.get("line", "0")))
                        for loc in element.iter("location")
                    ),
                )
            )
    return messages


def merge(pairs: Sequence[Pair], existing: Sequence[Message]) -> list[Message]:
    """The catalog for the code's `pairs`, keeping the translations of `existing` (see the module's docstring)."""
    english_of: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        english_of[pair.zh].add(pair.en)
    by_key = {(m.source, m.english): m for m in existing}
    by_source: dict[str, list[Message]] = defaultdict(list)
    for message in existing:
        by_source[message.source].append(message)
    in_code = {(p.zh, p.en) for p in pairs}
    used: set[tuple[str, str]] = set()
    merged: list[Message] = []
    for pair in pairs:
        comment = pair.en if len(english_of[pair.zh]) > 1 else ""
        new = Message(pair.zh, pair.en, pair.en, comment, locations=tuple(pair.locations))
        old = by_key.get((pair.zh, pair.en))
        if old is not None:
            if old.translation:
                new = replace(new, translation=old.translation, unfinished=old.unfinished and not old.vanished)
        elif len(english_of[pair.zh]) == 1:
            # The same Chinese with other English: the code's English changed.
            earlier = [m for m in by_source[pair.zh] if (m.source, m.english) not in in_code]
            if len(earlier) == 1:
                old = earlier[0]
                if old.translation and old.translation != old.english:
                    new = replace(new, translation=old.translation, unfinished=True)
        if old is not None:
            new = replace(new, translator_comment=old.translator_comment)
            used.add((old.source, old.english))
        merged.append(new)
    merged.extend(
        replace(m, vanished=True, unfinished=False, locations=())
        for m in sorted(existing, key=lambda m: m.key)
        if (m.source, m.english) not in used and m.translation
    )
    return merged


def stale(pairs: Sequence[Pair], existing: Sequence[Message]) -> list[str]:
    """How the catalog differs from the code, one line each ([] when it is up to date; locations do not count)."""
    wanted = {(p.zh, p.en): p.locations[0] for p in pairs}
    have = {(m.source, m.english) for m in existing if not m.vanished}
    lines = [f"not in the catalog: 「{zh}」 / {en!r} ({wanted[zh, en]})" for zh, en in wanted.keys() - have]
    lines += [f"no longer in the code: 「{zh}」 / {en!r}" for zh, en in have - wanted.keys()]
    return sorted(lines)


def _to_ts(location: Location, ts: Path) -> str:
    return Path(os.path.relpath(ROOT / location.path, ts.parent)).as_posix()


def _from_ts(filename: str, ts: Path) -> str:
    return Path(os.path.relpath((ts.parent / filename).resolve(), ROOT)).as_posix() if filename else ""


_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def _escape(text: str) -> str:
    """XML text as Qt Linguist writes it: quotes as entities, and so are control characters and non-ASCII spaces
    (U+3000, the ideographic space, is &#x3000;)."""

    def entity(c: str) -> str:
        if c in _ENTITIES:
            return _ENTITIES[c]
        if (c < " " and c not in "\n\t") or (c > "\x7f" and c.isspace()):
            return f"&#x{ord(c):x};"
        return c

    return "".join(entity(c) for c in text)


def render_ts(messages: Iterable[Message], ts: Path = TS_FILE) -> str:
    """The TS file, laid out as Qt's lupdate writes it (so that Linguist's saves make small diffs)."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="en" sourcelanguage="zh_TW">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for message in messages:
        lines.append("    <message>")
        lines += [
            f'        <location filename="{_escape(_to_ts(loc, ts))}" line="{loc.line}"/>' for loc in message.locations
        ]
        lines.append(f"        <source>{_escape(message.source)}</source>")
        if message.comment:
            lines.append(f"        <comment>{_escape(message.comment)}</comment>")
        lines.append(f"        <extracomment>{_escape(ENGLISH_NOTE + message.english)}</extracomment>")
        if message.translator_comment:
            lines.append(f"        <translatorcomment>{_escape(message.translator_comment)}</translatorcomment>")
        kind = ' type="vanished"' if message.vanished else ' type="unfinished"' if message.unfinished else ""
        lines.append(f"        <translation{kind}>{_escape(message.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class Update:
    messages: list[Message]
    added: int  # new in the code, or with new English
    vanished: int
    review: int  # translations kept although the code's English changed: unfinished until a translator looks
    computed: list[Computed]


def update(ts: Path = TS_FILE, *, drop_vanished: bool = False, write: bool = True) -> Update:
    """Bring the catalog `ts` up to date with the code (see the module's docstring)."""
    pairs, computed = extract()
    existing = read_ts(ts)
    messages = merge(pairs, existing)
    if drop_vanished:
        messages = [m for m in messages if not m.vanished]
    known = {(m.source, m.english) for m in existing}
    was_vanished = {(m.source, m.english) for m in existing if m.vanished}
    result = Update(
        messages=messages,
        added=sum((m.source, m.english) not in known for m in messages),
        vanished=sum(m.vanished and (m.source, m.english) not in was_vanished for m in messages),
        review=sum(m.unfinished and (m.source, m.english) not in known for m in messages),
        computed=computed,
    )
    if write:
        ts.parent.mkdir(parents=True, exist_ok=True)
        text = render_ts(messages, ts)
        if not ts.exists() or ts.read_text("utf-8") != text:
            ts.write_text(text, "utf-8")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.views.translations", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    run_update = commands.add_parser("update", help="bring resources/i18n/fieldcase_en.ts up to date with the code")
    run_update.add_argument("--drop-vanished", action="store_true", help="remove the texts no longer in the code")
    commands.add_parser("check", help="exit 1 if the catalog is not up to date with the code")
    commands.add_parser("computed", help="list the calls whose texts are built at run time")
    arguments = parser.parse_args(argv)
    shown = TS_FILE.relative_to(ROOT)
    if arguments.command == "computed":
        for call in extract()[1]:
            print(f"{call.location}: {call.call}")
        return 0
    if arguments.command == "check":
        problems = stale(extract()[0], read_ts())
        for line in problems:
            print(line)
        if problems:
            print(f"{shown} is out of date: run `make translations`", file=sys.stderr)
        return 1 if problems else 0
    result = update(drop_vanished=arguments.drop_vanished)
    live = sum(not m.vanished for m in result.messages)
    print(
        f"{shown}: {live} texts ({result.added} new or with new English, {result.vanished} no longer in the code, "
        f"{result.review} to review); {len(result.computed)} calls build their texts at run time and keep "
        "the code's English (`python -m app.views.translations computed` lists them)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
