"""Columns printed in another order, scanned (issue 11, ``normalize/grid/column_order.py``):
samples/office-colhead17/ch17-calc-1 (変更日 on the right) through ``tools/make_scans.py``'s
``scan_pdf`` at 200 dpi (angle 0.3°, JPEG 65, noise 7, seed 0); tesseract's words committed as
``tests/data/scan_colhead/ocr/page-N.tsv`` by ``make_scans.write_tsv``, so no OCR runs here.

Two faults of OCR'd label rows lost the order: a label read with one letter wrong (``提出時其``
for 提出時期) was no label, so the row showed five labels and the columns were read in the
form's order (every cell in the wrong field); and on a later page whose label row OCR read
without one label (変更前の記載 lost), nothing was moved and the page gave no columns at all:
three pages of rows lost.  A page whose labels stand in the order a page before read is now
moved as that page was."""

from __future__ import annotations

import json

from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.models import Word
from piatable.normalize.grid.column_order import ColumnMove, page_move, with_lost_label
from piatable.normalize.grid.labels import Header, _label_runs
from piatable.normalize.grid.lines import Line
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

OCR = ROOT / "tests" / "data" / "scan_colhead" / "ocr"
TRUTH = SAMPLES / "office-colhead17" / "ch17-calc-1" / "expected" / "records.json"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _line(*texts: tuple[str, float]) -> Line:
    words = [Word(text=t, x0=x, x1=x + 10 * len(t), top=0, bottom=10, page=1) for t, x in texts]
    return Line(words, " ".join(t for t, _ in texts), words[0].x0, words[-1].x1, 0, 10, 1, 0, None)


def test_a_label_read_with_one_letter_wrong_is_that_label() -> None:
    gs = Settings().grid
    runs = _label_runs(_line(("変更前の記載", 0), ("提出時其", 200), ("提出時期に係る説明", 400)), 10, gs)
    assert [r.text for r in runs] == ["変更前の記載", "提出時期", "提出時期に係る説明"]
    # Its first two letters must be right, and a body cell's longer text is no label.
    assert (
        _label_runs(
            _line(
                ("出提時其", 0),
            ),
            10,
            gs,
        )
        == []
    )
    assert (
        _label_runs(
            _line(
                ("提出時期限", 0),
            ),
            10,
            gs,
        )
        == []
    )


def test_a_label_row_missing_a_label_is_moved_as_the_page_before() -> None:
    gs = Settings().grid
    before = ColumnMove((1, 2, 3, 4, 5, 0), (0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0))
    # 変更前の記載 lost; the five others in the order the page before printed.
    five = Header(0, 1, {1: (1, 2), 3: (21, 22), 4: (31, 32), 5: (41, 42), 0: (51, 52)})
    assert page_move(five, before, [], list, 10, gs) is before
    # Five labels in the form's order: a table printed in its own order, nothing moved.
    usual = Header(0, 1, {0: (1, 2), 1: (11, 12), 3: (21, 22), 4: (31, 32), 5: (41, 42)})
    assert page_move(usual, before, [], list, 10, gs) is None
    # A label in doubt (read twice) is left aside; the others still tell the order.
    assert page_move(Header(0, 1, five.labels, frozenset({4})), before, [], list, 10, gs) is before
    two = Header(0, 1, {1: (1, 2), 3: (21, 22), 4: (31, 32)}, frozenset({4}))
    assert page_move(two, before, [], list, 10, gs) is None
    # No label row: as the page before.
    assert page_move(None, before, [], list, 10, gs) is before


