"""The compact word table answers exactly as the two plain dicts it replaced."""

from __future__ import annotations

import os
import pickle
import random
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from reporter.extractor.rules import summary
from reporter.extractor.segment import dictionary
from reporter.extractor.wordtable import WordTable, _lines


def plain_dict(text: str) -> tuple[dict[str, str], dict[str, int]]:
    """The former segment.dictionary() parse: tags, and frequencies of verbs with frequency ≥ 100."""
    tags: dict[str, str] = {}
    verb_freq: dict[str, int] = {}
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        freq, _, tag = rest.partition(" ")
        if not tag:
            continue
        tags[word] = sys.intern(tag)
        if tag[0] == "v" and freq.isdigit() and int(freq) >= 100:
            verb_freq[word] = int(freq)
    return tags, verb_freq


def plain_idf(text: str) -> tuple[dict[str, int], int]:
    """The former summary._idf() parse: words of two characters or more, in tenths, and the median."""
    table: dict[str, int] = {}
    for line in text.splitlines():
        word, _, freq = line.strip().partition(" ")
        if len(word) < 2:
            continue
        try:
            table[word] = round(float(freq) * 10)
        except ValueError:
            continue
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else 100


def assert_same(table: WordTable, dict_text: str, idf_text: str, words: list[str]) -> None:
    tags, verb_freq = plain_dict(dict_text)
    idf, median = plain_idf(idf_text)
    for word in words:
        assert table.tag(word) == tags.get(word), word
        assert table.freq(word) == verb_freq.get(word, 0), word
        assert table.idf(word) == idf.get(word), word
        assert (word in table) == (word in tags), word
    assert table.idf_median == median


DICT_TEXT = """召开 8000 v
召开 50 n
会议 9000 n
组织 3000 v
组织 40 v
举办 99 v
部署 100 v
工作会议 300 vn
公安局 2000 nt
的 300000 uj
局 500 n
吉 3 nr
𠮷野家 200 nz
𠮷 12 v
没有标签 12
只有词

 7 n
词组 abc v
两个 空格 5 n
三字段 12 n x
"""

IDF_TEXT = """召开 5.5
会议 3.25
安全生产 9.1
安全生产 9.2
局 4.0
的 0.5
𠮷野家 11.0
𠮷 6.0
𠮷𠮷 7.0
  两头空白  8.04
坏值 abc
零值 0.04
只在这里 13.9
空格 2.0
"""

MISSING = ["", " ", "没有这个词", "召", "开会", "公安", "公安局局", "𠮷野", "家", "abc", "召开 ", "\n"]


def fixture_words() -> list[str]:
    words = [line.partition(" ")[0] for line in DICT_TEXT.splitlines()]
    words += [line.strip().partition(" ")[0] for line in IDF_TEXT.splitlines()]
    return words + MISSING


def test_fixture_table_matches_plain_dicts() -> None:
    table = WordTable(DICT_TEXT.splitlines(), IDF_TEXT.splitlines())
    assert_same(table, DICT_TEXT, IDF_TEXT, fixture_words())
    # spot checks of the rules the plain parse encodes
    assert table.tag("召开") == "n" and table.freq("召开") == 8000  # a later line changes the tag only
    assert table.freq("组织") == 3000 and table.freq("举办") == 0 and table.freq("部署") == 100
    assert table.freq("工作会议") == 300 and table.freq("的") == 0  # vn counts; a particle does not
    assert table.tag("") == "n" and "" in table  # ' 7 n' is a dictionary line for the empty word
    assert table.tag("没有标签") is None and "没有标签" not in table
    assert table.tag("三字段") == "n x" and table.tag("两个") == "5 n"
    assert table.idf("安全生产") == 92 and table.tag("安全生产") is None and "安全生产" not in table
    assert table.idf("局") is None and table.idf("𠮷") is None  # one character: no IDF
    assert table.idf("𠮷野家") == 110 and table.idf("𠮷𠮷") == 70 and table.tag("𠮷") == "v"
    assert table.idf("两头空白") == 80 and table.idf("零值") == 0 and table.idf("坏值") is None


def test_empty_tables() -> None:
    table = WordTable([], [])
    assert table.tag("") is None and table.freq("召开") == 0 and table.idf("会议") is None
    assert "" not in table and len(table) == 0 and table.idf_median == 100


def test_many_words_with_collisions() -> None:
    rng = random.Random(7)
    alphabet = "召开会议公安局安全生产𠮷野家abc的了"
    words = sorted({"".join(rng.choices(alphabet, k=rng.randint(1, 5))) for _ in range(3000)})
    tags = ["n", "v", "vn", "nr", "ns", "a"]
    dict_text = "\n".join(f"{w} {rng.randint(1, 5000)} {rng.choice(tags)}" for w in words[::2])
    idf_text = "\n".join(f"{w} {rng.uniform(0.5, 14):.6f}" for w in words[::3])
    table = WordTable(dict_text.splitlines(), idf_text.splitlines())
    in_dict = set(words[::2])
    probed = [w for w in in_dict | set(words[::3]) if len(w) >= 2 or w in in_dict]
    displaced = sum(1 for w in probed if table._slots[hash(w) & table._mask] != table._find(w))
    assert displaced > 10  # words that collided and sit further along their probe sequence
    missing = ["".join(rng.choices(alphabet + "xyz", k=rng.randint(1, 6))) for _ in range(3000)]
    assert_same(table, dict_text, idf_text, words + missing + MISSING)


