"""Reading a template file into the template model, with a message naming the file and place of any mistake, and
checking every path it names against the view-model classes (views.py), including the disclose list of letters
that leave the agency (個人資料保護法)."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import yaml

from app.printing import views
from app.printing.options import Option, UnknownOptions, options
from app.printing.template_model import (
    AGENCY_ROOT,
    FORMATS,
    PLACEHOLDER,
    SELECTIONS,
    SIGNER_ROLES,
    SUBJECT_ROOTS,
    SUBJECTS,
    Block,
    ColumnSpec,
    FieldsBlock,
    FieldSpec,
    Format,
    FormTemplate,
    MatrixBlock,
    ParagraphBlock,
    PhotosBlock,
    Section,
    SignaturesBlock,
    SignerSpec,
    Subject,
    TableBlock,
    TemplateError,
    TextBlock,
)

# YAML folds a long line into a space; next to a Chinese character a space is not wanted (write a full-width space
# 「　」 where one is).
_CJK_FOLD: Final = re.compile(r"(?<=[\u2e80-\uffff]) +| +(?=[\u2e80-\uffff])")


def read_template(path: Path) -> FormTemplate:
    """The template in `path`, checked against the view-models; TemplateError naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateError(f"無法讀取範本 {path}：{exc}", f"Cannot read template {path}: {exc}") from exc
    template = _Reader(path).template(data)
    _PathChecker(template).check()
    return template