def test_a_scanned_table_with_its_date_column_on_the_right_keeps_every_row() -> None:
    scans = [
        PageScan.from_json(json.loads(m.read_text("utf-8")), m.with_suffix(".tsv").read_text("utf-8"))
        for m in sorted(OCR.glob("page-*.json"))
    ]
    res = reading_to_result(scans_to_reading(scans, "scan", 1, Settings().ocr), "scan", Settings())
    truth = json.loads(TRUTH.read_text("utf-8"))
    got = [r.to_dict() for r in res.records]
    assert [r["change_date"] for r in got] == [e["change_date"] for e in truth]
    assert [r["timing"] for r in got] == [e["timing"] for e in truth]
    assert any("another order" in n for n in res.notes)
    assert not any("no table columns found" in n for n in res.notes)
    # Each field holds its own column's text (OCR misreads aside): the explanations are the
    # printed ones, not dates or 事前 / 事後.
    close = sum(
        "".join(str(g[f] or "").split()) == "".join(str(e[f] or "").split())
        for g, e in zip(got, truth, strict=True)
        for f in FIELDS
    )
    assert close >= 0.75 * len(truth) * len(FIELDS)


def test_a_label_not_read_is_the_one_ruled_column_without_a_label() -> None:
    """Set XIX's t02: 提出時 / 期 wrapped in a narrow cell was read as no label; the five others
    (変更日 on the right) then told no order.  The ruled column without a label is the lost one's."""
    gs = Settings().grid
    verticals = [0.0, 10.0, 20.0, 30.0, 34.0, 50.0, 60.0]
    five = Header(0, 1, {1: (2, 8), 2: (12, 18), 3: (22, 28), 5: (36, 48), 0: (52, 58)})
    header, placed = with_lost_label(five, verticals)
    assert placed == 4 and 30 < header.labels[4][0] < header.labels[4][1] < 34
    move = page_move(five, None, verticals, list, 1, gs)
    assert move is not None and move.roles == (1, 2, 3, 4, 5, 0) and move.placed == 4
    assert "提出時期 (its label not read)" in move.note()
    # Not placed: a seventh ruled column (a numbering column), two labels in one column, a
    # label read twice, or all six read.
    assert with_lost_label(five, [-5.0, *verticals])[1] is None
    assert with_lost_label(five, verticals[:-1])[1] is None
    crowded = Header(0, 1, {1: (2, 4), 2: (6, 8), 3: (22, 28), 5: (36, 48), 0: (52, 58)})
    assert with_lost_label(crowded, verticals)[1] is None
    assert with_lost_label(Header(0, 1, five.labels, frozenset({5})), verticals)[1] is None
    assert with_lost_label(Header(0, 1, {**five.labels, 4: (31, 33)}), verticals)[1] is None


def test_scans_with_a_wrapped_timing_label_keep_their_column_order() -> None:
    """samples/office-scan58 (tools/make_scan58_samples.py): a Calc table printing 変更日 on the
    right, its 提出時期 column two glyphs wide, scanned at 300 dpi; real tesseract."""
    from piatable.pipeline import extract_document

    case = SAMPLES / "office-scan58" / "png300-s58-calc-1"
    res = extract_document(case / "input.png", settings=Settings())
    truth = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in res.records]
    assert [r["change_date"] for r in got] == [e["change_date"] for e in truth]
    assert [r["timing"] for r in got] == [e["timing"] for e in truth]
    assert any("its label not read" in n for n in res.notes)


def test_a_long_label_may_be_misread_at_its_first_letter_and_a_date_label_only_there() -> None:
    """A fax (204 x 98 dpi, office-scan58) read 産更前の記載, 雇更後の記載 and 有更日: a label of six
    letters or more one letter off is that label when no other label is a letter away; 変更日 only
    with its first letter wrong."""
    gs = Settings().grid

    def runs(*texts: str) -> list[str]:
        return [r.text for r in _label_runs(_line(*((t, 200.0 * k) for k, t in enumerate(texts))), 10, gs)]

    assert runs("有更日", "産更前の記載", "雇更後の記載", "提出時期に係る謎明") == [
        "変更日",
        "変更前の記載",
        "変更後の記載",
        "提出時期に係る説明",
    ]
    # 変更X の記載 is either side's: no label.  変更点 (a word of its own) is no 変更日; 項目 too
    # short to be misread.
    assert runs("変更丸の記載") == []
    assert runs("変更点") == []
    assert runs("頃目") == []
