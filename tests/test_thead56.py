"""Label rows repeated on every page, numbering columns and a before/after pair read into one
cell (branch thead56, set XVII FAULTS.md kinds 2 and 5).  Samples: samples/office-thead56, made by
``tools/make_thead56_samples.py``, and samples/xvii56 (four texts copied from the spent set XVII)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.embedded_labels import split_embedded_labels
from piatable.normalize.row_numbers import strip_row_numbers
from piatable.normalize.twin_versions import twin_cut

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-thead56"
XVII = ROOT / "samples" / "xvii56"
WARNING_FREE = {"ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy"}


def _expected(case: str) -> list[dict]:
    return json.loads((_folder(case) / "expected" / "records.json").read_text("utf-8"))


def _folder(case: str) -> Path:
    return (XVII if case.startswith("xvii-") else SET) / case


def _flat(text: str) -> str:
    return "".join(text.split())


def _warned(rec) -> bool:
    flags = [f for f in rec.flags if f not in WARNING_FREE and not f.startswith("truncated:")]
    return bool(flags) or rec.confidence < 0.5


@pytest.mark.parametrize("case", ["t56-calc-lead-pymupdf+nl", "t56-chromium-lead-pymupdf"])
def test_a_row_number_alone_above_a_whole_year_is_set_aside(case: str) -> None:
    # PyMuPDF prints the numbering column's number on a line of its own above the date
    # (``3`` / ``2019/5/1``): it was taken for a piece of a wrapped date and the run broke at 1.
    text = (SET / case / "input.txt").read_text("utf-8")
    out = strip_row_numbers(text)
    assert out.numbers == list(range(1, len(_expected(case)) + 1))
    assert not any(ln.strip() in ("番号", "No.", "No", "連番") for ln in out.text.split("\n"))


def test_a_wrapped_date_piece_is_still_no_row_number() -> None:
    text = "\n".join(
        [
            "番号 変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "1 令和5年4月",
            "1",
            "日",
            "Ⅰ基本情報",
        ]
    )
    out = strip_row_numbers(text)
    assert out.numbers == [1] and "1\n日" in out.text


def test_repeated_no_label_and_numbers_stay_out_of_the_explanations() -> None:
    # Set XVII t08: Chromium repeats <thead> on each page; pypdfium2 text with no form feeds.
    case = "xvii-t08-chromium-pypdfium2+nl"
    doc = extract_document(_folder(case) / "input.txt")
    want = _expected(case)
    assert len(doc.records) == len(want)
    for got, exp in zip(doc.records, want, strict=True):
        assert got.explanation == exp["explanation"]
        assert got.change_date == exp["change_date"]


def test_two_versions_in_the_before_cell_are_cut_and_warned() -> None:
    case = "xvii-t05-docx-pypdfium2+nl"
    doc = extract_document(_folder(case) / "input.txt")
    want = _expected(case)
    got = next(r for r in doc.records if r.before.startswith("通知カード送付"))
    exp = next(r for r in want if r["before"].startswith("通知カード送付"))
    # (where the after cell's wrapped lines part into paragraphs is not checked here)
    assert [_flat(got.before), _flat(got.after)] == [_flat(exp["before"]), _flat(exp["after"])]
    assert _warned(got) and "column_guess" in got.flags


def test_twin_cut_needs_two_alike_parts() -> None:
    a = [
        "通知カード送付までの一定の期",
        "間に、番号法施行日時点におけ",
        "る住民の送付先情報をまとめて",
        "提供する。",
    ]
    b = [
        "個人番号通知書送付までの一定",
        "の期間に、番号法施行日時点に",
        "おける住民の送付先情報をまと",
        "めて提供する（以降、随時）。",
    ]
    assert twin_cut(a + b) == (4, True)
    # One text (a deletion's before cell) holds no second version.
    assert twin_cut(a) is None
    # Two entries of a list that share words but no long run are no two versions.
    assert (
        twin_cut(["＜サーバ等＞庁舎内のサーバ室に保管する。", "＜紙媒体＞施錠可能な書庫に保管する。"]) is None
    )


def test_a_label_row_inside_a_line_is_put_on_a_line_of_its_own() -> None:
    # pypdfium2 of a Calc table with a 番号 column: the repeated label row comes right after the
    # page before's last cell line, the next page's first one-line cells right after it.
    text = (SET / "t56-calc-lead-pypdfium2" / "input.txt").read_text("utf-8")
    inside = [ln for ln in text.split("\n") if "番号 変更日 項目" in ln and not ln.startswith("番号")]
    assert len(inside) >= 4
    out, broken = split_embedded_labels(text)
    labels = "番号 変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"
    assert broken >= 4 and out.split("\n").count(labels) == broken + 1
    # A label row that is a line already (with its extra column's label) is left alone.
    row = "番号 変更日 項目 変更前の記載 変更後の記載 提出時期 頁"
    assert split_embedded_labels(row) == (row, 0)
    # A cell naming two labels is no label row.
    cell = "変更前の記載 変更後の記載 を改める"
    assert split_embedded_labels(cell) == (cell, 0)


def test_calc_numbered_pypdfium2_rows_keep_their_cells() -> None:
    case = "t56-calc-lead-pypdfium2+nl"
    doc = extract_document(_folder(case) / "input.txt")
    want = _expected(case)
    assert len(doc.records) == len(want)
    assert not any("変更前の記載" in (r.item + r.before + r.after) for r in doc.records)
    right = sum(_flat(g.before) == _flat(e["before"]) for g, e in zip(doc.records, want, strict=True))
    assert right >= len(want) - 2
