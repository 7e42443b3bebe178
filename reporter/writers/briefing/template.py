"""The briefing template: a Word file with Jinja placeholders, filled with docxtpl.

    {{ 期号 }}                          a value (PLACEHOLDERS lists them all)
    {{p 正文 }}                         a block: the paragraph holding it is replaced by the whole body
    {%p for 报告 in 报告列表 %} … {%p endfor %}   a loop over the reports (p: the tag's paragraph goes away)

check_template() reads every placeholder before any report is read, so a broken template stops the run
at once with a message that names the file and the placeholder; it then fills the template once with two
made-up reports, so a misspelt field inside a loop ({{ 报告.标提 }}) is caught too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import TemplateError, file_error
from ...model import Evidence, Found, Metric, Record, Span
from ...templates import find_template
from .body import BodyBuilder
from .content import Content, IndicatorRow, build_content, task_text
from .issues import Issue
from .item import Item, figure_text
from .ooxml import PARAGRAPH_STYLES, W_NS, Comments, style_ids
from .settings import BriefingSettings, load_settings

TEMPLATE_NAME = "briefing.docx"
COMMENT_AUTHOR = "reporter 出处"

# name → what it holds (README lists the same; tests/test_write_docx_template.py checks they agree)
PLACEHOLDERS: dict[str, str] = {
    "刊头": "刊头文字（briefing.toml）",
    "期号": "本期期号，数字，如 3",
    "年度": "期号所属年份，如 2024",
    "期号全称": "如 2024年第3期",
    "编发单位": "编发单位（briefing.toml）",
    "日期": "印发日期，如 2024年6月30日",
    "标题": "简报标题（briefing.toml，空着时自动生成）",
    "报": "版记的“报：”行（briefing.toml）",
    "送": "版记的“送：”行（briefing.toml）",
    "发": "版记的“发：”行（briefing.toml）",
    "抄送": "旧写法，同“送”",
    "共印份数": "共印份数（briefing.toml，0 表示不印）",
    "印发单位": "印发单位（briefing.toml，空着时同编发单位）",
    "报告数": "本期报告份数",
    "单位数": "涉及的单位个数",
    "起止日期": "报告的起止日期，如 2024年6月1日至6月3日",
    "总体情况": "正文开头一句：本期收录报告几份、涉及几个单位、起止日期",
    "正文": "整段替换：默认的全部正文（开头一句和按单位或主题分组的条目），写作 {{p 正文 }}",
    "数据表": "整段替换：主要数据表，写作 {{p 数据表 }}",
    "报告列表": "每份报告：序号 标题 日期 单位 条目 摘要 数据 数据列表 要求 要求列表 来源 关键词 文件",
    "指标列表": "每个指标：序号 指标 计量单位 合计 分单位 明细（单位 数值）",
    "单位列表": "每个单位：序号 单位 报告列表",
    "分组列表": "每个分组（按 briefing.toml 的“分组”，单位或主题）：序号 名称 报告列表",
}
BLOCKS = ("正文", "数据表")
REPORT_KEYS = (
    "序号",
    "标题",
    "日期",
    "单位",
    "条目",
    "摘要",
    "数据",
    "数据列表",
    "要求",
    "要求列表",
    "来源",
    "关键词",
    "文件",
)
ITEM_KEYS = {
    "报告列表": REPORT_KEYS,
    "数据列表": ("名称", "指标", "数值", "计量单位", "文字"),
    "指标列表": ("序号", "指标", "计量单位", "合计", "分单位", "明细"),
    "明细": ("单位", "数值"),
    "单位列表": ("序号", "单位", "报告列表"),
    "分组列表": ("序号", "名称", "报告列表"),
}

_TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}|\{#.*?#\}", re.DOTALL)
_PREFIX = re.compile(r"^(?:p|r|tr|tc)\s+")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_OPENERS = {"if": "endif", "for": "endfor"}
_KNOWN_TAGS = {"if", "elif", "else", "endif", "for", "endfor", "set", "cellbg", "colspan", "vm", "hm"}


@dataclass(frozen=True, slots=True)
class Template:
    """A checked briefing template."""

    path: Path
    settings: BriefingSettings
    uses: frozenset[str]  # the block placeholders it uses (正文, 数据表)
    names: frozenset[str] | None = None  # every placeholder it uses (None: assume all)


def jinja_env():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _fail(path: Path, what: str, todo: str = "") -> TemplateError:
    todo = todo or "请改正后重新运行，或用 reporter templates init 重新生成默认模板对照"
    return file_error(TemplateError, path, what, todo)


def _open(path: Path):
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    try:
        tpl.init_docx()
    except Exception as exc:  # python-docx raises PackageNotFoundError, KeyError, BadZipFile, lxml errors …
        raise _fail(
            path,
            f"不是有效的 Word（.docx）文件（{type(exc).__name__}）",
            "请用 Word/WPS 另存为 .docx，或用 reporter templates init 重新生成",
        ) from None
    return tpl


def _part_roots(tpl) -> list:
    """The body element and the root of every header and footer part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    roots = [tpl.docx.element.body]
    for rel in tpl.docx.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            roots.append(parse_xml(rel.target_part.blob))
    return roots


