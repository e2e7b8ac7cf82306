"""A record printed over two sheet rows (branch tworow69, set XXX): the second sheet row prints no
変更日, 項目 nor 提出時期 and holds the rest of 変更前 / 変更後 / 説明; read back as one record
(normalize/grid/continued_rows.py), while a change of its own under merged cells stays a row
(samples/office-splitrows69, tools/make_split_rows69_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from piatable.normalize.grid.continued_rows import continuation_of, join_continued_rows
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SPLIT = SAMPLES / "office-splitrows69"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


def _expected(case: Path) -> list[dict]:
    return json.loads((case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("case", ["sr69-calc-juki-1", "sr69-calc-zeimu-3", "sr69-writer-municipal-8"])
def test_ruled_pdf_reads_one_record_per_change(case: str) -> None:
    """Calc and Writer PDFs whose records go on in a next sheet row (border drawn or not, a page
    break between the two rows): one record per change, every field right (spaces aside)."""
    result = extract_document(SPLIT / case / "input.pdf")
    expected = _expected(SPLIT / case)
    assert len(result.records) == len(expected)
    for got, want in zip(result.records, expected, strict=True):
        for f in FIELDS:
            assert _squash(getattr(got, f)) == _squash(want[f]), (f, got.item)


def test_continued_before_cell_holds_both_sheet_rows_text() -> None:
    """Writer: 変更前 cut in mid-sentence (…・違反行為 / を行った者に対しては…) is one cell of
    the record above, not a row of text fragments without a date."""
    result = extract_document(SPLIT / "sr69-writer-zeimu-7" / "input.pdf")
    assert all(r.change_date and r.timing for r in result.records)
    second = result.records[1]
    assert "・違反行為を行った者に対しては、懲戒処分を含め厳正に対処する。" in _squash(second.before)


def test_layout_text_joins_a_continued_explanation() -> None:
    """pdftotext -layout: an explanation cut at …データセンタ / ーへの移設に伴う修正 over two sheet
    rows (with 変更前 / 変更後 going on too) is one record's."""
    case = SPLIT / "sr69-calc-juki-5-pdftotext-layout"
    result = extract_document(case / "input.txt")
    assert len(result.records) == len(_expected(case))
    assert any(
        _squash(r.explanation).startswith("既存住基システムのデータセンターへの移設") for r in result.records
    )


def _line(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text)


def _row(date: str, item: str, before: str, after: str, timing: str, expl: str, flags=()) -> SimpleNamespace:
    cells = {
        c: [_line(t) for t in v.split("\n")] if v else []
        for c, v in enumerate((date, item, before, after, timing, expl))
    }
    return SimpleNamespace(cells=cells, page_start=1, page_end=1, flags=list(flags), doubt=None, table=0)


ABOVE = (
    "R4.4.1",
    "Ⅱ…\n①方法",
    "市ホームページへの掲載及び\n市民課窓口での閲覧",
    "・手順を定めている。",
    "事後",
    "再評価の実施に伴う修正",
)


def test_row_under_merged_cells_with_its_own_change_stays_apart() -> None:
    """A row sharing the merged date, item and timing (their values filled in) that prints its
    own before and after, the cells above closed, is a change of its own."""
    above = _row(*ABOVE[:2], "・サーバー室に設置している。", "・データセンターに設置している。", *ABOVE[4:])
    below = _row(
        *ABOVE[:2],
        "・鍵は管理者が管理する。",
        "・鍵は委託先が管理する。",
        "事後",
        "鍵の管理者の変更",
        ["merged_cell_filled"],
    )
    assert continuation_of(below, above) is None
    added = _row(*ABOVE[:2], "", "・届出書を保管する。\n上記を新規追加", "事後", "", ["merged_cell_filled"])
    assert continuation_of(added, above) is None
    reason = _row(ABOVE[0], "", "", "", "", "様式の改正に伴う記載の整理", ["merged_cell_filled"])
    assert continuation_of(reason, above) is None


def test_row_continuing_an_open_cell_is_joined() -> None:
    """A row without date, item and timing whose 変更前 opens mid-phrase is the row above's; one
    holding only a 変更後 is too, in doubt; both sides, the cells above closed, on a ruled page
    (no merge filled in) is a guess."""
    above = _row(*ABOVE)
    rest = _row("", "", "により意見を募集した。", "", "", "")
    assert continuation_of(rest, above) == ([2], True)
    only_after = _row("", "", "", "・記録を残している。", "", "")
    assert continuation_of(only_after, above) == ([3], False)
    closed = _row(*ABOVE[:2], "・鍵を管理する。", "・手順を定めている。", *ABOVE[4:])
    both = _row("", "", "・鍵は委託先が管理する。", "・記録を確認する。", "", "")
    assert continuation_of(both, closed) == ([2, 3], False)
    rows = [closed, both]
    join_continued_rows(rows)
    assert len(rows) == 1 and rows[0].doubt and "sheet row" in rows[0].doubt
    assert [ln.text for ln in rows[0].cells[2]] == ["・鍵を管理する。", "・鍵は委託先が管理する。"]
