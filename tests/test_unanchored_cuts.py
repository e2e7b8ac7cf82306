"""An after cell's later sentence read into the explanation where 提出時期 does not stand between
変更後 and 説明 (normalize/unanchored_cuts.py, branch order63; samples office-order63)."""

from __future__ import annotations

import json
from pathlib import Path

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.label_order import USUAL
from piatable.normalize.unanchored_cuts import move_after_tails, reads_as_explanation, timing_anchors

ROOT = Path(__file__).resolve().parent.parent
TFIRST = (4, 0, 1, 2, 3, 5)


def _row(after: list[str], explanation: list[str]) -> RawRow:
    row = RawRow()
    row.cells["after"] = [CellLine(t, 1, k) for k, t in enumerate(after)]
    row.cells["explanation"] = [CellLine(t, 1, 10 + k) for k, t in enumerate(explanation)]
    return row


def test_only_the_forms_order_anchors_the_cut():
    assert timing_anchors(USUAL)
    assert not timing_anchors(TFIRST)
    assert not timing_anchors((0, 4, 1, 2, 3, 5))


def test_explanation_wording():
    assert reads_as_explanation("組織改正による部署名の変更")
    assert reads_as_explanation("移行に伴う変更であり、重要な変更に当たるため事前に評価を実施した。")
    assert not reads_as_explanation("研修の未受講者には追って研修を行う。")


def test_a_sentence_that_gives_no_reason_goes_to_the_after_cell():
    row = _row(["市民生活部市民課"], ["研修の未受講者には追って研修を行う。", "組織改正による部署名の変更"])
    assert move_after_tails([row], TFIRST) == 1
    after = [cl.text for cl in row.cells["after"]]
    assert after == ["市民生活部市民課", "研修の未受講者には追って研修を行う。"]
    assert [cl.text for cl in row.cells["explanation"]] == ["組織改正による部署名の変更"]
    assert any(d.kind == "cut_guess" for d in row.doubts)


def test_nothing_moves_in_the_forms_order_or_when_the_head_is_a_reason():
    row = _row(["市民生活部市民課"], ["研修の未受講者には追って研修を行う。", "組織改正による部署名の変更"])
    assert move_after_tails([row], USUAL) == 0
    row = _row(["x"], ["法改正に伴う修正。", "重要な変更に当たらない"])
    assert move_after_tails([row], TFIRST) == 0
    # The rest must read as an explanation too.
    row = _row(["x"], ["研修を行う。", "年１回実施する"])
    assert move_after_tails([row], TFIRST) == 0


def test_tfirst_pymupdf_sample_row_read_right():
    folder = ROOT / "samples" / "office-order63" / "o63-chromium-tfirst-pymupdf"
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))[0]
    got = extract_document(folder / "input.txt").records[0]
    assert got.after.split() == truth["after"].split()
    assert got.explanation.split() == truth["explanation"].split()
