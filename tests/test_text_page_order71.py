"""A flattened text's table pages fed out of order put back, with a note (extract/text_page_order.py,
branch pageorder71; set XXXII u04: every text kept the file's order with no note), never on weak
evidence (dates newest first, dates not sorted); and a narrow 変更日 column's date glued piece by
piece to the item beside it in pdfplumber's text cut apart (plumber_dates.wrapped_cuts)."""

from __future__ import annotations

import pytest

from piatable.extract.plumber_dates import is_date_piece
from piatable.extract.text_page_order import text_in_page_order
from piatable.normalize.glued_dates import wrapped_cuts

LABELS = "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"
TITLE = "（別添２）変更箇所"


def _row(date: tuple[str, ...], item: str, n: int) -> list[str]:
    """A row as pypdfium2 prints a narrow date column's row: the date's pieces a line each."""
    return [*date, item, f"変更前の記載{n}", f"変更後の記載{n}", "事後", "誤記の訂正"]


def _page(rows: list[list[str]], title: bool = False, foot: str = "") -> str:
    lines = ([TITLE] if title else []) + [LABELS] + [ln for r in rows for ln in r] + ([foot] if foot else [])
    return "\n".join(lines)


P1 = [
    _row(("平成３", "０年９", "月２８", "日"), "Ⅰ基本情報", 1),
    _row(("平成３", "１年１", "月２日"), "Ⅱ特定個人情報ファイルの概要", 2),
]
P2 = [
    _row(("令和２", "年４月", "２７日"), "Ⅲリスク対策", 3),
    _row(("令和６", "年５月", "１５日"), "Ⅳその他のリスク対策", 4),
]
P3 = [
    _row(("令和７", "年１０", "月２６", "日"), "Ⅴ開示請求、問合せ", 5),
    _row(("令和７", "年１１", "月２日"), "Ⅵ評価実施手続", 6),
]


def test_pages_at_repeated_label_rows_fed_2_3_1_are_read_1_2_3_with_a_note():
    pages = [_page(P1, title=True), _page(P2), _page(P3)]
    fed = "\n".join([pages[1], pages[2], pages[0]])
    text, notes = text_in_page_order(fed)
    assert text == "\n".join(pages)
    assert len(notes) == 1
    assert notes[0].startswith("the table's pages were read in the order 3, 1, 2 of the text's pages")
    assert "title is printed on page 3 of 3" in notes[0]


def test_pages_at_form_feeds_reversed_are_read_back_and_the_cover_stays_first():
    cover = "特定個人情報保護評価書（全項目評価書）"
    pages = [_page(P1, title=True), _page(P2), _page(P3)]
    fed = "\f".join([cover, pages[2], pages[1], pages[0]])
    text, notes = text_in_page_order(fed)
    assert text == "\f".join([cover, *pages])
    assert "pages parted by form feeds" in notes[0]


def test_page_numbers_decide_alone():
    pages = [_page(P1, title=True, foot="- 1 -"), _page(P2, foot="- 2 -"), _page(P3, foot="- 3 -")]
    text, notes = text_in_page_order("\f".join([pages[0], pages[2], pages[1]]))
    assert text == "\f".join(pages)
    assert "by the page numbers printed on them" in notes[0]


def test_pages_in_order_are_left_alone_without_a_note():
    text = "\n".join([_page(P1, title=True), _page(P2), _page(P3)])
    assert text_in_page_order(text) == (text, [])


@pytest.mark.parametrize(
    "rows", [[P3[::-1], P2[::-1], P1[::-1]], [P2, P1, P3]], ids=["newest-first", "unsorted"]
)
def test_dates_newest_first_or_unsorted_with_the_title_first_stay_as_they_are(rows):
    text = "\n".join([_page(rows[0], title=True), _page(rows[1]), _page(rows[2])])
    assert text_in_page_order(text) == (text, [])


def test_the_title_alone_on_a_later_page_moves_nothing():
    """One sign (the title on page 2, dates not telling) is no proof: kept, and said."""
    pages = [_page(P2), _page(P1, title=True)]
    text = "\n".join([pages[0], pages[1]]).replace("令和", "平成")  # dates all one era: no step back
    out, notes = text_in_page_order(text)
    assert out == text
    assert notes == [
        "the table's pages may be out of order (the table's title is printed on page 2 of 2) but no"
        " order fits better: kept in the file's order; check the rows at the page breaks"
    ]