def _part_xmls(tpl) -> Iterator[str]:
    for root in _part_roots(tpl):
        yield tpl.xml_to_string(root)


def _paragraph_texts(tpl) -> Iterator[str]:
    """The text of every paragraph of the body, headers and footers (runs joined: Word splits tags into runs)."""
    for root in _part_roots(tpl):
        for p in root.iter(f"{{{W_NS}}}p"):
            if next(p.iter(f"{{{W_NS}}}txbxContent"), None) is not None:
                continue  # a paragraph anchoring a text box (the 版记): its paragraphs come on their own
            yield "".join(t.text or "" for t in p.iter(f"{{{W_NS}}}t"))


def _show(tag: str) -> str:
    return re.sub(r"\s+", " ", tag).strip()


def _check_braces(path: Path, rest: str) -> None:
    """What is left of a paragraph once its tags are taken out holds no half tag ({{ without }}, or }})."""
    for opening in ("{{", "{%"):
        if opening in rest:
            start = rest.index(opening)
            raise _fail(
                path,
                f"占位符没有写完：“{_show(rest[start : start + 30])}”（缺少 {'}}' if opening == '{{' else '%}'}）",
            )
    for closing in ("}}", "%}"):
        if closing in rest:
            end = rest.index(closing)
            raise _fail(path, f"多出一个 {closing}：“{_show(rest[max(0, end - 20) : end + 2])}”")


def _check_tags(path: Path, texts: list[str], env) -> list[tuple[str, str]]:
    """Syntax of each tag, the nesting of if/for, unclosed braces. Returns (tag as written, expression)."""
    from jinja2 import TemplateSyntaxError

    tags: list[tuple[str, str]] = []
    stack: list[tuple[str, str]] = []
    for text in texts:
        _check_braces(path, _TAG.sub("", text))
        whole = [m.group(0) for m in _TAG.finditer(text) if re.match(r"\{%\s*p\s", m.group(0))]
        if whole and (len(whole) > 1 or _show(text) != _show(whole[0])):
            raise _fail(
                path,
                f"{_show(whole[0])} 所在的段落里还有别的内容：“{_show(text)[:40]}”",
                "{%p … %} 会连同它所在的整段一起去掉，要单独占一段；同一段里的判断请写 {% if … %}",
            )
        for m in _TAG.finditer(text):
            shown = _show(m.group(0))
            if m.group(1) is not None:
                inner = m.group(1).translate(_QUOTES).strip()
                prefix = _PREFIX.match(inner)
                expr = inner[prefix.end() :] if prefix else inner
                try:
                    env.parse("{{ " + expr + " }}")
                except TemplateSyntaxError as exc:
                    raise _fail(path, f"占位符 {shown} 写错了（{exc.message}）") from None
                kind = prefix.group(0).strip() if prefix else ""
                if kind and not (kind == "p" and expr in BLOCKS):
                    raise _fail(
                        path,
                        f"占位符 {shown} 不能带“{kind}”",
                        f"只有 {{{{p 正文 }}}} 和 {{{{p 数据表 }}}} 整段替换；其他的值都写作 {{{{ {expr} }}}}",
                    )
                tags.append((shown, expr))
            elif m.group(2) is not None:
                body = _PREFIX.sub("", m.group(2).translate(_QUOTES).strip())
                word = body.split(None, 1)[0] if body else ""
                if word not in _KNOWN_TAGS:
                    raise _fail(path, f"{shown} 不是能用的写法（能用 if/elif/else/endif、for/endfor、set）")
                probe = {
                    "if": "{% " + body + " %}{% endif %}",
                    "for": "{% " + body + " %}{% endfor %}",
                    "elif": "{% if 1 %}{% " + body + " %}{% endif %}",
                    "set": "{% " + body + " %}",
                }.get(word)
                if probe is not None:
                    try:
                        env.parse(probe)
                    except TemplateSyntaxError as exc:
                        raise _fail(path, f"{shown} 写错了（{exc.message}）") from None
                tags.append((shown, body))
                if word in _OPENERS:
                    stack.append((word, shown))
                elif word in ("endif", "endfor"):
                    if not stack:
                        raise _fail(path, f"{shown} 前面没有对应的 {{% {word[3:]} … %}}")
                    if _OPENERS[stack[-1][0]] != word:
                        raise _fail(
                            path, f"{shown} 之前要先用 {{% {_OPENERS[stack[-1][0]]} %}} 结束 {stack[-1][1]}"
                        )
                    stack.pop()
                elif word in ("elif", "else") and not stack:
                    raise _fail(path, f"{shown} 不在任何 {{% if %}} 或 {{% for %}} 里")
    if stack:
        word, shown = stack[-1]
        raise _fail(path, f"{shown} 没有对应的 {{% {_OPENERS[word]} %}}")
    return tags


