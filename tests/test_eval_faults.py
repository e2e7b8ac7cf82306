"""tools/eval_faults.py: the kinds wrong cells of flattened text are classed in."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from eval_faults import classify


def _row(item: str, before: str, explanation: str) -> dict:
    return {
        "change_date": "2020-04-01",
        "item": item,
        "before": before,
        "after": "",
        "timing": "事後",
        "explanation": explanation,
    }


EXPECTED = [
    _row("Ⅰ基本情報", "市民課", "組織改正"),
    _row("Ⅱ特定個人情報ファイルの概要", "財務部市民税課", "研修内容の充実"),
    _row("Ⅲリスク対策", "[ 十分である ]", "番号法の改正に伴う条項の修正"),
]


def test_each_kind_of_wrong_cell():
    assert classify(EXPECTED, 1, "explanation", None) == "no_row"
    assert classify(EXPECTED, 1, "explanation", {"explanation": "組織改正"}) == "shifted"
    assert (
        classify(EXPECTED, 1, "explanation", {"explanation": "研修内容の充実\n番号法の改正に伴う条項の修正"})
        == "merged_rows"
    )
    assert classify(EXPECTED, 1, "explanation", {"explanation": "研修内容の"}) == "truncated"
    assert classify(EXPECTED, 1, "before", {"before": ""}) == "empty"
    assert classify(EXPECTED, 1, "after", {"after": "財務部市民税課"}) == "spurious"
    assert classify(EXPECTED, 2, "before", {"before": "番号法の改正に伴う条項の修正"}) == "col:explanation"
    assert classify(EXPECTED, 2, "before", {"before": "まったく別の文"}) == "other"
