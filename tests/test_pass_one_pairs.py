"""Wrapped lines of a row whose before and after Calc printed in pass 1 go to its explanation, or
to its item when they read as headings (normalize/pass_one_pairs.py; issues 10 and 12, branch
raw49).  Real texts of samples/office-raw49 (LibreOffice Calc, pypdfium2, made by
tools/make_raw49_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.pass_one_pairs import beside_pair

ROOT = Path(__file__).resolve().parent.parent


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def test_a_two_paragraph_explanation_beside_one_line_before_and_after_stays_whole():
    path = ROOT / "samples" / "office-raw49" / "r49-spaces-juki-pypdfium2" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    recs = extract_document(path).records
    # ``R2.1.6 総務部　情報政策課 総務部　デジタル推進課 事後`` in pass 1; pass 2 holds the item and
    # ``外部記録媒体の取扱いに関する規程の改`` / ``正による追記`` / ``重大な変更に該当しない``.
    # Its first paragraph was read into the item (base 9c408da6).
    r = recs[1]
    assert r.explanation == "外部記録媒体の取扱いに関する規程の改正による追記\n重大な変更に該当しない"
    assert _squash(r.item) == _squash(truth[1]["item"])
    assert r.item.endswith("リスクに対する措置の内容")
    # An item whose last headings the row's reading took for values keeps them (移転先２, ①…).
    r = recs[4]
    assert _squash(r.item) == _squash(truth[4]["item"])
    assert r.item.endswith("移転先２\n①法令上の根拠")
    assert _squash(r.explanation) == _squash(truth[4]["explanation"])


def test_lines_after_the_last_heading_like_line_open_the_explanation():
    line = lambda t: CellLine(t, 1, None)  # noqa: E731
    cells = [
        [line("Ⅰ基本情報")],
        [line("①部署")],
        [line("組織改編に伴う変更")],
        [line("重要な変更に当たらない")],
    ]
    put = {"before": line("総務部 情報政策課"), "after": line("総務部 デジタル推進課")}
    out, doubts = beside_pair(cells, put, cells[1] + cells[2])
    assert not doubts
    assert [[c.text for c in x] for x in out] == [
        ["Ⅰ基本情報", "①部署"],
        ["総務部 情報政策課"],
        ["総務部 デジタル推進課"],
        ["組織改編に伴う変更", "重要な変更に当たらない"],
    ]
    # With the explanation printed in pass 1, heading-like wrapped lines stay the item's.
    put["explanation"] = line("時点修正")
    out, doubts = beside_pair(cells, put, cells[1] + cells[2])
    assert [c.text for c in out[0]] == ["Ⅰ基本情報", "①部署", "組織改編に伴う変更"]
    assert not doubts


def test_two_pass_one_pieces_beside_a_wrapped_value_are_one_cell_and_flagged():
    # ``市民生活部 市民課 事後 組織改編に伴う変更``: the after cell (rich text) printed in pass 2
    # as ``市民生活部 市民窓口課``; pass 1's two pieces are one before cell (set IX c1's shape).
    line = lambda t, n=3: CellLine(t, 1, n)  # noqa: E731
    cells = [[line("Ⅰ基本情報", 9)], [line("市民生活部 市民窓口課", 11)], [], []]
    put = {"before": line("市民生活部"), "after": line("市民課"), "explanation": line("組織改編に伴う変更")}
    out, doubts = beside_pair(cells, put, cells[1])
    assert [c.text for c in out[1]] == ["市民生活部 市民課"]
    assert [c.text for c in out[2]] == ["市民生活部 市民窓口課"]
    assert [d.kind for d in doubts] == ["column_guess"]
