"""keywords (not scored, but shown in the ledger and briefing): content words, no names, no fragments."""

from __future__ import annotations

from tests.support.vectors import extract_text

REPORT = (
    "我县召开森林草原防灭火工作推进会\n"
    "3月12日，我县森林草原防灭火工作推进会在县政府第一会议室召开，副县长王志强出席会议并讲话。"
    "会上，县林草局通报了今冬明春火情形势，县应急管理局安排部署了重点时段森林草原防灭火工作。"
    "截至目前，全县共排查整改火灾隐患217处，清理可燃物1.2万吨，组织防火演练36场次。"
    "王志强强调，要强化野外火源管控，严防死守每一个入山路口，做好扑救准备，确保打早打小打了。"
    "各苏木乡镇要落实森林草原防火责任，加强火源管控。\n"
)


def test_keywords_are_content_words_of_the_report(tmp_path):
    words = extract_text(REPORT, tmp_path).values("keywords")
    assert 5 <= len(words) <= 8
    assert "森林草原" in words and "火源" in words
    assert "王志强" not in words and "副县长" not in words  # people and posts are not topics
    assert not any(w.startswith(("我", "全", "各")) for w in words)  # 我县, 全县, 各苏木: scope, not topic


def test_fragments_of_words_the_dictionary_lacks_are_left_out(tmp_path):
    words = extract_text(REPORT, tmp_path).values("keywords")
    assert not {"县林", "草局", "打早", "打小"} & set(words)


def test_pieces_of_names_and_the_masthead_are_not_keywords(tmp_path):
    text = (
        "工作简报\n第12期\n县应急管理局办公室编    2024年7月3日\n全县开展汛期安全生产大检查\n"
        "6月25日至7月2日，县安委会组织督查组开展汛期安全生产大检查，共检查企业142家，发现安全隐患389项。"
        "县委常委、副县长李红军带队检查了危化品企业，要求严格落实汛期安全生产责任，加强隐患排查。"
        "督查组对检查发现的安全隐患逐一交办，督促企业限期整改。\n"
    )
    words = extract_text(text, tmp_path).values("keywords")
    assert "安全生产" in words
    assert not {"红军", "工作简报", "简报"} & set(words)


# ---- added with the held-out set (tests/data/heldout): page furniture and the lead's dateline ----
PAGE = (
    "桐山县开展汛前水库安全检查_桐山县人民政府网\n"
    "发布时间：2025-04-10 09:12　来源：县水利局　浏览量：356\n"
    "本报讯（记者 王明 通讯员 李强）4月9日，桐山县水利局组织技术人员对全县水库开展汛前安全检查，共检查水库23座，"
    "发现隐患11处，水库除险加固和防汛物资储备情况全部纳入检查。\n"
    "检查组要求，各水库管理单位要落实防汛责任，完善水库调度方案。\n"
    "扫一扫在手机打开当前页\n"
)


def test_summary_leaves_out_the_dateline_and_byline(tmp_path):
    record = extract_text(PAGE, tmp_path)
    summary = record.value("summary")
    assert summary.startswith("4月9日，桐山县水利局")
    assert "记者" not in summary and "本报讯" not in summary


def test_summary_leaves_out_a_repeated_document_title(tmp_path):
    text = (
        "关于做好汛期值班工作的通知_青山县应急管理局\n发文字号：青应急〔2025〕5号\n\n关于做好汛期值班工作的通知\n\n"
        "各乡镇人民政府：\n为做好汛期值班值守工作，现将有关事项通知如下。\n一是严格落实24小时值班制度。\n"
        "二是及时报送雨情险情。\n青山县应急管理局\n2025年6月1日\n"
    )
    summary = extract_text(text, tmp_path).value("summary")
    assert summary.startswith("为做好汛期值班值守工作")


def test_keywords_skip_page_widgets_and_tails_of_place_names(tmp_path):
    words = extract_text(PAGE, tmp_path).values("keywords")
    assert "水库" in words
    assert not {"山县", "浏览量", "当前页", "余人"} & set(words)
