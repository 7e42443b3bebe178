"""people and host: every named person with the post written around the name; the chair by name only."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "people.post_before_name",
        "全县禁毒工作会议召开\n（记者 李小鹏）6月20日，全县禁毒工作会议召开。县委常委、政法委书记郑家明，"
        "副县长、县公安局局长马永强出席会议。会议要求贯彻习近平总书记重要指示精神。\n",
        (("郑家明", "县委常委、政法委书记"), ("马永强", "副县长、县公安局局长")),
        must_not=("李小鹏", "习近平"),
    ),
    Vector(
        "people.name_before_post",
        "区人民调解工作推进会召开\n3月2日，区司法局召开人民调解工作推进会。区委政法委孙立科长通报了矛盾纠纷排查情况。\n",
        (("孙立", "区委政法委科长"),),
    ),
    Vector(
        "people.shared_unit",
        "县政府召开常务会议\n4月9日，县政府召开常务会议。县政府何志远县长、钱文副县长、冯敏副县长出席会议。\n",
        (("钱文", "县政府副县长"), ("冯敏", "县政府副县长")),
    ),
    Vector(
        "people.name_list",
        "市住建局督导建筑工地安全生产\n5月6日，市住建局副局长韩东、苏明、蒋立新等一行督导建筑工地安全生产。\n",
        (("苏明", "市住建局副局长"), ("蒋立新", "市住建局副局长")),
    ),
    Vector(
        "people.name_list",
        "市水利局检查水库安全度汛\n6月3日，市水利局副局长高峰、罗建、潘立群带队检查水库安全度汛工作。\n",
        (("罗建", "市水利局副局长"), ("潘立群", "市水利局副局长")),
        must_not=("潘立群带",),
    ),
    # the last name of a list written straight before the list's verb or adverb (深入, 率队, 带队)
    Vector(
        "people.name_list",
        "县应急管理局开展汛前隐患排查\n4月18日，县应急管理局副局长林涛、邵国华、贺敏深入乡镇开展汛前隐患排查。\n",
        (("邵国华", "县应急管理局副局长"), ("贺敏", "县应急管理局副局长")),
        must_not=("贺敏深",),
    ),
    Vector(
        "people.name_list",
        "县政府走访重点企业\n10月5日，县政府副县长田野、钱文博率队走访重点企业。\n",
        (("钱文博", "县政府副县长"),),
        must_not=("钱文博率",),
    ),
    # a two-character last name: the verb's first character (带队) is not eaten into a three-character name;
    # an anonymised party (张某) and the reporters of the byline are no people
    Vector(
        "people.name_list",
        "市市场监管局检查节前食品安全\n1月20日，市市场监管局副局长程鹏、邓岚带队检查超市和农贸市场，"
        "涉案经营者张某已被立案调查。（记者 杜鹃 通讯员 范文涛）\n",
        (("邓岚", "市市场监管局副局长"),),
        must_not=("邓岚带", "张某", "杜鹃", "范文涛"),
    ),
    # 和 joins two names: neither 王强和 nor 王强和李明 is one person
    Vector(
        "people.name_list",
        "区城管局检查市容秩序\n3月9日，区城管局副局长孙磊、何志远、王强和李明一同检查市容秩序。\n",
        (("何志远", "区城管局副局长"),),
        must_not=("王强和", "王强和李明", "李明一"),
    ),
    Vector(
        "people.minority_name",
        "州民宗委调研双语教育工作\n7月2日，阿依古丽·买买提主任到县第二中学调研双语教育工作。\n",
        (("阿依古丽·买买提", "主任"),),
    ),
    Vector(
        "people.minority_name",
        "州民宗委调研双语教育工作\n7月2日，州民宗委阿依古丽·买买提主任到县第二中学调研双语教育工作。\n",
        (("阿依古丽·买买提", "州民宗委主任"),),
        must_not=("州民宗委阿依古丽·买买提", "委阿依古丽·买买提"),
    ),
    # a dotted name written straight after its unit, the unit ending in an organ suffix (委, 局)
    Vector(
        "people.minority_name",
        "市卫健委督导疫苗接种工作\n7月9日，市卫健委热依拉·吐尔洪副主任带队到乡镇卫生院督导疫苗接种工作。\n",
        (("热依拉·吐尔洪", "市卫健委副主任"),),
        must_not=("卫健委热依拉·吐尔洪",),
    ),
    Vector(
        "people.minority_name",
        "县文旅局检查景区安全生产\n8月2日，县文旅局艾尔肯·吐尔逊局长一行来到景区检查安全生产工作。"
        "（通讯员 马丽）\n",
        (("艾尔肯·吐尔逊", "县文旅局局长"),),
        must_not=("局艾尔肯·吐尔逊", "马丽"),
    ),
    Vector(
        "host.chaired",
        "县应急管理局召开安全生产例会\n1月5日，县应急管理局召开安全生产例会。会议由县应急管理局党委书记、局长许文斌主持。\n",
        ("许文斌",),
        must_not=("县应急管理局党委书记、局长许文斌",),
    ),
    Vector(
        "people.post_before_name",
        "县法院审结一起非法集资案\n近日，县人民法院审结一起非法集资案，被告人张某被判处有期徒刑五年。"
        "县人民法院副院长唐晓梅介绍了案件审理情况。\n",
        (("唐晓梅", "县人民法院副院长"),),
        must_not=("张某",),
    ),
    Vector(
        "host.chaired",
        "镇党委理论学习中心组开展集中学习\n4月3日，柳营镇党委书记赵一鸣主持召开党委理论学习中心组学习会。\n",
        ("赵一鸣",),
    ),
    Vector(
        "host.chaired",
        "市应急管理局召开防汛调度会\n6月3日，市应急管理局召开防汛调度会。副市长、市应急管理局局长陈和主持会议并讲话。\n",
        ("陈和",),
    ),
    Vector(
        "people.post_before_name",
        "麦收时节抢农时\n本报记者 罗晓峰\n记者看到，田间地头收割机往来穿梭。西河县农业农村局局长梁春燕介绍，今年全县小麦"
        "机收率达98%。\n记者从西河县应急管理局获悉，该局副局长陶建国带队开展防火检查。\n",
        (("梁春燕", "西河县农业农村局局长"), ("陶建国", "副局长")),
        must_not=("罗晓峰",),
    ),
)
