"""Tables printed by Gnumeric (``ssconvert``; samples/office-gnumeric52, branch gnumeric52): a
full-width space inside a wrapped cell line of ``pdftotext -layout`` text stays in its cell
(normalize/grid/inner_gaps.py), the caption right above the label row is no unplaced text of the
PDF (normalize/grid/ruled.py) nor a line in no record of ``-raw`` / pypdfium2 / ``-layout`` text
(normalize/captions.py, normalize/grid/layout_between.py): it is named in a note; and a title's
``（`` whose ink shows is not named as clipped away (extract/pdf.py)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from piatable.extract.pdf import read_pdf
from piatable.normalize.captions import CAPTION_NOTE
from piatable.normalize.grid.rows import pages_to_rows
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-gnumeric52"
TIMING_CAPTION = "※提出時期は、特定個人情報保護評価に関する規則第１１条に基づく。"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(value: object) -> str:
    return "".join(("" if value is None else str(value)).split())


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def test_layout_full_width_space_in_a_wrapped_line_stays_in_its_cell():
    # 11 pt, wide text columns: the after cell's third paragraph ``○○市総務部行政経営課　情報公開係``
    # prints ``○○市総務部行政経営課    情報公`` / ``開係``; ``情報公`` stood four spaces on, short
    # of the 提出時期 column, and was read (before this branch) as the explanation's second
    # paragraph, with no flag at 0.934.
    case = "g52-gnumeric-5-pdftotext-layout"
    result = extract_document(SET / case / "input.txt")
    want = _expected(case)[1]
    got = result.records[1]
    assert _squash(got.after) == _squash(want["after"])
    assert _squash(got.after).endswith("○○市総務部行政経営課情報公開係")
    assert got.explanation == "主務省令の規定の追記"
    assert "情報公" not in got.explanation


def test_layout_full_width_space_rows_right_in_every_case():
    # Every row whose cells hold a unit line (``<部署>　<係>``) is read right, cell by cell.
    for case in ("g52-gnumeric-1", "g52-gnumeric-2", "g52-gnumeric-5", "g52-gnumeric-6"):
        name = f"{case}-pdftotext-layout"
        result = extract_document(SET / name / "input.txt")
        for got, want in zip(result.records, _expected(name), strict=True):
            if "　" not in want["after"] + want["before"]:
                continue
            for f in FIELDS:
                assert _squash(getattr(got, f)) == _squash(want[f]), (name, got.row_index, f)


@pytest.mark.parametrize("case", ["g52-gnumeric-1", "g52-gnumeric-3"])
def test_pdf_caption_and_title_are_not_reported_as_lost(case):
    # The caption ``※…`` stands right above the table's top ruling (Gnumeric's rows are tight):
    # its characters were counted as words that could not be placed, the status partial.
    result = extract_document(SET / case / "input.pdf")
    assert result.status == "success"
    assert not any("could not be placed" in n for n in result.notes)
    assert not any("「（」" in n for n in result.notes)  # the title's （ shows
    assert [_squash(r.after) for r in result.records] == [_squash(w["after"]) for w in _expected(case)]


@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2", "pdftotext-layout"])
def test_caption_is_named_once_and_kept_out_of_the_rows(family):
    # ``-layout`` named title and caption "text between two tables" before this branch.
    result = extract_document(SET / f"g52-gnumeric-1-{family}" / "input.txt")
    notes = [n for n in result.notes if n.startswith("a caption printed with the table's title")]
    assert notes == [CAPTION_NOTE.format("「※変更箇所は、評価書の記載に対応する。」")]
    assert not any("in no record" in n or "between two tables" in n for n in result.notes)
    assert not any("※変更箇所" in _squash(getattr(r, f)) for r in result.records for f in FIELDS)


@pytest.mark.parametrize("family", ["pypdfium2", "pdftotext-layout"])
def test_caption_on_the_timing_is_a_caption(family):
    # ``※提出時期は、…規則第１１条に基づく。`` (set XIII t10's kind) was a line in no record of the
    # pypdfium2 text (partial) and "text between two tables" in the ``-layout`` text.
    result = extract_document(SET / f"g52-gnumeric-6-{family}" / "input.txt")
    caption = "「※提出時期は、特定個人情報保護評価に関する規則第１１条に基づく。」"
    assert CAPTION_NOTE.format(caption) in result.notes
    assert not any("※提出時期" in n for n in result.notes if "in no record" in n or "between two" in n)
    assert not any("※提出時期" in _squash(getattr(r, f)) for r in result.records for f in FIELDS)
    assert [_squash(r.explanation) for r in result.records] == [
        _squash(w["explanation"]) for w in _expected(f"g52-gnumeric-6-{family}")
    ]


def test_pdf_caption_right_above_the_top_ruling_is_named_not_unplaced():
    # Set XIII t10 (Noto 11 pt, a two-line label row) prints its caption so close to the top
    # ruling that the caption's line (loose boxes, mid 6.5 pt above the ruling) lay within half
    # a line of the table: its 32 characters were "words of the table pages that could not be
    # placed in a cell", the PDF partial.  The same geometry here: the real words of
    # g52-gnumeric-6's page 1, the caption's moved 3 pt down (mid 3.2 pt above the ruling, its
    # boxes' feet over it, as t10's are).
    reading = read_pdf(SET / "g52-gnumeric-6" / "input.pdf")
    page = reading.pages[0]
    caption = [w for w in page.words if w.bottom < 120.0 and w.top > 105.0]
    assert (
        "".join(w.text for w in caption) == "※提出時期は、特定個人情報保護評価に関する規則第１１条に基づく。"
    )
    page.words = [
        dataclasses.replace(w, top=w.top + 3.0, bottom=w.bottom + 3.0) if w in caption else w
        for w in page.words
    ]
    grid = pages_to_rows(reading.pages, Settings())
    assert grid.unplaced == 0
    assert grid.notes == [
        CAPTION_NOTE.format("「※提出時期は、特定個人情報保護評価に関する規則第１１条に基づく。」")
    ]
    assert len(grid.rows) == len(_expected("g52-gnumeric-6"))


def test_layout_piece_given_the_next_column_is_not_pulled_back():
    # ``pdftotext -layout`` printed a deletion's after cell ``削除`` four characters left of where
    # the lines around it open the after column, short of it; only a piece given a column past
    # the next one goes back (an earlier draw of the rule read ``…としている。削除`` as the before).
    result = extract_document(SAMPLES / "office-boxes46" / "b46-calc-v4-pdftotext-layout" / "input.txt")
    row = result.records[2]
    assert row.after == "削除"
    assert row.before.endswith("事前に書面による承認を得ることとしている。")