def _tag_with(tags: list[tuple[str, str]], name: str) -> str:
    for shown, expr in tags:
        if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", expr):
            return shown
    return "{{ " + name + " }}"


def check_template(templates: Path | str | None = None) -> Template:
    """Check the briefing template in effect (and briefing.toml); TemplateError names the file and the problem."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError
    from jinja2 import meta

    settings = load_settings(templates)
    path = find_template(TEMPLATE_NAME, templates)
    tpl = _open(path)
    env = jinja_env()
    tags = _check_tags(path, list(_paragraph_texts(tpl)), env)

    # each part as docxtpl will see it, for the names it uses
    names: set[str] = set()
    for xml in _part_xmls(tpl):
        try:
            names |= meta.find_undeclared_variables(env.parse(tpl.patch_xml(xml)))
        except JinjaError as exc:
            raise _fail(path, f"模板语法错误（{getattr(exc, 'message', exc)}）") from None
    unknown = sorted(names - set(PLACEHOLDERS))
    if unknown:
        raise _fail(
            path,
            f"占位符 {_tag_with(tags, unknown[0])} 里的“{unknown[0]}”不认识",
            f"能用的占位符：{'、'.join(PLACEHOLDERS)}（见 README“简报”一节）",
        )
    for shown, expr in tags:
        if expr in BLOCKS and not re.match(r"\{\{\s*p\s", shown):
            raise _fail(path, f"占位符 {shown} 要单独占一段，写作 {{{{p {expr} }}}}")
    uses = frozenset(b for b in BLOCKS if b in names)
    if "正文" in uses:  # the body's headings need the template's styles; the table does without
        have = style_ids(tpl.docx.styles.element)
        missing = [name for name in PARAGRAPH_STYLES if name not in have]
        if missing:
            raise _fail(
                path,
                f"用了 {{{{p 正文 }}}}，但模板里没有段落样式“{'”“'.join(missing)}”",
                "请以 reporter templates init 生成的 briefing.docx 为底稿修改（样式可以改，名称不要改）",
            )
    template = Template(path=path, settings=settings, uses=uses, names=frozenset(names))

    # fill it once with made-up reports: a misspelt field inside a loop only shows when the loop runs
    trial = DocxTemplate(str(path))
    try:
        render(
            template,
            build_content(sample_records(), sample_schema(), settings),
            Issue(2024, 1, dt.date(2024, 6, 30)),
            tpl=trial,
        )
    except JinjaError as exc:
        message = getattr(exc, "message", None) or str(exc)
        m = re.search(r"has no attribute '([^']+)'", message)
        if m:
            items = "；".join(f"{name}的每一项有 {'、'.join(keys)}" for name, keys in ITEM_KEYS.items())
            raise _fail(
                path,
                f"占位符 {_tag_with_attr(tags, m[1])} 里的“{m[1]}”不认识",
                f"{items}（见 README“简报”一节）",
            ) from None
        raise _fail(path, f"模板填写时出错（{message}）") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise _fail(path, f"模板填写时出错（{exc}）") from None
    return template


def _tag_with_attr(tags: list[tuple[str, str]], attr: str) -> str:
    for shown, expr in tags:
        if re.search(rf"\.{re.escape(attr)}(?!\w)", expr):
            return shown
    return f"{{{{ ….{attr} }}}}"


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def _report_dict(n: int, item: Item) -> dict[str, Any]:
    from ...model import Metric

    metrics = []
    for name, indicator, value, measure in item.metrics:
        metric = Metric(name=name, value=value, unit=measure, indicator=indicator)
        metrics.append(
            {
                "名称": _clean(name),
                "指标": _clean(indicator or name),
                "数值": value,
                "计量单位": _clean(measure),
                "文字": _clean(figure_text(metric)),
            }
        )
    return {
        "序号": n,
        "标题": _clean(item.heading),
        "日期": item.date,
        "单位": _clean(item.unit),
        "条目": _clean(item.text),
        "摘要": _clean(item.lead),
        "数据": _clean("，".join(item.figures)),
        "数据列表": metrics,
        "要求": _clean(item.requirement),
        "要求列表": [_clean(task_text(text, k)) for k, text in enumerate(item.tasks, 1)],
        "来源": _clean(item.source),
        "关键词": _clean(item.keywords),
        "文件": _clean(item.file),
    }


def _indicator_dict(n: int, row: IndicatorRow) -> dict[str, Any]:
    from .item import number_text

    return {
        "序号": n,
        "指标": _clean(row.indicator),
        "计量单位": _clean(row.measure),
        "合计": row.total_text,
        "分单位": _clean(row.by_unit_text),
        "明细": [{"单位": _clean(u), "数值": number_text(v, row.measure)} for u, v in row.by_unit],
    }


def auto_title(content: Content) -> str:
    """2024年6月工作动态 when every dated report is of one month, else 工作动态汇编."""
    months = {
        r.date_iso[:7] for r in content.items if len(r.date_iso) >= 7 and not r.date_iso.startswith("--")
    }
    if len(months) == 1:
        year, month = next(iter(months)).split("-")
        return f"{int(year)}年{int(month)}月工作动态"
    return "工作动态汇编"


def context(template: Template, content: Content, issue: Issue, blocks: dict[str, str]) -> dict[str, Any]:
    from markupsafe import Markup

    s = template.settings
    reports = {id(r): _report_dict(n, r) for n, r in enumerate(content.items, 1)}
    by_unit: dict[str, list[Item]] = {}
    for item in content.items:
        by_unit.setdefault(item.unit, []).append(item)
    return {
        "刊头": s.masthead,
        "期号": issue.no,
        "年度": issue.year,
        "期号全称": issue.label,
        "编发单位": s.editor,
        "日期": issue.date_text,
        "标题": s.title or auto_title(content),
        "报": s.report_to,
        "送": s.send_to,
        "发": s.issue_to,
        "抄送": s.send_to,
        "共印份数": s.copies,
        "印发单位": s.printed_by,
        "报告数": len(content.items),
        "单位数": len(content.units),
        "起止日期": content.span,
        "总体情况": content.overview,
        "正文": Markup(blocks.get("正文", "")),
        "数据表": Markup(blocks.get("数据表", "")),
        "报告列表": list(reports.values()),
        "指标列表": [_indicator_dict(n, row) for n, row in enumerate(content.indicators, 1)],
        "单位列表": [
            {"序号": n, "单位": _clean(unit), "报告列表": [reports[id(r)] for r in rs]}
            for n, (unit, rs) in enumerate(by_unit.items(), 1)
        ],
        "分组列表": [
            {"序号": n, "名称": _clean(name), "报告列表": [reports[id(r)] for r in rs]}
            for n, (name, rs) in enumerate(content.groups, 1)
        ],
    }


def _comments_part(docx):
    """The document's comments part, made (by python-docx) when the template has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    _ = docx.comments  # python-docx makes the part when the template has none
    return docx.part.part_related_by(RT.COMMENTS)


