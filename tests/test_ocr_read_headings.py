"""OCR corrections that turned a right read wrong (issues 11/12, set H): item lines read as a
heading of the form keep it, a heading wrapped after a full-width space is no misread, a stock
phrase read with a character twice is not written as the other sentence.  The read lines are
every expected item cell of the samples wrapped at each place (tools/bench_ocr_corrections.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from piatable.extract.ocr.corrections import correct_ocr_rows
from piatable.extract.ocr.heading_fixes import fix_heading
from piatable.extract.ocr.phrases import snap_phrases
from piatable.extract.ocr.read_headings import keep_read_headings
from piatable.models import CellLine, RawRow


def _corrected_item(lines: list[str]) -> list[str]:
    row = RawRow()
    row.cells["item"] = [CellLine(t) for t in lines]
    correct_ocr_rows([row])
    return [cl.text for cl in row.cells["item"]]


@pytest.mark.parametrize(
    "lines",
    [
        # 人/入 look-alikes: both headings the forms print (fix_confusions made 人手元, 入手を介在).
        ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "①入手元 ※"],
        ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "①入", "手元 ※"],
        ["Ⅳリスク対策", "８．　人手を介在させる作業", "判断の根拠"],
        ["Ⅳリスク対策", "８．　人", "手を介在させる作業", "判断の根拠"],
        # A heading wrapped after the numbering's full-width space (snap_item_lines made 特特).
        ["Ⅱ特定個人情報ファイルの概要", "３．　特", "定個人情報の入手・使用", "②入手方法"],
        ["Ⅵ評価実施手続", "２．　国", "民・住民等からの意見の聴取", "①方法"],
        # A heading's numbering wrapped onto a line of its own (restore_lost_circled took １． for a
        # lost circled number: ②監査, ③対象人数).
        ["Ⅳその他のリスク対策", "１．", "監査", "①自己点検"],
        ["Ⅱしきい値判断項目", "１．", "対象人数", "いつ時点の計数か"],
        # A top heading wrapped before 概要: its Ⅱ is right (fix_heading made it Ⅲ).
        ["Ⅱ特定個人情報ファイルの", "概要", "１．特定個人情報ファイル名"],
    ],
)
def test_item_read_right_stays_as_read(lines):
    assert _corrected_item(lines) == lines


def test_heading_numeral_still_restored_on_a_read_heading():
    assert (
        _corrected_item(["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "@入手方法"])[-1]
        == "②入手方法"
    )
    assert fix_heading("Il特定個人情報ファイルの") == "Ⅱ特定個人情報ファイルの"
    assert fix_heading("Ⅱ特定個人情報ファイルの") == "Ⅱ特定個人情報ファイルの"


def test_keep_read_headings_gives_back_the_heading_not_the_numbering():
    read = ["⑧入手方法", "①入手元"]
    assert keep_read_headings(read, ["②入手方法", "①人手元"]) == ["②入手方法", "①入手元"]
    # A line that is no heading is left to the corrections.
    assert keep_read_headings(["①入手元カ"], ["①人手元力"]) == ["①人手元力"]


@pytest.mark.parametrize("read", ["重要な変更にああたらない", "重要な変更にこあたらない"])
def test_phrase_read_with_a_character_twice_is_the_documents_sentence(read):
    # Alone, a guess between …にあたらない (a character dropped) and …にはあたらない (one swapped):
    # left as read.
    assert snap_phrases([read]) == [read]
    assert snap_phrases([read], Counter({"重要な変更にあたらない": 3})) == ["重要な変更にあたらない"]
    assert snap_phrases([read], Counter({"重要な変更にはあたらない": 3})) == ["重要な変更にはあたらない"]
    # A plain misread is still snapped.
    assert snap_phrases(["重要な変更にめたらない"]) == ["重要な変更にあたらない"]


def test_phrase_left_as_read_is_flagged_suspect():
    def doubts(text: str) -> list[tuple[str, str]]:
        row = RawRow()
        row.cells["item"] = [CellLine("Ⅱ特定個人情報ファイルの概要")]
        row.cells["explanation"] = [CellLine(text)]
        correct_ocr_rows([row])
        return [(d.kind, d.field) for d in row.doubts]

    assert ("ocr_suspect", "explanation") in doubts("重要な変更にああたらない")
    for printed in ("重要な変更にあたらない", "重要な変更にはあたらない", "・重要な変更にあたらない"):
        assert doubts(printed) == []
