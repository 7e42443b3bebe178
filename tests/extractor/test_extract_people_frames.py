"""Vectors for people written without a leader's post (round exunits): an invited expert or a staff member
named after a group word (专家, 技术骨干, 干部, 党员) and acting, a given name ending in 和/与 (a conjunction
character), names listed after the first and acting, a name jieba glued to an organ's last character, and an
invitation verb kept out of the post. Texts are written for the project."""

from __future__ import annotations

import pytest

from tests.support.vectors import FieldVector, run_vector

INVITED_EXPERTS = (
    "县农业农村局举办农技培训班\n"
    "5月6日，远山县农业农村局举办农技培训班，邀请省农科院技术骨干王德和为学员授课。"
    "市农业技术推广中心专家李明作现场指导。\n"
)
INVITED_DOCTORS = (
    "县卫健局组织送医下乡义诊活动\n"
    "5月3日，宁海县卫生健康局组织送医下乡义诊活动，邀请宁波市第一医院专家陈涛、张红为群众义诊。\n"
)
STAFF_ACTING = (
    "“一网通办”让群众少跑腿\n"
    "“这项政策很好。”青石镇民政所干部刘春深有感触。县供电公司配网班党员王强主动请缨，"
    "将物资送到山上。\n"
)
NAME_ENDING_IN_AND = (
    "县应急管理局召开防汛工作会议\n"
    "6月2日，象山县应急管理局局长周永和主持召开防汛工作会议。县水利局副局长张建和、"
    "县气象局局长林海作了发言。副局长吴振与会。\n"
)
AND_BETWEEN_NAMES = "市领导检查安全生产工作\n5月4日，副市长王强和李明到远山县检查安全生产工作。\n"
NAME_GLUED_TO_ORGAN = (
    "全省电子化采购推进会召开\n"
    "3月2日，江右省财政厅召开推进会。省财政厅绩效管理处纪文涛副处长就推广情况作了介绍。\n"
)
GROUP_WORDS_NOT_NAMES = (
    "县委召开作风建设大会\n"
    "3月1日，宁海县委召开作风建设大会。会议要求，领导干部要带头，党员干部冲锋在前，领导常抓不懈。"
    "严格落实领导干部任前公示制度，机关、部门的领导干部要以身作则。\n"
)
AND_BEFORE_AN_ADVERB = (
    "科技特派员扎根田间地头\n"
    "清晨，省农业科学院果树研究所研究员陈少和已来到永泰县的李园。镇党委书记刘建与村民一起算起了增收账。\n"
)
TWO_PEOPLE_JOINED_BY_AND = (
    "“高效办成一件事”专窗揭牌\n"
    "3月5日，江北区政务服务管理办公室召开推进会。会上，区政务办主任吴晓明与区数据局局长郑磊共同为专窗揭牌。\n"
)
FORMER_POSTS = (
    "原县委副书记受贿案一审宣判\n"
    "5月6日，江南市中级人民法院公开宣判，以受贿罪判处睢宁县原县委副书记刘明远有期徒刑十年。"
    "江右省政协原党组成员、秘书长胡幼兰严重违纪违法被开除党籍。\n"
)
BODY_WITH_AND_BEFORE_A_NAME = (
    "全省财政国库工作会议召开\n"
    "5月8日，江右省财政厅召开全省财政国库工作会议。省财政厅国库与债务管理处薛明处长传达了会议精神。\n"
)
# the last name of a list glued to the verb: when both readings are followed by a verb (王国 + 强调,
# 王国强 + 调研), jieba's cut decides; a list that goes on with a body (安全科负责人) takes no name from it
LIST_ENDING_IN_A_VERB = (
    "县领导走访民营企业\n5月9日，副县长张华、王国强调研民营企业。县林草局副局长石磊、安全科负责人参加检查。\n"
)

VECTORS = [
    FieldVector(
        "people-list-ending-in-a-verb",
        "people",
        LIST_ENDING_IN_A_VERB,
        must_include=("张华|副县长", "王国强|副县长", "石磊|县林草局副局长"),
        must_not_include=("王国", "安全科", "安全"),
    ),
    FieldVector(
        "people-former-post-keeps-its-place",
        "people",
        FORMER_POSTS,
        must_include=("刘明远|睢宁县原县委副书记", "胡幼兰|江右省政协原党组成员、秘书长"),
        must_not_include=("刘明远|判处睢宁县原县委副书记", "刘明远|县委副书记"),
    ),
    FieldVector(
        "people-name-before-post-body-with-and",
        "people",
        BODY_WITH_AND_BEFORE_A_NAME,
        must_include=("薛明|省财政厅国库与债务管理处处长",),
    ),
    FieldVector(
        "people-and-ending-a-name-before-an-adverb",
        "people",
        AND_BEFORE_AN_ADVERB,
        must_include=("陈少和|省农业科学院果树研究所研究员", "刘建|镇党委书记"),
        must_not_include=("陈少", "刘建与"),
    ),
    FieldVector(
        "people-two-people-joined-by-and",
        "people",
        TWO_PEOPLE_JOINED_BY_AND,
        must_include=("吴晓明|区政务办主任", "郑磊|区数据局局长"),
    ),
    FieldVector(
        "people-invited-expert-after-group-word",
        "people",
        INVITED_EXPERTS,
        must_include=("王德和|省农科院技术骨干", "李明|市农业技术推广中心专家"),
        must_not_include=("王德", "李明作"),
    ),
    FieldVector(
        "people-invited-doctors-listed",
        "people",
        INVITED_DOCTORS,
        must_include=("陈涛|宁波市第一医院专家", "张红|宁波市第一医院专家"),
        must_not_include=("陈涛|邀请宁波市第一医院专家",),
    ),
    FieldVector(
        "people-staff-acting-after-group-word",
        "people",
        STAFF_ACTING,
        must_include=("刘春|青石镇民政所干部", "王强"),
    ),
    FieldVector(
        "people-given-name-ending-in-and",
        "people",
        NAME_ENDING_IN_AND,
        must_include=("周永和|象山县应急管理局局长", "张建和|县水利局副局长", "林海", "吴振"),
        must_not_include=("周永", "张建", "吴振与"),
    ),
    FieldVector(
        "people-and-between-two-names",
        "people",
        AND_BETWEEN_NAMES,
        must_include=("王强|副市长",),
        must_not_include=("王强和",),
    ),
    FieldVector(
        "people-name-glued-to-organ-character",
        "people",
        NAME_GLUED_TO_ORGAN,
        must_include=("纪文涛|省财政厅绩效管理处副处长",),
    ),
    FieldVector("people-group-words-are-no-names", "people", GROUP_WORDS_NOT_NAMES, empty=True),
]


@pytest.mark.parametrize("vector", VECTORS, ids=[v.id for v in VECTORS])
def test_field_vector(vector: FieldVector, tmp_path) -> None:
    run_vector(vector, tmp_path)
