"""The field schema: which fields a record has, their ledger headers, and indicator names.

The defaults are in templates/schema.toml; a user edits a copy (see reporter.templates).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import SchemaError, file_error
from .templates import find_template

Kind = Literal["str", "date", "list[str]", "list[person]", "list[metric]"]

# The fixed field schema of spec/fields.md (version 1): key → kind.
FIELD_KINDS: dict[str, Kind] = {
    "title": "str",
    "date": "date",
    "organizer": "str",
    "event": "str",
    "location": "str",
    "host": "str",
    "people": "list[person]",
    "units": "list[str]",
    "metrics": "list[metric]",
    "tasks": "list[str]",
    "source": "str",
    "keywords": "list[str]",
    "summary": "str",
}
SCALAR_KINDS = ("str", "date")


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldSpec:
    key: str
    header: str
    kind: Kind
    width: int | None = None
    ledger: bool = True
    briefing: bool = True

    @property
    def is_list(self) -> bool:
        return self.kind.startswith("list")


@dataclass(frozen=True, slots=True, kw_only=True)
class Schema:
    version: int
    fields: tuple[FieldSpec, ...]
    indicators: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None
    _aliases: Mapping[str, str] = field(init=False, repr=False, compare=False)  # for indicator_for

    def __post_init__(self) -> None:
        object.__setattr__(self, "_aliases", _alias_index(self.indicators))

    def __getitem__(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return any(spec.key == key for spec in self.fields)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.fields)

    def header(self, key: str) -> str:
        return self[key].header if key in self else key

    def indicator_for(self, name: str) -> str:
        """The normalised indicator of a metric name ('' when none applies).

        A name equal to an indicator or one of its aliases maps to it; otherwise the longest alias
        the name ends with (全年抓获犯罪嫌疑人 → 抓获犯罪嫌疑人).
        """
        aliases = self._aliases
        for i in range(len(name)):  # the longest alias first: the name itself, then its tails
            canon = aliases.get(name[i:])
            if canon is not None:
                return canon
        return ""


def _alias_index(indicators: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """alias (and indicator name) → indicator; where two indicators share an alias, the first one listed."""
    index: dict[str, str] = {}
    for canon, aliases in indicators.items():
        for alias in (canon, *aliases):
            if alias:
                index.setdefault(alias, canon)
    return index


def _fail(path: Path, what: str) -> SchemaError:
    return file_error(SchemaError, path, what, "请对照程序自带的 schema.toml 修改")


def parse_schema(data: Mapping, path: Path) -> Schema:
    version = data.get("version", 1)
    if version != 1:
        raise _fail(path, f"不支持的字段表版本 version = {version!r}（只支持 1）")
    rows = data.get("field")
    if not isinstance(rows, list) or not rows:
        raise _fail(path, "没有 [[field]] 字段定义")
    specs: list[FieldSpec] = []
    seen: set[str] = set()
    known = ", ".join(FIELD_KINDS)
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise _fail(path, f"第 {i} 个 [[field]] 格式不对")
        key = row.get("key")
        if key not in FIELD_KINDS:
            raise _fail(path, f"字段 {key!r} 没有对应的抽取规则；可用的字段：{known}")
        if key in seen:
            raise _fail(path, f"字段 {key!r} 出现了两次")
        seen.add(key)
        kind = row.get("kind", FIELD_KINDS[key])
        if kind != FIELD_KINDS[key]:
            raise _fail(path, f"字段 {key!r} 的类型应为 {FIELD_KINDS[key]!r}，不是 {kind!r}")
        header = row.get("header", key)
        if not isinstance(header, str) or not header.strip():
            raise _fail(path, f"字段 {key!r} 的表头 header 不能为空")
        width = row.get("width")
        if width is not None and (not isinstance(width, int) or not 2 <= width <= 120):
            raise _fail(path, f"字段 {key!r} 的列宽 width 应为 2 到 120 之间的整数")
        unknown = set(row) - {"key", "header", "kind", "width", "ledger", "briefing"}
        if unknown:
            raise _fail(path, f"字段 {key!r} 有不认识的设置 {', '.join(sorted(unknown))}")
        specs.append(
            FieldSpec(
                key=key,
                header=header.strip(),
                kind=kind,
                width=width,
                ledger=bool(row.get("ledger", True)),
                briefing=bool(row.get("briefing", True)),
            )
        )
    indicators_raw = data.get("indicators", {})
    if not isinstance(indicators_raw, dict):
        raise _fail(path, "[indicators] 应为“标准名称 = [别名, …]”的形式")
    indicators: dict[str, tuple[str, ...]] = {}
    for canon, aliases in indicators_raw.items():
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _fail(path, f"指标 {canon!r} 的别名应为字符串列表")
        indicators[canon] = tuple(a for a in aliases if a)
    return Schema(version=1, fields=tuple(specs), indicators=indicators, path=path)


def load_schema(path: Path | str | None = None, *, templates: Path | str | None = None) -> Schema:
    """Load schema.toml: the given file, else the one in effect in the template folders."""
    file = Path(path) if path is not None else find_template("schema.toml", templates)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise SchemaError(f"{file}：字段表文件不存在", path=file) from None
    except UnicodeDecodeError:
        raise _fail(file, "不是 UTF-8 编码的文本") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(file, f"TOML 格式错误（{exc}）") from None
    return parse_schema(data, file)
