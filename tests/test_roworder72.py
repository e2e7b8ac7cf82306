"""Row-ordered text of tables whose 提出時期 is printed in vertical text (branch roworder72, set
XXXIII n09): a label read back to front (normalize/vertical_labels.py), Calc's stacked timings
drawn with the wrapped cells and shrunk 説明 cells with the one-line ones
(normalize/stacked_timings.py); and the committed samples made with LibreOffice
(samples/office-roworder72, tools/make_roworder72_samples.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.box_marks import place_box_marks
from piatable.normalize.stacked_timings import timings_into_pass_one
from piatable.normalize.vertical_labels import unreversed_labels
from piatable.vocabulary import heading_key

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
EXPLANATION = "情報提供ネットワークシステムによる情報連携の開始に伴う追加"


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


def _texts(lines: list[CellLine]) -> list[str]:
    return [cl.text for cl in lines]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "項目 変更前の記載 変更後の記載 変更日 期時出提 提出時期に係る説明",
            "変更日 提出時期 提出時期に係る説明",
        ),
        ("日更変 項目 変更前の記載", "変更日 項目"),
    ],
)
def test_label_read_back_to_front_turned_round(text, want):
    assert want in unreversed_labels(_lines(text))[0].text


@pytest.mark.parametrize("text", ["期時出提に係る説明", "提出時期", "事後"])
def test_other_text_is_not_turned(text):
    lines = _lines(text)
    assert unreversed_labels(lines)[0] is lines[0]


# A page as pypdfium2 gives Calc's two passes with a stacked timing and a shrunk 説明 (XXXIII n09).
_PAGE = (
    "（別添２）変更箇所",
    "項目 変更前の記載 変更後の記載",
    "提出時期",
    "提出時期に係る説明",
    "Ｒ７．５．７ 窓口で本人確認書類の提示を求める。",
    EXPLANATION,
    "Ｒ７．５．７",
    "所管課の名称変更に伴う修正 重要な変更に該当しない",
    "Ⅲ特定個人情報ファイルの取扱いプロセ",
    "スにおけるリスク対策",
    "窓口では本人確認書類の提示を求め、電子申請では",
    "公的個人認証により本人確認を行う。",
    "事前",
    "Ⅱ特定個人情報ファイルの概要",
    "①法令上の根拠",
    "番号法第19条第７号 事後",
)


def test_stacked_timings_go_to_their_rows_first_pass():
    got = _texts(timings_into_pass_one(_lines(*_PAGE)))
    assert got[4:9] == [
        "Ｒ７．５．７ 窓口で本人確認書類の提示を求める。",
        "事前",
        EXPLANATION,
        "Ｒ７．５．７",
        "事後",
    ]
    # The shrunk 説明's two sentences keep their full-width space (one cell, not two).
    assert got[9] == "所管課の名称変更に伴う修正　重要な変更に該当しない"
    assert got[-1] == "番号法第19条第７号" and "事前" not in got[10:]
    # No character lost or added, spaces aside.
    assert sorted(_squash("".join(got))) == sorted(_squash("".join(_PAGE)))


def test_page_whose_passes_disagree_is_left():
    # A 説明 merged over both rows prints once: one group in pass 1 for two rows in pass 2.
    page = [t for t in _PAGE if t != EXPLANATION]
    lines = _lines(*page[:6], *page[7:])
    assert timings_into_pass_one(lines) is lines
    # A timing in pass 1 already: the usual two passes.
    usual = _lines(*_PAGE[:5], "事前", *_PAGE[5:12], *_PAGE[13:15], "番号法第19条第７号")
    assert timings_into_pass_one(usual) is usual


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _right(case: str, tool: str) -> tuple[int, int]:
    root = SAMPLES / "office-roworder72"
    truth = json.loads((root / case / "expected" / "records.json").read_text("utf-8"))
    doc = extract_document(root / f"{case}-{tool}" / "input.txt")
    right = sum(
        all(_squash(getattr(r, f)) == _squash(t[f]) for f in FIELDS)
        for r, t in zip(doc.records, truth, strict=False)
    )
    return right, len(truth)


@pytest.mark.parametrize("tool", ["pypdfium2", "pypdf", "pymupdf"])
def test_calc_stacked_timing_and_shrunk_explanation(tool):
    """ro72-calc-1: Calc, stacked 提出時期, 説明 shrunk to one line, columns 項目｜前｜後｜日｜時期｜説明,
    dates 平31.4.1: every row right (before this branch: 4 of 7)."""
    assert _right("ro72-calc-1", tool) == (7, 7)


def test_writer_vertical_label_gives_the_column_order():
    """ro72-writer-8: Writer, 提出時期 label and cells in vertical text (pypdfium2 reads the label
    ``期時出提``), columns 項目｜前｜後｜日｜時期｜説明: the printed order is read (before: no row right)."""
    right, n = _right("ro72-writer-8", "pypdfium2")
    assert right >= n - 2


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("(ア) ○［ ］本人又は本人の代理人", "(ア)［○］本人又は本人の代理人"),  # pypdf, pdf.js
        (
            "(ア) ○\n［ ］本人又は本人の代理人\n(イ) ○\n［ ］住民課",
            "(ア)［○］本人又は本人の代理人\n(イ)［○］住民課",
        ),  # -raw
    ],
)
def test_mark_between_list_marker_and_box_put_back(text, want):
    assert place_box_marks(text)[0] == want


@pytest.mark.parametrize("text", ["(ア) ○ 紙", "(1) ○", "(ア)○○市の窓口"])
def test_mark_without_a_box_stays(text):
    assert place_box_marks(text) == (text, 0)


def test_parenthesized_numeral_opens_a_heading_as_a_circled_one():
    """``⑵所属長の役職名`` (U+2475) is the heading ``②所属長の役職名`` numbered otherwise (set XXXIII
    n10: read as the explanation's first line, unwarned)."""
    assert heading_key("⑵所属長の役職名") == heading_key("②所属長の役職名") == "所属長の役職名"


def test_a_dates_wrapped_day_does_not_part_the_page():
    """A date's tail ``日`` alone on a line is a cell's, not a piece of the label 変更日: the page
    is still read as one (its pass-2 row opens at the wrapped date)."""
    page = [*_PAGE[:8], "令和2年7月1", "日", *_PAGE[8:]]
    got = _texts(timings_into_pass_one(_lines(*page)))
    assert got[5] == "事前" and "日" in got
