"""title: which line of the headline group is the headline, and the cue that says so."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "title.heading_style",
        "河湾县应急管理局开展防汛应急演练\n6月3日，河湾县应急管理局在柳林镇开展防汛应急演练，200余人参加。\n",
        ("河湾县应急管理局开展防汛应急演练",),
        docx=True,
    ),
    Vector(
        "title.head_line",
        "松原区市场监管局开展节前食品安全检查\n1月15日，松原区市场监管局组织执法人员对辖区商超开展食品安全检查。\n",
        ("松原区市场监管局开展节前食品安全检查",),
    ),
    Vector(
        "title.document_title",
        "关于开展2024年度安全生产大检查的通知\n各乡镇人民政府，县直各有关单位：\n"
        "为切实做好安全生产工作，经研究，决定在全县开展安全生产大检查。\n石门县安全生产委员会办公室\n2024年3月1日\n",
        ("关于开展2024年度安全生产大检查的通知",),
        must_not=("各乡镇人民政府，县直各有关单位",),
    ),
    Vector(
        "title.middle_of_three",
        "守护平安 护航发展\n东坡区公安分局破获一批盗窃案件\n追回群众损失20余万元\n\n"
        "　　本报讯 近日，东坡区公安分局集中破获一批入室盗窃案件。\n",
        ("东坡区公安分局破获一批盗窃案件",),
        must_not=("守护平安 护航发展", "追回群众损失20余万元"),
    ),
    Vector(
        "title.below_kicker",
        "以案为鉴 警钟长鸣——\n龙泉市召开警示教育大会\n　　4月9日，龙泉市纪委监委召开全市警示教育大会。\n",
        ("龙泉市召开警示教育大会",),
        must_not=("以案为鉴 警钟长鸣",),
    ),
    Vector(
        "title.above_subtitle",
        "北河县扎实推进农村人居环境整治\n——全县村庄清洁行动综述\n　　今年以来，北河县持续开展村庄清洁行动。\n",
        ("北河县扎实推进农村人居环境整治",),
        must_not=("全县村庄清洁行动综述",),
    ),
    Vector(
        "title.joined_lines",
        "关于进一步加强全县自建房\n安全专项整治工作的通知\n各乡镇人民政府：\n为消除安全隐患，现将有关事项通知如下。\n",
        ("关于进一步加强全县自建房安全专项整治工作的通知",),
    ),
    Vector(
        "title.joined_lines",
        "石门县交通运输局关于开展农村公路安全\n隐患专项排查工作的通知\n各乡镇人民政府：\n请于6月底前完成排查。\n",
        ("石门县交通运输局关于开展农村公路安全隐患专项排查工作的通知",),
        must_not=("石门县交通运输局关于开展农村公路安全",),
        xfail="a 公文 title broken after a long first line is read as headline + subtitle, not joined",
    ),
    Vector(
        "title.site_name_stripped",
        "西岭镇召开秋季森林防火工作会议_西岭镇人民政府网\n"
        "发布时间：2024-10-08\n10月8日，西岭镇召开秋季森林防火工作会议。\n",
        ("西岭镇召开秋季森林防火工作会议",),
        must_not=("西岭镇召开秋季森林防火工作会议_西岭镇人民政府网",),
    ),
    Vector(
        "title.head_line",
        "河西区开展燃气安全专项整治\n发布时间：2024-05-14  来源：河西区应急管理局\n"
        "5月13日，河西区应急管理局联合区住建局对辖区餐饮场所开展燃气安全检查。\n"
        "上一条：河西区召开防汛工作会议\n下一条：河西区开展消防宣传月活动\n",
        ("河西区开展燃气安全专项整治",),
        must_not=("河西区召开防汛工作会议", "河西区开展消防宣传月活动"),
    ),
)