def render(template: Template, content: Content, issue: Issue, *, evidence: bool = False, tpl=None) -> bytes:
    """The filled-in briefing as .docx bytes."""
    from docx.oxml import parse_xml

    if tpl is None:
        from docxtpl import DocxTemplate

        tpl = DocxTemplate(str(template.path))
    tpl.init_docx()
    comments: Comments | None = None
    if evidence:
        comments_part = _comments_part(tpl.docx)
        ids = [int(c.get(f"{{{W_NS}}}id")) for c in comments_part.element.iterchildren(f"{{{W_NS}}}comment")]
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        comments = Comments(max(ids, default=-1) + 1, COMMENT_AUTHOR, "RP", now)
    builder = BodyBuilder(content, style_ids(tpl.docx.styles.element), comments)
    blocks = {}
    if "正文" in template.uses:
        blocks["正文"] = builder.xml()
    if "数据表" in template.uses:
        blocks["数据表"] = builder.table_xml()
    if comments:
        comments_part.element.extend(parse_xml(comments.xml().encode("utf-8")))
    # docxtpl gets a one-paragraph marker for each block and the block is put in its place afterwards:
    # run through docxtpl's regular expressions and tree swap, a 4,000-report body took seconds more
    token = uuid.uuid4().hex
    markers = {name: f"reporter-{token}-{name}" for name in blocks}
    marked = {name: f"<w:p><w:r><w:t>{mark}</w:t></w:r></w:p>" for name, mark in markers.items()}
    tpl.render(context(template, content, issue, marked), jinja_env=jinja_env())
    _issue_properties(tpl.docx, template.settings, issue)
    buf = io.BytesIO()
    tpl.save(buf)
    # the blocks go into word/document.xml as text: parsing a 10,000-report body into an lxml tree
    # only to serialise it again cost hundreds of MB
    return _splice_bytes(buf.getvalue(), markers, blocks)


