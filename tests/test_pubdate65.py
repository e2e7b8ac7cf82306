"""変更日 cells printing a second date qualified by a label or brackets (branch pubdate65):
``令和5年4月1日`` / ``（公表日：令和5年3月15日）``, ``2023/4/1`` / ``公表 2023/3/15``, ``2023/3/15施行``.
The row's 変更日 is the cell's unqualified date; the qualified one stays in ``change_date_raw``.
Samples: pubdate65 (tuning; tools/make_pubdate65_samples.py: LibreOffice Calc / Writer and
Chromium PDFs, 11 extractors' texts).  The held-out set is measured by tools/eval_office.py only."""

from __future__ import annotations

import json

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.compound import line_cells
from piatable.normalize.dates import is_date_line
from piatable.normalize.line_dates import date_of_lines, raw_date
from piatable.normalize.qualified_dates import join_qualified_lines, split_qualified

from .conftest import SAMPLES

SET = SAMPLES / "pubdate65"


def _squash(text: object) -> str:
    return "".join(str(text or "").split())


@pytest.mark.parametrize(
    ("lines", "iso", "qualified"),
    [
        (["令和２年１０月１日", "公表日：令和２年９月２２日"], "2020-10-01", "公表日：令和２年９月２２日"),
        (["令和２年１０月１日公表日：令和２年９月２２日"], "2020-10-01", "公表日：令和２年９月２２日"),
        (["2019/4/1", "2019/3/23公表"], "2019-04-01", "2019/3/23公表"),
        (["2020/10/1", "(公表 2020/10/24)"], "2020-10-01", "(公表2020/10/24)"),
        (["2021/4/1", "(2021/4/20)"], "2021-04-01", "(2021/4/20)"),
        # the qualified date printed first, its label wrapped in a narrow column
        (["【公", "表:2021/10/27】", "2021/10/1"], "2021-10-01", "【公表:2021/10/27】"),
        (["【適用", "日:2024/5/12】", "2024/4/1"], "2024-04-01", "【適用日:2024/5/12】"),
        (["令和5年4月1日（施行日令和5年3", "月15日）"], "2023-04-01", "（施行日令和5年3月15日）"),
    ],
)
def test_the_unqualified_date_is_the_change_date(lines, iso, qualified):
    assert date_of_lines(lines) == (iso, False)
    kept, pieces, _ = split_qualified(lines)
    assert [_squash(p) for p in pieces] == [_squash(qualified)]
    assert _squash(parse := "".join(kept)) and qualified not in parse
    raw = raw_date(lines)
    assert _squash(raw) == _squash("".join(lines))  # nothing of the cell dropped
    assert _squash(qualified) in [_squash(x) for x in raw.split("\n")]  # on a line of its own


def test_a_cell_of_qualified_dates_only_is_in_doubt():
    assert date_of_lines(["（公表日：令和5年3月15日）"]) == ("2023-03-15", True)


@pytest.mark.parametrize(
    "text",
    [
        "平成31年4月1日 時点",
        "令和3年4月1日施行",
        "平成28年8月25日 令和2年11月20日",
        "①実施日 平成28年8月25日",
        "公表日 令和6年2月1日",
    ],
)
def test_dates_of_cells_open_no_row(text):
    """A before / after cell's date with words beside it, two cells' dates side by side, a
    cover's 公表日: no row's 変更日 (a qualified date needs an unqualified one beside it)."""
    assert not is_date_line(text)


def test_a_qualified_line_is_glued_to_its_date_line():
    lines = [
        CellLine("2019年5月1日", 1, 3),
        CellLine("適用日 2019年4月", 1, 4),
        CellLine("19日", 1, 5),
        CellLine("Ⅱ特定個人情報ファイルの概要", 1, 6),
        CellLine("【届出日:2021/10/27】", 1, 9),
        CellLine("2021/10/1", 1, 10),
    ]
    got = [cl.text for cl in join_qualified_lines(lines)]
    assert got == [
        "2019年5月1日 適用日 2019年4月19日",
        "Ⅱ特定個人情報ファイルの概要",
        "【届出日:2021/10/27】 2021/10/1",
    ]
    assert all(is_date_line(t) for t in (got[0], got[2]))
    assert line_cells(got[0], True) == (got[0],)  # one cell, not a date beside other text


def _records(path):
    res = extract_document(path)
    return res, [r.to_dict() for r in res.records]


@pytest.mark.parametrize("case", sorted(p.name for p in SET.glob("*/input.pdf") for p in [p.parent]))
def test_pdfs_read_the_change_date_and_keep_the_qualified_one(case):
    """Before pubdate65 Writer's cells read ``2019/4/12019/3/23公表`` (no date, or the day 12),
    the qualified-first ones the qualified date."""
    expected = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    _, got = _records(SET / case / "input.pdf")
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g["change_date"] == e["change_date"]
        assert _squash(g["change_date_raw"]) == _squash(e["change_date_raw"])
        assert len(g["change_date_raw"].split("\n")) == 2  # the change date, the qualified one


@pytest.mark.parametrize(
    "case",
    [
        "pd65-chromium-paren-narrow-pypdfium2",
        "pd65-chromium-paren-narrow-pdftotext-raw",
        "pd65-writer-label-wide-pypdfium2",
        "pd65-writer-after-wide-pypdf",
        "pd65-calc-label-narrow-pypdfium2",
    ],
)
def test_row_ordered_text_opens_one_row_per_date_cell(case):
    """pypdfium2 / ``pdftotext -raw`` / pypdf: the qualified date's line opened a row of its own,
    or became the row's 変更日 with no flag (a new user's table, session 65)."""
    expected = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    _, got = _records(SET / case / "input.txt")
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert _squash(g["change_date_raw"]) == _squash(e["change_date_raw"])
        assert _squash(g["item"]) == _squash(e["item"])


def test_layout_text_opens_no_row_at_a_qualified_date_under_its_date():
    """``pdftotext -layout`` of a Writer table (``2019/4/1`` / ``2019/3/23 公表``): the second line
    opened a row of its own, each row cut in two (14 rows of 7) before pubdate65."""
    folder = SET / "pd65-writer-after-wide-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    _, got = _records(folder / "input.txt")
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert _squash(g["change_date_raw"]) == _squash(e["change_date_raw"])
        assert _squash(g["item"]) == _squash(e["item"])
