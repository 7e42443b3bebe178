"""The briefing body as WordprocessingML text, built directly (the fast path).

python-docx's add_paragraph/add_run cost about 3.4 ms per report section and grow with the document (each
call walks the body); writing the same paragraphs as XML text costs a fraction and stays flat, so a
1,000-report briefing takes seconds, not minutes (bench/briefing_bench.py). The text is handed to the
template as the `{{p 正文 }}` block, where docxtpl puts it in place of that paragraph.

Styles are referred to by their Chinese names; `style_ids()` reads the ids the template gives them, so a
user may restyle them (or rename the ids) in Word freely.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

BODY = "简报正文"
HEADING1 = "一级标题"
HEADING2 = "二级标题"
HEADING3 = "三级标题"
TABLE_TEXT = "表格文字"
TABLE_HEAD = "表头"
TABLE = "简报表格"
PARAGRAPH_STYLES = (BODY, HEADING1, HEADING2, HEADING3, TABLE_TEXT, TABLE_HEAD)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\t\r\n\u2028\u2029]+")

# A run of text; with a comment text it is anchored to a Word comment holding that text.
Segment = str | tuple[str, str]


def esc(text: str) -> str:
    """Text safe inside <w:t>: no characters XML forbids, no tabs or line breaks (docxtpl would turn them into
    tab and break elements), and &, <, > escaped."""
    text = _SPACES.sub(" ", _ILLEGAL.sub("", text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def style_ids(styles_element) -> dict[str, str]:
    """Style name → style id, for the paragraph and table styles of a template's styles.xml element."""
    out: dict[str, str] = {}
    for style in styles_element.iterchildren(f"{{{W_NS}}}style"):
        name = style.find(f"{{{W_NS}}}name")
        style_id = style.get(f"{{{W_NS}}}styleId")
        if name is not None and style_id and style.get(f"{{{W_NS}}}type") in ("paragraph", "table"):
            out.setdefault(name.get(f"{{{W_NS}}}val"), style_id)
    return out


class BodyXml:
    """Collects paragraphs and tables as XML text.

    `comment(text) -> id` adds a Word comment and returns its id; None means segments are written without
    their comments.
    """

    def __init__(self, styles: Mapping[str, str], comment: Callable[[str], int] | None = None):
        self._ids = {name: styles.get(name, "") for name in (*PARAGRAPH_STYLES, TABLE)}
        self._comment = comment
        self._parts: list[str] = []
        self._ppr = {
            name: (f'<w:pPr><w:pStyle w:val="{esc(sid)}"/></w:pPr>' if sid else "")
            for name, sid in self._ids.items()
        }

    def _runs(self, segments: Iterable[Segment]) -> str:
        out = []
        for segment in segments:
            if isinstance(segment, tuple):
                text, note = segment
                run = f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
                if self._comment is not None and note:
                    cid = self._comment(note)
                    run = (
                        f'<w:commentRangeStart w:id="{cid}"/>{run}<w:commentRangeEnd w:id="{cid}"/>'
                        f'<w:r><w:commentReference w:id="{cid}"/></w:r>'
                    )
                out.append(run)
            elif segment:
                out.append(f'<w:r><w:t xml:space="preserve">{esc(segment)}</w:t></w:r>')
        return "".join(out)

    def paragraph(self, style: str, *segments: Segment) -> None:
        self._parts.append(f"<w:p>{self._ppr[style]}{self._runs(segments)}</w:p>")

    def table(
        self,
        widths: Sequence[int],
        header: Sequence[str],
        rows: Iterable[Sequence[str]],
        align: Sequence[str] = (),
    ) -> None:
        """A bordered table (widths in twips), its header row repeated on every page."""
        border = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        table_style = self._ids[TABLE]
        style = f'<w:tblStyle w:val="{esc(table_style)}"/>' if table_style else ""
        out = [
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        ]
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out.append("</w:tblGrid>")
        head_ppr, text_ppr = self._ppr[TABLE_HEAD], self._ppr[TABLE_TEXT]

        def cell(width: int, ppr: str, text: str, jc: str = "") -> str:
            if jc:
                ppr = (
                    ppr.replace("</w:pPr>", f'<w:jc w:val="{jc}"/></w:pPr>')
                    if ppr
                    else f'<w:pPr><w:jc w:val="{jc}"/></w:pPr>'
                )
            return (
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p></w:tc>'
            )

        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        out.extend(cell(w, head_ppr, text) for w, text in zip(widths, header, strict=False))
        out.append("</w:tr>")
        for row in rows:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            out.extend(
                cell(w, text_ppr, text, align[i] if i < len(align) else "")
                for i, (w, text) in enumerate(zip(widths, row, strict=False))
            )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self._parts.append("".join(out))

    def xml(self) -> str:
        return "".join(self._parts)


class Comments:
    """Word comments written as XML too: python-docx's add_comment looks for the next free id among all the
    comments each time, which makes 10,000 evidence comments take minutes instead of a second.

    Call it with a comment's text to get its id; `xml()` gives the <w:comment> elements to append to the
    comments part. Each line of the text is a paragraph of the comment.
    """

    def __init__(self, first_id: int, author: str, initials: str, date: str):
        self._next = first_id
        self._head = f'w:author="{esc(author)}" w:initials="{esc(initials)}" w:date="{date}"'
        self._parts: list[str] = []

    def __call__(self, text: str) -> int:
        cid = self._next
        self._next += 1
        paragraphs = []
        for i, line in enumerate(text.split("\n")):
            mark = "<w:r><w:annotationRef/></w:r>" if i == 0 else ""
            paragraphs.append(f'<w:p>{mark}<w:r><w:t xml:space="preserve">{esc(line)}</w:t></w:r></w:p>')
        self._parts.append(f'<w:comment w:id="{cid}" {self._head}>{"".join(paragraphs)}</w:comment>')
        return cid

    def __len__(self) -> int:
        return len(self._parts)

    def xml(self) -> str:
        return f'<w:comments xmlns:w="{W_NS}">' + "".join(self._parts) + "</w:comments>"
