"""dump_docx(path): a Word file's structure as plain data, for golden files and layout tests.

    {"title": core-properties title,
     "paragraphs": [[style name, text], …] of the body,
     "tables": [[[cell text, …], …], …],
     "comments": [[anchored text, comment text], …],
     "sections": [{"page_mm": [w, h], "margins_mm": {…}, "grid": {…}, "footers": {"default": …, "even": …}}],
     "even_and_odd": bool,
     "fonts": {style name: {"eastAsia", "ascii", "pt", "bold", "color"}} for the styles the body uses,
     "colophon": [[style name, text], …] of the text boxes (the 版记),
     "properties": {"comments", "subject", "keywords"} of the file}

Structure only: no zip times, no rsids, no comment dates, so two writes of the same briefing dump equal.
"""

from __future__ import annotations

from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _mm(twips: int | None) -> float | None:
    return None if twips is None else round(twips / 1440 * 25.4, 1)


def style_font(doc, name: str) -> dict:
    """The run properties a paragraph style gives its text, following basedOn up to the document defaults."""
    styles = doc.styles.element
    by_id = {s.get(f"{W}styleId"): s for s in styles.iterchildren(f"{W}style")}
    by_name = {s.find(f"{W}name").get(f"{W}val"): s for s in by_id.values() if s.find(f"{W}name") is not None}
    chain = []
    style = by_name.get(name)
    while style is not None:
        chain.append(style.find(f"{W}rPr"))
        based = style.find(f"{W}basedOn")
        style = by_id.get(based.get(f"{W}val")) if based is not None else None
    defaults = styles.find(f"{W}docDefaults")
    if defaults is not None:
        chain.append(defaults.find(f"{W}rPrDefault/{W}rPr"))
    out: dict = {"eastAsia": None, "ascii": None, "pt": None, "bold": False, "color": None}
    for rpr in reversed([r for r in chain if r is not None]):
        fonts = rpr.find(f"{W}rFonts")
        if fonts is not None:
            out["eastAsia"] = fonts.get(f"{W}eastAsia", out["eastAsia"])
            out["ascii"] = fonts.get(f"{W}ascii", out["ascii"])
        sz = rpr.find(f"{W}sz")
        if sz is not None:
            out["pt"] = int(sz.get(f"{W}val")) / 2
        b = rpr.find(f"{W}b")
        if b is not None:
            out["bold"] = b.get(f"{W}val", "true") not in ("0", "false")
        color = rpr.find(f"{W}color")
        if color is not None:
            out["color"] = color.get(f"{W}val")
    return out


def footer_dump(footer) -> dict:
    """A footer's text (fields shown as {PAGE}), alignment and indents."""
    paragraphs = []
    for p in footer._element.iter(f"{W}p"):
        text = []
        for el in p.iter(f"{W}t", f"{W}instrText", f"{W}fldSimple", f"{W}fldChar"):
            if el.tag == f"{W}instrText":
                text.append("{" + el.text.strip() + "}")
            elif el.tag == f"{W}fldSimple":
                text.append("{" + el.get(f"{W}instr").strip() + "}")
            elif el.tag == f"{W}t" and not _inside_field_result(el):
                text.append(el.text or "")
        ppr = p.find(f"{W}pPr")
        jc = ppr.find(f"{W}jc") if ppr is not None else None
        ind = ppr.find(f"{W}ind") if ppr is not None else None
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        paragraphs.append(
            {
                "text": "".join(text),
                "jc": jc.get(f"{W}val") if jc is not None else None,
                "ind": {k.replace(W, ""): v for k, v in ind.attrib.items()} if ind is not None else {},
                "style": style.get(f"{W}val") if style is not None else None,
            }
        )
    return {"linked": footer.is_linked_to_previous, "paragraphs": paragraphs}


def _inside_field_result(t) -> bool:
    """True for the cached text of a complex field (between its separate and end marks)."""
    run = t.getparent()
    state = None
    for sib in run.itersiblings(preceding=True):
        mark = sib.find(f"{W}fldChar")
        if mark is not None:
            state = mark.get(f"{W}fldCharType")
            break
    return state == "separate"


def dump_docx(path: Path) -> dict:
    from docx import Document

    doc = Document(str(path))
    paragraphs = [[p.style.name, p.text] for p in doc.paragraphs]
    names = {
        s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
        for s in doc.styles.element.iterchildren(f"{W}style")
        if s.find(f"{W}name") is not None
    }
    colophon = []
    for box in doc.element.body.iter(f"{W}txbxContent"):
        for p in box.iter(f"{W}p"):
            style = p.find(f"{W}pPr/{W}pStyle")
            sid = style.get(f"{W}val") if style is not None else ""
            text = "".join(
                "\t" if el.tag == f"{W}tab" else el.text or "" for el in p.iter(f"{W}t", f"{W}tab")
            )
            colophon.append([names.get(sid, sid), text])
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    anchored: dict[str, str] = {}
    body = doc.element.body
    for start in body.iter(f"{W}commentRangeStart"):
        cid = start.get(f"{W}id")
        text = []
        for el in start.itersiblings():
            if el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == cid:
                break
            text.extend(t.text or "" for t in el.iter(f"{W}t"))
        anchored[cid] = "".join(text)
    comments = [[anchored.get(str(c.comment_id), ""), c.text] for c in doc.comments]
    sections = []
    for s in doc.sections:
        grid = s._sectPr.find(f"{W}docGrid")
        sections.append(
            {
                "page_mm": [_mm(s.page_width.twips), _mm(s.page_height.twips)],
                "margins_mm": {
                    "top": _mm(s.top_margin.twips),
                    "bottom": _mm(s.bottom_margin.twips),
                    "left": _mm(s.left_margin.twips),
                    "right": _mm(s.right_margin.twips),
                },
                "grid": {k.replace(W, ""): v for k, v in grid.attrib.items()} if grid is not None else {},
                "footers": {"default": footer_dump(s.footer), "even": footer_dump(s.even_page_footer)},
            }
        )
    used = sorted({p.style.name for p in doc.paragraphs})
    return {
        "title": doc.core_properties.title,
        "paragraphs": paragraphs,
        "tables": tables,
        "comments": comments,
        "sections": sections,
        "even_and_odd": doc.settings.odd_and_even_pages_header_footer,
        "fonts": {name: style_font(doc, name) for name in used},
        "colophon": colophon,
        "properties": {
            "comments": doc.core_properties.comments,
            "subject": doc.core_properties.subject,
            "keywords": doc.core_properties.keywords,
        },
    }