def _issue_properties(docx, settings: BriefingSettings, issue: Issue) -> None:
    """The issued file's own properties: its title and date, none of the template's notes."""
    props = docx.core_properties
    props.title = f"{settings.masthead}{issue.label}"
    props.subject = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.author = settings.editor or "reporter"
    props.last_modified_by = settings.editor or "reporter"
    now = dt.datetime.now().replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1


def _splice_bytes(package: bytes, markers: dict[str, str], blocks: dict[str, str]) -> bytes:
    """Replace each marker paragraph of word/document.xml by its block's XML, copying the other parts."""
    import re
    import zipfile

    if not blocks:
        return package
    src = zipfile.ZipFile(io.BytesIO(package))
    main = next((n for n in src.namelist() if n == "word/document.xml"), None)
    if main is None:
        return package
    xml = src.read(main).decode("utf-8")
    pieces: list[str] = []
    pos = 0
    where = {name: xml.find(mark) for name, mark in markers.items()}
    for name, mark in sorted(markers.items(), key=lambda kv: where[kv[0]]):
        at = xml.find(mark, pos)
        if at < 0:
            continue
        start = max(m.start() for m in re.finditer(r"<w:p[ >]", xml[pos:at])) + pos
        end = xml.index("</w:p>", at) + len("</w:p>")
        pieces.append(xml[pos:start])
        pieces.append(blocks[name])
        pos = end
    pieces.append(xml[pos:])
    del xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != main:
                dst.writestr(info, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
                continue
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w") as fh:  # streamed: the whole document is never one more copy
                for piece in pieces:
                    for i in range(0, len(piece), 1 << 20):
                        fh.write(piece[i : i + (1 << 20)].encode("utf-8"))
    return out.getvalue()


# ------------------------------------------------------------------ made-up reports for the trial fill
def sample_schema():
    from ...schema import FIELD_KINDS, FieldSpec, Schema

    fields = tuple(FieldSpec(key=key, header=key, kind=kind) for key, kind in FIELD_KINDS.items())
    return Schema(version=1, fields=fields, indicators={"破获案件": ()})


def sample_records() -> list[Record]:
    def found(value: Any) -> tuple[Found, ...]:
        return (Found(value, Evidence(Span(0, 1), "示例句子。", 0), "sample"),)

    records = []
    for i, (unit, date) in enumerate((("示例县公安局", "2024-06-01"), ("示例县应急管理局", "2024-06-03")), 1):
        records.append(
            Record(
                path=Path(f"示例{i}.txt"),
                sha256=f"{i:064d}",
                chars=10,
                fields={
                    "title": found(f"示例报告{i}"),
                    "date": found(date),
                    "organizer": found(unit),
                    "source": found(unit),
                    "summary": found("示例摘要。"),
                    "keywords": found("示例"),
                    "tasks": found("一是要示例。"),
                    "metrics": found(Metric(name="破获案件", value=i, unit="起", indicator="破获案件")),
                },
            )
        )
    return records
