"""The briefing's settings, templates/briefing.toml: masthead, 版记 lines, grouping, the period of an issue."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import TemplateError, file_error
from ...templates import find_template

SETTINGS_NAME = "briefing.toml"
TEXT_KEYS = {
    "刊头": "第一页顶端的红色刊头",
    "编发单位": "红线上方左侧的编发单位",
    "标题": "简报标题（空着时按日期自动生成）",
    "报": "版记的“报：”行（空着不印）",
    "送": "版记的“送：”行（空着不印）",
    "发": "版记的“发：”行（空着不印）",
    "抄送": "旧写法，同“送”",
    "印发单位": "版记末行的编印单位（空着用编发单位）",
    "分组": "条目的分组：单位 或 主题",
    "期号周期": "每期简报收哪段时间的报告：每次运行、每天、每周、每月（空着：run 每次运行，watch 每天）",
}
OTHER_KEYS = {
    "共印份数": "版记下的“共印 N 份”（0 不印）",
    "主题": "按主题分组时的主题和它们的词",
}
KEYS = {**TEXT_KEYS, **OTHER_KEYS}
GROUPINGS = ("单位", "主题")
PERIODS = ("每次运行", "每天", "每周", "每月")
DEFAULT_THEMES: dict[str, tuple[str, ...]] = {
    "扫黑除恶": ("扫黑", "涉黑", "涉恶", "黑恶"),
    "社会治安": ("治安", "刑事", "诈骗", "盗窃", "破获", "禁毒", "警"),
    "安全生产与应急": ("安全生产", "事故", "火灾", "地震", "灾", "应急", "救援", "防汛"),
    "疫情防控": ("疫情", "防控", "病例"),
    "纪检监察": ("纪委", "监委", "腐败", "党纪", "巡察", "廉"),
    "政法工作": ("法院", "检察", "政法", "审判", "执行", "司法"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefingSettings:
    masthead: str = "工作简报"
    editor: str = "办公室"
    title: str = ""
    report_to: str = ""  # 报
    send_to: str = ""  # 送
    issue_to: str = ""  # 发
    printer: str = ""
    copies: int = 0
    grouping: str = "单位"
    period: str = ""  # '' = the command's default
    themes: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_THEMES))
    path: Path | None = None

    @property
    def printed_by(self) -> str:
        return self.printer or self.editor

    # the old name of the 送 line
    @property
    def cc(self) -> str:
        return self.send_to


def _fail(path: Path, what: str) -> TemplateError:
    return file_error(
        TemplateError, path, what, f"请对照 reporter templates init 生成的 {SETTINGS_NAME} 修改"
    )


def _themes(path: Path, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value:
        raise _fail(path, '设置“主题”应为一张表，每行写作 "主题名" = ["词1", "词2"]')
    out: dict[str, tuple[str, ...]] = {}
    for name, words in value.items():
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise _fail(path, f'主题“{name}”的词应写作 ["词1", "词2"]')
        out[str(name).strip()] = tuple(w.strip() for w in words)
    return out


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
        if key in TEXT_KEYS and not isinstance(value, str):
            raise _fail(path, f'设置“{key}”应为带引号的文字，例如 "{key}" = "…"')
    values = {key: data.get(key, "").strip() for key in TEXT_KEYS}
    if not values["刊头"]:
        raise _fail(path, "刊头不能为空")
    grouping = values["分组"] or "单位"
    if grouping not in GROUPINGS:
        raise _fail(path, f"“分组”只能是 {' 或 '.join(GROUPINGS)}，现在是“{grouping}”")
    period = values["期号周期"]
    if period and period not in PERIODS:
        raise _fail(path, f"“期号周期”只能是 {'、'.join(PERIODS)}，现在是“{period}”")
    copies = data.get("共印份数", 0)
    if isinstance(copies, bool) or not isinstance(copies, int) or copies < 0:
        raise _fail(path, '“共印份数”应为不带引号的整数，例如 "共印份数" = 30（0 不印）')
    themes = _themes(path, data["主题"]) if "主题" in data else dict(DEFAULT_THEMES)
    return BriefingSettings(
        masthead=values["刊头"],
        editor=values["编发单位"],
        title=values["标题"],
        report_to=values["报"],
        send_to=values["送"] or values["抄送"],
        issue_to=values["发"],
        printer=values["印发单位"],
        copies=copies,
        grouping=grouping,
        period=period,
        themes=themes,
        path=path,
    )
