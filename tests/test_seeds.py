"""The sample reports in seeds/: every reader path, and the same record whatever the file's form."""

from __future__ import annotations

from reporter.extractor import extract
from reporter.readers import read
from reporter.writers.jsonl import record_to_dict
from tests.conftest import DATA


def _record(path, schema):
    data = record_to_dict(extract(read(path), schema), schema)
    for key in ("file", "sha256", "chars", "evidence"):
        data.pop(key)
    return data


def test_gbk_and_utf8_seeds_give_the_same_text_and_record(seeds_dir, schema):
    utf8, gbk = read(seeds_dir / "seed.txt"), read(DATA / "seed-gbk.txt")
    assert gbk.encoding == "gb18030" and utf8.encoding == "utf-8"
    assert gbk.text == utf8.text
    assert _record(seeds_dir / "seed.txt", schema) == _record(DATA / "seed-gbk.txt", schema)


def test_word_seed_shows_list_numbers_table_and_footer_once(seeds_dir):
    doc = read(DATA / "seed.docx")
    body = doc.body
    for n in ("一是要及时传达贯彻会议精神", "二是要全面提升队伍攻坚能力", "三是要动态跟进督导任务落实"):
        assert body.count(n) == 1
    assert "摸排线索\t1142\t条" in body
    footer = [doc.text[b.span.start : b.span.end] for b in doc.blocks if b.part == "footer"]
    assert footer == ["来源:敖汉旗公安局"]
    assert doc.text.count("来源") == 1
    # every paragraph of the text seed appears once in the Word seed
    text = read(seeds_dir / "seed.txt").text
    for line in text.splitlines()[:5]:
        assert body.count(line.strip()) == 1


def test_notice_seed_has_rendered_numbers(seeds_dir):
    doc = read(seeds_dir / "notice.docx")
    items = [doc.text[b.span.start : b.span.end] for b in doc.blocks if b.kind == "list_item"]
    assert [i[:2] for i in items] == ["一、", "二、", "三、", "四、"]


def test_every_seed_gives_title_date_and_the_expected_source(seeds_dir, schema):
    expected = {
        "seed.txt": (
            "赤峰市公安局组织召开全市公安机关扫黑除恶专项斗争现场推进会",
            "2019-01-04",
            "敖汉旗公安局",
        ),
        "work-update.txt": ("青山县公安局“清风”夏季治安打击整治行动取得阶段性成效", None, "青山县公安局"),
        "notice.docx": ("青山县应急管理局关于做好2024年汛期安全防范工作的通知", None, None),
    }
    for name, (title, _date, source) in expected.items():
        record = extract(read(seeds_dir / name), schema)  # (seed-gbk.txt and seed.docx: tests/data)
        assert record.value("title") == title, name
        assert record.value("source") == source, name
        assert record.value("date"), name
