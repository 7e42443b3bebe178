"""keywords and summary (not scored): the words that say what the report is about, and its lead."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

_LONG_LEAD = (
    "今年以来，"
    + "、".join(
        f"{place}镇{work}"
        for place, work in (
            ("东山", "聚焦农村人居环境整治持续开展村庄清洁行动"),
            ("西河", "围绕农村生活污水治理新建管网并完善运维机制"),
            ("南岭", "结合美丽乡村建设推进农房风貌管控和庭院整治"),
            ("北坪", "依托数字乡村平台推行垃圾分类积分兑换制度"),
            ("中和", "发动党员志愿者常态化开展河道清理和巡查"),
            ("石桥", "探索村规民约约束陈规陋习并开展文明户评选"),
            ("柳营", "整合闲置宅基地建设小菜园小果园和小公园"),
            ("青龙", "组织保洁队伍对主次干道实行全天候保洁"),
        )
    )
    + "，全县农村人居环境整治工作取得明显成效，群众获得感、幸福感不断增强。\n"
)

VECTORS = (
    Vector(
        "keywords.tfidf",
        "县消防救援大队开展高层建筑消防演练\n6月18日，县消防救援大队在城东一高层住宅小区开展高层建筑灭火救援演练。"
        "演练模拟高层住宅起火，消防救援人员利用室内消火栓和登高车开展灭火救援。\n",
        ("消防",),
    ),
    Vector(
        "summary.lead",
        "县供销社推进农资保供\n3月5日，县供销社召开春耕农资保供会议。会议要求各基层社备足化肥农药。\n",
        ("3月5日，县供销社召开春耕农资保供会议。会议要求各基层社备足化肥农药。",),
    ),
    Vector(
        "summary.lead_cut",
        "全县农村人居环境整治见成效\n" + _LONG_LEAD,
        (_LONG_LEAD[:199] + "…",),
    ),
)
