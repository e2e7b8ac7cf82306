"""Row-ordered text of LibreOffice tables whose before / after cells are lists (issues 10 / 12,
branch pdfium17): check-box marks printed away from their boxes are put back
(normalize/box_marks.py), a ＜…＞ heading does not end the before cell, and the list checks
(normalize/list_checks.py) warn the rows whose cut the text leaves open."""

from __future__ import annotations

from pathlib import Path

from piatable import extract_document
from piatable.models import Record
from piatable.normalize.box_marks import place_box_marks, stray_box_mark
from piatable.normalize.list_checks import list_doubts

ROOT = Path(__file__).resolve().parent.parent
SETS = ("office-pdfium17", "heldout-pdfium17")


def _record(**cells: str) -> Record:
    base = {"before": "", "after": "", "explanation": "記載の修正"}
    base.update(cells)
    return Record(
        source="t",
        row_index=0,
        page_start=1,
        page_end=1,
        change_date="2020-04-01",
        change_date_raw="2020/4/1",
        item="Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
        item_path=["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "②入手方法"],
        timing="事後",
        **base,
    )


def test_marks_after_their_line_go_back_in_the_box() -> None:
    """pypdfium2 prints a fallback font's ○ at its line's end, a space apart."""
    text, moved = place_box_marks("［ ］紙 ○\n［ ］電子メール\n［ ］専用線 ［ ］フラッシュメモリ ○")
    assert text == "［○］紙\n［ ］電子メール\n［ ］専用線 ［ ］フラッシュメモリ ○"
    assert moved == 1
    assert stray_box_mark("［ ］専用線 ［ ］フラッシュメモリ ○")


def test_marks_alone_before_their_line_go_back_in_the_box() -> None:
    """pdftotext -raw prints it alone on the line before its box's line."""
    text, moved = place_box_marks("具体的な方法\n○\n［ ］その他（住基ネット）\n［ ］紙")
    assert text == "具体的な方法\n［○］その他（住基ネット）\n［ ］紙"
    assert moved == 1


def test_placeholders_and_text_without_boxes_stay() -> None:
    for text in ("株式会社 ○ ○ 商事", "○○市長\n○", "［○］紙 ○○市"):
        assert place_box_marks(text) == (text, 0)


def test_no_stray_mark_read_on_the_samples() -> None:
    """Every case of the pdfium17 sets (some of whose ○ Droid Sans Fallback prints) reads no
    check box with its mark apart from it."""
    for name in SETS:
        for folder in sorted((ROOT / "samples" / name).glob("*-p*")):
            for r in extract_document(folder / "input.txt").records:
                assert not stray_box_mark(r.before) and not stray_box_mark(r.after), (
                    folder.name,
                    r.row_index,
                )


def test_heading_ending_a_cell_warns() -> None:
    rec = _record(before="・端末を固定している。\n＜紙媒体における措置＞", after="・書庫に保管している。")
    assert {d.field for d in list_doubts(rec)} == {"before", "after"}
    # A clipped cell ends on a heading; the next then opens with its own.
    rec = _record(before="・端末を固定している。\n＜紙媒体における措置＞", after="＜Ａにおける措置＞\n・…")
    assert not list_doubts(rec)


def test_list_stopping_open_and_split_reason_warn() -> None:
    rec = _record(before="・端末を固定している。\n・職員に対し、年２回の研修", after="・…を実施している。")
    assert list_doubts(rec)
    rec = _record(
        before="市民課", after="・ＩＤを付与している。\n附票連携システムの導入に伴う", explanation="修正"
    )
    assert list_doubts(rec)
    rec = _record(
        before="", after="住民基本台帳法第30条の41", explanation="上記を新規追加附票の提供開始に伴う追加"
    )
    assert list_doubts(rec)


def test_right_lists_stay_quiet() -> None:
    for cells in (
        {"before": "［○］紙\n［ ］電子メール", "after": "［ ］紙\n［○］電子メール"},
        {
            "before": "＜Ａにおける措置＞\n・端末を固定している。",
            "after": "・書庫に保管している。\n※詳細は別紙",
        },
        {"before": "・端末を固定している。\n・書庫に保管している。", "after": "市民課"},
    ):
        assert not list_doubts(_record(**cells)), cells