class _Reader:
    """Turns the YAML mapping into the template model, with a message naming the file and place of any error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, zh: str, en: str) -> TemplateError:
        return TemplateError(f"範本 {self.path.name}（{where}）：{zh}", f"Template {self.path.name} ({where}): {en}")

    def mapping(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "必須是對照表（鍵: 值）", "must be a mapping")
        return {str(k): v for k, v in value.items()}

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value).strip():
            raise self.fail(where, f"缺少文字 {key}", f"needs text '{key}'")
        return str(value)

    def optional_path(self, data: Mapping[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_.]+", value):
            raise self.fail(where, f"{key} 必須是欄位路徑（如 case.client.name）", f"{key} must be a path")
        return value

    def number(self, data: Mapping[str, Any], key: str, where: str, default: float, low: float, high: float) -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise self.fail(where, f"{key} 必須是 {low} 到 {high} 之間的數字", f"{key} must be {low}-{high}")
        return float(value)

    def flag(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(where, f"{key} 必須是 true 或 false", f"{key} must be true or false")
        return value

    def fmt(self, data: Mapping[str, Any], where: str) -> Format:
        value = data.get("format", "auto")
        if value not in FORMATS:
            raise self.fail(where, f"format 必須是 {'、'.join(FORMATS)} 之一", f"format must be one of {FORMATS}")
        return typing.cast(Format, value)

    def template(self, raw: object) -> FormTemplate:
        data = self.mapping(raw, "最上層")
        doc_id = self.path.stem
        subject = data.get("subject", "case")
        if subject not in SUBJECTS:
            raise self.fail("subject", f"必須是 {'、'.join(SUBJECTS)} 之一", f"must be one of {', '.join(SUBJECTS)}")
        select = self.mapping(data.get("select", {}), "select")
        for key, value in select.items():
            if key not in SELECTIONS or value not in SELECTIONS[key]:
                raise self.fail("select", f"不認得 {key}: {value}", f"unknown selection {key}: {value}")
        disclose_raw = data.get("disclose")
        disclose: tuple[str, ...] | None = None
        if disclose_raw is not None:
            if not isinstance(disclose_raw, list) or not all(isinstance(p, str) for p in disclose_raw):
                raise self.fail("disclose", "必須是欄位路徑的清單", "must be a list of paths")
            disclose = tuple(disclose_raw)
        sections_raw = data.get("sections")
        if not isinstance(sections_raw, list) or not sections_raw:
            raise self.fail("sections", "至少要有一個段落", "needs at least one section")
        order = data.get("order", 0)
        return FormTemplate(
            doc_id=doc_id,
            title=self.text(data, "title", "title"),
            title_en=self.text(data, "title_en", "title_en"),
            subject=typing.cast(Subject, subject),
            sections=tuple(self.section(s, f"sections 第 {i} 段") for i, s in enumerate(sections_raw, start=1)),
            path=self.path,
            form_no=self.text(data, "form_no", "form_no", required=False),
            order=order if isinstance(order, int) and not isinstance(order, bool) else 0,
            reference_format=self.flag(data, "reference_format", "reference_format"),
            landscape=self.flag(data, "landscape", "landscape"),
            source=self.text(data, "source", "source", required=False),
            select=MappingProxyType({str(k): str(v) for k, v in select.items()}),
            disclose=disclose,
            note=self.text(data, "note", "note", required=False),
            footer=self.text(data, "footer", "footer", required=False),
        )

    def section(self, raw: object, where: str) -> Section:
        data = self.mapping(raw, where)
        blocks_raw = data.get("blocks")
        if not isinstance(blocks_raw, list) or not blocks_raw:
            raise self.fail(where, "blocks 至少要有一個區塊", "blocks needs at least one block")
        heading = data.get("heading")
        return Section(
            heading=str(heading) if heading else None,
            blocks=tuple(self.block(b, f"{where} 區塊 {i}") for i, b in enumerate(blocks_raw, start=1)),
            page_break_before=self.flag(data, "page_break_before", where),
            keep_together=self.flag(data, "keep_together", where),
        )

    def block(self, raw: object, where: str) -> Block:
        data = self.mapping(raw, where)
        kind = data.get("type")
        if kind == "fields":
            fields_raw = data.get("fields")
            if not isinstance(fields_raw, list) or not fields_raw:
                raise self.fail(where, "fields 至少要有一個欄位", "fields needs at least one field")
            columns = int(self.number(data, "columns", where, 2, 1, 4))
            fields = tuple(self.field(f, f"{where} 欄位 {i}", columns) for i, f in enumerate(fields_raw, start=1))
            return FieldsBlock(columns=columns, fields=fields)
        if kind == "checkboxes":
            return FieldsBlock(columns=1, fields=(self.field(data, where, 1),))
        if kind == "table":
            return self.table(data, where)
        if kind == "text":
            return TextBlock(
                label=self.text(data, "label", where),
                path=self.optional_path(data, "path", where),
                lines=int(self.number(data, "lines", where, 4, 1, 40)),
            )
        if kind == "paragraph":
            align = data.get("align", "left")
            if align not in ("left", "center", "right", "justify"):
                raise self.fail(where, "align 必須是 left、center、right 或 justify", "bad align")
            return ParagraphBlock(
                text=_CJK_FOLD.sub("", self.text(data, "text", where)).strip(),
                align=align,
                size=self.number(data, "size", where, 0, 0, 30),
                indent=self.flag(data, "indent", where),
            )
        if kind == "signatures":
            signers_raw = data.get("signers")
            if not isinstance(signers_raw, list) or not signers_raw:
                raise self.fail(where, "signers 至少要有一位簽名人", "signers needs at least one signer")
            return SignaturesBlock(tuple(self.signer(s, f"{where} 簽名 {i}") for i, s in enumerate(signers_raw, 1)))
        if kind == "matrix":
            path = self.optional_path(data, "path", where)
            if path is None:
                raise self.fail(where, "matrix 需要 path", "a matrix needs a path")
            label = data.get("label")
            return MatrixBlock(
                path=path,
                label=str(label) if label else None,
                label_width=self.number(data, "label_width", where, 2.5, 0.5, 10),
            )
        if kind == "photos":
            labels = data.get("labels")
            if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
                raise self.fail(where, "labels 必須是照片說明的清單", "labels must be a list of captions")
            return PhotosBlock(tuple(labels), self.number(data, "height_mm", where, 60, 20, 200))
        raise self.fail(
            where,
            "type 必須是 fields、checkboxes、table、matrix、text、paragraph、signatures 或 photos",
            "type must be fields, checkboxes, table, matrix, text, paragraph, signatures or photos",
        )

    def field(self, raw: object, where: str, columns: int) -> FieldSpec:
        data = self.mapping(raw, where)
        span = int(self.number(data, "span", where, 1, 1, columns))
        return FieldSpec(
            label=self.text(data, "label", where),
            path=self.optional_path(data, "path", where),
            format=self.fmt(data, where),
            options=self.options(data.get("options"), where),
            span=span,
            lines=int(self.number(data, "lines", where, 1, 1, 20)),
        )

    def options(self, raw: object, where: str) -> tuple[Option, ...] | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            try:
                return options(raw)
            except UnknownOptions as exc:
                raise self.fail(where, exc.message_zh, exc.message_en) from None
        if isinstance(raw, list) and raw:
            found = []
            for item in raw:
                entry = self.mapping(item, where)
                found.append((self.text(entry, "code", where), self.text(entry, "label", where)))
            return tuple(found)
        raise self.fail(where, "options 必須是選項清單名稱或 code/label 清單", "options must be a list name or list")

    def table(self, data: Mapping[str, Any], where: str) -> TableBlock:
        path = self.optional_path(data, "path", where)
        columns_raw = data.get("columns")
        if not isinstance(columns_raw, list) or not columns_raw:
            raise self.fail(where, "表格至少要有一欄", "a table needs columns")
        columns = []
        for i, raw in enumerate(columns_raw, start=1):
            column = self.mapping(raw, f"{where} 第 {i} 欄")
            columns.append(
                ColumnSpec(
                    header=self.text(column, "header", f"{where} 第 {i} 欄"),
                    path=self.optional_path(column, "path", f"{where} 第 {i} 欄"),
                    width=self.number(column, "width", f"{where} 第 {i} 欄", 1, 0.01, 100),
                    format=self.fmt(column, f"{where} 第 {i} 欄"),
                )
            )
        label = data.get("label")
        return TableBlock(
            path=path,
            columns=tuple(columns),
            label=str(label) if label else None,
            numbered=self.flag(data, "numbered", where),
            blank_rows=int(self.number(data, "blank_rows", where, 0, 0, 30)),
        )

    def signer(self, raw: object, where: str) -> SignerSpec:
        data = self.mapping(raw, where)
        role = data.get("role")
        if role not in SIGNER_ROLES:
            raise self.fail(where, f"role 必須是 {'、'.join(SIGNER_ROLES)} 之一", f"role must be one of {SIGNER_ROLES}")
        return SignerSpec(
            role=str(role),
            label=self.text(data, "label", where),
            name_path=self.optional_path(data, "name_path", where),
            date_path=self.optional_path(data, "date_path", where),
        )


# --- checking paths against the view-models -------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """X for `X | None`."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _element(annotation: Any) -> Any | None:
    """X for `tuple[X, ...]`, else None."""
    if typing.get_origin(annotation) is tuple:
        args = typing.get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def resolve_type(root: Any, path: str) -> Any:
    """The annotated type at `path` under dataclass `root`; KeyError naming the first unknown part."""
    current = root
    for part in path.split("."):
        current = _unwrap(current)
        if not dataclasses.is_dataclass(current):
            raise KeyError(part)
        hints = typing.get_type_hints(current)
        if part not in hints:
            raise KeyError(part)
        current = hints[part]
    return _unwrap(current)


