"""Which rules read a value from weaker evidence, and the note (in Chinese) that asks a person to check it."""

# rules that read a value from weaker evidence: the record asks a person to check it
UNCERTAIN = {
    "organizer.most_named_unit": "主办单位按文中出现最多的单位推断",
    "organizer.spokesman": "主办单位取自开头介绍情况的负责人所在单位",
    "organizer.notice_issuer": "主办单位取自通报正文中督促整改的单位",
    "organizer.chair_unit": "主办单位取自主持人的职务",
    "event.campaign": "活动名称取自文中反复提到的专项行动",
    "location.title_place": "地点取自标题中的地名",
    "location.organizer_place": "地点按主办单位所在地推断",
    "location.title_place_full": "地点取自标题中的地名",
}
