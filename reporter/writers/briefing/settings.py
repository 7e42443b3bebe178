"""The briefing's settings, templates/briefing.toml: 刊头, 编发单位, 标题, 抄送, 印发单位."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ...errors import TemplateError
from ...templates import find_template

SETTINGS_NAME = "briefing.toml"
KEYS = {
    "刊头": "第一页顶端的红色刊头",
    "编发单位": "红线上方左侧的编发单位",
    "标题": "简报标题（空着时按日期自动生成）",
    "抄送": "版记的抄送行（空着不印）",
    "印发单位": "版记末行的印发单位（空着用编发单位）",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingSettings:
    masthead: str = "工作简报"
    editor: str = "办公室"
    title: str = ""
    cc: str = ""
    printer: str = ""
    path: Path | None = None

    @property
    def printed_by(self) -> str:
        return self.printer or self.editor


def _fail(path: Path, what: str) -> TemplateError:
    return TemplateError(
        f"{path}：{what}；请对照 reporter templates init 生成的 {SETTINGS_NAME} 修改", path=path, reason=what
    )


def load_settings(templates: Path | str | None = None) -> BriefingSettings:
    """The settings in effect: --templates DIR > $REPORTER_TEMPLATES > the packaged defaults."""
    path = find_template(SETTINGS_NAME, templates)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail(path, "不是 UTF-8 编码的文本") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"TOML 格式错误（{exc}）") from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise _fail(path, f"不认识的设置 {'、'.join(unknown)}（可用的设置：{'、'.join(KEYS)}）")
    for key, value in data.items():
        if not isinstance(value, str):
            raise _fail(path, f'设置“{key}”应为带引号的文字，例如 "{key}" = "…"')
    values = {key: data.get(key, "").strip() for key in KEYS}
    if not values["刊头"]:
        raise _fail(path, "刊头不能为空")
    return BriefingSettings(
        masthead=values["刊头"],
        editor=values["编发单位"],
        title=values["标题"],
        cc=values["抄送"],
        printer=values["印发单位"],
        path=path,
    )