def test_lines_read_in_pieces_as_splitlines(tmp_path: Path) -> None:
    text = "甲 1 n\r\n乙 2 v\r\r丙\u2028丁\x1c戊\n\n" * 50 + "末行无换行"
    path = tmp_path / "dict.txt"
    path.write_bytes(text.encode("utf-8"))
    expected = path.read_text(encoding="utf-8").splitlines()
    for piece in (1, 2, 3, 7, 64, 1 << 16):
        assert list(_lines(path, piece)) == expected


def test_table_is_not_pickled() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(WordTable(DICT_TEXT.splitlines(), IDF_TEXT.splitlines()))


def test_jieba_files_sample_matches_plain_parse() -> None:
    spec = find_spec("jieba")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(spec.submodule_search_locations[0])
    dict_text = (folder / "dict.txt").read_text(encoding="utf-8")
    idf_text = (folder / "analyse" / "idf.txt").read_text(encoding="utf-8")
    rng = random.Random(2024)
    words = [line.partition(" ")[0] for line in rng.sample(dict_text.splitlines(), 3000)]
    words += [line.strip().partition(" ")[0] for line in rng.sample(idf_text.splitlines(), 3000)]
    words += ["召开", "组织", "公安局", "会议", "的", "安全生产", "没有这个词语", "赤峰市公安局", *MISSING]
    table = dictionary()
    assert len(table) > 349_000
    assert_same(table, dict_text, idf_text, words)
    plain, plain_median = plain_idf(idf_text)
    idf, median = summary._idf()  # what keywords() reads
    assert median == plain_median and [idf(w) for w in words] == [plain.get(w) for w in words]


# ---- the table kept in a cache folder between runs (segment.cache_folder)


def write_fixture_files(folder: Path, dict_text: str = DICT_TEXT) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    dict_path, idf_path = folder / "dict.txt", folder / "idf.txt"
    dict_path.write_text(dict_text, encoding="utf-8")
    idf_path.write_text(IDF_TEXT, encoding="utf-8")
    return dict_path, idf_path


def test_cached_table_answers_as_the_built_one(tmp_path: Path) -> None:
    dict_path, idf_path = write_fixture_files(tmp_path / "jieba")
    cache = tmp_path / "cache"
    built = WordTable.from_files(dict_path, idf_path, cache)
    (stored,) = cache.iterdir()
    read = WordTable.from_files(dict_path, idf_path, cache)
    assert read is not built and read._blob == built._blob and read._tag_names == built._tag_names
    assert (read._offsets, read._tag, read._freq, read._idf) == (
        built._offsets,
        built._tag,
        built._freq,
        built._idf,
    )
    assert_same(read, DICT_TEXT, IDF_TEXT, fixture_words())
    assert list(cache.iterdir()) == [stored]  # read, not written again


def test_many_tags_survive_the_cache(tmp_path: Path) -> None:
    # more than 255 tags: the tag array is stored with its wider type code
    dict_text = "\n".join(f"词{i} {i + 1} t{i}" for i in range(300))
    dict_path, idf_path = write_fixture_files(tmp_path / "jieba", dict_text)
    WordTable.from_files(dict_path, idf_path, tmp_path / "cache")
    read = WordTable.from_files(dict_path, idf_path, tmp_path / "cache")
    assert read._tag.typecode == "H" and read.tag("词299") == "t299" and read.tag("词0") == "t0"


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "header"])
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, damage: str) -> None:
    dict_path, idf_path = write_fixture_files(tmp_path / "jieba")
    cache = tmp_path / "cache"
    WordTable.from_files(dict_path, idf_path, cache)
    (stored,) = cache.iterdir()
    whole = stored.read_bytes()
    broken = {
        "truncate": whole[: len(whole) - 3],
        "garbage": whole[:40] + b"\xff" * 200,
        "empty": b"",
        "header": whole.replace(b'"idf_median"', b'"idf_medial"', 1),
    }[damage]
    stored.write_bytes(broken)
    table = WordTable.from_files(dict_path, idf_path, cache)
    assert_same(table, DICT_TEXT, IDF_TEXT, fixture_words())
    assert stored.read_bytes() == whole  # written whole again


def test_changed_files_get_their_own_cache(tmp_path: Path) -> None:
    dict_path, idf_path = write_fixture_files(tmp_path / "jieba")
    cache = tmp_path / "cache"
    WordTable.from_files(dict_path, idf_path, cache)
    dict_path.write_text(DICT_TEXT + "新词 500 v\n", encoding="utf-8")
    table = WordTable.from_files(dict_path, idf_path, cache)
    assert table.tag("新词") == "v" and len(list(cache.iterdir())) == 2


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    dict_path, idf_path = write_fixture_files(tmp_path / "jieba")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    table = WordTable.from_files(dict_path, idf_path, blocked / "cache")
    assert_same(table, DICT_TEXT, IDF_TEXT, fixture_words())
    assert blocked.read_text(encoding="utf-8") == "not a folder"
    assert not list(tmp_path.glob("**/.wordtable-*"))  # no temporary file left behind


def test_cache_folder_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reporter.extractor.segment import cache_folder

    monkeypatch.setenv("REPORTER_CACHE", str(tmp_path))
    assert cache_folder() == tmp_path
    monkeypatch.setenv("REPORTER_CACHE", "")
    assert cache_folder() is None
    monkeypatch.delenv("REPORTER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name != "nt":
        assert cache_folder() == tmp_path / "xdg" / "reporter"
