"""Branch layout53 (issues 10 / 12, set XIV): column placement in ``pdftotext -layout`` text.
Committed samples made by ``tools/make_layout53_samples.py`` (``samples/office-layout53``):
Calc tables of additions whose one 変更後 cell holds a full-width space (a line that looks like
all six cells), Chromium tables with narrow columns (a cell's last characters wrapped onto a
line of their own), and the pieces of ``normalize/grid`` that read them."""

from __future__ import annotations

from pathlib import Path

import piatable
from piatable.normalize.grid.label_bounds import opens_under_labels
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.page_shift import filled_columns, running_columns, shifted_starts
from piatable.settings import GridSettings

from .conftest import squash, text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / "office-layout53" / f"{name}-pdftotext-layout")


def test_a_line_opening_right_of_the_labels_does_not_set_the_columns():
    # Labels 変更前の記載 at 29, 変更後の記載 at 43 (set XIV t03): a line opening its third and
    # fourth pieces at 39 and 51 is an after cell cut by a full-width space, not 変更前 + 変更後.
    labels = {0: (2.0, 5.0), 1: (17.0, 19.0), 2: (29.0, 35.0), 3: (43.0, 49.0), 4: (61.0, 64.0)}
    assert not opens_under_labels([0, 12, 39, 51, 61, 64], labels)
    assert opens_under_labels([0, 12, 25, 39, 61, 64], labels)
    assert opens_under_labels([0, 12, 31, 45, 61, 64], labels)  # within LABEL_START_SLACK
    assert opens_under_labels([0, 12, 39, 51, 61, 64], None)


def test_additions_keep_their_after_text_in_the_after_column():
    # Calc, landscape, 変更前 empty in four rows of five; row 0's 変更後 prints
    # ``住民基本台帳法第３０条の１５   第１項`` on its first line.  The after text was read into
    # 変更前 (change_kind "deleted") in every addition, with no warning.
    for name in ("l53-calc-1", "l53-calc-3"):
        records, truth = _case(name)
        assert len(records) == len(truth) == 5
        for rec, exp in zip(records, truth, strict=True):
            assert squash(rec.before) == squash(exp["before"])
            assert squash(rec.after) == squash(exp["after"])
        assert [r.change_kind for r in records] == ["added"] * 4 + ["deleted"]
        assert squash(records[0].after).startswith("住民基本台帳法第３０条の１５第１項")


def _line(text: str, x0: float, top: float) -> Line:
    return Line([], text, x0, x0 + len(text), top, top + 1.0, 1, None, None)


def test_a_lone_tail_on_the_next_page_goes_on_with_the_cell_the_break_cut():
    # AbiWord, set XIV t09 row 7: the row's last lines on page 1 are ②方法 | 点検 |
    # 重要な変更に該当 (the explanation at its wrap width, 8 characters), and page 2 prints
    # only しない, at offset 0.  It goes on with the explanation, not the item.
    cells = {
        1: (7, ("Ⅵ評価実施手続", "３．第三者点検", "②方法")),
        3: (29, ("〇〇市情報公開・個人", "情報保護審査会による", "点検")),
        5: (47, ("審議会の名称変更", "に伴う修正", "重要な変更に該当")),
    }
    carry = {c: [_line(t, x, 10 + j) for j, t in enumerate(ts)] for c, (x, ts) in cells.items()}
    running = running_columns(carry)
    assert running == {1, 3, 5}
    filled = filled_columns(carry, running, GridSettings())
    assert filled == {5}
    prev = [0.0, 7.0, 18.0, 29.0, 44.0, 47.0]
    starts = shifted_starts([[0.0]], prev, running, filled)
    assert starts[5] == 0.0
    # Without a cut cell the page keeps the page before's starts, as it did.
    assert shifted_starts([[0.0]], prev, running, set()) == prev


def test_a_wrapped_tail_goes_to_the_cell_it_ends_not_to_the_item():
    # Chromium, narrow fixed columns, 9 pt serif: 変更前/変更後 「10万人以上100万人未 / 満」 and
    # 「…を年２回実施してい / る。」 (kinsoku: 。 takes る along, the line above one short) print
    # their tails one space after the item's or 変更前's line.  They were read into 項目 /
    # 変更前 (「Ⅱ特定個人情報ファイルの概要 満」), unwarned.
    records, truth = _case("l53-chrome-1")
    assert len(records) == len(truth) == 5
    for rec, exp in zip(records, truth, strict=True):
        for field in ("item", "before", "after"):
            assert squash(getattr(rec, field)) == squash(exp[field])
    assert squash(records[1].before).endswith("100万人未満")
    assert "満" not in squash(records[1].item)
