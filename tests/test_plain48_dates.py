"""Box-order texts (pdfminer, plain pdftotext) of LibreOffice tables (session 48): a merged date
run over a page break (plain pdftotext keeps its text on one page), a date at the boundary of two
rows (pdfminer), a page whose dates run out of date order, a numbered list cut by a page break."""

from __future__ import annotations

from piatable.models import CellLine
from piatable.normalize.boxes import Box
from piatable.normalize.carried_dates import CARRIED_DATE_WHY, carried_rows, dates_emitted_whole
from piatable.normalize.page_date_order import first_in_doubt, in_date_order
from piatable.normalize.page_lists import join_lists_over_pages, list_end, list_number
from piatable.normalize.run_segments import BOUNDARY_WHY, boundary_rows, doubted_rows
from tests.text_checks import cell_text, read_sample


def _date_whys(row) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.why for d in row.doubts if d.kind == "column_guess" and d.field == "change_date"]


def test_plain_rows_of_a_merged_date_run_over_the_break_are_warned() -> None:
    """p48-calc-v1 (plain pdftotext, 3 pages, dates merged over 2–4 rows, a page break every few
    rows): the date column is emitted whole on each page, so every row of the later pages but
    ones no cut could move carries the doubt; the first page's first row (no page before it)
    and the last page's last row (no page after it) do not."""
    result, truth = read_sample("office-plain48/p48-calc-v1-pdftotext")
    rows = result.rows
    assert len(rows) == len(truth) == 9
    assert [cell_text(r, "change_date") for r in rows] == [
        "".join(t["change_date_raw"].split()) for t in truth
    ]
    carried = [k for k, r in enumerate(rows) if CARRIED_DATE_WHY in _date_whys(r)]
    assert carried == [1, 2, 3, 4, 5, 6, 7]


def test_a_boundary_date_warns_the_row_it_may_belong_to() -> None:
    """p48-calc-v3 (pdfminer, one page): the date of rows 2–3, centred on their boundary, is
    emitted after both their items; the segmenter gives row 2 the date above, wrong, and row 2 is
    warned; rows 0, 1 and 3, whose date no cut within a row of the boundary changes, are not."""
    result, truth = read_sample("office-plain48/p48-calc-v3-pdfminer")
    rows = result.rows
    assert cell_text(rows[2], "change_date") == "2021/09/01" != truth[2]["change_date_raw"]
    assert BOUNDARY_WHY in _date_whys(rows[2])
    assert [k for k, r in enumerate(rows) if BOUNDARY_WHY in _date_whys(r)] == [2]


def test_boundary_rows_and_doubted_rows() -> None:
    # Dates emitted after 2 and after 3 of 4 items: the first run may end at row 1 or row 2.
    assert boundary_rows([2, 3], 4, [0, 3]) == {2}
    assert doubted_rows([2, 3], 4, [0, 3], False, "order") == {2: BOUNDARY_WHY}
    # A date emitted before every item tells nothing: ties are the segmenter's (unsure_rows).
    assert boundary_rows([0], 3, [0]) == set()


def test_carried_rows() -> None:
    # One date, five rows, pages before and after: any row may belong to either neighbour's group.
    assert carried_rows(5, 1, [0] * 5, True, True) == {0, 1, 2, 3, 4}
    # Two dates over three rows, first page (nothing carried in): only the last row may go on
    # with the next page's first group.
    assert carried_rows(3, 2, [0, 1, 1], False, True) == {2}
    assert carried_rows(3, 2, [0, 1, 1], False, False) == set()
    assert dates_emitted_whole([1, 2], {1: [0, 1], 2: [9]}, {1: [2, 5], 2: [10, 12]})
    assert not dates_emitted_whole([1], {1: [0, 6]}, {1: [2, 5]})


def test_in_date_order() -> None:
    assert in_date_order(["2019-04-01", "2019-04-01", "2020-01-06"])
    assert in_date_order(["2024-02-01", "2020-01-06"])
    # A 第三者点検 row's before / after dates among the 変更日: out of order.
    assert not in_date_order(["2023-01-10", "2023-11-24", "2019-08-20", "2023-11-24"])
    # The rows from the date before the first step down are in doubt (a cells' pair came in
    # there or just before); the rows given earlier dates keep theirs.
    seq = ["2019-05-07", "2020-04-01", "2022-06-15", "2023-11-24", "2019-08-20", "2023-11-24"]
    assert first_in_doubt(seq) == 3
    assert first_in_doubt(["2019-08-20", "2023-11-24", "2020-04-01", "2023-04-01", "2024-02-01"]) == 0
    assert first_in_doubt(["2024-02-01", "2020-01-06"]) is None


def _box(page: int, *texts: str) -> Box:
    return Box([CellLine(t, page=page, line_no=k) for k, t in enumerate(texts)])


def test_a_list_cut_by_a_page_break_joins_its_box() -> None:
    assert list_number("２．全職員を対象に") == ("dot", 2)
    assert list_number("（３）点検結果") == ("paren", 3)
    assert list_number("②退職者") == ("circled", 2)
    assert list_number("住民票") is None
    item1 = _box(1, "Ⅳその他のリスク対策", "２．従業者に対する教育・啓発")
    before = _box(1, "新規採用職員に対し研修を実施している。")
    after = _box(1, "１．新規採用職員及び異動職員に対し研修を実施している。")
    rest = _box(2, "２．全職員を対象に研修を実施している。", "３．委託先にも求めている。")
    item2 = _box(2, "Ⅵ評価実施手続", "３．第三者点検")
    later = _box(2, "２．ほかの行")
    boxes = [item1, before, after, rest, item2, later]
    out = join_lists_over_pages(boxes, {id(item1), id(item2)})
    assert out == [item1, before, after, item2, later]
    assert [cl.text for cl in after.lines][1:] == [
        "２．全職員を対象に研修を実施している。",
        "３．委託先にも求めている。",
    ]


def test_a_list_rest_sharing_its_box_with_the_next_cell_is_cut_there() -> None:
    """Plain pdftotext put a Writer row's ``(2)…`` (the rest of its after cell, on the next
    page) and the next row's after cell in one box: only the list's rest joins."""
    lines = [
        CellLine(t, page=3)
        for t in (
            "(2)不備があった場合",
            "は、速やかに改善す",
            "る。",
            "委託先から作業報告",
            "書を提出させる。",
        )
    ]
    assert list_end(lines, ("paren", 2)) == 3
    item = _box(2, "Ⅳその他のリスク対策", "１．監査")
    after = _box(2, "年１回、自己点検する。", "(1)点検結果は所属長", "に報告する。")
    rest = Box(lines)
    out = join_lists_over_pages([item, after, rest], {id(item)})
    assert [cl.text for cl in after.lines][3:] == ["(2)不備があった場合", "は、速やかに改善す", "る。"]
    assert [[cl.text for cl in b.lines] for b in out[2:]] == [["委託先から作業報告", "書を提出させる。"]]
    # Numbered paragraphs going on (２．, ３．) stay with the list.
    numbered = [
        CellLine(t, page=2) for t in ("２．全職員に研修を", "実施している。", "３．委託先にも求める。")
    ]
    assert list_end(numbered, ("dot", 2)) == 3