@pytest.mark.parametrize(
    ("firsts", "cuts"),
    [
        (["平成３Ⅵ評価実施手続", "１年１３．第三者点検", "月２日③結果"], [3, 3, 3]),
        (["令和７Ⅱ特定個人情報", "年１０概要", "月２６３．特定個人情報", "日・使用"], [3, 3, 3, 1]),
        (["令和２Ⅱ特定個人情報", "年４月概要", "２７日２．基本情報"], [3, 3, 3]),
        (["2024/Ⅰ基本情報", "4/1５．個人番号"], [5, 3]),
        (["令和6", "年4月", "1日"], [3, 3, 2]),
    ],
)
def test_a_narrow_columns_date_glued_to_the_item_is_cut_where_it_makes_one_valid_date(firsts, cuts):
    assert wrapped_cuts(firsts) == cuts


@pytest.mark.parametrize(
    "firsts", [["令和6年4月1日Ⅰ基本情報", "２．"], ["2024/Ⅰ基本情報", "4/15 個人"], ["Ⅰ基本情報", "１年"]]
)
def test_a_whole_date_an_ambiguous_cut_or_no_date_is_left_alone(firsts):
    assert wrapped_cuts(firsts) is None


def test_a_years_tail_digit_and_its_month_is_a_date_piece():
    assert is_date_piece("１年１") and is_date_piece("０年９") and is_date_piece("年１０")


def test_a_wrapped_date_glued_to_the_item_in_a_line_of_columns_gets_a_space_after_each_piece():
    from piatable.normalize.glued_dates import unglue_dates

    text = "\n".join(
        [
            "     平成３Ⅵ評価実施手続           評価書の記載内容は適切である    事後 対象人数の時点修正（",
            "     １年１３．第三者点検           との意見を得た。             評価書の再評価に伴う",
            "     月２日③結果                                          もの）",
        ]
    )
    out, n = unglue_dates(text)
    assert n == 3
    assert [ln.split()[0] for ln in out.split("\n")] == ["平成３", "１年１", "月２日"]
    assert out.split("\n")[1].split()[1] == "３．第三者点検"


# Committed texts of tools/make_pageorder71_samples.py (LibreOffice → PDF, pages fed in another
# order with pypdf → extractor): (case, what the note says or None for a control kept as it is).
SAMPLE_CASES = [
    ("po71-calc-9-pypdfium2+nl", "3, 1, 2"),  # no form feeds: pages parted at the label rows
    ("po71-writer-4-pdftotext-layout", "5, 1, 2, 3, 4"),  # Writer's narrowest 変更日, no page numbers
    ("po71-writer-8-pdfplumber+nl", "3, 1, 2"),  # dates newest first
    ("po71-calc-5-pdftotext-layout", None),  # dates not sorted, pages in order
    ("po71-writer-10-pypdfium2+nl", None),
]


@pytest.mark.parametrize(("case", "order"), SAMPLE_CASES, ids=[c for c, _ in SAMPLE_CASES])
def test_office_texts_fed_out_of_order_are_read_in_order_and_controls_stay(case, order):
    import json

    from piatable.pipeline import extract_document

    from .conftest import SAMPLES

    folder = SAMPLES / "office-pageorder71" / case
    result = extract_document(folder / "input.txt")
    moved = [n for n in result.notes if "were read in the order" in n]
    if order is None:
        assert not moved and not any("may be out of order" in n for n in result.notes)
        return
    assert moved and f"in the order {order} of the text's pages" in moved[0]
    # The rows come in the table's order: the first and last rows' months are the table's (a
    # day may be misread: pdfplumber's ``2023`` / ``/3/3`` / ``1`` reads 2023-03-03).
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    dated = [r.change_date[:7] for r in result.records if r.change_date]
    assert (dated[0], dated[-1]) == (expected[0]["change_date"][:7], expected[-1]["change_date"][:7])
    pages = [r.page_start for r in result.records]
    assert pages == sorted(pages)
