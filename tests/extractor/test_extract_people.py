"""people (出席领导): one vector per strategy of the second design, through the real reader and extractor.

Every text here is written for these tests in the style of county reports and government web pages.
"""

from __future__ import annotations

import pytest

from tests.support.vectors import FieldVector, check_vector, extract_text

VECTORS = [
    # ---- added with the held-out set (tests/data/heldout) ----
    FieldVector(
        "a-preposition-before-a-bare-level-is-not-the-post",
        "people",
        "东坪镇开展秸秆禁烧\n东坪镇成立由镇党委书记王立新任组长的工作专班，组建巡查队伍12支。\n",
        must_include=("王立新|镇党委书记",),
        must_not_include=("王立新|由镇党委书记",),
    ),
    FieldVector(
        "a-post-read-inside-a-place-name-is-no-person",
        "people",
        "晴川区推行民情夜访\n10月14日晚，晴川区长丰街道党工委书记陶明远带领社区干部入户走访。\n",
        must_include=("陶明远|晴川区长丰街道党工委书记",),
        must_not_include=("丰街道",),
    ),
    FieldVector(
        "a-name-whose-first-two-characters-make-a-word",
        "people",
        "南原省召开防汛工作会议\n7月2日，省委副书记、省长高志远出席会议并讲话，副省长袁立新主持会议。\n",
        must_include=("高志远|省委副书记、省长", "袁立新|副省长"),
    ),
    FieldVector(
        "a-spokesperson-chained-with-another-post",
        "people",
        "市法院召开新闻发布会\n市法院新闻发言人、研究室主任陈海燕主持发布会。\n",
        must_include=("陈海燕|市法院新闻发言人、研究室主任",),
    ),
    FieldVector(
        "a-body-name-with-he-or-yu-is-one-title",
        "people",
        "座谈会召开\n市数据资源和政务服务中心主任邵斌、省工信厅政策与法规处处长吴敏参加座谈。\n",
        must_include=("邵斌|市数据资源和政务服务中心主任", "吴敏|省工信厅政策与法规处处长"),
    ),
    FieldVector(
        "shared-unit-before-a-list-of-names-with-posts",
        "people",
        "市政府召开常务会议\n市政府王建国市长、李红副市长出席会议。\n",
        must_include=("王建国|市政府市长", "李红|市政府副市长"),
    ),
    FieldVector(
        "post-before-name",
        "people",
        "县里召开会议\n县委常委、政法委书记王志强出席会议并讲话。\n",
        must_include=("王志强|县委常委、政法委书记",),
    ),
    FieldVector(
        "name-before-post-after-a-centre",
        "people",
        "培训会召开\n市公共资源交易中心李明主任介绍了系统的使用情况。\n",
        must_include=("李明|市公共资源交易中心主任",),
    ),
    FieldVector(
        "name-list-shares-the-post",
        "people",
        "市住建委召开座谈会\n市住建委领导周明、吴刚、郑海平，以及有关处室负责人参加座谈。\n",
        must_include=("周明|市住建委领导", "吴刚|市住建委领导", "郑海平|市住建委领导"),
    ),
    FieldVector(
        "minority-name-before-post",
        "people",
        "认亲活动举行\n驻村工作队与村民结对认亲，阿不都·热合曼局长向村民赠送了慰问品。\n",
        must_include=("阿不都·热合曼",),
        must_not_include=("向村民",),
    ),
    FieldVector(
        "group-word-before-a-noun-is-no-post",
        "people",
        "全市防控工作推进\n实行市级领导包片督导，县级领导包乡、乡镇干部包村，将材料存入干部廉政档案。\n",
        empty=True,
    ),
    FieldVector(
        "cited-leader-and-reduplicated-words-left-out",
        "people",
        "县委召开会议\n会议要求牢记习近平总书记殷殷嘱托，贯彻总书记在青山重要讲话精神。县委书记陈刚主持会议。\n",
        must_include=("陈刚",),
        must_not_include=("殷殷", "青山"),
    ),
    FieldVector(
        "village-before-a-post-is-no-name",
        "people",
        "网格化治理见效\n前不久，李家镇石桥村村干部王秀兰在网格内走访。\n",
        must_include=("王秀兰|李家镇石桥村村干部",),
        must_not_include=("石桥村",),
    ),
    FieldVector(
        "post-inside-a-body-name-is-no-post",
        "people",
        "区领导调研\n区委书记方志远，区人大常委会主任吴敏参加调研。\n",
        must_include=("吴敏|区人大常委会主任",),
        must_not_include=("区人大",),
    ),
    FieldVector(
        "footer-line-is-furniture",
        "people",
        "县农业局召开会议\n县农业局局长钱学军主持会议。\n上一条：县政协主席郑立一行调研县农业局\n",
        must_include=("钱学军",),
        must_not_include=("郑立",),
    ),
    FieldVector(
        "third-character-starting-the-next-word",
        "people",
        "调研\n县律师协会专职副会长唐宁做了调研。\n",
        must_include=("唐宁|县律师协会专职副会长",),
        must_not_include=("唐宁做",),
    ),
]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.id)
def test_people_vector(vector, tmp_path):
    record = extract_text(vector.text, tmp_path)
    check_vector(vector, record)


def test_each_person_says_which_strategy_found_it(tmp_path):
    vector = next(v for v in VECTORS if v.id == "name-list-shares-the-post")
    record = extract_text(vector.text, tmp_path)
    rules = {f.value.name: f.rule for f in record.fields["people"]}
    assert rules["周明"] == "people.post_before_name"
    assert rules["吴刚"] == "people.name_list"
