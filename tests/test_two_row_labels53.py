"""A column-label row printed as two rows (branch header53, set XIV kind 4): a spanning label
(変更箇所) over the columns whose labels print under it, repeated at the top of each page.  On the
real PDFs and texts of samples/office-header53 (tools/make_header53_samples.py: LibreOffice
Writer, Calc, AbiWord): the header's other row is furniture (named in a note), never a row or a
cell's text, and a row running over the page break stays one row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.extract.plumber_labels import label_block
from piatable.models import CellLine
from piatable.normalize.label_rows import split_two_row_glue, two_row_label_runs
from piatable.vocabulary import LABELS, SPANNING_LABELS, is_header_line

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-header53"
# Label texts that no cell of these tables prints.
LABEL_WORDS = (*SPANNING_LABELS, *(label for label in LABELS if len(label) > 2))


def _expected(folder: Path) -> list[dict]:
    return json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def _label_cells(records) -> list[tuple[int, str, str]]:
    return [
        (k, f, getattr(r, f))
        for k, r in enumerate(records)
        for f in ("item", "before", "after", "explanation")
        if any(w in getattr(r, f).replace(" ", "") for w in LABEL_WORDS)
    ]


@pytest.mark.parametrize("case", ["h53-writer", "h53-wide", "h53-calc", "h53-flat"])
def test_pdf_reads_the_two_header_rows_as_furniture(case):
    """Every row of the table read whole from the PDF: the upper row's 変更箇所 (Writer: at the top
    of each page, under the repeated header) and the lower row's 変更前の記載 / 変更後の記載 (Calc's
    labels left unmerged) are no row and no cell's text; the note names them."""
    folder = SAMPLES / case
    result = extract_document(folder / "input.pdf")
    want = _expected(folder)
    assert len(result.records) == len(want)
    assert not _label_cells(result.records)
    for got, exp in zip(result.records, want, strict=True):
        for f in ("item", "before", "after", "explanation"):
            assert "".join(getattr(got, f).split()) == "".join(exp[f].split()), (case, f)
    assert any("read as the label row's" in n for n in result.notes)


def test_writer_row_over_the_page_break_is_one_row():
    """h53-writer's row 3 runs over the page break under the repeated two-row header: one row
    (before, the rest after the break became a row of its own, 変更箇所 glued to the 変更前)."""
    folder = SAMPLES / "h53-writer"
    result = extract_document(folder / "input.pdf")
    long_rows = [r for r in result.records if r.page_end > r.page_start]
    assert long_rows and all("row_continued" in r.flags for r in long_rows)
    assert [r.after for r in long_rows] == [
        e["after"] for e in _expected(folder) if e["page_end"] > e["page_start"]
    ]


@pytest.mark.parametrize("text", ["pdftotext-raw", "pypdfium2"])
@pytest.mark.parametrize("case", ["h53-writer", "h53-wide", "h53-calc"])
def test_flattened_text_leaves_the_repeated_labels_out_of_the_cells(case, text):
    """In content-stream order the repeated two-row header prints as ``変更日 項目 変更箇所 提`` /
    ``出`` / ``時`` / ``提出時期に`` / ``係る説明`` / ``変更前の記載 変更後の記載``; before, the
    lines were too short a run of label pieces to be furniture and were glued into a 項目 cell."""
    result = extract_document(SAMPLES / f"{case}-{text}" / "input.txt")
    assert result.records
    assert not _label_cells(result.records)


def test_upper_label_line_is_a_label_row_only_beside_labels():
    assert is_header_line("変更日 項目 変更箇所 提")
    assert is_header_line("変更日 項目 変更箇所 提出時期 提出時期に係る説明")
    assert not is_header_line("変更箇所")  # the table's title
    assert not is_header_line("変更箇所 令和5年4月1日 事後")


def test_two_row_runs_need_a_spanning_label_and_three_labels():
    lines = [
        "い",
        "変更日 項目",
        "変更箇所 提",
        "出",
        "時",
        "提出時期に",
        "係る説明",
        "変更前の記載 変更後の記載",
        "⑧ …",
    ]
    assert two_row_label_runs(lines) == [(1, 8)]
    # pypdf joins the lower row's first label to the wrapped label beside it.
    assert two_row_label_runs(["変更日 項目 変更箇所 提", "出", "係る説明変更前の記載 変更後の記載"]) == [
        (0, 3)
    ]
    # Label pieces without a spanning label are left to the one-row rules.
    assert two_row_label_runs(["変更日 項目", "提出時期に", "係る説明"]) == []


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


def test_glued_two_row_header_is_cut_off_but_never_the_title():
    got = split_two_row_glue(
        _lines("修正変更箇所 提", "出", "提出時期に", "変更日 項目 変更前の記載 変更後の記載 係る説明")
    )
    assert [cl.text for cl in got][:2] == ["修正", "変更箇所 提"]
    got = split_two_row_glue(
        _lines("変更箇所 提", "出", "変更日 項目 変更前の記載 変更後の記載 係る説明 （落雷等）による")
    )
    assert [cl.text for cl in got][-2:] == [
        "変更日 項目 変更前の記載 変更後の記載 係る説明",
        "（落雷等）による",
    ]
    title = _lines("（別添２）変更箇所", "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明")
    assert [cl.text for cl in split_two_row_glue(title)] == [cl.text for cl in title]


def test_pdfplumber_label_block_reads_a_two_row_header():
    """pdfplumber's lines of set XIV t05's header (Writer, 変更箇所 over 変更前 / 変更後, 提出時期
    one character wide): the spanning label takes no column, the block spells the six labels."""
    lines = [
        ["変更日", "項目", "変更箇所", "提", "提出時期に"],
        ["変更前の記載", "変更後の記載", "出", "係る説明"],
        ["時"],
        ["期"],
    ]
    block = label_block(lines, 0)
    assert block is not None and len(block) == 4
    assert block[0] == {0: "変更日", 1: "項目", 4: "提", 5: "提出時期に"}
    assert block[1] == {2: "変更前の記載", 3: "変更後の記載", 4: "出", 5: "係る説明"}
