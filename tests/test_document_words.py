"""A character read unsure and suspect is put right only from the document's own text."""

from __future__ import annotations

from piatable.extract.ocr.document_words import mend_confident_from_document, mend_from_document
from piatable.models import CellLine, RawRow


def _row(field: str, text: str, unsure: tuple = (), line_no: int = 1) -> RawRow:
    row = RawRow()
    cl = CellLine(text, 1, line_no, None, 90.0)
    cl.unsure = unsure
    row.cells[field] = [cl]
    return row


MISREAD = ("事務の範肝の変更による修正", (("範", "肝", "の", 78.0),))


def test_the_surroundings_printed_elsewhere_name_the_character() -> None:
    rows = [_row("explanation", *MISREAD), _row("before", "事務の範囲の変更を行う", line_no=2)]
    assert mend_from_document(rows) == 1
    assert rows[0].cells["explanation"][0].text == "事務の範囲の変更による修正"
    assert rows[1].cells["before"][0].text == "事務の範囲の変更を行う"


def test_nothing_changes_without_the_document_saying_so() -> None:
    rows = [_row("explanation", *MISREAD), _row("before", "住民基本台帳の記載", line_no=2)]
    assert mend_from_document(rows) == 0
    assert rows[0].cells["explanation"][0].text == MISREAD[0]


def test_two_candidates_leave_it_as_read() -> None:
    rows = [
        _row("explanation", *MISREAD),
        _row("before", "の範囲の変", line_no=2),
        _row("after", "の範例の変", line_no=3),
    ]
    assert mend_from_document(rows) == 0


def test_a_character_read_unsure_elsewhere_vouches_for_nothing() -> None:
    # The other line's 員 was itself read unsure: two misreads of 窓口 do not mend each other.
    rows = [
        _row("after", "(1)窓品における確認", (("窓", "品", "に", 80.0),)),
        _row("before", "(1)窓員における確認", (("窓", "員", "に", 80.0),), line_no=2),
    ]
    assert mend_from_document(rows) == 0


def test_a_character_inside_a_dictionary_word_is_not_touched() -> None:
    rows = [
        _row("explanation", "使用部署の追加", (("部", "署", "の", 75.0),)),
        _row("before", "使用部品の追加", line_no=2),
    ]
    assert mend_from_document(rows) == 0


def test_a_confident_misread_is_mended_from_the_same_surroundings_elsewhere() -> None:
    """課税次料 read with confidence (nothing unsure): the document prints 課税資料 in the same
    surroundings, and the dictionary reads that far more easily."""
    rows = [
        _row("after", "提出された課税次料を受領する。"),
        _row("before", "課税資料を収集し、課税台帳を作成する。", line_no=2),
    ]
    assert mend_confident_from_document(rows) == 1
    assert rows[0].cells["after"][0].text == "提出された課税資料を受領する。"
    assert "ocr_corrected" in rows[0].flags
    assert rows[1].cells["before"][0].text == "課税資料を収集し、課税台帳を作成する。"


def test_a_confident_reading_printed_twice_or_a_real_amendment_stays() -> None:
    # The read surroundings printed in two lines: the document's own word, not a misread.
    twice = [
        _row("after", "提出された課税次料を受領する。"),
        _row("before", "提出された課税次料を受領する。", line_no=2),
        _row("explanation", "課税資料を収集し", line_no=3),
    ]
    assert mend_confident_from_document(twice) == 0
    # 財務部 → 財政部 is an amendment: both read well, the dictionary gains nothing.
    amended = [_row("before", "○○市財務部市民税課"), _row("after", "○○市財政部市民税課", line_no=2)]
    assert mend_confident_from_document(amended) == 0
    assert [r.cells[f][0].text for r, f in zip(amended, ("before", "after"), strict=True)] == [
        "○○市財務部市民税課",
        "○○市財政部市民税課",
    ]


def test_a_confident_misread_into_another_word_is_mended_from_one_side() -> None:
    """英名 (a word) read for 署名: its pairs are printed nowhere else, and the document prints
    名検証 after exactly one other character (署); the dictionary reads 署名検証 more easily."""
    rows = [
        _row("after", "のちに英名検証も行われるため"),
        _row("before", "地方公共団体は署名検証を実施する。", line_no=2),
    ]
    assert mend_confident_from_document(rows) == 1
    assert rows[0].cells["after"][0].text == "のちに署名検証も行われるため"
    # Two characters printed before 名検証 elsewhere: nothing is chosen.
    two = [
        _row("after", "のちに英名検証も行われるため"),
        _row("before", "地方公共団体は署名検証を実施する。", line_no=2),
        _row("explanation", "氏名検証を行う", line_no=3),
    ]
    assert mend_confident_from_document(two) == 0
