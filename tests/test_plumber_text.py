"""pdfplumber ``extract_text()`` text (extract/plumber_text.py) on real pdfplumber texts of
LibreOffice tables (samples/office-plumber48, made by tools/make_plumber48_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.extract.plumber_text import is_plumber_text, plumber_to_layout
from piatable.extract.text import read_text_with_notes
from piatable.normalize.chars import display_width
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TUNING = SAMPLES / "office-plumber48"
WRITER = TUNING / "p48-writer-v2-pdfplumber" / "input.txt"
CALC = TUNING / "p48-calc-v2-pdfplumber" / "input.txt"


def _at(line: str, text: str) -> int:
    """The display column where ``text`` starts in ``line``."""
    return display_width(line[: line.index(text)])


def _expected(text: Path) -> list[dict]:
    return json.loads((text.parent / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("path", [WRITER, CALC], ids=["writer", "calc"])
def test_pdfplumber_text_is_recognised(path):
    assert is_plumber_text(path.read_text("utf-8"))


@pytest.mark.parametrize(
    "other",
    [
        # The same kind of table, other extractors: -raw and pypdfium2 print a row's single-line
        # cells on one line too, with font-run spaces (2023 年 3) and multi-line cells apart.
        "office-pair25/p25-writer-municipal-pdftotext-raw",
        "heldout-bottom/calc-bottom3-pypdfium2",
        "office-boxes44/b44-calc-v1-pdfminer",
    ],
)
def test_other_extractors_are_not_taken_for_pdfplumber(other):
    text, _ = read_text_with_notes(SAMPLES / other / "input.txt")
    assert not is_plumber_text(text)


def test_fragments_of_a_line_go_to_their_columns():
    """``2019/05/01 Ⅰ基本情報 市民課 市民窓口課 事前 組織改正による部署名``: six fragments, six
    columns; the next line's ``７．評価実施機関に`` (a heading of the form) stays in 項目 and
    ``の変更`` (hiragana: it opens no cell) goes on in the explanation."""
    layout, notes, _ = plumber_to_layout(WRITER.read_text("utf-8"))
    lines = layout.split("\n")
    first = next(ln for ln in lines if ln.startswith("2019/05/01"))
    cells = [c for c in first.split("  ") if c.strip()]
    assert [c.strip() for c in cells] == [
        "2019/05/01",
        "Ⅰ基本情報",
        "市民課",
        "市民窓口課",
        "事前",
        "組織改正による部署名",
    ]
    nxt = lines[lines.index(first) + 1]
    assert _at(nxt, "７．評価実施機関に") == _at(first, "Ⅰ基本情報")
    assert _at(nxt, "の変更") == _at(first, "組織改正による部署名")
    assert any("pdfplumber text" in n for n in notes)


def test_no_character_is_dropped_by_the_placement():
    text = CALC.read_text("utf-8")
    layout, _, _ = plumber_to_layout(text)
    squash = lambda s: "".join(s.split())  # noqa: E731
    assert sorted(squash(layout)) == sorted(squash(text))


def test_writer_table_rows_and_flags():
    """All four rows; the first row right in its six cells; a row whose line was cut by guess
    carries column_guess, and the reading says how many lines were placed so."""
    result = extract_document(WRITER)
    expected = _expected(WRITER)
    assert len(result.records) == len(expected) == 4
    got = result.records[0]
    assert got.change_date_raw == "2019/05/01"
    assert got.item == "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署"
    assert got.before == "市民課" and got.after == "市民窓口課" and got.timing == "事前"
    assert any("cut into columns by guess" in n for n in result.notes)
    guessed = [r for r in result.records if "column_guess" in r.flags]
    assert guessed


def test_a_reading_mostly_guessed_is_partial():
    """A Calc table where a third of the lines are placed by guess: status partial, with the
    note, and every row that came out wrong is flagged."""
    result = extract_document(CALC)
    assert result.status == "partial"
    assert any("pdfplumber text read in doubt" in n for n in result.notes)
    expected = _expected(CALC)
    keys = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    for got, want in zip(result.records, expected, strict=False):
        right = all(
            "".join((getattr(got, k) or "").split()) == "".join((want[k] or "").split()) for k in keys
        )
        assert right or got.flags, (got.item, got.flags)


def _squash(value: str | None) -> str:
    return "".join((value or "").split())


def test_label_piece_under_its_label():
    layout, _, _ = plumber_to_layout(WRITER.read_text("utf-8"))
    lines = layout.split("\n")
    head = next(i for i, ln in enumerate(lines) if ln.startswith("変更日"))
    assert lines[head + 1].strip() == "期"
    assert _at(lines[head + 1], "期") == _at(lines[head], "提出時")


def test_writer_rows_over_pages_are_read_without_failure():
    """A Writer table of 10 rows on 3 pages (rows broken over pages, label rows repeated): its
    merged 変更日 read two ways once made the grid fail (anchored.py: a KeyError); now every row
    comes out, those in doubt flagged."""
    path = TUNING / "p48-writer-v3-pdfplumber" / "input.txt"
    result = extract_document(path)
    assert result.status in ("success", "partial")
    assert len(result.records) == len(_expected(path)) == 10
    assert all(r.change_date_raw for r in result.records)


# Branch plumber49: label rows wrapped over lines (extract/plumber_labels.py).
CENTRED_CALC = TUNING / "p48-calc-v3-pdfplumber" / "input.txt"


def _lines(path: Path) -> list[list[str]]:
    from piatable.extract.plumber_text import _fragments

    return [_fragments(ln) for ln in path.read_text("utf-8").replace("\f", "\n").split("\n")]


def test_centred_calc_labels_over_three_lines():
    """Calc centres its labels: ``提出時`` above the one-line labels, ``期`` below; each piece
    goes to the column whose label it spells, and the block is printed by top."""
    from piatable.extract.plumber_labels import label_block, printed_by_top

    lines = _lines(CENTRED_CALC)
    labels = ["変更日", "項目", "変更前の記載", "変更後の記載", "提出時期に係る説明"]
    assert lines[1:4] == [["提出時"], labels, ["期"]]
    block = label_block(lines, 1)
    assert block == [
        {4: "提出時"},
        {0: "変更日", 1: "項目", 2: "変更前の記載", 3: "変更後の記載", 5: "提出時期に係る説明"},
        {4: "期"},
    ]
    assert printed_by_top(block)


def test_wrapped_label_text_is_recognised_and_read():
    """The centred Calc table (a tenth of its lines with three fragments, under the one-line
    label row's shares) is taken for pdfplumber text now (main gave it to the stream reader:
    1 row of 4), its label pieces written in their columns.  Its centred cells interleave:
    branch plumber49 read 3 rows of 4 (two merged); with the item path's headings (branch
    plumber50: a section heading alone on its line is the item's) its 4 rows and dates, each
    flagged, and the reading partial with a note."""
    text = CENTRED_CALC.read_text("utf-8")
    assert is_plumber_text(text)
    layout, _, _ = plumber_to_layout(text)
    lines = layout.split("\n")
    head = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("変更日"))
    assert _at(lines[head - 1], "提出時") == _at(lines[head + 1], "期")
    assert _at(lines[head - 1], "提出時") < _at(lines[head], "提出時期に係る説明")
    result = extract_document(CENTRED_CALC)
    assert len(_expected(CENTRED_CALC)) == 4
    expected = [e["change_date_raw"] for e in _expected(CENTRED_CALC)]
    assert (
        [r.change_date_raw for r in result.records]
        == expected
        == [
            "2022/01/04",
            "2023/02/01",
            "2023/02/01",
            "2016/10/01",
        ]
    )
    assert all("column_guess" in r.flags for r in result.records)
    assert result.status == "partial"
    assert any("pdfplumber text read in doubt" in n for n in result.notes)


def test_stream_order_labels_are_not_printed_by_top():
    """-raw prints a Writer label's lines one after the other (``提出`` / ``時期`` / ``提出時期に`` /
    ``係る説明``): a label block, but not in pdfplumber's order; a -raw Calc text whose label goes
    back a column holds too few side-by-side lines to be taken."""
    from piatable.extract.plumber_labels import label_block, printed_by_top

    raw = SAMPLES / "office-between18" / "bt18-writer-2-pdftotext-raw" / "input.txt"
    block = label_block(_lines(raw), 1)
    assert block is not None and len(block) == 4
    assert not printed_by_top(block)
    calc_raw = SAMPLES / "office-block46" / "k46-calc-v1-pdftotext-raw" / "input.txt"
    text, _ = read_text_with_notes(calc_raw)
    assert not is_plumber_text(text)


def test_writer_label_second_lines_side_by_side():
    """A Writer label row of office-plumber49 wrapping 提出時期 (``提出時`` / ``期``)."""
    from piatable.extract.plumber_labels import label_block, printed_by_top

    path = SAMPLES / "office-plumber49" / "p49-writer-v3-pdfplumber" / "input.txt"
    block = label_block(_lines(path), 1)
    assert block is not None and block[1] == {4: "期"} and block[0][5] == "提出時期に係る説明"
    assert printed_by_top(block)
    assert is_plumber_text(path.read_text("utf-8"))


def test_dates_wrapped_after_their_year_are_whole():
    """A narrow 変更日 column in Writer wraps ``令和５年`` / ``３月３１`` / ``日``, the middle piece
    beside other cells' lines: each piece goes to 変更日 and every row has its whole date (main
    read ``令和５年`` and ``令和４年７日``, 11 rows for 10)."""
    path = SAMPLES / "office-plumber49" / "p49-writer-v3-pdfplumber" / "input.txt"
    result = extract_document(path)
    expected = _expected(path)
    assert [r.change_date_raw for r in result.records] == [e["change_date_raw"] for e in expected]
    assert result.records[0].change_date_raw == "令和５年３月３１日"
    # The reading is in doubt (merged dates, wrapped timings): every row says so (column_guess,
    # or, where its lines were placed with certainty, row_split_guess or a confidence under 0.5).
    doubt = ("column_guess", "row_split_guess")
    assert all(any(f in r.flags for f in doubt) or r.confidence < 0.5 for r in result.records)


@pytest.mark.parametrize("case", ["p48-writer-v3", "p48-calc-v2"])
def test_added_above_goes_under_the_after_label(case):
    """``上記を新規追加`` on a line (alone or beside an item line) is written in the 変更後 column."""
    layout, _, _ = plumber_to_layout((TUNING / f"{case}-pdfplumber" / "input.txt").read_text("utf-8"))
    lines = layout.split("\n")
    head = next(ln for ln in lines if "変更後の記載" in ln)
    added = [ln for ln in lines if "上記を新規追加" in ln]
    assert len(added) >= 2
    assert all(_at(ln, "上記を新規追加") == _at(head, "変更後の記載") for ln in added)


def test_first_line_in_doubt_placed_with_its_row():
    """A Calc table whose first row's first line could be read two ways: placed with the row's
    next lines under it, the row keeps its date and explanation apart (placed alone, the other
    rows' items ran into its 変更日: ``令和3年4月1日Ⅰ関連情報Ⅰ関連情報…``); still a guess."""
    path = SAMPLES / "office-plumber49" / "p49-calc-v1-pdfplumber" / "input.txt"
    first = extract_document(path).records[0]
    assert first.change_date_raw == _expected(path)[0]["change_date_raw"] == "令和3年4月1日"
    assert first.explanation.startswith("時点修正")
    assert "column_guess" in first.flags


@pytest.mark.parametrize("tail", ["\f\n", "\n\n\n", "\f\f"])
def test_blank_lines_and_an_empty_last_page_read_as_without_them(tmp_path, tail):
    """A text taken for pdfplumber's whose last page is empty (a form feed, then a newline: how
    pdftotext ends a file) or that ends in blank lines is read as without them.  A bulk user's
    ``-raw`` text of a Writer table crashed here (IndexError in plumber_widths.forced_columns on
    a blank line's empty fragment list) and its input failed as an internal error."""
    text = WRITER.read_text("utf-8")
    assert is_plumber_text(text)
    given = tmp_path / "input.txt"
    given.write_text(text.rstrip("\n") + tail, "utf-8")
    got = extract_document(given)
    assert not got.errors
    assert [(r.change_date_raw, r.item, r.after) for r in got.records] == [
        (r.change_date_raw, r.item, r.after) for r in extract_document(WRITER).records
    ]
