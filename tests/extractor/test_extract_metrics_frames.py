"""metrics: sentence frames of round 3 of issue 12 (measure words as data, casualty pairs, enumerated kinds).

Every text here is written for these tests in the style of a 公安/应急/市场监管 work update, a port or
farm-bureau newspaper item and a government-site news page; several organs and places per frame.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.metric_runs import M, run, triples

# (id, text, must include, must not include; a bare number there: no metric may have this value)
CASES: list[tuple[str, str, tuple[M, ...], tuple[M | float, ...]]] = [
    (
        "port-and-equipment-measure-words",  # 标箱/TEU/台套/眼 from the word list
        "今年以来，港区完成集装箱吞吐量120万标箱。新港码头集装箱吞吐量达到35万TEU。"
        "县水利局新增抗旱机械设备30台套，新打机井12眼。",
        (
            ("集装箱吞吐量", 1200000, "标箱"),
            ("新增抗旱机械设备", 30, "台套"),
            ("新打机井", 12, "眼"),
        ),
        (),
    ),
    (
        "fishery-reserve-and-weather-measure-words",  # 尾/顶/床/根/毫米
        "渔政站在库区增殖放流鱼苗300万尾。县应急管理局调拨救灾帐篷500顶、棉被2000床。"
        "燃气公司更换老化管道86根。全县平均降雨量达到136毫米。",
        (
            ("增殖放流鱼苗", 3000000, "尾"),
            ("调拨救灾帐篷", 500, "顶"),
            ("调拨棉被", 2000, "床"),
            ("更换老化管道", 86, "根"),
            ("平均降雨量", 136, "毫米"),
        ),
        (),
    ),
    (
        "measure-word-stops",  # 根据/眼前/床位/顶层: the character after the number starts another word
        "3根据调查，县城共有12个小区。医院新增3床位置调整方案尚在讨论。",
        (),
        (3.0,),
    ),
    (
        "casualties-verb-before-each-count",  # 造成死亡N人、受伤M人: each verb names the count after it
        "事故共造成死亡6人、受伤21人，直接经济损失120万元。洪灾致使死亡2人、失踪1人、受伤9人。"
        "县公安局依法刑事拘留8人、行政拘留15人。",
        (
            ("死亡", 6, "人"),
            ("受伤", 21, "人"),
            ("死亡", 2, "人"),
            ("受伤", 9, "人"),
            ("刑事拘留", 8, "人"),
            ("行政拘留", 15, "人"),
        ),
        (("死亡受伤", 6, "人"),),
    ),
    (
        "kinds-listed-before-deng-stay",  # 查处甲、乙等案件N件: the kinds say what is counted
        "2024年全市查处商标侵权、假冒专利等案件217件。县市场监管局检查农贸市场、超市等经营场所320家次。"
        "市公安局共抓获组织者、骨干成员、积极参加者、放贷催收人员等犯罪嫌疑人56人。",
        (
            ("查处商标侵权、假冒专利等案件", 217, "件"),
            ("检查农贸市场、超市等经营场所", 320, "家次"),
            ("抓获犯罪嫌疑人", 56, "人"),
        ),
        (("查处案件", 217, "件"),),
    ),
    (
        "organ-before-a-bare-verb",  # 县公安局依法刑事拘留N人: the organ acted; 企业在中心注册: the subject is counted
        "县公安局依法刑事拘留8人。区法院共审结45件。市场监管所先后立案12件。",
        (("刑事拘留", 8, "人"), ("审结", 45, "件"), ("立案", 12, "件")),
        (("县公安局依法刑事拘留", 8, "人"),),
    ),
    (
        "statistic-reached",  # 完成/实现 + a statistic noun: the statistic is the name
        "上半年，全港完成集装箱吞吐量47万标箱。全县实现地区生产总值186亿元。全市完成造林面积3.2万亩。",
        (("集装箱吞吐量", 470000, "标箱"), ("地区生产总值", 18600000000, "元"), ("造林面积", 32000, "亩")),
        (("完成集装箱吞吐量", 470000, "标箱"),),
    ),
    (
        "document-counts-after-a-verb",  # 会签/签署/制发 + 文件 + N份
        "两地检察院会签协作意见2份。县市场监管局与邻县签署合作备忘录3份，制发执法建议书36份。",
        (("会签协作意见", 2, "份"), ("签署合作备忘录", 3, "份"), ("制发执法建议书", 36, "份")),
        (),
    ),
    (
        "figure-qualifying-a-thing",  # N单位的 + noun phrase: the noun phrase is what the figure measures
        "一笔1000万元的贷款及时到位。4400万元的国债资金额度已经获批。173亿元的地区生产总值更加亮眼。"
        "该县组建30人的半专业扑火队。景区建起建筑面积达3120平方米的游客服务中心。"
        "目前70%的县（市、区）政务网站都开设了专栏。经行政复议后，有90.3%的案件未再进入诉讼程序。",
        (
            ("贷款", 10000000, "元"),
            ("国债资金额度", 44000000, "元"),
            ("地区生产总值", 17300000000, "元"),
            ("组建半专业扑火队", 30, "人"),
            ("游客服务中心建筑面积", 3120, "平方米"),
            ("开设专栏的县（市、区）政务网站", 70, "%"),
            ("未再进入诉讼程序的案件", 90.3, "%"),
        ),
        (),
    ),
    (
        "figure-qualifying-no-measured-thing",  # a norm, a place, a rate of an action, a short word
        "检出值超出限量0.5毫克/千克的标准。全市1.2万平方公里的土地上植被覆盖率达71.5%。"
        "对贷款予以年化1%的贴息。这条3公里的路已修好。",
        (),
        (0.5, 12000.0, 1.0, 3.0),
    ),
    (
        "doers-after-a-scope",  # 全市N个X + adverb + VP: the count is of X, named VP的X; 区（市）县 keeps its bracket
        "全市12个区（市）县同步建立网格巡查机制。全县86家企业完成安全生产标准化达标。"
        "该区14个街道相继建成便民服务中心。",
        (
            ("建立网格巡查机制的区（市）县", 12, "个"),
            ("完成安全生产标准化达标的企业", 86, "家"),
            ("建成便民服务中心的街道", 14, "个"),
        ),
        (("完成企业", 86, "家"),),
    ),
    (
        "required-not-done",  # 要/应/必须 + verb before the figure in its clause: a requirement
        "各地要落实3项制度，应完成2次演练。会议要求，各单位必须在月底前整改问题12个。"
        "今年以来，县应急管理局组织应急演练12次，主要负责人带队检查企业30家。县长热线共回应群众诉求320件。",
        (("组织应急演练", 12, "次"), ("检查企业", 30, "家"), ("回应群众诉求", 320, "件")),
        (3.0, 2.0),
    ),
    (
        "half-width-full-stop-ends-a-clause",  # county offices end sentences with '. ': the figure before it stands
        "全年抽检食品1.9万批次,合格率98.1%. 局长要求,一要强化监管. "
        "法院受理案件3215件,执行到位金额1.26亿元. 院长强调: 1.要提升质效.",
        (("合格率", 98.1, "%"), ("执行到位金额", 126000000, "元"), ("抽检食品", 19000, "批次")),
        (),
    ),
    (
        "dui-governs-a-list-of-counts",  # 对N个甲、M个乙进行/开展VP: every item is what VP was done to
        "县安委办对全县12个乡镇、18个重点部门安全生产工作进行督查检查。"
        "市纪委对市政务服务中心、市不动产登记中心等12个窗口单位开展明察暗访。",
        (("督查检查重点部门安全生产工作", 18, "个"), ("明察暗访窗口单位", 12, "个")),
        (("登记窗口单位开展明察暗访", 12, "个"),),
    ),
    (
        "chinese-numeral-across-wan",  # 二万三千余人次 / 三亿五千万元: one number, written in Chinese numerals
        "开展法治进校园巡讲四十六场，覆盖师生二万三千余人次。全县下达专项资金三亿五千万元。",
        (("覆盖师生", 23000, "人次"), ("下达专项资金", 350000000, "元")),
        (3000.0,),
    ),
    (
        "fenbie-with-an-act",  # 甲、乙分别 + result verb + thing + values: each value to its thing, by the act
        "城关镇、城南镇分别排查隐患45处和38处。全县一、二、三季度分别发生火灾12起、9起、7起。"
        "三个检查组分别查处案件15件、22件和31件。",
        (
            ("城关镇排查隐患", 45, "处"),
            ("城南镇排查隐患", 38, "处"),
            ("一季度发生火灾", 12, "起"),
            ("三季度发生火灾", 7, "起"),
            ("查处案件", 22, "件"),
            ("查处案件", 31, "件"),
        ),
        (),
    ),
    (
        "zhan-as-a-word-is-no-share",  # 占地面积 starts with 占 but is a statistic, not 占…% of the figure before
        "该项目总投资5.6亿元，占地面积120亩。其中食品类案件186起、占全部案件的37.2%。",
        (("占地面积", 120, "亩"), ("食品类案件占全部案件", 37.2, "%")),
        (("该项目总投资占地面积", 120, "亩"),),
    ),
    (
        "second-change-of-the-same-thing",  # 较去年同期减少N人，下降M%: both changes of the thing before
        "全年道路交通事故死亡人数较去年同期减少12人，下降15.4%。全市接报火警1263起，较上年减少216起，下降14.6%。"
        "群众满意率保持100%。",
        (
            ("道路交通事故死亡人数同比", -12, "人"),
            ("道路交通事故死亡人数同比", -15.4, "%"),
            ("接报火警同比", -216, "起"),
            ("接报火警同比", -14.6, "%"),
            ("群众满意率", 100, "%"),
        ),
        (),
    ),
    (
        "dui-with-a-scope-word",  # 对全县N个乡镇的…开展检查: 全县 between 对 and the number; 乡镇 is what is counted
        "县市场监管局对全县12个乡镇的农贸市场、超市开展专项检查。市住建局对全市42家物业企业进行检查。",
        (("专项检查乡镇", 12, "个"), ("检查物业企业", 42, "家")),
        (),
    ),
    (
        "accident-cited-as-a-lesson",  # 某地发生事故，造成N人死亡，教训深刻 / 为吸取教训…: not this report's figures
        "6月21日，外省某市一烧烤店发生燃气爆炸事故，造成31人死亡、7人受伤，教训极其深刻。"
        "近日，邻市某工地发生坍塌事故，致3人遇难。为深刻汲取事故教训，县应急管理局组成3个检查组，对企业开展专项检查。"
        "今年以来全县已排查燃气用户1.2万户。",
        (("组成检查组", 3, "个"), ("排查燃气用户", 12000, "户")),
        (31.0, 7.0, ("遇难", 3, "人")),
    ),
    (
        "own-accident-with-lesson-words-stays",  # 我区发生…造成N人死亡，教训深刻: the report's own accidents
        "8月以来，我区连续发生两起有限空间作业事故，共造成3人死亡、1人受伤，教训十分深刻。",
        (("死亡", 3, "人"), ("受伤", 1, "人")),
        (),
    ),
    (
        "fenbie-statistic-written-once",  # 甲、乙铝含量分别为x、y: the statistic at the list's end is each item's
        "经检测，某幼儿园留样的南瓜馒头、葱油花卷铝含量分别为326毫克/千克、418毫克/千克。"
        "两个片区的城镇、农村居民人均可支配收入分别达3.4万元和2.3万元。",
        (
            ("南瓜馒头铝含量", 326, "毫克/千克"),
            ("葱油花卷铝含量", 418, "毫克/千克"),
            ("城镇居民人均可支配收入", 34000, "元"),
        ),
        (2.0,),  # 两个片区: the count of what the distribution is about
    ),
    (
        "currency-word-is-no-name",  # 共计人民币N万元: 人民币 names nothing, the thing before it does
        "他先后非法收受他人钱物共计人民币47.04万元。该公司违规套取补贴资金共计美元3.2万元。",
        (("非法收受他人钱物", 470400, "元"),),
        (("人民币", 470400, "元"),),
    ),
    (
        "statistic-in-wan-without-a-measure-word",  # 曝光量超3000万 / 访问量达1.2亿: no 量词, unit left empty
        "“山歌之乡”村歌大赛全网曝光量超3000万。政务平台累计访问量达1.2亿。全县茶园面积发展到12.8万亩。",
        (("村歌大赛全网曝光量", 30000000, ""), ("访问量", 120000000, ""), ("茶园面积", 128000, "亩")),
        (),
    ),
    (
        "bare-wan-without-a-statistic-stays-out",  # 人口50万 / 用户超50万: no statistic noun before it
        "该县辖8个乡镇，户籍人口50万。平台注册用户超50万。",
        (),
        (500000.0,),
    ),
    (
        "you-without-a-to-is-no-change",  # 由N个部门组成: 由 with no 到/至 after it starts no from-to pair
        "江西建立了由18个省直部门组成的协调机制。县里成立由12个部门组成的工作专班。全县森林覆盖率由45%提高到52.3%。",
        (("森林覆盖率", 45, "%"), ("森林覆盖率", 52.3, "%")),
        (("江西建立了", 18, "个"), ("县里成立", 12, "个")),
    ),
    (
        "rescue-and-carried-names",  # 抢救被困人员 / 经抢救无效死亡 / 排查出…，化解N件 / 经营主体 is no 经
        "县消防救援大队抢救被困人员68人，疏散群众1200余人。其中1人经抢救无效死亡。"
        "全县共排查出各类矛盾纠纷1356件，成功化解1298件。全县经营主体新增320户。",
        (
            ("抢救被困人员", 68, "人"),
            ("抢救无效死亡", 1, "人"),
            ("化解各类矛盾纠纷", 1298, "件"),
            ("经营主体新增", 320, "户"),
        ),
        (("化解出各类矛盾纠纷", 1298, "件"),),
    ),
    (
        "scene-and-shared-verb-after-an-attribute",  # 正在…: a scene; 修建了N公里的路和M座池: the verb serves both
        "走进村里的共享菜园，20多位老人正在给蔬菜浇水。村里先后投入资金80万元，修建了2.5公里的产业路和3座蓄水池。",
        (("修建产业路", 2.5, "公里"), ("修建蓄水池", 3, "座")),
        (20.0,),
    ),
    (
        "funds-sent-down",  # 下拨/划拨 + 资金: the verb names the figure, the organ before it does not
        "县财政紧急下拨救灾资金500万元。省财政划拨专项资金2亿元。",
        (("下拨救灾资金", 5000000, "元"), ("划拨专项资金", 200000000, "元")),
        (("县财政紧急下拨救灾资金", 5000000, "元"),),
    ),
    (
        "verb-before-a-jurisdiction-word",  # 走访辖区N家… / 检查境内N处…: 辖区/境内 between verb and number
        "检察长带队走访辖区3家民营企业。县林业局巡查境内12处林区卡口。参训人员分为4个小组。",
        (("走访民营企业", 3, "家"), ("巡查林区卡口", 12, "处")),
        (4.0,),
    ),
    (
        "layout-pieces-are-no-names",  # specification sheets: ★/≥/【】 and open brackets make no name; 亡N人 does
        "投标人须具备设备设施的≥3家供货渠道。采用形式★（考试大纲3种。"
        "全国共接报火灾84.1万起，亡1827人、伤2161人。",
        (("亡", 1827, "人"), ("伤", 2161, "人")),
        (3.0,),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_frames(case: tuple[str, str, tuple[M, ...], tuple[M | float, ...]], tmp_path: Path) -> None:
    name, text, include, exclude = case
    got = triples(run(text, tmp_path))
    for want in include:
        assert want in got, f"{name}: {want} not in {got}"
    for bad in exclude:
        if isinstance(bad, tuple):
            assert bad not in got, f"{name}: {bad} should not be in {got}"
        else:
            assert all(v != bad for _, v, _ in got), f"{name}: value {bad} should not be in {got}"
