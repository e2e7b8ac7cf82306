"""Column orders with 変更後 before 変更前 in ``-layout`` text (branch cont73, set XXXIV w04;
samples/office-cont73, tools/make_cont73_samples.py).

- A label row printing two labels one space apart (``提出時期 提出時期に係る説明``) reads both
  labels when the text is counted in characters (a gap of exactly the column gap parts two
  runs: normalize/grid/labels.py); before, that reading found four labels, the other order was
  not seen and 変更後 was read into 項目, 変更前 into 変更後.
- Two columns whose text runs on with no gap between them are parted where the right column's
  cells open, not at the labels' midpoint (``columns.cells_opening``): a short 変更前 ``なし``
  beside a wide 変更後 was read into the 変更後.

The held-out set ``samples/heldout-cont73`` is measured only (tools/eval_office.py).
"""

from __future__ import annotations

import json

import pytest

from piatable.models import Word
from piatable.normalize.grid.columns import cells_opening
from piatable.normalize.grid.labels import find_header
from piatable.normalize.grid.lines import Line, words_to_lines
from piatable.pipeline import extract_document
from piatable.settings import GridSettings

from .conftest import SAMPLES

SET = SAMPLES / "office-cont73"
FIELDS = ("item", "before", "after", "timing", "explanation")


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def test_two_labels_one_space_apart_in_characters_are_both_read() -> None:
    """The label row of set XXXIV w04's kind as ``pdftotext -layout`` prints it, its offsets
    counted in characters (one per character, full-width or not; hx 2.0 as for layout text)."""
    row = [
        ("変更日", 6),
        ("項目", 17),
        ("変更後の記載", 37),
        ("変更前の記載", 57),
        ("提出時期 提出時期に係る説明", 84),
        ("備考", 106),
    ]
    words = [Word(t, 1, x, x + len(t), 3.0, 4.0) for t, x in row]
    settings = GridSettings()
    header = find_header(words_to_lines(words, 2.0, 1.0, settings), 2.0, 1.0, settings)
    assert header is not None
    assert sorted(header.labels) == [0, 1, 2, 3, 4, 5]
    assert header.labels[3][0] < header.labels[2][0]  # 変更後 printed left of 変更前


def _line(x0: float, text: str) -> Line:
    return Line([Word(text, 1, x0, x0 + len(text), 5.0, 6.0)], text, x0, x0 + len(text), 5.0, 6.0, 1, 1, None)


def test_the_boundary_is_where_the_next_columns_cells_open() -> None:
    """Between the labels' centres, the x where three or more segments open (with those a
    character left of it), most of the segments opening there, is the next column's left edge;
    fewer openings there, or more elsewhere, decide nothing."""
    body = [_line(74, "なし"), _line(74, "保管期間を経過した"), _line(73, "サーバ室は"), _line(74, "る。")]
    body += [_line(49, "北斗広域連合（介護認定審査会の共同設置）"), _line(76, "10万人以上")]
    assert cells_opening(body, 64.0, 84.0, 3) == 73  # サーバ室 set a character left: the edge
    assert cells_opening(body[:2], 64.0, 84.0, 3) is None
    scattered = [*body[:4], *(_line(x, "・") for x in (66, 68, 70, 79, 81))]
    assert cells_opening(scattered, 64.0, 84.0, 3) is None  # most segments open elsewhere


@pytest.mark.parametrize("case", ["ct73-cont-4", "ct73-cont-5"])
def test_layout_text_of_after_before_order_reads_every_row(case: str) -> None:
    """番号 | 項目 | 変更日 | 変更後 | 変更前 | 提出時期 | 説明 | 備考 (and without 番号) with records
    going on in the next sheet row: one record per change, each field as written."""
    folder = SET / f"{case}-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.txt").records
    assert len(got) == len(expected)
    wrong = [
        (k, f)
        for k, (g, w) in enumerate(zip(got, expected, strict=True))
        for f in FIELDS
        if _squash(getattr(g, f)) != _squash(w[f])
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("case", ["ct73-cont-2-pdftotext-layout", "ct73-cont-5-pypdf-layout"])
def test_a_note_mark_beside_the_last_rows_other_cells_is_its_explanations(case: str) -> None:
    """The last record goes on in the next sheet row with its explanation's ``※軽微な変更`` on
    the printed line of its 変更後's ``上記を新規追加`` (or its item's last heading): a paragraph
    of the row's explanation, not a note printed under the table (``closing_text``)."""
    result = extract_document(SET / case / "input.txt")
    assert result.records[-1].explanation.split("\n")[-1] == "※軽微な変更"
    assert not any(n.startswith("text printed after the table (a note)") for n in result.notes)
