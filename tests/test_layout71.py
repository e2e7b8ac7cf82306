"""The layout family of texts on set XXXII's kinds (branch layout71): the 項目's sub-label row
(評価書の項目 / 細目, 項目 / 細項目, 大項目 / 細目) is the label row's, never a row; a 、 opening a
line under its own cell's open line stays in that cell; a 説明 piece glued past the 備考 label is
warned; a merged-filled row going on with the lists above warns both rows; a 複製禁止 copy glued
before a 項目 heading is cut (samples/office-layout71, tools/make_layout71_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from piatable.models import Record
from piatable.normalize.grid.continued_rows import LISTING_REST_WHY, join_continued_rows
from piatable.normalize.grid.displaced_closers import return_displaced_closers
from piatable.normalize.grid.remark_column import split_remarks
from piatable.normalize.item_tears import item_tear_doubts
from piatable.normalize.watermark_lines import set_apart_copies
from piatable.pipeline import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-layout71"
TEXTS = ("pdftotext-layout", "pdftotext-layout-cp932", "pypdf-layout", "pdfplumber-layout", "pymupdf-sort")
SUB_LABELS = {
    "評価書の項目",
    "細目",
    "細項目",
    "大項目",
    "項目",
    "評価書の項目細目",
    "項目細項目",
    "大項目細目",
}


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


@pytest.mark.parametrize("case", ["ly71-calc-hyoka", "ly71-writer-hyoka", "ly71-calc-saikoumoku"])
@pytest.mark.parametrize("text", TEXTS)
def test_sub_label_row_is_no_row(case: str, text: str) -> None:
    """Each case's texts read as many rows as the table has, none holding a sub-label as a cell
    or a line of one (Writer's wrapped 評価書の / 項目 is read as an extra column 細目 instead, every
    row warned; 項目 / 細項目's items are not split by sub-column: warned)."""
    folder = SAMPLES / f"{case}-{text}"
    doc = read_document(str(folder / "input.txt"))
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    assert len(doc.records) == len(want)
    for r in doc.records:
        for f in ("item", "before", "after", "explanation"):
            lines = {ln.strip() for ln in (getattr(r, f) or "").split("\n")}
            assert not lines & SUB_LABELS, (f, getattr(r, f))
    if case == "ly71-calc-hyoka":
        assert any("sub-columns under the 項目 label" in n for n in doc.notes)


def test_hyoka_items_read_whole_from_layout_text() -> None:
    """pdftotext -layout of a Calc table with 評価書の項目 / 細目 under 項目: the items right."""
    folder = SAMPLES / "ly71-calc-hyoka-pdftotext-layout"
    doc = read_document(str(folder / "input.txt"))
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    right = sum(_squash(r.item) == _squash(w["item"]) for r, w in zip(doc.records, want, strict=True))
    assert right >= len(want) - 2


def _line(text: str, page: int = 1, x0: float = 0.0, x1: float = 0.0) -> SimpleNamespace:
    return SimpleNamespace(text=text, page=page, top=0.0, x0=x0, x1=x1, closer_guess="", remark_guess="")


def _row(before: str, after: str, flags=(), date="2022.6.25", item="Ⅱ…\n②入手方法") -> SimpleNamespace:
    cells = {
        c: [_line(t) for t in v.split("\n")] if v else []
        for c, v in enumerate((date, item, before, after, "事前", "対象人数の時点修正"))
    }
    return SimpleNamespace(cells=cells, page_start=1, page_end=1, flags=list(flags), doubt=None, table=0)


def test_merged_row_going_on_with_the_lists_above_warns_both() -> None:
    """u02: ``［○］庁内連携システム`` / ``［○］その他…`` under ``［○］紙`` cells, the date, item,
    timing and explanation filled in as merged: kept apart, both rows in doubt."""
    above = _row("［○］紙", "［○］紙\n［○］庁内連携システム")
    below = _row("［○］庁内連携システム", "［○］その他（電子申請）", ["merged_cell_filled"])
    rows = [above, below]
    join_continued_rows(rows, layout=True)
    assert len(rows) == 2
    assert above.doubt == below.doubt == LISTING_REST_WHY


def test_merged_row_of_other_values_is_not_doubted() -> None:
    """A merged-filled row whose sides list nothing like the cells above: no doubt."""
    above = _row("［○］紙", "［○］紙\n［○］庁内連携システム")
    below = _row("保険年金課", "国保医療課", ["merged_cell_filled"])
    rows = [above, below]
    join_continued_rows(rows, layout=True)
    assert above.doubt is None and below.doubt is None


def test_comma_under_an_open_line_stays_in_its_cell() -> None:
    """u12: the 説明's ``、重要な…`` under ``…変更はなく`` beside the 項目's ``…除く。）``."""
    item = _line("託に伴うものを除く。）")
    expl = [_line("特定個人情報の取扱いに変更はなく"), _line("、重要な変更にあたらない。")]
    row = {1: [_line("５．特定個人情報の提供・移転（委"), item], 5: expl}
    item.top = expl[1].top = 1.0
    return_displaced_closers([row])
    assert item.text == "託に伴うものを除く。）"
    assert row[5][1].text == "、重要な変更にあたらない。"


def test_stop_after_a_closed_bracket_still_moves_left() -> None:
    """A ``。`` opening a line beside a line ending ``）`` still goes back to it (layout63)."""
    left = _line("（通知カードの廃止）")
    stop = _line("。")
    row = {3: [left], 5: [stop]}
    return_displaced_closers([row])
    assert left.text == "（通知カードの廃止）。"
    assert row[5] == []


def test_explanation_glued_past_the_remarks_label_is_warned() -> None:
    """pdfplumber layout: ``…委託先の変様式改正`` reaches the 備考 label with no gap: warned."""
    full = [_line("委託契約の更新に伴う委託先の変", x0=87, x1=102) for _ in range(4)]
    glued = _line("委託契約の更新に伴う委託先の変様式改正", x0=87, x1=106)
    segs = [[p] for p in (*full, glued)]
    split_remarks(segs, [[5]] * len(segs), 0.0, 105.0)
    assert glued.remark_guess and not any(p.remark_guess for p in full)


def test_watermark_glued_before_a_heading_is_cut() -> None:
    """pypdf layout: ``複製禁止⑧使用方法`` (the only copy) is the watermark's; ``複製禁止の…`` is
    a cell's words."""
    page = [
        "変更日  項目  変更前の記載  変更後の記載  提出時期  提出時期に係る説明",
        "          複製禁止⑧使用方法",
    ]
    cuts = set_apart_copies([page], set())
    assert [(c.word, c.line) for c in cuts] == [("複製禁止", 1)]
    page[1] = "          複製禁止の措置を講じる"
    assert set_apart_copies([page], set()) == []


@pytest.mark.parametrize(
    ("item", "warned"),
    [
        ("Ⅱ特定個人情報ファイ３．特定個人情報の入手・使用\nルの概要⑤本人への明示", True),
        ("Ⅱ特定個人情報ファイ５．特定個人情報の提供・移転（委ルの概要託に伴うものを除く。）\n提供先３", True),
        ("Ⅳその他のリスク対 １．監査\n策②監査", True),
        ("Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑤本人への明示", False),
        ("Ⅱ特定個人情報ファイルの概要３．特定個人情報の入手・使用⑤本人への明示", False),
        ("Ⅳ ８．人手を介在させる作業 人為的ミスが発生するリスクへの対策は十分か", False),
    ],
)
def test_item_sub_columns_read_line_by_line_are_warned(item: str, warned: bool) -> None:
    """pdfplumber layout / PyMuPDF sort: a narrow 大項目's wraps beside the 小項目's lines
    (``Ⅱ特定個人情報ファイ３．…`` / ``ルの概要⑤…``) put column_guess on the item; a whole section
    name, run together or not, does not."""
    record = Record(
        "x",
        0,
        1,
        1,
        None,
        "",
        item=item,
        item_path=[],
        before="前",
        after="後",
        timing="事後",
        explanation="",
    )
    doubts = item_tear_doubts(record)
    assert any(d.field == "item" and d.kind == "column_guess" for d in doubts) is warned


def test_listing_check_with_no_cell_above() -> None:
    """A row above with no 変更前 cell at all (pdfplumber text, office-furniture66): no doubt, no
    error (a KeyError before)."""
    above = _row("［○］紙", "［○］紙")
    del above.cells[2]
    below = _row("［○］庁内連携システム", "［○］その他", ["merged_cell_filled"])
    rows = [above, below]
    join_continued_rows(rows, layout=True)
    assert below.doubt is None
