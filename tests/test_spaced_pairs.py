"""Two one-line before/after values that hold half-width spaces, printed side by side in
row-ordered text (normalize/spaced_pairs.py): on lines, and on committed LibreOffice texts
(samples/office-pair25, made by tools/make_pair25_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.compound import line_cells
from piatable.normalize.paired_values import doubt_undecided_pairs
from piatable.normalize.spaced_pairs import spaced_pair, undecided_pair

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("市民部 市民課 市民部 住民課 時点修正", ("市民部 市民課", "市民部 住民課", "時点修正")),
        (
            "健康福祉部 保険年金課 市民部 保険年金課 組織改正",
            ("健康福祉部 保険年金課", "市民部 保険年金課", "組織改正"),
        ),
        (
            "電話 03-1234-5678 電話 03-5555-0123 電話番号の変更",
            ("電話 03-1234-5678", "電話 03-5555-0123", "電話番号の変更"),
        ),
        (
            "〒100-0001 千代田区千代田 1-1 〒100-0005 千代田区丸の内 2-3-1",
            ("〒100-0001 千代田区千代田 1-1", "〒100-0005 千代田区丸の内 2-3-1"),
        ),
        ("1,000人以上 1万人未満 1万人以上 10万人未満", ("1,000人以上 1万人未満", "1万人以上 10万人未満")),
        # Writer's space between digits and Japanese text stays inside its word.
        (
            "100 人以上 500 人未満 500 人以上 1,000 人未満",
            ("100 人以上 500 人未満", "500 人以上 1,000 人未満"),
        ),
    ],
)
def test_two_spaced_values_built_alike_are_parted_between_them(line, pieces):
    assert spaced_pair(line) == pieces
    assert line_cells(line, True)[:2] == pieces[:2]


@pytest.mark.parametrize(
    "line",
    [
        # Writer prints a space between digits and Japanese text: one value.
        "10 万人以上 100 万人未満",
        "住民基本台帳法第 30 条の 41",
        # A date and text spaced out one character at a time.
        "2021 年 4 月 1 日",
        # A wrapped date range: a word with digits is alike only one of its make.
        "令和元年 6 月 1 日から令和元年 6 月",
        "令和 5 年 1 月 4 日から令和 5 年 2 月 3",
        "ロ セ ス に お け る リ ス ク 対 策",
        # One cell's address: no two alike halves.
        "〒100-0001 ○○市中央一丁目１番１号 ○○市役所 市民",
        # List entries of one cell: alike, but no word decides.
        "ア 提供先ごとに提供方法を定めている。 イ 提供の記録を５年間保存している。",
    ],
)
def test_a_line_of_one_value_with_spaces_is_left_whole(line):
    assert spaced_pair(line) is None


def test_alike_halves_that_no_word_decides_are_undecided():
    line = "健康福祉部 保険年金課 市民生活部 国保年金課 組織改正"
    assert spaced_pair(line) is None
    assert undecided_pair(line)
    assert not undecided_pair("市民部 市民課 市民部 住民課")
    # The item's heading with the values beside it: mended by shared_lines.mend_item_value.
    assert not undecided_pair(
        "①システムの名称 児童手当システム 子ども・子育て支援システム システム名称の変更"
    )


def _row(page: int, line: int, date: str, before: list[str]) -> RawRow:
    row = RawRow()
    if date:
        row.cells["change_date"] = [CellLine(date, page, line)]
    row.cells["item"] = [CellLine("Ⅰ基本情報", page, line + 1)]
    row.cells["before"] = [CellLine(t, page, line + 2) for t in before]
    row.cells["after"] = [CellLine("・変更後の記載", page, line + 3)]
    row.confidence = 0.875
    return row


def test_an_undecided_parting_doubts_its_row_and_the_rows_after_it_until_a_date():
    rows = [
        _row(1, 1, "2023/2/6", ["健康福祉部", "保険年金課 市民生活部 国保年金課"]),
        _row(1, 10, "", ["・変更前の記載"]),
        _row(1, 20, "", ["・変更前の記載"]),
        _row(1, 30, "2023/4/1", ["・変更前の記載"]),
        _row(2, 1, "2023/2/6", ["市民部 市民課", "市民部 住民課"]),
        _row(2, 10, "", ["・変更前の記載"]),
    ]
    doubt_undecided_pairs(rows)
    kinds = [[d.kind for d in r.doubts] for r in rows]
    assert kinds == [["column_guess"], ["row_split_guess"], ["row_split_guess"], [], [], []]
    assert [r.confidence < 0.5 for r in rows] == [True, True, True, False, False, False]


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
@pytest.mark.parametrize(
    ("case", "before"),
    [
        ("p25-calc-juki", "健康福祉部 保険年金課"),
        ("p25-calc-kokuho", "総務部 情報政策課"),
        ("p25-calc-kokuho", "電話 03-1234-5678"),
        ("p25-calc-lists", "〒100-0001 千代田区千代田1-1"),
        ("p25-calc-municipal", "〒100-0001 千代田区千代田1-1"),
    ],
)
def test_a_libreoffice_row_of_spaced_values_reads_its_own_cells(tool, case, before):
    """The row's before, after and explanation are its own (before the fix the before cell got
    the first word, the after cell the second, and the rest went to the explanation or the row
    below); the rows next to it keep theirs."""
    folder = ROOT / "samples" / "office-pair25" / f"{case}-{tool}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(folder / "input.txt").records]
    assert len(got) == len(expected)
    k = next(i for i, e in enumerate(expected) if e["before"] == before)
    squash = "".join
    for field in ("before", "after", "explanation"):
        assert squash(got[k][field].split()) == squash(expected[k][field].split()), field
    for j in (k - 1, k + 1):
        if 0 <= j < len(expected):
            assert squash((got[j]["explanation"] or "").split()) == squash(expected[j]["explanation"].split())
