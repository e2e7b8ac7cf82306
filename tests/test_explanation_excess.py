"""Column-ordered boxes (pdfminer, plain pdftotext): a short before/after cell that wraps at the
explanation column's width is given back to the before/after columns when its page has more
explanation boxes than rows and it shares its text with a before/after box."""

import json
from pathlib import Path

import piatable
from piatable.models import CellLine
from piatable.normalize.boxes import Box
from piatable.normalize.explanation_excess import return_paired_explanations, shared_text


def _box(*texts: str) -> Box:
    return Box([CellLine(t, 1, k) for k, t in enumerate(texts)])


def test_text_shared_by_a_before_and_its_after_cell_is_told_from_an_explanation():
    before = "ア提供先ごとに提供方法を定めている。イ提供の記録を５年間保存している。"
    after = "ア提供先ごとに提供方法を定め、媒体による提供は原則として行わない。"
    after += "イ提供の記録を７年間保存している。"
    assert shared_text(before, after) >= 0.6
    # An explanation quoting a few words of the cell opens otherwise.
    assert shared_text("文書管理規程の改正に伴う保存期間の変更", after) == 0.0


def test_only_the_pages_excess_is_given_back_and_only_a_box_sharing_text():
    item = _box("Ⅰ基本情報", "①部署")
    kinds = {}
    boxes = [
        item,
        _box("ア 提供先ごとに提供方法を定めている。", "イ 提供の記録を５年間保存している。"),
        _box("ア 提供先ごとに提供方法を定め、媒体による提供は", "イ 提供の記録を７年間保存している。"),
        _box("事後"),
        _box("文書管理規程の改正に伴う保存期間の変", "更"),
    ]
    for b, k in zip(boxes, ("item", "explanation", "body", "timing", "explanation"), strict=True):
        kinds[id(b)] = k
    assert return_paired_explanations(boxes, dict(kinds)) == 1
    changed = dict(kinds)
    return_paired_explanations(boxes, changed)
    assert changed[id(boxes[1])] == "body" and changed[id(boxes[4])] == "explanation"
    # As many explanation boxes as rows: nothing moves, whatever the text.
    one_row = [b for b in boxes if b is not boxes[4]]
    assert return_paired_explanations(one_row, {id(b): kinds[id(b)] for b in one_row}) == 0


SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "colorder13" / "c13-calc-9-pdfminer"


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def test_each_row_keeps_its_own_explanation_and_its_before_cell():
    # A Calc table as pdfminer gives it (row by row): the fourth row's before cell
    # (``ア 提供先ごとに…`` / ``イ 提供の記録を…``) wraps at the explanation column's width.
    got = [r.to_dict() for r in piatable.extract(SAMPLE / "input.txt")]
    want = json.loads((SAMPLE / "expected" / "records.json").read_text("utf-8"))
    assert len(got) == len(want)
    for field in ("before", "explanation"):
        assert [_squash(r[field]) for r in got] == [_squash(r[field]) for r in want]
