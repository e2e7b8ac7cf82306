"""Rows whose 項目 opens with no section numeral (the cover, 表紙 評価実施機関名; an attachment's
label) and tables whose 変更日 / 項目 stand at the top of their cells while the other cells are
centred: read by every extractor family (lead, issue 10; tuning set samples/coveritem, made by
``python tools/make_outsider_tables.py --set coveritem``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import piatable
from piatable.normalize.confidence import INFORMATIONAL
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.top_bands import band_rows, dates_top_rows
from piatable.normalize.items import opens_item

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
COVERITEM = SAMPLES / "coveritem"
FAMILIES = ("pdftotext-raw", "pypdfium2", "pdfminer", "pdftotext", "pdftotext-layout")


def _line(text: str, top: float) -> Line:
    return Line([], text, 0.0, float(len(text) * 2), top, top + 1.0, 1, int(top), None)


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def test_the_cover_opens_an_item_and_a_sentence_about_it_does_not():
    assert opens_item("表紙")
    assert opens_item("表紙 評価実施機関名")
    assert opens_item("（別紙１）事務の流れ")
    assert opens_item("Ⅱ特定個人情報ファイルの概要")
    assert not opens_item("表紙に記載の評価実施機関名を変更")
    assert not opens_item("評価実施機関名")


def test_dates_level_with_their_items_make_bands_of_centred_cells():
    """変更日 and 項目 at the top, 提出時期 centred in each row: every line goes to the row whose
    date is the last one at or above it, the centred 事後 of a tall row included."""
    cols = {
        0: [_line("2021年4月1日", 2), _line("2022年1月4日", 9)],
        1: [_line("Ⅰ関連情報", 2), _line("７．担当部署", 3), _line("表紙", 9), _line("評価書名", 10)],
        4: [_line("事後", 6), _line("事後", 10)],
        5: [_line("組織改正に伴う", 5), _line("修正", 6), _line("誤記の修正", 10)],
    }
    spans = [(2.0, 3.0), (9.0, 10.0)]
    assert dates_top_rows(cols, spans, 1.0)
    assert band_rows(cols, spans, 1.0) == {0: [0, 1], 1: [0, 0, 1, 1], 4: [0, 1], 5: [0, 0, 1]}


def test_a_date_beside_the_middle_of_its_item_makes_no_bands():
    """Dates centred beside an item of three lines: the line level with the date opens no item."""
    cols = {
        0: [_line("2021年4月1日", 3), _line("2022年1月4日", 8)],
        1: [_line("Ⅰ関連情報", 2), _line("７．担当部署", 3), _line("②役職名", 4), _line("Ⅳリスク対策", 7)],
    }
    assert not dates_top_rows(cols, [(3.0, 4.0), (8.0, 9.0)], 1.0)


def _cases(family: str) -> list[Path]:
    return sorted(p for p in COVERITEM.iterdir() if p.is_dir() and p.name.endswith(f"-{family}"))


@pytest.mark.parametrize("family", FAMILIES)
def test_every_cover_row_is_read_as_a_row_of_its_own(family):
    """Each row amending the cover is a record whose item opens with 表紙, its after cell its
    own (not glued to the row above as its explanation), in every case of the tuning set."""
    for folder in _cases(family):
        if family.endswith("pdftotext") and folder.name.startswith("cv-calc-1-"):
            continue  # plain pdftotext prints two cover rows' cells as one box (left open)
        expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
        got = piatable.extract(folder / "input.txt")
        want = [e for e in expected if e["item"].startswith("表紙")]
        have = [g for g in got if (g.item or "").startswith("表紙")]
        assert len(have) == len(want), folder.name
        for g in got:
            if not (g.item or "").startswith("表紙"):
                assert "表紙" not in _squash(g.explanation), folder.name


@pytest.mark.parametrize("name", ["cv-writer-2", "cv-calc-7", "cv-writer-4", "cv-writer-6"])
def test_layout_text_of_top_dates_and_centred_cells_is_read_whole(name):
    """-layout text of tables with 変更日 / 項目 at the top, the other cells centred or at the
    foot: each row's six cells (the centred reading used to cut the 項目 paths in two)."""
    folder = COVERITEM / f"{name}-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = piatable.extract(folder / "input.txt")
    assert len(got) == len(expected)
    right = sum(
        _squash(getattr(g, k)) == _squash(e[k])
        for g, e in zip(got, expected, strict=True)
        for k in ("item", "before", "after", "explanation")
    )
    assert right == 4 * len(expected), name
    # Read whole, the rows are not warned: a band's centred cells stand off its date by design,
    # and a cover item (表紙 評価実施機関名) is an item of its own, not an unknown heading.
    warned = {f for g in got for f in g.flags} - INFORMATIONAL
    assert not warned, (name, warned)
