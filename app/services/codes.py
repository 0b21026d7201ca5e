"""Reference code lists (counties, disability categories, closure reasons, …) read from `resources/codes/*.yaml`.

The lists are data, not code, so an agency can add a township, a closure reason or a service kind without a release
(DOMAIN.md: "configurable list"). Records store the stable ASCII `code`; labels are looked up at display time in
the user's language.

Every YAML file is a mapping: an optional `meta` mapping, and one or more lists keyed by list name. Each list entry
has `code`, `zh` and `en`; other fields are kept in `CodeEntry.extra`. List names are global (two files may not
define the same list), and a few lists must exist because the rules read them (`REQUIRED_LISTS`).

Files are read once per resources directory (`functools.cache`); `FIELDCASE_RESOURCES` points at another
resources directory (an agency's own copy, or a test fixture).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Final

import yaml

from app.errors import AppError, Language, ValidationError

RESOURCES_ENV: Final = "FIELDCASE_RESOURCES"

COUNTIES: Final = "counties"
DISABILITY_NEW_SYSTEM: Final = "disability_new_system"
DISABILITY_OLD_SYSTEM: Final = "disability_old_system"
SEVERITIES: Final = "severities"
EDUCATION_LEVELS: Final = "education_levels"
TARGET_GROUPS: Final = "target_groups"
SERVICE_KINDS: Final = "service_kinds"
CLOSURE_REASONS: Final = "closure_reasons"
CASE_SOURCES: Final = "case_sources"
ECONOMIC_STATUS: Final = "economic_status"
INDIGENOUS_TRIBES: Final = "indigenous_tribes"

REQUIRED_LISTS: Final = (
    COUNTIES,
    DISABILITY_NEW_SYSTEM,
    DISABILITY_OLD_SYSTEM,
    SEVERITIES,
    EDUCATION_LEVELS,
    TARGET_GROUPS,
    SERVICE_KINDS,
    CLOSURE_REASONS,
    CASE_SOURCES,
    ECONOMIC_STATUS,
    INDIGENOUS_TRIBES,
)

# Flags the rules act on. They must be spelled out in every entry: a closure reason added without
# `requires_contact_log`, or a service without `needs_referral_followup`, would otherwise lose a guard silently.
_REQUIRED_FLAGS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        SERVICE_KINDS: ("needs_referral_followup", "job_redesign"),
        CLOSURE_REASONS: ("requires_contact_log", "counts_as_stable_employment"),
    }
)

# Codes end up in String(16..40) columns and in file names of exports; keep them plain ASCII identifiers.
_CODE_PATTERN: Final = re.compile(r"^[A-Za-z0-9_]{1,40}$")


class CodeListError(AppError):
    """A code-list file is missing or malformed, or a list name is unknown."""


class CountyTier(StrEnum):
    """Tiers of 002 附件四 註二, which set the yearly target per case manager."""

    MUNICIPALITY = "municipality"  # 直轄市: 50
    COUNTY = "county"  # 本島縣市 (不含花東): 45
    REMOTE = "remote"  # 離島及花東: 40


class _Labelled:
    """Anything with a zh-TW and an English label."""

    zh: str
    en: str

    def label(self, language: Language = "zh-TW") -> str:
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class CodeEntry(_Labelled):
    """One entry of a code list; `extra` holds the list-specific fields as read from YAML."""

    code: str
    zh: str
    en: str
    extra: Mapping[str, object]


@dataclass(frozen=True)
class County(_Labelled):
    """A county/city of 002 附件四 with its yearly target per case manager and (some of) its townships."""

    code: str
    zh: str
    en: str
    tier: CountyTier
    target_per_manager: int
    is_outlying_island: bool
    townships: tuple[str, ...]


@dataclass(frozen=True)
class ServiceKind(_Labelled):
    code: str
    zh: str
    en: str
    needs_referral_followup: bool  # 轉介後一個月內完成追蹤 (002 附件一 三(五))
    job_redesign: bool  # 職務再設計
    report_deadline_working_days: int | None  # 15 for 職務再設計


@dataclass(frozen=True)
class ClosureReason(_Labelled):
    code: str
    zh: str
    en: str
    requires_contact_log: bool  # 失聯
    counts_as_stable_employment: bool  # 穩定就業三個月


@dataclass(frozen=True)
class CodeLists:
    """Everything read from one resources directory."""

    directory: Path
    lists: Mapping[str, tuple[CodeEntry, ...]]
    counties: tuple[County, ...]
    service_kinds: tuple[ServiceKind, ...]
    closure_reasons: tuple[ClosureReason, ...]

    def entries(self, list_name: str) -> tuple[CodeEntry, ...]:
        try:
            return self.lists[list_name]
        except KeyError:
            raise CodeListError(
                f"沒有名為「{list_name}」的代碼表。", f"There is no code list named '{list_name}'."
            ) from None


# --- locating and loading ---------------------------------------------------------------------------------------


_PACKAGED_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resources_dir() -> Path:
    """The resources directory: $FIELDCASE_RESOURCES if set, else `resources/` beside the `app` package."""
    override = os.environ.get(RESOURCES_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return _PACKAGED_RESOURCES


def code_lists() -> CodeLists:
    """The code lists of the current resources directory, read on first use.

    Looked up on every rule check, so the path is only resolved again when the override is in use.
    """
    override = os.environ.get(RESOURCES_ENV, "").strip()
    return _load(Path(override).expanduser().resolve() / "codes" if override else _PACKAGED_RESOURCES / "codes")


def clear_cache() -> None:
    """Forget what was read, so that edited files are read again (settings screen, tests)."""
    _load.cache_clear()


@cache
def _load(directory: Path) -> CodeLists:
    if not directory.is_dir():
        raise CodeListError(f"找不到代碼表資料夾：{directory}", f"Code-list folder not found: {directory}")
    lists: dict[str, tuple[CodeEntry, ...]] = {}
    origin: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        for name, entries in _read_file(path).items():
            if name in lists:
                raise _malformed(
                    path,
                    f"代碼表「{name}」已在 {origin[name].name} 定義過",
                    f"list '{name}' is already defined in {origin[name].name}",
                )
            lists[name] = entries
            origin[name] = path
    missing = [name for name in REQUIRED_LISTS if name not in lists]
    if missing:
        raise CodeListError(
            f"代碼表資料夾 {directory} 缺少：{'、'.join(missing)}",
            f"Code-list folder {directory} lacks: {', '.join(missing)}",
        )
    return CodeLists(
        directory=directory,
        lists=MappingProxyType(lists),
        counties=tuple(_county(origin[COUNTIES], e) for e in lists[COUNTIES]),
        service_kinds=tuple(_service_kind(origin[SERVICE_KINDS], e) for e in lists[SERVICE_KINDS]),
        closure_reasons=tuple(_closure_reason(e) for e in lists[CLOSURE_REASONS]),
    )


def _malformed(path: Path, zh: str, en: str) -> CodeListError:
    return CodeListError(f"代碼表檔案 {path} 格式錯誤：{zh}", f"Code-list file {path} is malformed: {en}")


def _read_file(path: Path) -> dict[str, tuple[CodeEntry, ...]]:
    try:
        data: object = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _malformed(path, f"無法讀取（{exc}）", f"cannot be read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise _malformed(path, f"不是有效的 YAML（{exc}）", f"not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise _malformed(path, "最外層必須是對照表（清單名稱: 項目）", "the top level must be a mapping of lists")
    if not isinstance(data.get("meta", {}), dict):
        raise _malformed(path, "meta 必須是對照表", "meta must be a mapping")
    result: dict[str, tuple[CodeEntry, ...]] = {}
    for name, items in data.items():
        if name == "meta":
            continue
        if not isinstance(name, str) or not isinstance(items, list) or not items:
            raise _malformed(path, f"「{name}」必須是非空的清單", f"'{name}' must be a non-empty list")
        result[name] = _read_list(path, name, items)
    if not result:
        raise _malformed(path, "沒有任何代碼表", "it defines no list")
    return result


def _read_list(path: Path, name: str, items: list[object]) -> tuple[CodeEntry, ...]:
    entries: list[CodeEntry] = []
    seen: set[str] = set()
    for index, item in enumerate(items, start=1):
        where_zh, where_en = f"{name} 第 {index} 項", f"{name} item {index}"
        if not isinstance(item, dict):
            raise _malformed(path, f"{where_zh}必須是對照表", f"{where_en} must be a mapping")
        fields = {str(key): value for key, value in item.items()}
        for key in ("code", "zh", "en"):
            value = fields.get(key)
            if not isinstance(value, str) or not value.strip():
                raise _malformed(path, f"{where_zh}缺少文字欄位 {key}", f"{where_en} lacks text field {key}")
        code = str(fields.pop("code"))
        if not _CODE_PATTERN.match(code):
            raise _malformed(
                path,
                f"{where_zh}的代碼「{code}」只能用英數字與底線（最多 40 字元）",
                f"{where_en} code '{code}' must be ASCII letters, digits or _ (at most 40)",
            )
        if code in seen:
            raise _malformed(path, f"{name} 的代碼「{code}」重複", f"{name} repeats code '{code}'")
        seen.add(code)
        for flag in _REQUIRED_FLAGS.get(name, ()):
            if not isinstance(fields.get(flag), bool):
                raise _malformed(
                    path,
                    f"{name}「{code}」必須註明 {flag}: true 或 false",
                    f"{name} '{code}' must state {flag}: true or false",
                )
        zh, en = str(fields.pop("zh")).strip(), str(fields.pop("en")).strip()
        entries.append(CodeEntry(code=code, zh=zh, en=en, extra=MappingProxyType(fields)))
    return tuple(entries)


def _county(path: Path, entry: CodeEntry) -> County:
    def bad(zh: str, en: str) -> CodeListError:
        return _malformed(path, f"縣市「{entry.code}」{zh}", f"county '{entry.code}' {en}")

    tier = entry.extra.get("tier")
    if tier not in {t.value for t in CountyTier}:
        raise bad("的 tier 必須是 municipality、county 或 remote", "tier must be municipality, county or remote")
    target = entry.extra.get("target_per_manager")
    # bool is an int subclass; `true` is not a target.
    if not isinstance(target, int) or isinstance(target, bool) or target <= 0:
        raise bad("的 target_per_manager 必須是正整數", "target_per_manager must be a positive integer")
    island = entry.extra.get("is_outlying_island")
    if not isinstance(island, bool):
        raise bad("必須註明 is_outlying_island: true 或 false", "must state is_outlying_island: true or false")
    if island and tier != CountyTier.REMOTE:
        raise bad("是離島，tier 必須是 remote（註二）", "is an outlying island, so its tier must be remote (註二)")
    townships = entry.extra.get("townships", [])
    if not isinstance(townships, list) or not all(isinstance(t, str) and t.strip() for t in townships):
        raise bad("的 townships 必須是鄉鎮市區名稱清單", "townships must be a list of names")
    names = tuple(t.strip() for t in townships)
    if len(set(names)) != len(names):
        raise bad("的 townships 有重複", "townships has duplicates")
    return County(
        code=entry.code,
        zh=entry.zh,
        en=entry.en,
        tier=CountyTier(str(tier)),
        target_per_manager=target,
        is_outlying_island=island,
        townships=names,
    )


def _service_kind(path: Path, entry: CodeEntry) -> ServiceKind:
    deadline = entry.extra.get("report_deadline_working_days")
    if deadline is not None and (not isinstance(deadline, int) or isinstance(deadline, bool) or deadline <= 0):
        raise _malformed(
            path,
            f"服務項目「{entry.code}」的 report_deadline_working_days 必須是正整數",
            f"service kind '{entry.code}' report_deadline_working_days must be a positive integer",
        )
    return ServiceKind(
        code=entry.code,
        zh=entry.zh,
        en=entry.en,
        needs_referral_followup=entry.extra["needs_referral_followup"] is True,
        job_redesign=entry.extra["job_redesign"] is True,
        report_deadline_working_days=deadline,
    )


def _closure_reason(entry: CodeEntry) -> ClosureReason:
    return ClosureReason(
        code=entry.code,
        zh=entry.zh,
        en=entry.en,
        requires_contact_log=entry.extra["requires_contact_log"] is True,
        counts_as_stable_employment=entry.extra["counts_as_stable_employment"] is True,
    )


# --- lookups ------------------------------------------------------------------------------------------------------


def list_names() -> tuple[str, ...]:
    return tuple(code_lists().lists)


def entries(list_name: str) -> tuple[CodeEntry, ...]:
    return code_lists().entries(list_name)


def entry(list_name: str, code: str) -> CodeEntry:
    """The entry `code` of `list_name`; ValidationError (field = list name) if the list has no such code."""
    for candidate in code_lists().entries(list_name):
        if candidate.code == code:
            return candidate
    raise ValidationError(
        list_name, f"代碼表「{list_name}」沒有代碼「{code}」。", f"Code list '{list_name}' has no code '{code}'."
    )


def is_valid(list_name: str, code: str) -> bool:
    """Whether `code` is in `list_name`. An unknown list name raises CodeListError: a typo must not pass as "no"."""
    return any(candidate.code == code for candidate in code_lists().entries(list_name))


def label(list_name: str, code: str, language: Language = "zh-TW") -> str:
    """The label of `code` in `language` ("en" or zh-TW otherwise); ValidationError for an unknown code."""
    return entry(list_name, code).label(language)


def counties() -> tuple[County, ...]:
    return code_lists().counties


def _normalise_name(text: str) -> str:
    # Seed text and user input mix compatibility ideographs and 台/臺; both mean the same county.
    return unicodedata.normalize("NFKC", text).strip().replace("台", "臺").casefold()


def county(code_or_name: str) -> County:
    """A county by code (TPE, any case), Chinese name (臺北市 or 台北市) or English name; ValidationError if unknown."""
    wanted = _normalise_name(code_or_name)
    for candidate in code_lists().counties:
        if wanted in (candidate.code.casefold(), _normalise_name(candidate.zh), _normalise_name(candidate.en)):
            return candidate
    raise ValidationError("county", f"找不到縣市「{code_or_name}」。", f"Unknown county '{code_or_name}'.")


def service_kind(code: str) -> ServiceKind:
    for candidate in code_lists().service_kinds:
        if candidate.code == code:
            return candidate
    raise ValidationError(SERVICE_KINDS, f"沒有服務項目「{code}」。", f"Unknown service kind '{code}'.")


def closure_reason(code: str) -> ClosureReason:
    for candidate in code_lists().closure_reasons:
        if candidate.code == code:
            return candidate
    raise ValidationError(CLOSURE_REASONS, f"沒有結案原因「{code}」。", f"Unknown closure reason '{code}'.")
