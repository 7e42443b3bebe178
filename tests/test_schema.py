from __future__ import annotations

import re

import pytest

from reporter.errors import SchemaError
from reporter.extractor.rules import RULE_ORDER, RULES
from reporter.schema import FIELD_KINDS, load_schema
from tests.conftest import ROOT, write

SPEC = ROOT.parent / "shared" / "spec" / "fields.md"


def test_schema_rules_and_kinds_are_the_same_set(schema):
    assert set(schema.keys) == set(FIELD_KINDS) == set(RULES) == set(RULE_ORDER)


@pytest.mark.skipif(not SPEC.exists(), reason="shared/spec is not beside this checkout")
def test_spec_keys_match_when_the_spec_is_present():
    keys = set(re.findall(r"^\| `(\w+)` \|", SPEC.read_text(encoding="utf-8"), re.M))
    assert keys == set(FIELD_KINDS)


def test_default_schema_order_and_headers(schema):
    assert schema.keys[:3] == ("date", "title", "organizer")
    assert schema.header("people") == "出席领导" and schema.header("metrics") == "工作数据"
    assert schema["people"].kind == "list[person]"


def test_indicator_aliases(schema):
    assert schema.indicator_for("抓获违法犯罪嫌疑人") == "抓获犯罪嫌疑人"
    assert schema.indicator_for("抓获犯罪嫌疑人") == "抓获犯罪嫌疑人"
    assert schema.indicator_for("全年抓获嫌疑人") == "抓获犯罪嫌疑人"
    assert schema.indicator_for("出动警力") == ""


def test_indicator_for_takes_the_longest_alias_and_the_first_indicator_on_ties():
    from reporter.schema import Schema

    s = Schema(
        version=1,
        fields=(),
        indicators={"查处案件": ("案件", "查处违法案件"), "办理案件": ("办结案件", "案件"), "抓获": ()},
    )
    assert s.indicator_for("查处违法案件") == "查处案件"  # an alias itself
    assert s.indicator_for("全年查处违法案件") == "查处案件"  # ends with the longest alias
    assert s.indicator_for("全年办结案件") == "办理案件"  # 办结案件 is longer than 案件
    assert s.indicator_for("刑事案件") == "查处案件"  # 案件 is shared: the first indicator listed
    assert s.indicator_for("抓获") == "抓获" and s.indicator_for("抓获人员") == ""
    assert s.indicator_for("") == ""


@pytest.mark.parametrize(
    "text,words",
    [
        ('version = 1\n[[field]]\nkey = "budget"\nheader = "预算"\n', "budget"),
        ('version = 2\n[[field]]\nkey = "title"\n', "version"),
        ('version = 1\n[[field]]\nkey = "title"\nkind = "list[str]"\n', "类型"),
        ('version = 1\n[[field]]\nkey = "title"\n[[field]]\nkey = "title"\n', "两次"),
        ('version = 1\n[[field]]\nkey = "title"\nwidth = 500\n', "列宽"),
        ('version = 1\n[[field]]\nkey = "title"\ncolour = "red"\n', "colour"),
        ("version = 1\n", "[[field]]"),
        ("version = 1\n[[field]\n", "TOML"),
    ],
)
def test_bad_schema_names_the_file_and_the_problem(tmp_path, text, words):
    path = write(tmp_path / "schema.toml", text)
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_user_schema_subset_and_order(tmp_path):
    path = write(
        tmp_path / "schema.toml",
        'version = 1\n[[field]]\nkey = "title"\nheader = "题目"\n[[field]]\nkey = "date"\n',
    )
    schema = load_schema(path)
    assert schema.keys == ("title", "date") and schema.header("title") == "题目"
