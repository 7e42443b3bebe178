"""Build the Word samples in seeds/ from the text samples and the notice text below.

    python scripts/build_samples.py

- seed.docx: the sample report as an office would send it: a title paragraph, body paragraphs, the
  一是/二是/三是 requirements as a Word auto-numbered list (the numbers are not in the run text), a
  small table of the figures, and 来源 in the page footer.
- notice.docx: a notice with 一、二、三、 requirements as an auto-numbered list and the issuing unit
  and date at the end.

The files are committed; run this again only after changing it (python-docx must be installed).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent.parent / "seeds"

NOTICE_TITLE = "青山县应急管理局关于做好2024年汛期安全防范工作的通知"
NOTICE_HEAD = [
    "各乡镇人民政府，县直有关单位：",
    "当前我县已进入主汛期，据县气象局预测，今年汛期降水偏多，极端天气发生概率较大。为切实做好汛期安全防范工作，"
    "经县防汛抗旱指挥部同意，现将有关事项通知如下：",
]
NOTICE_ITEMS = [
    "压紧压实防汛责任。各乡镇、各单位要落实行政首长负责制，主要负责同志要亲自部署、靠前指挥，逐级明确防汛责任人。",
    "全面排查风险隐患。要对水库、河道、地质灾害隐患点、危旧房屋等重点部位开展拉网式排查，对排查出的隐患建立台账、限期整改。",
    "加强监测预警。要密切关注天气变化，及时发布预警信息，确保预警信息第一时间传达到村到户到人。",
    "严格值班值守。汛期实行24小时值班和领导带班制度，遇有险情要在30分钟内报告县防汛抗旱指挥部办公室。",
]
NOTICE_SIGN = ["青山县应急管理局", "2024年6月3日"]


def _fonts(doc: Document, east_asia: str = "仿宋", size: int = 16) -> None:
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _add_list(doc: Document, fmt: str, text: str) -> str:
    """Add an abstract list definition with one level (numFmt, lvlText) and a num; return the numId."""
    numbering = doc.part.numbering_part.element
    existing = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abs_id = max(existing, default=0) + 1
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(nums, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
        f'<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>')
    )
    return str(num_id)


def _numbered(doc: Document, num_id: str, text: str) -> None:
    p = doc.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _title(doc: Document, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(22)


def build_seed_docx(out: Path) -> None:
    lines = [line for line in (HERE / "seed.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    title, body = lines[0], lines[1:]
    body = [line for line in body if not line.startswith(("来源", "推荐阅读"))]
    doc = Document()
    _fonts(doc)
    _title(doc, title)
    num_id = _add_list(doc, "chineseCounting", "%1是")
    for line in body:
        if "一是" in line and "二是" in line and "三是" in line:
            head, rest = line.split("一是", 1)
            first, rest = rest.split(";二是", 1)
            second, third = rest.split(";三是", 1)
            doc.add_paragraph(head.rstrip(",，") + "：")
            for item in (first, second, third):
                _numbered(doc, num_id, item.rstrip(";；"))
        else:
            doc.add_paragraph(line)
    doc.add_paragraph("全市公安机关扫黑除恶专项斗争主要战果（2018年）")
    figures = [
        ("指标", "数值", "单位"),
        ("摸排线索", "1142", "条"),
        ("打掉涉恶团伙", "88", "个"),
        ("破获案件", "820", "起"),
        ("抓获犯罪嫌疑人", "619", "人"),
    ]
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for row in figures:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = value
    footer = doc.sections[0].footer
    footer.paragraphs[0].text = "来源:敖汉旗公安局"
    doc.core_properties.title = title
    doc.core_properties.author = "敖汉旗公安局"
    doc.save(str(out))


def build_notice_docx(out: Path) -> None:
    doc = Document()
    _fonts(doc)
    _title(doc, NOTICE_TITLE)
    for line in NOTICE_HEAD:
        doc.add_paragraph(line)
    num_id = _add_list(doc, "chineseCounting", "%1、")
    for item in NOTICE_ITEMS:
        _numbered(doc, num_id, item)
    for line in NOTICE_SIGN:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.title = NOTICE_TITLE
    doc.save(str(out))


BULLETIN_TITLE = "白水县安全生产委员会办公室关于近期几起道路交通事故情况的通报"
BULLETIN = [
    ("p", "各乡镇人民政府，县安委会各成员单位："),
    (
        "p",
        "8月以来，我县接连发生3起较大道路交通事故，共造成5人死亡、7人受伤，直接经济损失86万元，"
        "暴露出部分地区和单位安全责任落实不到位等问题。现将有关情况通报如下：",
    ),
    ("1", "事故基本情况"),
    ("2", "8月9日，一辆货车在国道312线城关镇路段与一辆面包车相撞，造成2人死亡、3人受伤。"),
    ("2", "8月21日，一辆农用三轮车在河湾乡乡道侧翻，造成2人死亡、1人受伤。"),
    ("1", "事故暴露的问题"),
    (
        "p",
        "一些乡镇对农村道路交通安全重视不够，隐患排查流于形式；部分运输企业主体责任落实不到位，驾驶人安全教育缺失。",
    ),
    ("1", "下步工作要求"),
    ("2", "立即开展道路交通安全隐患大排查，对临水临崖、急弯陡坡路段逐一登记、限期整治。"),
    ("2", "严厉打击超速超载、酒驾醉驾等违法行为，县公安局交警大队要加密重点路段巡逻管控。"),
    ("2", "严格落实事故信息报送制度，发生较大以上事故要在1小时内报告县安委会办公室。"),
    ("r", "白水县安全生产委员会办公室"),
    ("r", "2024年8月26日"),
]

BRIEF_ITEM_TITLE = "青山县召开防汛抗旱工作调度会"
BRIEF_ITEM = [
    "7月12日，青山县防汛抗旱指挥部在县应急指挥中心召开防汛抗旱工作调度会。县委副书记、县长刘振华出席会议并讲话，"
    "副县长高文斌主持会议。县水利局、县应急管理局、县气象局汇报了近期雨情水情和防范工作情况。",
    "入汛以来，全县共转移避险群众1260人，排查整治各类隐患点94处，储备防汛物资折合资金320万元。",
    "刘振华强调，一要坚决克服麻痹思想，严格落实24小时值班值守制度；二要加强会商研判，提前转移危险区域群众；"
    "三要备足抢险力量和物资，确保一旦发生险情能够快速处置。",
]


def _red(run) -> None:
    from docx.shared import RGBColor

    run.font.color.rgb = RGBColor(0xE0, 0x00, 0x00)


def _two_level_list(doc: Document) -> str:
    """一、 and （一） as LibreOffice and WPS write Chinese outline numbering: taiwaneseCountingThousand levels."""
    numbering = doc.part.numbering_part.element
    existing = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abs_id = max(existing, default=0) + 1
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(nums, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
        for i, text in enumerate(("%1、", "（%2）"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>')
    )
    return str(num_id)


def build_bulletin_docx(out: Path) -> None:
    """A 通报 saved by LibreOffice or WPS: 一、 headings and （一） items as two-level Word numbering."""
    doc = Document()
    _fonts(doc)
    _title(doc, BULLETIN_TITLE)
    num_id = _two_level_list(doc)
    for kind, text in BULLETIN:
        if kind in ("1", "2"):
            p = doc.add_paragraph(text)
            ppr = p._p.get_or_add_pPr()
            level = int(kind) - 1
            ppr.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
        else:
            p = doc.add_paragraph(text)
            if kind == "r":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.title = BULLETIN_TITLE
    doc.save(str(out))


def build_brief_docx(out: Path) -> None:
    """A 简报 from a county government office: the red masthead, 期号 and 编印 line, then one item."""
    doc = Document()
    _fonts(doc)
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run("工作简报")
    run.bold = True
    run.font.size = Pt(36)
    _red(run)
    number = doc.add_paragraph("第5期")
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("青山县人民政府办公室编　　　　　　　　2024年7月15日")
    _title(doc, BRIEF_ITEM_TITLE)
    for text in BRIEF_ITEM:
        doc.add_paragraph(text)
    doc.core_properties.title = "工作简报（第5期）"
    doc.save(str(out))


def main() -> None:
    build_seed_docx(
        HERE.parent / "tests" / "data" / "seed.docx"
    )  # a test fixture: the same report as seed.txt
    build_notice_docx(HERE / "notice.docx")
    build_bulletin_docx(HERE / "交通事故通报.docx")
    build_brief_docx(HERE / "工作简报-第5期.docx")
    print("built the Word samples in", HERE)


if __name__ == "__main__":
    main()
