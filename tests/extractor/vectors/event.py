"""event: the named meeting or campaign the report is about — not an unnamed meeting, nor a past one."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "event.held",
        "兴隆县召开全县森林防灭火工作推进会\n3月18日，兴隆县召开全县森林防灭火工作推进会。"
        "会议指出，去年召开的防火动员会部署的任务已全部完成。\n",
        ("全县森林防灭火工作推进会",),
        must_not=("防火动员会",),
    ),
    Vector(
        "event.held_at",
        "基层治理现场观摩会举行\n5月16日，全市基层治理现场观摩会在南溪镇举行，各区县分管负责同志参加。\n",
        ("全市基层治理现场观摩会",),
    ),
    Vector(
        "event.speech_at",
        "市委书记强调压紧压实安全生产责任\n4月2日，市委书记林海涛在全市安全生产电视电话会议上强调，"
        "要压紧压实各方责任。\n",
        ("全市安全生产电视电话会议",),
    ),
    Vector(
        "event.title_named",
        "全区营商环境优化提升大会召开\n今年以来，全区持续优化营商环境，新增市场主体3200户。\n",
        ("全区营商环境优化提升大会",),
    ),
    Vector(
        "event.carried_out",
        "丰南区市场监管局开展电动自行车质量安全专项整治行动\n近日，丰南区市场监管局开展电动自行车质量安全专项整治行动，"
        "检查销售门店36家。\n",
        ("电动自行车质量安全专项整治行动",),
    ),
    Vector(
        "event.launched",
        "城关社区开展“邻里守望”志愿服务活动\n6月1日，城关社区开展“邻里守望”志愿服务活动，志愿者走访独居老人40户。\n",
        ("“邻里守望”志愿服务活动",),
    ),
    Vector(
        "event.campaign",
        "县公安局通报近期治安形势\n今年以来，县公安局深入推进打击电信网络诈骗犯罪专项行动，发案数持续下降。"
        "打击电信网络诈骗犯罪专项行动开展以来，共破获案件86起。\n",
        ("打击电信网络诈骗犯罪专项行动",),
    ),
    Vector(
        "event.campaign",
        "县公安局通报近期治安形势\n今年以来，县公安局深入推进夏季治安打击整治专项行动，治安形势持续向好。"
        "夏季治安打击整治专项行动开展以来，共破获刑事案件86起。\n",
        ("夏季治安打击整治专项行动",),
        xfail="the season word that opens a campaign's name (夏季…专项行动) is cut off the name",
    ),
    Vector(
        "event.held",
        "县水务局召开会议部署防汛工作\n5月20日，县水务局召开会议，部署今年防汛工作。当天下午，县水务局召开全县水利工程安全度汛推进会。\n",
        ("全县水利工程安全度汛推进会",),
        must_not=("会议",),
    ),
    Vector(
        "event.opened",
        "石泉县文旅活动精彩纷呈\n4月12日，由石泉县文化和旅游局主办的第五届杜鹃花节在青坪茶园开幕，吸引游客3000余人。\n",
        ("第五届杜鹃花节",),
        must_not=("石泉县文旅活动",),
    ),
)
