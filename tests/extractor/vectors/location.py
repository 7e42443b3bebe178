"""location: where the event took place, as one span of the text — not a dateline, not 我市."""

from __future__ import annotations

from tests.support.strategy_vectors import Vector

VECTORS = (
    Vector(
        "location.held_at",
        "金湖县召开乡村振兴工作会议\n2月26日，金湖县在县行政中心召开全县乡村振兴工作会议。\n",
        ("县行政中心",),
    ),
    Vector(
        "location.held_at",
        "全市职业教育工作会议召开\n10月12日，全市职业教育工作会议在市技师学院的报告厅召开，各区县教育局负责同志参加。\n",
        ("市技师学院的报告厅",),
    ),
    Vector(
        "location.at_place",
        "县退役军人服务中心揭牌成立\n5月20日，县退役军人服务中心在城南新区揭牌成立，将为退役军人提供一站式服务。\n",
        ("城南新区",),
    ),
    Vector(
        "location.happened",
        "南岗区一居民楼起火\n11月3日凌晨，南岗区和平路一居民楼发生火灾，消防救援人员及时处置，无人员伤亡。\n",
        ("南岗区和平路一居民楼",),
    ),
    Vector(
        "location.at_named_place",
        "省政府督查组检查防汛工作\n6月12日，省政府督查组在安吉县天荒坪镇检查防汛工作，查看水库3座。\n",
        ("安吉县天荒坪镇",),
    ),
    Vector(
        "location.at_city_short",
        "全国基层治理经验交流会在京召开\n本报讯  全国基层治理经验交流会8日在京召开，20个地方作交流发言。\n",
        ("京",),
    ),
    Vector(
        "location.at_suffix_place",
        "市农业农村局调研春耕生产\n3月20日，市农业农村局副局长周丽到柳塘镇调研春耕生产，查看育秧基地2处。\n",
        ("柳塘镇",),
    ),
    Vector(
        "location.visited",
        "市应急管理局到宜兴市应急管理局调研\n4月8日，无锡市应急管理局副局长陈刚带队到宜兴市应急管理局调研安全生产工作。\n",
        ("宜兴市应急管理局",),
        must_not=("无锡市",),
    ),
    Vector(
        "location.at_venue",
        "县消防救援大队开展消防演练\n5月9日，县消防救援大队在人民广场开展消防安全应急演练，参与群众300余人。\n",
        ("人民广场",),
    ),
    Vector(
        "location.acting_place",
        "曲阜市推进文明城市创建\n今年以来，曲阜市持续推进文明城市创建，整治背街小巷86条。\n",
        ("曲阜市",),
    ),
    Vector(
        "location.acting_by_suffix",
        "柳塘镇多措并举推进垃圾分类\n近日，柳塘镇全面推行生活垃圾分类，新建分类投放点40个。\n",
        ("柳塘镇",),
    ),
    Vector(
        "location.title_place",
        "湖南宁乡早稻收割进度过半\n记者获悉，目前早稻收割进度已经过半，预计7月底前全面完成。\n",
        ("湖南宁乡",),
    ),
    Vector(
        "location.title_place",
        "浙江安吉农村电商销售额突破10亿元\n记者获悉，今年前三季度农村电商销售额突破10亿元，带动就业5000余人。\n",
        ("浙江安吉",),
        must_not=("浙江安吉农村",),
    ),
    Vector(
        "location.title_place_full",
        "浙江安吉电商销售额突破10亿元\n据了解，浙江省湖州市安吉县今年前三季度农村电商销售额突破10亿元。\n",
        ("浙江省湖州市安吉县",),
    ),
    Vector(
        "location.organizer_place",
        "桐庐县纪委监委整治群众身边的不正之风\n记者从桐庐县纪委监委获悉，今年以来共查处群众身边腐败和作风问题46件。\n",
        ("桐庐县",),
    ),
    Vector(
        "location.at_place",
        "全国森林草原防火工作座谈会召开\n　　本报北京3月15日电  全国森林草原防火工作座谈会14日在昆明召开，会议总结了去年工作。\n",
        ("昆明",),
        must_not=("北京",),
    ),
    Vector(
        "location.organizer_at",
        "法官走进司法所\n4月9日，安远县人民法院在龙布镇司法所巡回审理一起赡养纠纷案，200余名群众旁听。\n",
        ("龙布镇司法所",),
        must_not=("安远县",),
    ),
    Vector(
        "location.opened_at",
        "第三届汉江渔博会闭幕\n本报讯 10月20日，为期三天的第三届汉江渔业博览会在安康国际会展中心闭幕，签约项目23个。\n",
        ("安康国际会展中心",),
    ),
)
