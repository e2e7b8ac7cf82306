"""Branch layout47 (issues 10 / 12): ``pdftotext -layout`` text of Calc tables over two or three
pages under a repeated header row, wide before / after columns and tight rows; the committed
samples are made by ``tools/make_layout47_samples.py`` (``samples/office-layout47``)."""

from __future__ import annotations

from pathlib import Path

import piatable
from piatable.normalize.grid.labels import label_fills_cell

from .conftest import text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(folder: str, name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / folder / f"{name}-pdftotext-layout")


def _evidence(rec: piatable.Record) -> list[str]:
    return list(rec.to_dict()["evidence"])


def test_narrow_labels_filling_their_cells_do_not_make_a_centred_header_left_aligned():
    # Calc centres its labels; the 提出時期 and 説明 labels fill their narrow cells, so they stand
    # at their columns' starts as a left-aligned label would.  The body's openings (before at
    # about 25 characters, not the 変更前の記載 label's 45) give the columns: every cell in place.
    records, truth = _case("office-layout47", "ly47-calc-2")
    assert len(records) == len(truth) == 12
    first = records[0]
    assert first.before == "国民健康保険に関する事務"
    assert first.after == "国民健康保険の資格及び給付に関する事務"
    assert first.item == "Ⅰ関連情報\n１．特定個人情報ファイルを取り扱う事務\n①事務の名称"
    for rec, exp in zip(records, truth, strict=True):
        assert "".join((rec.before or "").split()) == "".join((exp["before"] or "").split())
        assert "".join((rec.after or "").split()) == "".join((exp["after"] or "").split())


def test_a_left_aligned_header_with_a_narrow_label_still_reads_left_aligned():
    # hly16-a-writer-4: labels at their columns' starts (変更後の記載 with room beside it, and
    # the narrow 提出時期): the item column's openings right of 項目 are no column start.
    records, truth = _case("heldout-layout16", "hly16-a-writer-4")
    assert len(records) == len(truth) == 8
    assert records[0].before.startswith("予防接種法に基づく定期の予防接種の実施")
    assert all(r.item.startswith(("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ")) for r in records)


def test_label_fills_cell():
    # Character units: 提出時期 (4 characters, 90..94) three characters before the next label
    # fills its cell; 変更前の記載 (45..51) eighteen before the next has room; the last label
    # cannot tell.
    labels = {2: (45.0, 51.0), 3: (69.0, 75.0), 4: (90.0, 94.0), 5: (97.0, 106.0)}
    assert label_fills_cell(labels, 4)
    assert not label_fills_cell(labels, 2)
    assert label_fills_cell(labels, 5)


def test_a_row_whose_before_and_after_lines_ran_together_is_flagged():
    # ly47-calc-1 row 11 (Ⅴ開示請求…①請求先): ``…総務課 〒123-4567 ○○市 ○○市本町… 0123-45-`` and
    # ``電話 0123-45-6789 6700``: the after cell's lines start 13 characters apart, its third
    # line one space after the before cell's text.  Where the cells split is a guess: flagged.
    records, truth = _case("office-layout47", "ly47-calc-1")
    rec = next(r for r in records if r.item.endswith("①請求先"))
    assert "column_guess" in rec.flags
    why = [e for e in _evidence(rec) if e.startswith("after: column_guess")]
    assert why and "0123-45-6789 6700" in why[0] and "run together" in why[0]
    # No text lost: every character of the row's before and after cells is in the record.
    exp = next(t for t in truth if t["item"].endswith("①請求先"))
    got = "".join((rec.before + rec.after).split())
    assert sorted(got) == sorted("".join((exp["before"] + exp["after"]).split()))


def test_a_date_opening_a_before_cell_is_no_stray_row_date():
    # ly47-calc-2: 平成31年4月1日 時点 opens a before cell on the printed line of its row's 事後;
    # read by position it is the before cell's text, so the rows sharing a merged date are not
    # put in doubt for it (row_split_guess fired on every such row).
    records, _ = _case("office-layout47", "ly47-calc-2")
    dated = next(r for r in records if r.before == "平成31年4月1日 時点")
    assert dated.after == "令和3年4月1日 時点"
    assert not any("row_split_guess" in r.flags for r in records)
