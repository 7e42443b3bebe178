"""Every named extractor strategy has its own test vector (issue 12).

A vector (tests/extractor/vectors/<field>.py) is a short report text written for the project; the test
runs the real reader and extractor on it and checks that the field holds the wanted value produced by
that very strategy (Found.rule), and none of the near misses the vector lists.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.extractor.vectors import ALL
from tests.support.strategy_vectors import Vector, check, run, strategy_names

# Names in the extractor's source that no text can make fire (see each comment); they need no vector.
# The lead decides whether the code goes; when it does, remove the name here too.
NO_VECTOR: dict[str, str] = {
    # not a strategy: the scorer's name for the people's posts (report.py's match ratios)
    "people.title": "a scoring key, not a Found.rule",
}

# Names the extractor builds at run time rather than writing as one literal: they get vectors too.
BUILT_NAMES = {"organizer.lead_unit", "organizer.lead_place_unit"}


def _ids(vectors: tuple[Vector, ...]) -> list[str]:
    seen: Counter[str] = Counter()
    ids = []
    for v in vectors:
        seen[v.rule] += 1
        ids.append(v.rule if seen[v.rule] == 1 else f"{v.rule}-{seen[v.rule]}")
    return ids


def _params() -> list[object]:
    return [
        pytest.param(v, marks=pytest.mark.xfail(strict=True, reason=v.xfail)) if v.xfail else v for v in ALL
    ]


@pytest.mark.parametrize("vector", _params(), ids=_ids(ALL))
def test_strategy_vector(vector: Vector, tmp_path: Path) -> None:
    record = run(vector, tmp_path)
    problems = check(vector, record)
    assert not problems, f"{vector.rule}: " + " | ".join(problems)


def test_every_strategy_has_a_vector() -> None:
    in_source = strategy_names() | BUILT_NAMES
    with_vectors = {v.rule for v in ALL if not v.xfail}  # a strategy's own vector passes; xfails add to it
    missing = sorted(in_source - with_vectors - set(NO_VECTOR))
    assert not missing, (
        f"{len(missing)} strategies in reporter/extractor have no test vector in tests/extractor/vectors/: "
        + ", ".join(missing)
    )


def test_vectors_name_real_strategies() -> None:
    in_source = strategy_names() | BUILT_NAMES
    unknown = sorted({v.rule for v in ALL} - in_source)
    assert not unknown, f"vectors name strategies the extractor does not have: {', '.join(unknown)}"
    stale = sorted(set(NO_VECTOR) - strategy_names())
    assert not stale, f"NO_VECTOR lists names no longer in the source: {', '.join(stale)}"
    both = sorted(set(NO_VECTOR) & {v.rule for v in ALL})
    assert not both, f"NO_VECTOR lists names that have vectors: {', '.join(both)}"


def test_the_scan_reads_rule_literals(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.py").write_text(
        'RULE = "metrics.each_of_list"\nx = ctx.hit(v, s, e, \'units.named\')\ny = "people.names_x"\n'
        'z = "title"\nw = "report.txt"\nn = f"organizer.lead_{kind}"\n',
        encoding="utf-8",
    )
    assert strategy_names(tmp_path) == {"metrics.each_of_list", "units.named", "people.names_x"}
