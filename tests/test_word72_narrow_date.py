"""Word tables with a 10-15 mm 変更日 column (branch word72; set XXXIII w02, 0 of 19 rows on the PDF):
the label 変更 / 日 wrapped beside 項目 is not read as the label 変更項目 (labels._label_runs), a
date wrapped over five lines and glued to the item beside it shows the page order
(page_order.first_cells), a date a page break cuts anywhere is one date and one row
(grid.rows._date_rest with dates.only_date_chars), and a row-ordered text's before / after cut
that breaks the cells' parallel paragraphs is warned (paired_paragraphs)."""

from __future__ import annotations

import json

import pytest

from piatable.models import PageWords, Record, Word
from piatable.normalize.dates import only_date_chars
from piatable.normalize.grid.labels import find_header
from piatable.normalize.grid.lines import words_to_lines
from piatable.normalize.page_order import _signs
from piatable.normalize.paired_paragraphs import paired_paragraph_doubts
from piatable.settings import GridSettings

from .conftest import SAMPLES, squash

H = 10.0  # the glyph height of the synthetic pages (points)


def _words(pieces: list[tuple[str, float, float]], source: str = "pdf") -> list[Word]:
    """Words (text, x0, top) of a 10 pt font, each character 10 pt wide (a digit 6)."""
    out = []
    for text, x0, top in pieces:
        width = sum(6.0 if c.isascii() else 10.0 for c in text)
        out.append(Word(text, 1, x0, x0 + width, top, top + H, source))  # type: ignore[arg-type]
    return out


# The label row of w02: 変更 / 日 in a 12 mm column, 提出 / 時期 and 提出時期に係 / る説明 wrapped.
LABEL_ROW = [
    ("変更", 48.1, 69.0),
    ("項目", 82.0, 69.0),
    ("変更前の記載", 195.4, 69.0),
    ("変更後の記載", 320.2, 69.0),
    ("提出", 444.8, 69.0),
    ("提出時期に係", 478.9, 69.0),
    ("日", 48.1, 82.4),
    ("時期", 444.8, 82.4),
    ("る説明", 478.9, 82.4),
]


def test_a_wrapped_date_label_beside_the_item_label_is_two_labels():
    settings = GridSettings()
    lines = words_to_lines(_words(LABEL_ROW), H, H, settings)
    header = find_header(lines, H, H, settings)
    assert header is not None
    assert sorted(header.labels) == [0, 1, 2, 3, 4, 5]
    assert header.labels[0] == pytest.approx((48.1, 68.1))
    assert header.labels[1][0] == pytest.approx(82.0)


def test_a_spread_label_still_reads_as_one():
    # 変　更　日 spread evenly over a wide cell (distributed alignment) stays the date's label.
    settings = GridSettings()
    row = [("変", 10.0, 69.0), ("更", 30.0, 69.0), ("日", 50.0, 69.0)] + LABEL_ROW[1:6]
    lines = words_to_lines(_words(row), H, H, settings)
    header = find_header(lines, H, H, settings)
    assert header is not None and header.labels[0] == pytest.approx((10.0, 60.0))
    assert header.labels[1][0] == pytest.approx(82.0)


def _page(number: int, dates: list[tuple[str, ...]], title: bool) -> PageWords:
    """A ruled page of a narrow 変更日 column (42.6-76.5 pt) whose dates wrap a piece a line, the
    item beside each date's lines 14 pt away (closer than the page-furniture reader's piece gap)."""
    pieces = [("（別添２）変更箇所", 42.6, 44.0)] if title else []
    pieces += LABEL_ROW
    top = 100.0
    for date in dates:
        for k, part in enumerate(date):
            pieces.append((part, 48.1, top + 13.4 * k))
            pieces.append((f"特定個人情報{k}", 82.0, top + 13.4 * k))
        top += 13.4 * len(date) + 10
    walls = [42.6, 76.5, 189.9, 314.7, 439.3, 473.4, 552.8]
    rulings = [(x, 67.2, x, 793.8) for x in walls] + [(42.6, 67.2, 552.8, 67.2)]
    return PageWords(number, 595.3, 841.9, "pt", "pdf", _words(pieces), rulings)


def test_a_date_wrapped_over_five_lines_beside_the_item_is_read_for_the_page_order():
    page = _page(1, [("令和", "元年", "9月", "22", "日"), ("令和", "2年", "5月", "22日")], title=True)
    assert _signs(page).dates == ["2019-09-22", "2020-05-22"]


@pytest.mark.parametrize(
    ("text", "only"),
    [("202", True), ("令和", True), ("2021", True), ("令和3年5月", True), ("R1.", True), ("2 0 2", True)],
)
def test_date_characters_only(text, only):
    assert only_date_chars(text) is only


@pytest.mark.parametrize("text", ["Ⅰ基本情報", "令和元年度予算", "202件", ""])
def test_not_date_characters_only(text):
    assert not only_date_chars(text)


def _record(before: str, after: str) -> Record:
    return Record("x", 0, 1, 1, None, "", "Ⅱ概要\n①保管場所", [], before, after, "事後", "時点修正")


def test_a_cut_leaving_the_after_cells_first_paragraph_in_the_before_cell_is_warned():
    # w02 .v01_pdfium: before A / なお、A…, after B / なお、B… read as before A / なお、A / B.
    a = "庁舎内のサーバ室に設置したサーバ内に保管する。"
    b = "ガバメントクラウド上の標準準拠システム内に保管する。"
    rec = _record(f"{a}\nなお、{a}ただし書\n{b}", f"なお、{b}ただし書")
    doubts = paired_paragraph_doubts(rec)
    assert {(d.kind, d.field) for d in doubts} == {("column_guess", "before"), ("column_guess", "after")}
    assert not paired_paragraph_doubts(_record(f"{a}\nなお、{a}ただし書", f"{b}\nなお、{b}ただし書"))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a period's two lines open alike: a cell's own paragraphs, not the other cell's
        ("平成30年12月1日から\n平成30年12月31日まで", "令和６年１１月１５日～令和６年１\n２月１６日"),
        # a paragraph added to the after cell
        ("・年１回、研修を実施している。", "・年１回、研修を実施している。\n・新任職員には着任時に実施。"),
        ("書面による承諾", "再委託先の名称を記載した書面の提出を受け、承諾する。\n書面による承諾を要する。"),
    ],
)
def test_right_cuts_are_not_warned(before, after):
    assert not paired_paragraph_doubts(_record(before, after))


# Tuning cases: 5 pages with 9 rows broken over them (10 mm, 令和元年…); pages fed 4, 1, 2, 3
# (10 mm, R1.9.22 style); pages fed last first (12 mm, full-width 令和元年９月２２日).
PDF_CASES = ("nd72-writer-1", "nd72-writer-6", "nd72-writer-4")


@pytest.mark.parametrize("case", PDF_CASES)
def test_office_word_tables_with_a_narrow_date_column_read_whole(case):
    from piatable.pipeline import extract_document

    folder = SAMPLES / "office-word72" / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.pdf")
    assert not any("another order" in n for n in result.notes)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in expected]
    assert [squash(r.item) for r in result.records] == [squash(e["item"]) for e in expected]
    assert [squash(r.after) for r in result.records] == [squash(e["after"]) for e in expected]
    pages = json.loads((folder.parent / "cases.json").read_text("utf-8"))[case]["file_pages"]
    moved = [n for n in result.notes if "were read in the order" in n]
    assert bool(moved) == (pages != sorted(pages))
