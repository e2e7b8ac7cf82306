"""Spreadsheet cells too short for their text (LibreOffice Calc exports): the text overflows the
cell across its ruling, and the text layer holds lines that sit across a ruling or are not
printed at all.  A line across a ruling goes whole to one row (``GridSettings.
crossing_line_share``); a cell whose last line crosses the ruling under it says it may be cut.

Data: samples/office and samples/office-kinds (tools/make_office_samples.py: rows of fixed
height, some too short), tests/data/overflow (three 2-line rows holding 3–4-line items,
aligned top, centre and bottom: made with openpyxl and ``soffice --convert-to pdf``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

from .conftest import ROOT, SAMPLES

DATA = ROOT / "tests" / "data" / "overflow"
SIX = ("change_date", "item", "before", "after", "timing", "explanation")
_WS = re.compile(r"\s+")
WARNINGS_IGNORED = ("truncated:", "ocr", "row_continued", "merged_cell_filled")


def _warned(rec) -> bool:
    return rec.confidence < 0.5 or any(not f.startswith(WARNINGS_IGNORED) for f in rec.flags)


@pytest.mark.parametrize(
    "folder",
    sorted(p.parent for s in ("office", "office-kinds") for p in (SAMPLES / s).glob("*/input.pdf")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_office_pdfs_read_every_cell(folder: Path):
    """Every cell of the tuning sets' Calc and Writer PDFs, whitespace aside.  Before the
    crossing rule, the first line of a too-tall Calc cell, printed across the ruling above it,
    was torn character by character between two rows (``Ⅰ本報`` and ``基情``): 8 wrong rows."""
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.pdf").records
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        for f in SIX:
            assert _WS.sub("", getattr(g, f) or "") == _WS.sub("", e[f] or ""), (e["row_index"], f)


ITEMS = ("Ⅰ基本情報", "Ⅰ基本情報", "Ⅰ基本情報", "Ⅱ特定個人情報ファイルの概")


def test_a_cell_overflowing_downwards_says_it_may_be_cut():
    """Top-aligned cells too short for their items: the last printed line of each item sits
    across the ruling under it and the rest is not in the text layer.  The line stays with its
    row and the item is flagged ``truncated:item``, never silently short."""
    got = extract_document(DATA / "calc-overflow-top.pdf").records
    assert [r.change_date for r in got] == ["2023-04-01"] * 3 + ["2022-10-01"]
    for rec, head in zip(got, ITEMS, strict=True):
        assert rec.item.startswith(head)
        assert "truncated:item" in rec.flags
    assert [r.before for r in got[1:3]] == ["市民部市民課", "市民部市民課長"]


def test_a_cell_overflowing_upwards_keeps_its_lines_together():
    """Bottom-aligned cells: the items' first lines are not printed, the next sit across the
    ruling above their cell and go whole to it; every item is flagged as cut."""
    got = extract_document(DATA / "calc-overflow-bottom.pdf").records
    assert [r.before for r in got] == [
        "住民票の写しの交付に関する事務を行う。",
        "市民部市民課",
        "市民部市民課長",
        "・紙\n・専用線",
    ]
    assert [r.item.split("\n")[0] for r in got] == [
        "１．特定個人情報ファイルを取り扱う事務",
        "７．評価実施機関における担当部署",
        "７．評価実施機関における担当部署",
        "３．特定個人情報の入手・使用",
    ]
    assert all("truncated:item" in r.flags for r in got)


CENTRED_ITEMS = (
    "Ⅰ基本情報１．特定個人情報ファイルを取り扱う事務②事務の内容",
    "Ⅰ基本情報７．評価実施機関における担当部署①部署",
    "Ⅰ基本情報７．評価実施機関における担当部署②所属長の役職名",
    "Ⅱ特定個人情報ファイルの概要３．特定個人情報の入手・使用②入手方法",
)


def test_centred_overflow_printing_two_rows_on_one_line_is_warned():
    """Centred cells overflow both ways: one row's last line and the next row's first line are
    printed on the same baseline, their characters interleaved (``Ⅰ②基事本務情の報内容``).  No
    geometry of the text layer parts them: every row whose item is not the truth's is warned,
    the row above such a line included (its item lost its last line to it)."""
    got = extract_document(DATA / "calc-overflow-centre.pdf").records
    assert len(got) == 4
    wrong = [r for r, truth in zip(got, CENTRED_ITEMS, strict=True) if _WS.sub("", r.item) != truth]
    assert len(wrong) >= 3
    for rec in wrong:
        assert _warned(rec), (rec.item, rec.flags, rec.confidence)
