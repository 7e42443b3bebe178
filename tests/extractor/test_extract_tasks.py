"""tasks (工作要求): every list form, every trap, count checks, Word lists, evidence.

The report texts below are written for these tests in the style of county reports; none is copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from reporter.extractor import extract
from reporter.extractor.context import Context
from reporter.extractor.lexicon import load_lexicon
from reporter.extractor.rules import RULES
from reporter.extractor.rules.tasks import announced_count, cn_number
from reporter.readers import read
from tests.conftest import DATA, write
from tests.support.docx_fixtures import build, lvl, numbering, p


@dataclass(frozen=True, kw_only=True)
class TaskVector:
    name: str
    text: str
    must_include: list[str]
    must_not_include: list[str] = field(default_factory=list)
    exactly: bool = False  # the list found is exactly must_include, in order
    review: str | None = None  # a review reason that must be raised ("" = none at all)


def run_tasks(path, schema, templates=None):
    doc = read(path)
    lexicon = load_lexicon(str(templates) if templates else None)
    ctx = Context(doc, schema, lexicon=lexicon)
    found = RULES["tasks"](ctx)
    return doc, found, [r.reason for r in ctx.review if r.field == "tasks"]


VECTORS = [
    TaskVector(
        name="其一，其二， as markers",
        text="县委书记强调，其一，要把牢政治方向，确保工作不偏；其二，要压实主体责任，层层抓好落实。\n",
        must_include=["把牢政治方向", "压实主体责任"],
        exactly=True,
    ),
    TaskVector(
        name="下一步 announces deployments",
        text="县公安局局长介绍，接下来，一是保持高压严打态势；二是深化重点领域整治；三是加强队伍教育管理。\n",
        must_include=["保持高压严打态势", "深化重点领域整治", "加强队伍教育管理"],
        exactly=True,
    ),
    TaskVector(
        name="paragraphs that say the list goes on (还要求, 在…方面)",
        text="县应急局发布通知\n通知强调，各乡镇要压实防火责任，落实网格巡查。林场要加强火源管控，严禁野外用火。\n"
        "在宣传引导方面，通知要求，各部门要创新宣传方式，营造群防群治氛围。\n"
        "通知还要求，公安、林业等部门要加强协作会商，及时处置火情。\n",
        must_include=["压实防火责任", "加强火源管控", "创新宣传方式", "加强协作会商"],
        exactly=True,
    ),
    TaskVector(
        name="two 要-sentences announced by the sentence before them",
        text="县长指出，做好春耕备耕是当前农业工作的头等大事。要抓紧调运化肥种子，保障农资供应。"
        "要组织农技人员下沉一线，开展技术指导。\n",
        must_include=["抓紧调运化肥种子", "组织农技人员下沉一线"],
        exactly=True,
    ),
    # ---- second design ----
    TaskVector(
        name="一是要 after the ones addressed (学员们一是要…)",
        text="培训班结业式上，县长要求学员们一是要坚定信心，迎难而上；二是要突出重点，狠抓落实；三是要勤政为民。\n",
        must_include=["坚定信心", "突出重点", "勤政为民"],
        exactly=True,
    ),
    TaskVector(
        name="semicolon series under one 要",
        text="县检察院负责人表示，要抓住办案质效这个关键，精准办理公益诉讼案件；注重发挥一体化办案优势，"
        "加强部门协同；打造专业化办案团队，推动构建长效机制。\n",
        must_include=["抓住办案质效这个关键", "注重发挥一体化办案优势", "打造专业化办案团队"],
        exactly=True,
    ),
    TaskVector(
        name="two announced 要-sentences with a sentence of detail between",
        text="他强调，要把学习贯彻会议精神作为当前首要政治任务，同推动本地工作结合起来。这是全县上下的共同责任。"
        "要组织党员干部迅速掀起学习热潮，推动精神入脑入心。\n",
        must_include=["把学习贯彻会议精神作为当前首要政治任务", "组织党员干部迅速掀起学习热潮"],
        exactly=True,
    ),
    TaskVector(
        name="paragraphs opening with a short measure sentence",
        text="县财政局强化政府采购监管\n今年以来，县财政局多措并举规范政府采购。\n"
        "严把预算编制关。凡是纳入集中采购目录的项目，必须编制采购预算。\n"
        "严把项目公开关。坚持阳光操作，采购公告一律在网上发布。\n"
        "协同推进制度建设\n"
        "严把履约验收关。对采购项目实行全程跟踪，验收不合格的一律不得付款。\n",
        must_include=["严把预算编制关", "严把项目公开关", "严把履约验收关"],
        exactly=True,
    ),
    TaskVector(
        name="short lead sentences under 取得成效 are not tasks",
        text="全县扶贫工作取得明显成效。\n产业稳步发展。全县新建特色产业基地十余个，带动群众增收。\n"
        "住房全面保障。危房改造任务全部完成，群众住上了安全房。\n"
        "收入持续增长。农民人均收入连续三年保持两位数增长。\n",
        must_include=[],
        exactly=True,
    ),
    TaskVector(
        name="long numbered headings ending in 措施 name measures, not an outline",
        text="清明期间交通管理公告\n为保障群众祭扫出行安全，决定采取以下临时交通管理措施：\n"
        "一、城东公墓周边路段临时交通管制措施\n东环路实行单向通行。\n"
        "二、城西陵园周边路段临时交通管制措施\n西山路禁止货车通行。\n",
        must_include=["城东公墓周边路段临时交通管制措施", "城西陵园周边路段临时交通管制措施"],
        must_not_include=["东环路实行单向通行"],
    ),
    TaskVector(
        name="一是二是 in one paragraph, separated by ；",
        text="县政府召开安全生产工作会议\n会议要求，一是压实企业主体责任，严格落实安全生产责任制；二是深入开展隐患排查，"
        "对重点行业领域进行全覆盖检查；三是要强化应急值守，确保信息畅通。\n",
        must_include=["压实企业主体责任", "深入开展隐患排查", "强化应急值守"],
        must_not_include=["要强化应急值守", "严格落实安全生产责任制"],
        exactly=True,
        review="",
    ),
    TaskVector(
        name="一要二要",
        text="县委书记在调研时要求，一要守牢安全底线，时刻绷紧防汛之弦；二要加强物资储备，确保关键时刻拉得出；"
        "三要做好群众转移预案。\n",
        must_include=["守牢安全底线", "加强物资储备", "做好群众转移预案"],
        exactly=True,
    ),
    TaskVector(
        name="第一，第二， as markers",
        text="事故发生后，副县长赶到现场并提出要求：第一，全力搜救被困人员，减少伤亡；第二，迅速查明事故原因；"
        "第三，举一反三开展隐患排查。\n",
        must_include=["全力搜救被困人员", "迅速查明事故原因", "举一反三开展隐患排查"],
        exactly=True,
    ),
    TaskVector(
        name="首先，其次，再次，最后， as markers",
        text="镇党委召开防汛工作部署会\n镇党委书记强调，首先，要提高思想认识，克服麻痹思想；其次，要压实包村责任，"
        "做到任务到人。再次，要备足抢险物资。最后，要严格值班值守，确保信息畅通。\n",
        must_include=["提高思想认识", "压实包村责任", "备足抢险物资", "严格值班值守"],
        exactly=True,
        review="",
    ),
    TaskVector(
        name="首先，其次，最后， without 再次",
        text="会议要求：首先，全面排查风险隐患；其次，及时发布预警信息；最后，加强应急队伍建设。\n",
        must_include=["全面排查风险隐患", "及时发布预警信息", "加强应急队伍建设"],
        exactly=True,
    ),
    TaskVector(
        name="其一，其二， as markers",
        text="局长对下步工作提出要求，其一，持续深化专项整治；其二，切实加强队伍建设；其三，严格落实值班制度。\n",
        must_include=["持续深化专项整治", "切实加强队伍建设", "严格落实值班制度"],
        exactly=True,
    ),
    TaskVector(
        name="首先 in a narrative is not a list; 最后 alone does not start one",
        text="县应急管理局召开专题会议\n会议首先传达了省厅文件精神，随后通报了前期检查情况。最后，局长对相关工作作了点评。\n"
        "检查组首先查看了仓库，其次查阅了台账资料。\n",
        must_include=[],
        exactly=True,
    ),
    TaskVector(
        name="第一批 第一次 第一时间 are ordinals, not markers",
        text="第一批项目已于3月开工，第一次联席会议于4月召开，第二批项目正在准备。县长第一时间赶赴现场，"
        "第二天召开了专题会议。\n",
        must_include=[],
        must_not_include=["项目已于3月开工", "联席会议于4月召开", "批项目正在准备"],
        exactly=True,
    ),
    TaskVector(
        name="一、 list lines after a requirement lead-in",
        text="关于做好秋季森林防火工作的通知\n各乡镇、各有关单位：\n为切实做好秋季森林防火工作，现就有关事项通知如下：\n"
        "一、落实防火责任。各乡镇要明确包村干部，责任到人。\n二、严格火源管控。在进山路口设立检查站。\n"
        "三、做好扑救准备。储备必要的扑救物资。\n县林业局\n2023年9月1日\n",
        must_include=["落实防火责任", "严格火源管控", "做好扑救准备"],
        exactly=True,
    ),
    TaskVector(
        name="（一） sub-items under an outline: measures and plans kept, outline headings and problems left out",
        text="全县治安工作情况报告\n一、总体情况\n今年以来，全县共破获刑事案件320起。\n二、主要做法\n"
        "（一）强化组织领导。县局成立专项行动领导小组。\n（二）突出打击重点。集中开展打击行动。\n"
        "三、存在问题\n（一）基层警力不足。部分派出所警力紧张。\n（二）信息化水平不高。数据共享不充分。\n"
        "四、下一步工作打算\n（一）持续加强打击力度，始终保持高压态势。\n（二）着力夯实基层基础，推动工作提档升级。\n",
        must_include=["强化组织领导", "突出打击重点", "持续加强打击力度", "着力夯实基层基础"],
        must_not_include=[
            "总体情况",
            "主要做法",
            "存在问题",
            "下一步工作打算",
            "基层警力不足",
            "信息化水平不高",
        ],
        exactly=True,
    ),
    TaskVector(
        name="（一） sub-items under a list of requirements: top level only",
        text="各单位：\n现将有关要求通知如下：\n一、提高思想认识\n（一）统一思想。各单位要充分认识工作的重要意义。\n"
        "（二）压实责任。主要负责同志要亲自抓。\n二、抓好工作落实\n（一）细化方案。要制定具体实施方案。\n"
        "（二）按时报送。要在月底前报送进展。\n",
        must_include=["提高思想认识", "抓好工作落实"],
        must_not_include=["统一思想", "细化方案"],
        exactly=True,
    ),
    TaskVector(
        name="1. list",
        text="市局就做好节日安保工作提出要求：\n1.加强巡逻防控。各派出所要增加巡逻频次。\n2.严格值班备勤。\n"
        "3.做好舆情应对。\n",
        must_include=["加强巡逻防控", "严格值班备勤", "做好舆情应对"],
        exactly=True,
    ),
    TaskVector(
        name="1、 list",
        text="会议对下步工作作出部署：\n1、压实包保责任；\n2、开展拉网排查；\n3、强化督查问责。\n",
        must_include=["压实包保责任", "开展拉网排查", "强化督查问责"],
        exactly=True,
    ),
    TaskVector(
        name="（1） list, inline after a colon",
        text="县局党委就做好下步工作提出要求：（1）提高思想认识；（2）细化工作措施；（3）加强协调配合。\n",
        must_include=["提高思想认识", "细化工作措施", "加强协调配合"],
        exactly=True,
    ),
    TaskVector(
        name="decimal numbers at a line start are not list markers",
        text="1.5万元专项资金已拨付到位。\n2.3万名群众参与了活动。\n",
        must_include=[],
        exactly=True,
    ),
    TaskVector(
        name="要-series: sentences opening with 要, one item each",
        text="县长就下一步工作提出要求。要坚决守住安全底线，全面排查隐患。要压实属地责任，层层传导压力。"
        "要加强应急值守，确保信息畅通。要做好宣传引导，营造良好氛围。\n",
        must_include=["坚决守住安全底线", "压实属地责任", "加强应急值守", "做好宣传引导"],
        must_not_include=["要坚决守住安全底线", "全面排查隐患"],
        exactly=True,
    ),
    TaskVector(
        name="要-series after a speech lead-in, going on into the next paragraph",
        text="县委书记指出，今年是关键之年。要抓好春季造林，扩大绿化面积。要加强林区管护，严防盗伐。"
        "要严格防火措施，落实网格责任。\n县委书记强调，要创新工作举措，提升治理实效。要加强督导检查，确保落地见效。\n"
        "县领导王某某、李某某出席会议。\n",
        must_include=["抓好春季造林", "加强林区管护", "严格防火措施", "创新工作举措", "加强督导检查"],
        exactly=True,
    ),
    TaskVector(
        name="a single 要-sentence in its own paragraph does not extend a series",
        text="会议强调，要深刻认识安全工作的极端重要性。要压实企业主体责任，严格执法检查。要开展隐患排查，做到全覆盖。"
        "要强化宣传教育，提高全民安全意识。\n会议要求，要扎实做好节日期间各项工作，确保社会大局稳定。\n",
        must_include=["压实企业主体责任", "开展隐患排查", "强化宣传教育"],
        must_not_include=["扎实做好节日期间各项工作"],
    ),
    TaskVector(
        name="要…，要…，要… clauses inside one sentence",
        text="他说，要严格落实防控措施，要加强物资保障，要做好群众生活服务。\n",
        must_include=["严格落实防控措施", "加强物资保障", "做好群众生活服务"],
        exactly=True,
    ),
    TaskVector(
        name="要-sentences with the ones who act before 要; 要是 and 要说 are not a series",
        text="会议强调，要坚持人民至上。各地要加强隐患排查。要严格责任追究。\n“要是早点发现就好了。”村民说。"
        "要说变化，最大的是路通了。要知道，这里过去是贫困村。\n",
        must_include=["坚持人民至上", "加强隐患排查", "严格责任追究"],
        exactly=True,
    ),
    TaskVector(
        name="an agenda is not tasks",
        text="县委召开常委会议\n会议有三项议程：一是传达学习省委全会精神；二是听取全县经济运行情况汇报；三是研究部署下一阶段重点工作。\n",
        must_include=[],
        must_not_include=["传达学习省委全会精神"],
        exactly=True,
        review="",
    ),
    TaskVector(
        name="a list of results or facts is not tasks",
        text="全县平安建设取得明显成效：一是发案数持续下降，二是破案率大幅提升。\n"
        "会议指出，今年以来全县信访形势总体平稳。一是信访总量下降，二是重复访减少。\n",
        must_include=[],
        exactly=True,
    ),
    TaskVector(
        name="numbered topic headings and a list of names are not tasks",
        text="县政府召开常务会议，研究了以下事项：\n一、关于防汛工作。会议要求各乡镇落实防汛责任。\n"
        "二、关于安全生产。会议要求开展隐患排查。\n表彰名单如下：\n1.县公安局刑侦大队\n2.城关镇人民政府\n",
        must_include=[],
        exactly=True,
    ),
    TaskVector(
        name="a comma inside quotes does not end the item",
        text="会议要求，一是坚持“早发现，早报告”原则，严防扩散；二是落实《关于做好防控工作的通知》要求。\n",
        must_include=["坚持“早发现，早报告”原则", "落实《关于做好防控工作的通知》要求"],
        exactly=True,
    ),
    TaskVector(
        name="a count that matches raises no review",
        text="会上，分管副县长提出三点要求，一是要及时传达会议精神；二是要细化工作方案；三是要加强督导考核。\n",
        must_include=["及时传达会议精神", "细化工作方案", "加强督导考核"],
        exactly=True,
        review="",
    ),
    TaskVector(
        name="a count that differs flags the record for review",
        text="县长在会上提出三点要求：一要提高政治站位；二要强化责任落实。\n",
        must_include=["提高政治站位", "强化责任落实"],
        review="宣布 3 项，找到 2 项",
    ),
    TaskVector(
        name="从四个方面 with three items",
        text="会议从四个方面作出部署：\n一是完善工作机制。\n二是加强督导检查。\n三是严格考核问责。\n",
        must_include=["完善工作机制", "加强督导检查", "严格考核问责"],
        review="宣布 4 项，找到 3 项",
    ),
    TaskVector(
        name="做到“三个坚持” with two items",
        text="市委书记强调，要做到“三个坚持”：一是坚持人民至上；二是坚持依法防控。\n",
        must_include=["坚持人民至上", "坚持依法防控"],
        review="宣布 3 项，找到 2 项",
    ),
    TaskVector(
        name="an announced list that never comes",
        text="他强调了三点意见：要讲政治，要顾大局。\n",
        must_include=[],
        review="宣布 3 项，找到 0 项",
    ),
    # ---- added with the held-out set (tests/data/heldout) ----------------------------------------------
    TaskVector(
        name="colon series: semicolon clauses after a requirement lead-in",
        text="下一步，青山县将围绕“平安村居”目标，持续深化综合治理：健全网格巡查机制；完善群防群治队伍；推广“积分制”管理。\n",
        must_include=["健全网格巡查机制", "完善群防群治队伍", "推广“积分制”管理"],
        exactly=True,
    ),
    TaskVector(
        name="colon series: a semicolon list of results is not tasks",
        text="会议通报了上半年工作情况：全县共检查企业320家；排查隐患415条；立案处罚企业12家。\n",
        must_include=[],
        must_not_include=["全县共检查企业320家", "排查隐患415条"],
        exactly=True,
    ),
    TaskVector(
        name="colon series: a list of problems after a colon is not tasks",
        text="检查发现以下问题：部分企业台账记录不全；个别单位消防通道堵塞；少数场所应急预案未演练。\n",
        must_include=[],
        exactly=True,
    ),
    TaskVector(
        name="headings naming a 重点 are an outline; the items under them are the tasks",
        text="现将有关事项通知如下：\n一、检查重点\n（一）加强冷链食品监管。\n（二）严查过期食品销售。\n"
        "二、工作要求\n各单位要于3月20日前报送总结。\n",
        must_include=["加强冷链食品监管", "严查过期食品销售"],
        must_not_include=["检查重点", "工作要求"],
        exactly=True,
    ),
    TaskVector(
        name="a 要-clause ending in a colon announces; the items follow it",
        text="县长要求，全县各部门要以“三个更加”为目标：更加突出源头治理；更加注重部门联动；更加强化考核问责。\n",
        must_include=["更加突出源头治理", "更加注重部门联动", "更加强化考核问责"],
        must_not_include=["以“三个更加”为目标"],
        exactly=True,
    ),
    TaskVector(
        name="a 要-sentence that announces its items after a comma and a colon",
        text="书记在动员会上表示，攻坚行动要坚持问题导向，做到“三个注重”：注重办好身边小事；注重破解治理难题；注重建立长效机制。\n",
        must_include=["注重办好身边小事", "注重破解治理难题", "注重建立长效机制"],
        must_not_include=["坚持问题导向"],
        exactly=True,
    ),
    TaskVector(
        name="a comma series of 要-clauses whose actors stand before the first 要",
        text="会议要求，各乡镇各部门要压实安全责任，要加强隐患排查，要强化应急值守。\n",
        must_include=["压实安全责任", "加强隐患排查", "强化应急值守"],
        exactly=True,
    ),
    TaskVector(
        name="an inline list that changes its marker (一要…二要…第三，要…)",
        text="局长强调，一要压实安全责任；二要加强隐患排查；第三，要做好应急值守，确保万无一失。\n",
        must_include=["压实安全责任", "加强隐患排查", "做好应急值守"],
        exactly=True,
    ),
    TaskVector(
        name="做了三件事: an announced list of measures",
        text="据介绍，镇里主要做了三件事：一是建好服务阵地，每月开放两次；二是定好评比细则；三是用好评比结果。\n",
        must_include=["建好服务阵地", "定好评比细则", "用好评比结果"],
        exactly=True,
    ),
    TaskVector(
        name="share and print widgets above the text do not end the report",
        text="县公安局部署节后工作\n2026-02-20 10:20　来源：青山县公安局\n分享到：\n"
        "2月19日，县公安局召开节后工作部署会。局长在会上要求，一要抓好春季安保准备；二要深化平安创建。\n",
        must_include=["抓好春季安保准备", "深化平安创建"],
        exactly=True,
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.name)
def test_task_vectors(vector, tmp_path, schema):
    doc, found, reviews = run_tasks(write(tmp_path / "report.txt", vector.text), schema)
    values = [f.value for f in found]
    for item in vector.must_include:
        assert item in values, f"missing {item!r}; got {values}"
    for item in vector.must_not_include:
        assert item not in values, f"{item!r} should not be a task; got {values}"
    if vector.exactly:
        assert values == vector.must_include
    if vector.review == "":
        assert reviews == []
    elif vector.review is not None:
        assert vector.review in reviews, reviews
    for f in found:  # every item is grounded: its span slices back to it, inside its sentence
        assert doc.text[f.evidence.span.start : f.evidence.span.end] == f.value
        assert f.value in f.evidence.sentence
        assert f.rule.startswith("tasks.")


def test_notice_docx_word_auto_numbered_list(seeds_dir, schema):
    doc, found, _ = run_tasks(seeds_dir / "notice.docx", schema)
    assert [f.value for f in found] == [
        "压紧压实防汛责任",
        "全面排查风险隐患",
        "加强监测预警",
        "严格值班值守",
    ]
    assert {f.rule for f in found} == {"tasks.numbered"}
    for f in found:
        assert doc.text[f.evidence.span.start : f.evidence.span.end] == f.value


def test_seed_lists_and_series(seeds_dir, schema):
    _, found, reviews = run_tasks(seeds_dir / "seed.txt", schema)
    values = [f.value for f in found]
    assert values[:2] == ["全力推进线索核查攻坚战", "全力推进专案打击攻坚战"]
    assert values[-3:] == ["及时传达贯彻会议精神", "全面提升队伍攻坚能力", "动态跟进督导任务落实"]
    assert len(values) == 9 and reviews == []
    _, found, _ = run_tasks(seeds_dir / "work-update.txt", schema)
    assert [f.value for f in found] == [
        "持续保持严打高压态势",
        "深化重点行业场所整治",
        "强化宣传发动",
        "加强队伍管理",
    ]


def test_word_seed_gives_the_same_tasks_as_the_text_seed(seeds_dir, schema):
    _, from_text, _ = run_tasks(seeds_dir / "seed.txt", schema)
    _, from_word, _ = run_tasks(DATA / "seed.docx", schema)
    assert [f.value for f in from_word] == [f.value for f in from_text]


def test_word_bulleted_list_of_requirements(tmp_path, schema):
    numbering_xml = numbering({7: [lvl(0, "bullet", "\uf06c")]}, {7: 7})
    body = "".join(
        [
            p("关于做好防汛工作的通知"),
            p("各乡镇：现将有关要求通知如下："),
            p("落实防汛责任。各乡镇要明确责任人。", num=(7, 0)),
            p("加强巡查值守。要安排专人值守。", num=(7, 0)),
            p("及时报告险情。发现险情要立即报告。", num=(7, 0)),
            p("县应急管理局"),
        ]
    )
    path = write(tmp_path / "通知.docx", build(body, numbering_xml=numbering_xml))
    _, found, _ = run_tasks(path, schema)
    assert [f.value for f in found] == ["落实防汛责任", "加强巡查值守", "及时报告险情"]
    assert {f.rule for f in found} == {"tasks.bullets"}


def test_word_two_level_list_keeps_the_top_level(tmp_path, schema):
    numbering_xml = numbering(
        {
            1: [
                lvl(0, "chineseCounting", "%1、", suff="nothing"),
                lvl(1, "chineseCounting", "（%2）", suff="nothing"),
            ]
        },
        {1: 1},
    )
    body = "".join(
        [
            p("现将有关要求通知如下："),
            p("加强组织领导", num=(1, 0)),
            p("成立工作专班", num=(1, 1)),
            p("明确责任分工", num=(1, 1)),
            p("严格督导考核", num=(1, 0)),
            p("纳入年度考核", num=(1, 1)),
        ]
    )
    path = write(tmp_path / "要求.docx", build(body, numbering_xml=numbering_xml))
    _, found, _ = run_tasks(path, schema)
    assert [f.value for f in found] == ["加强组织领导", "严格督导考核"]


def test_review_reaches_the_record(tmp_path, schema):
    path = write(tmp_path / "会议.txt", "县长在会上提出三点要求：一要提高政治站位；二要强化责任落实。\n")
    record = extract(read(path), schema)
    assert record.values("tasks") == ["提高政治站位", "强化责任落实"]
    assert any(r.field == "tasks" and r.reason == "宣布 3 项，找到 2 项" for r in record.review)


def test_user_word_list_extends_the_lead_ins(tmp_path, schema):
    """A user who adds 流程 as 非要求 in templates/task_words.txt turns such lists off."""
    text = "活动流程如下：一是要集体宣誓；二是要观看专题片。\n"
    path = write(tmp_path / "活动.txt", text)
    _, found, _ = run_tasks(path, schema)
    assert [f.value for f in found] == ["集体宣誓", "观看专题片"]
    templates = tmp_path / "templates"
    write(templates / "task_words.txt", "流程 非要求\n")
    _, found, _ = run_tasks(path, schema, templates=templates)
    assert found == []


def test_cn_number():
    assert [cn_number(t) for t in ("一", "十", "十二", "二十", "二十三", "7", "③")] == [
        1,
        10,
        12,
        20,
        23,
        7,
        3,
    ]
    assert cn_number("十十") is None and cn_number("甲") is None and cn_number("") is None


def test_announced_count():
    assert announced_count("提出了三点要求，")[0] == 3
    assert announced_count("全省从四个方面全力推进：")[0] == 4
    assert announced_count("要做到“五个坚持”：")[0] == 5
    assert announced_count("敖汉旗、松山区四个旗县区公安局做了交流发言") is None
    assert announced_count("会议听取了三项汇报") is None