def is_list_type(annotation: Any) -> bool:
    return _element(annotation) is not None


class _PathChecker:
    def __init__(self, template: FormTemplate) -> None:
        self.template = template
        self.root = SUBJECT_ROOTS[template.subject]

    def fail(self, path: str, zh: str, en: str) -> TemplateError:
        name = self.template.path.name
        return TemplateError(f"範本 {name}：欄位「{path}」{zh}", f"Template {name}: field '{path}' {en}")

    def check(self) -> None:
        for path in self.template.disclose or ():
            self.resolve(self.root, path)
        for section in self.template.sections:
            for block in section.blocks:
                self.block(block)

    def resolve(self, root: Any, path: str, prefix: str = "") -> Any:
        head, _, rest = path.partition(".")
        if root is self.root and head == AGENCY_ROOT:
            root, path, prefix = views.AgencyInfo, rest, f"{AGENCY_ROOT}."
        try:
            return resolve_type(root, path)
        except KeyError as exc:
            raise self.fail(
                prefix + path, f"不存在（「{exc.args[0]}」不認得）", f"does not exist ({exc.args[0]})"
            ) from None

    def disclosed(self, path: str) -> None:
        allowed = self.template.disclose
        if allowed is None or path.startswith(f"{AGENCY_ROOT}."):
            return
        parts = path.split(".")
        if not any(parts[: len(p.split("."))] == p.split(".") for p in allowed):
            raise self.fail(path, "不在 disclose 清單內（個資最小揭露）", "is not in the disclose list")

    def leaf(self, path: str | None) -> None:
        if path is None:
            return
        found = self.resolve(self.root, path)
        element = _unwrap(_element(found))
        if is_list_type(found) and dataclasses.is_dataclass(element) and element is not views.Coded:
            raise self.fail(path, "是清單，請用表格（type: table）列出", "is a list of rows; use a table")
        if found is views.Matrix:
            raise self.fail(path, "是表格，請用 type: matrix 列出", "is a table; use a matrix block")
        self.disclosed(path)

    def block(self, block: Block) -> None:
        if isinstance(block, FieldsBlock):
            for spec in block.fields:
                self.leaf(spec.path)
        elif isinstance(block, TextBlock):
            self.leaf(block.path)
        elif isinstance(block, TableBlock):
            if block.path is None:
                if any(c.path is not None for c in block.columns):
                    raise self.fail("columns", "表格沒有 path 時，欄位也不能有 path", "needs the table's path")
                return
            rows = self.resolve(self.root, block.path)
            element = _element(rows)
            if element is None:
                raise self.fail(block.path, "不是清單，不能做成表格", "is not a list; a table needs one")
            for column in block.columns:
                if column.path is not None:
                    self.resolve(element, column.path, prefix=f"{block.path}[].")
                    self.disclosed(f"{block.path}.{column.path}")
        elif isinstance(block, MatrixBlock):
            if self.resolve(self.root, block.path) is not views.Matrix:
                raise self.fail(block.path, "不是可做成 matrix 的表格", "is not a matrix (views.Matrix)")
            self.disclosed(block.path)
        elif isinstance(block, ParagraphBlock):
            for match in PLACEHOLDER.finditer(block.text):
                self.leaf(match.group(1))
                fmt = match.group(2)
                if fmt is not None and fmt not in FORMATS:
                    raise self.fail(match.group(1), f"的格式 {fmt} 不認得", f"has an unknown format {fmt}")
        elif isinstance(block, SignaturesBlock):
            for signer in block.signers:
                self.leaf(signer.name_path)
                self.leaf(signer.date_path)
