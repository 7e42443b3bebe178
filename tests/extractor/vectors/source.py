"""source: the report's attribution — an organ or an outlet, never the paper itself or page garbage."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "source.label_line",
        "石岭镇开展农村道路交通安全整治\n3月12日，石岭镇联合交警中队开展农村道路交通安全整治。\n"
        "来源：石岭镇人民政府\n编辑：张敏\n",
        ("石岭镇人民政府",),
        must_not=("张敏",),
    ),
    Vector(
        "source.label_line",
        "青石检察开展开放日活动\n5月8日，县检察院邀请人大代表走进检察院。\n来源丨青石检察\n",
        ("青石检察",),
    ),
    Vector(
        "source.publication_line",
        "城东街道开展燃气安全入户检查\n发布时间：2024-03-18 10:20  来源：宁安区应急管理局\n"
        "近日，城东街道组织网格员入户检查燃气安全。\n",
        ("宁安区应急管理局",),
    ),
    Vector(
        "source.inline_label",
        "县税务局开展减税降费政策宣讲\n4月2日，县税务局走进工业园区开展政策宣讲。（来源：河口县税务局）"
        "宣讲会上，税务干部解读了最新优惠政策。\n",
        ("河口县税务局",),
    ),
    Vector(
        "source.closing_attribution",
        "县公安局开展夏夜治安巡查\n7月5日晚，县公安局组织警力开展夏夜治安巡查，检查娱乐场所16家。\n"
        "（柳河县公安局政治处）\n",
        ("柳河县公安局政治处",),
    ),
    Vector(
        "source.agency_dateline",
        "全国夏粮收购进度过半\n　　新华社北京7月15日电  记者从国家粮食和物资储备局获悉，全国夏粮收购进度已经过半。\n",
        ("新华社",),
        must_not=("国家粮食和物资储备局",),
    ),
    Vector(
        "source.paper_message",
        "滨江市启动老旧小区改造\n《滨江日报》消息：今年滨江市计划改造老旧小区85个，惠及居民2万余户。\n",
        ("滨江日报",),
    ),
    Vector(
        "source.site_name",
        "南坪镇召开防汛工作部署会_南坪镇人民政府\n6月2日，南坪镇召开防汛工作部署会，安排汛期值班值守。\n",
        ("南坪镇人民政府",),
    ),
    Vector(
        "source.label_line",
        "县人社局开展就业援助月活动\n1月8日，县人社局在人力资源市场举办专场招聘会，提供岗位800余个。\n来源：本报\n来源：青禾县人社局\n",
        ("青禾县人社局",),
        must_not=("本报",),
    ),
)
