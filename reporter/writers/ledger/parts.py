"""The small parts rewritten on each run: relationships of 台账, 统计汇总 with its drawing and chart,
workbook.xml (filter ranges, print area, 处理异常 shown or hidden, recalculation) and [Content_Types].xml."""

from __future__ import annotations

import re

from .cells import (
    col_letter,
    split_ref,
)
from .config import (
    LEDGER_SHEET,
    METRICS_SHEET,
    PROBLEMS_SHEET,
)
from .package import (
    CT_NS,
    MAIN_NS,
    PKG_REL_NS,
    T_CHART,
    T_DRAWING,
    T_HYPERLINK,
    PackageWriter,
    relative,
    rels_name,
)
from .sheetxml import (
    BIG_PART_LEVEL,
    LEDGER_HEADER_ROW,
    PRINT_AREA,
    rels_xml,
    xml_attr,
)
from .summary import MetricsColumns
from .summary import build as build_summary
from .workspace import UpdateState


class PartsWriter(UpdateState):
    def _write_ledger_rels(self, writer: PackageWriter, part: str) -> None:
        name = rels_name(part)
        new = [(rid, T_HYPERLINK, target, True) for rid, target in self.hyperlink_rels] + self.new_ledger_rels
        entries = "".join(
            f'<Relationship Id="{rid}" Type="{typ}" Target="{xml_attr(target)}"'
            + (' TargetMode="External"' if external else "")
            + "/>"
            for rid, typ, target, external in new
        )
        if self.base.has(name):
            if not new:
                writer.copy(self.base, name)
                return
            data = self.base.read(name)
            end = data.rfind(b"</")
            if re.search(rb"<(?:\w+:)?Relationships\b[^>]*/>\s*$", data):  # <Relationships/>
                m = re.search(rb"<(?:\w+:)?Relationships\b[^>]*/>", data)
                assert m is not None  # matched just above
                data = (
                    data[: m.start()]
                    + f'<Relationships xmlns="{PKG_REL_NS}">'.encode()
                    + entries.encode("utf-8")
                    + b"</Relationships>"
                    + data[m.end() :]
                )
            else:
                data = data[:end] + entries.encode("utf-8") + data[end:]
            writer.write(name, data, self.base.infos[name])
        elif new:
            writer.write(name, rels_xml(entries))

    def _write_summary(self, writer: PackageWriter, part: str, drawing: str, chart: str) -> None:
        ctx = self.ctx
        letters = {
            k: col_letter(self.mcol[k]) if k in self.mcol else "ZZ"
            for k in ("indicator", "unit", "value", "date", "organizer")
        }
        parts = build_summary(
            self.totals,
            MetricsColumns(**letters),
            ctx.styles,
            metrics_sheet=METRICS_SHEET,
            canonical=set(ctx.schema.indicators),
            title=f"{ctx.config.title} · 统计汇总",
            footer=ctx.config.footer,
            header_size=ctx.config.fonts.header_size,
            money=ctx.config.money_unit,
        )
        infos = self.base.infos
        try:
            with writer.stream(part, infos.get(part), BIG_PART_LEVEL) as dst:
                parts.write_sheet(dst)
        finally:
            parts.close()
        writer.write(
            rels_name(part),
            rels_xml(
                f'<Relationship Id="rId1" Type="{T_DRAWING}" Target="{xml_attr(relative(part, drawing))}"/>'
            ),
        )
        writer.write(drawing, parts.drawing, infos.get(drawing))
        writer.write(
            rels_name(drawing),
            rels_xml(
                f'<Relationship Id="rId1" Type="{T_CHART}" Target="{xml_attr(relative(drawing, chart))}"/>'
            ),
        )
        writer.write(chart, parts.chart, infos.get(chart))

    def _workbook_xml(self) -> bytes:
        """workbook.xml with the filter ranges of the grown sheets and recalculation on open."""
        from lxml import etree

        data = self.base.read(self.wb_part)
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        ns = etree.QName(root).namespace or MAIN_NS
        changed = False
        names = root.find(f"{{{ns}}}definedNames")
        order = list(self.parts)
        if names is not None:
            for dn in names.findall(f"{{{ns}}}definedName"):
                if dn.get("name") != "_xlnm._FilterDatabase" or dn.get("localSheetId") is None:
                    continue
                try:
                    sheet = order[int(dn.get("localSheetId"))]
                except (ValueError, IndexError):
                    continue
                ref = self.filter_refs.get(self.parts[sheet])
                if ref:
                    first, _, end = ref.partition(":")
                    r1, c1 = split_ref(first)
                    r2, c2 = split_ref(end or first)
                    text = f"'{sheet}'!${col_letter(c1)}${r1}:${col_letter(c2)}${r2}"
                    if dn.text != text:
                        dn.text = text
                        changed = True
        if names is not None and self._grow_print_area(names, ns, order):
            changed = True
        if self._problems_visibility(root, ns):
            changed = True
        calc = root.find(f"{{{ns}}}calcPr")
        if calc is None:
            calc = etree.SubElement(root, f"{{{ns}}}calcPr")
            for tag in (
                "oleSize",
                "customWorkbookViews",
                "pivotCaches",
                "smartTagPr",
                "smartTagTypes",
                "webPublishing",
                "fileRecoveryPr",
                "webPublishObjects",
                "extLst",
            ):
                later = root.find(f"{{{ns}}}{tag}")  # calcPr comes before these
                if later is not None:
                    later.addprevious(calc)
                    break
            changed = True
        if calc.get("fullCalcOnLoad") != "1":
            calc.set("fullCalcOnLoad", "1")
            changed = True
        if not changed:
            return data
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _problems_visibility(self, root, ns: str) -> bool:
        """处理异常 is hidden while it has no rows (so it prints no blank page), shown once it has."""
        sheets = root.find(f"{{{ns}}}sheets")
        if sheets is None:
            return False
        header = self.pscan.header.row if self.pscan.header else 1
        empty = not self.problem_rows and self.pscan.last_filled <= header
        for sheet in sheets.findall(f"{{{ns}}}sheet"):
            if sheet.get("name") != PROBLEMS_SHEET:
                continue
            if empty and sheet.get("state") in (None, "visible"):
                sheet.set("state", "hidden")
                return True
            if not empty and sheet.get("state") == "hidden":
                sheet.set("state", "visible")
                return True
        return False

    def _grow_print_area(self, names, ns: str, order: list[str]) -> bool:
        """The 台账's print area (one block of columns from row 1) reaches down to its last row."""
        changed = False
        for dn in names.findall(f"{{{ns}}}definedName"):
            if dn.get("name") != "_xlnm.Print_Area" or dn.get("localSheetId") is None:
                continue
            try:
                sheet = order[int(dn.get("localSheetId"))]
            except (ValueError, IndexError):
                continue
            m = PRINT_AREA.fullmatch((dn.text or "").strip())
            if sheet != LEDGER_SHEET or m is None or self.ledger_last_row is None:
                continue
            text = f"{m.group(1)}!$A$1:${m.group(2)}${max(self.ledger_last_row, LEDGER_HEADER_ROW)}"
            if dn.text != text:
                dn.text = text
                changed = True
        return changed

    def _content_types(self, overrides: dict[str, str], defaults: dict[str, str]) -> bytes:
        from lxml import etree

        data = self.base.read("[Content_Types].xml")
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        changed = False
        have_default = {el.get("Extension", "").lower() for el in root.findall(f"{{{CT_NS}}}Default")}
        have_override = {el.get("PartName") for el in root.findall(f"{{{CT_NS}}}Override")}
        for ext, ctype in defaults.items():
            if ext not in have_default:
                el = etree.Element(f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
                first_override = root.find(f"{{{CT_NS}}}Override")
                if first_override is not None:
                    first_override.addprevious(el)
                else:
                    root.append(el)
                changed = True
        for name, ctype in overrides.items():
            if name not in have_override:
                etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=name, ContentType=ctype)
                changed = True
        if not changed:
            return data
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
