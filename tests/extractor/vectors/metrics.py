"""metrics: results and statistics of the reported work, each (name, value, unit) — not dates,
durations, ordinals, numbers inside names or counts of agenda items."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "metrics.name_first",
        "县公安局通报上半年打击犯罪成果\n今年上半年，县公安局破获刑事案件156起，抓获犯罪嫌疑人89人。"
        "会议提出三点要求。\n",
        (("破获刑事案件", 156, "起"), ("抓获犯罪嫌疑人", 89, "人")),
        must_not=("三点要求",),
    ),
    Vector(
        "metrics.number_first",
        "区市场监管局开展食品安全培训\n3月15日，区市场监管局培训了120名食品经营者，并对23家餐饮单位下达整改通知。\n",
        (("培训食品经营者", 120, "名"),),
    ),
    Vector(
        "metrics.change",
        "全市道路交通事故持续下降\n今年以来，全市发生道路交通事故320起，同比下降12.5%。\n",
        (("发生道路交通事故同比", -12.5, "%"),),
        must_not=(("发生道路交通事故同比", 12.5, "%"),),
    ),
    Vector(  # the organ that opens the clause did the work; what rose or fell is its statistic
        "metrics.change",
        "区安全生产形势稳定\n今年以来，区应急管理局生产安全事故起数同比下降18.2%。\n",
        (("生产安全事故起数同比", -18.2, "%"),),
        must_not=("区应急管理局生产安全事故起数同比",),
    ),
    Vector(
        "metrics.continuation",
        "县公安局扫黑除恶工作成效明显\n今年以来，县公安局打掉涉恶团伙6个，恶势力犯罪集团3个。\n",
        (("恶势力犯罪集团", 3, "个"),),
    ),
    Vector(
        "metrics.counted_noun",
        "岭南镇发展特色产业\n岭南镇大力发展乡村旅游，农家乐经营主体120余家，带动周边群众就业。\n",
        (("农家乐经营主体", 120, "家"),),
    ),
    Vector(
        "metrics.second_unit",
        "县检察院上半年工作情况\n上半年，县检察院受理审查起诉案件210件296人。\n",
        (("受理审查起诉案件", 296, "人"),),
    ),
    Vector(
        "metrics.shared_verb",
        "县农业农村局推进产业融合\n今年以来，县农业农村局建成30处示范基地和80家加工企业。\n",
        (("建成加工企业", 80, "家"),),
    ),
    Vector(
        "metrics.times_of",
        "市中级法院公开裁判文书\n今年以来，全市法院加大司法公开力度，上网裁判文书数量是上年同期的3.5倍。\n",
        (("上网裁判文书数量", 3.5, "倍"),),
    ),
    Vector(
        "metrics.previous_sentence",
        "县行政复议工作情况\n近年来，全县行政复议案件逐年增加。2023年共有640件。\n",
        (("行政复议案件", 640, "件"),),
    ),
    Vector(
        "metrics.from_to",
        "县公安局推进社会治安防控\n近年来，全县警情总量从2021年的5.2万起降到2024年的3.9万起。\n",
        (("警情总量", 52000, "起"), ("警情总量", 39000, "起")),
    ),
    Vector(
        "metrics.fenbie_distribution",
        "县统计局发布上半年经济数据\n上半年，全县城镇、农村居民人均可支配收入分别达2.1万元和1.3万元。\n",
        (("城镇居民人均可支配收入", 21000, "元"), ("农村居民人均可支配收入", 13000, "元")),
    ),
    Vector(
        "metrics.each_of_list",
        "县卫健委推进基本公共卫生服务\n今年以来，全县老年人健康管理率、慢性病规范管理率均达到85%。\n",
        (("老年人健康管理率", 85, "%"), ("慢性病规范管理率", 85, "%")),
    ),
    Vector(
        "metrics.casualties",
        "国道一货车与客车相撞\n5月4日，国道210线发生一起货车与客车相撞事故，造成2死4伤。\n",
        (("死亡", 2, "人"), ("受伤", 4, "人")),
    ),
    Vector(
        "metrics.earthquake",
        "西部山区发生地震\n据中国地震台网测定，8月2日，西部山区发生5.6级地震，震源深度10千米。\n",
        (("地震", 5.6, "级"),),
    ),
    Vector(
        "metrics.counted_noun",
        "岭南镇发展特色产业\n目前，岭南镇农家乐经营主体120余家，带动周边群众就业。\n",
        (("农家乐经营主体", 120, "家"),),
        must_not=("岭南镇农家乐经营主体",),
    ),
    Vector(
        "metrics.times_of",
        "市中级法院公开裁判文书\n今年，市中级人民法院上网公开裁判文书数量是上年同期的3.5倍。\n",
        (("上网公开裁判文书数量", 3.5, "倍"),),
        must_not=("市中级人民法院上网公开裁判文书数量",),
    ),
    Vector(
        "metrics.previous_sentence",
        "县行政复议工作情况\n近年来，县司法局受理的行政复议案件逐年增加。2023年共有640件。\n",
        # the acting unit goes, what it did stays: the labels write 受理的…案件 (the attributive verb kept)
        (("受理的行政复议案件", 640, "件"),),
        must_not=("县司法局受理的行政复议案件",),
    ),
    # the acting place or organ at the head of a clause is not part of the counted thing (other organs,
    # places and frames than the vectors above); a kind of area (城镇居民) or a verb + 村 is no such head
    Vector(
        "metrics.counted_noun",
        "青石乡发展特色种植\n截至目前，青石乡特色种植合作社35家，覆盖全乡农户。\n",
        (("特色种植合作社", 35, "家"),),
        must_not=("青石乡特色种植合作社",),
    ),
    Vector(
        "metrics.times_of",
        "县检察院公益诉讼工作情况\n今年，县人民检察院办理公益诉讼案件数量是上年的2倍。\n",
        (("办理公益诉讼案件数量", 2, "倍"),),
        must_not=("县人民检察院办理公益诉讼案件数量",),
    ),
    Vector(
        "metrics.previous_sentence",
        "市知识产权审判工作情况\n近年来，市中级人民法院审结的知识产权案件持续上升。2024年达到860件。\n",
        (("审结的知识产权案件", 860, "件"),),
        must_not=("市中级人民法院审结的知识产权案件",),
    ),
    Vector(
        "metrics.name_first",
        "柳河镇推进垃圾分类\n今年，柳河镇的垃圾分类覆盖率达92%，城镇居民人均可支配收入达3.4万元。\n",
        (("垃圾分类覆盖率", 92, "%"), ("城镇居民人均可支配收入", 34000, "元")),
        must_not=("柳河镇的垃圾分类覆盖率", "柳河镇垃圾分类覆盖率", "居民人均可支配收入"),
    ),
    Vector(
        "metrics.name_first",
        "县市场监管局开展为期三个月的打假行动\n县市场监管局开展为期三个月的商标侵权专项整治，这是今年全县首个专项行动。"
        "截至8月底，查办案件42件，罚没款36.5万元，12345热线转办投诉全部办结。\n",
        (("查办案件", 42, "件"), ("罚没款", 365000, "元")),
        must_not=("为期", "首个专项行动", "12345热线"),
    ),
    Vector(
        "metrics.attributive_figure",
        "县应急管理局加强森林防火队伍建设\n今年以来，县应急管理局组建45人的森林消防突击队，"
        "配发价值80万元的扑火装备。各乡镇要严格执行限量20人的进山登记标准。\n",
        (("组建森林消防突击队", 45, "人"),),
        must_not=(("进山登记标准", 20, "人"),),
    ),
)
