"""上記を新規追加 / 新規追加 / 削除 on a line of its own closes the after cell (issue 10): in
row-ordered text (``pdftotext -raw``, pypdfium2) the lines after it are the explanation, never
more of the after cell, and the explanation's first line is not cut into the after cell."""

from __future__ import annotations

import json

from piatable.models import CellLine
from piatable.normalize.singlepass import closing_line, split_row_scored
from piatable.normalize.tokenizer import default_tokenizer
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def _lines(texts: list[str]) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


ROW = [
    "Ⅱ特定個人情報ファイルの概要",
    "４．特定個人情報ファイルの取扱",
    "いの委託",
    "委託事項２",
    "①委託内容",
    "住民基本台帳システムの運用保守業務（デー",
    "タセンターにおけるサーバ機器の監視、障害",
    "発生時の対応、定期的なバックアップデータ",
    "の取得及び媒体の保管を含む。）",
    "上記を新規追加",
    "住民基本台帳システムのクラウド",
    "移行に伴い、運用保守業務を新た",
    "に委託するため",
]


def test_closing_line_is_the_last_closing_word_inside_the_row():
    assert closing_line(_lines(ROW)) == 9
    assert closing_line(_lines(["Ⅰ基本情報", "a", "削除", "b", "上記を新規追加", "理由"])) == 4
    # The last line (the explanation itself) and a line with other text do not count.
    assert closing_line(_lines(["Ⅰ基本情報", "本文", "新規追加"])) is None
    assert closing_line(_lines(["Ⅰ基本情報", "本文を新規追加する", "理由"])) is None


def test_the_explanation_starts_right_after_the_closing_line():
    """The explanation column is 30 units wide: its first line fits the body column as well, and
    without the rule the cut gave it to the after cell (before: the whole after cell)."""
    cells, _, _, _ = split_row_scored(_lines(ROW), 30, 40, Settings(), default_tokenizer(), 30, strict=True)
    item, before, after, expl = ([cl.text for cl in c] for c in cells)
    assert item == ROW[:5]
    assert before == []
    assert after == ROW[5:10]
    assert expl == ROW[10:]


def test_a_calc_row_adding_a_contractor_reads_right_in_both_orders():
    """samples/office calc-municipal row 3 (read from pdftotext -raw and pypdfium2 text)."""
    for tool in ("pdftotext-raw", "pypdfium2"):
        path = SAMPLES / "office" / f"calc-municipal-{tool}" / "input.txt"
        want = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))[3]
        got = extract_document(path).records[3]
        assert got.before in ("", None) and want["before"] == ""
        assert _squash(got.after) == _squash(want["after"])
        assert _squash(got.after).endswith("上記を新規追加")
        assert _squash(got.explanation) == _squash(want["explanation"])
        assert _squash(got.explanation).startswith("住民基本台帳システムのクラウド移行に伴い")


def test_a_last_line_above_added_stays_in_the_after_cell():
    """上記を新規追加 as a row's last line (its explanation merged with the row above, printed
    there) points at the text above it in its cell: the after cell's, never an explanation."""
    row = ROW[:10]
    cells, _, _, _ = split_row_scored(_lines(row), 30, 40, Settings(), default_tokenizer(), 30, strict=True)
    item, before, after, expl = ([cl.text for cl in c] for c in cells)
    assert item == row[:5]
    assert before == []
    assert after == row[5:]
    assert expl == []
