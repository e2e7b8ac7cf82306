"""Characters tesseract read unsure that no word and no other line vouches for are flagged."""

from __future__ import annotations

from piatable.models import CellLine, RawRow, Word
from piatable.normalize.ocr_spots import unsure_kanji_doubts
from piatable.normalize.ocr_text import UNSURE_WORD_CONF, unsure_words
from piatable.normalize.records import rows_to_records
from piatable.settings import Settings

Q = Settings().quality


def _row(field: str, text: str, unsure: tuple = (), line_no: int = 1) -> RawRow:
    row = RawRow()
    row.cells[field] = [CellLine(text, 1, line_no, None, 90.0)]
    row.cells[field][0].unsure = unsure
    return row


def test_unsure_words_keep_the_low_words_with_their_neighbours() -> None:
    words = [
        Word(t, 1, i * 10.0, i * 10.0 + 9, 0.0, 10.0, "ocr", c)
        for i, (t, c) in enumerate([("範", 98.0), ("肝", 78.0), ("の", 99.0)])
    ]
    assert unsure_words(words) == (("範", "肝", "の", 78.0),)
    assert unsure_words([Word("範", 1, 0, 9, 0, 10, "ocr", UNSURE_WORD_CONF)]) == ()


def test_a_misread_kanji_that_makes_no_word_is_suspect() -> None:
    row = _row("explanation", "事務の範肝の変更による修正", (("範", "肝", "の", 78.0),))
    [doubts] = unsure_kanji_doubts([row], Q)
    assert [(d.kind, d.field) for d in doubts] == [("ocr_suspect", "explanation")]
    assert "'肝'" in doubts[0].why and "78" in doubts[0].why


def test_an_unsure_kanji_inside_a_dictionary_word_is_not() -> None:
    row = _row("explanation", "組織改正による部署名の変更", (("部", "署", "名", 75.0),))
    assert unsure_kanji_doubts([row], Q) == [[]]


def test_a_pair_the_document_prints_elsewhere_vouches_for_it() -> None:
    text = "住民税の賦課肝に関する事務"
    unsure = (("課", "肝", "に", 80.0),)
    alone = _row("before", text, unsure)
    assert unsure_kanji_doubts([alone], Q)[0]
    other = _row("after", "賦課肝の確認", line_no=2)
    assert unsure_kanji_doubts([alone, other], Q)[0] == []
    # The same line copied into a second row (a merged cell filled) is one line of print.
    copy = _row("before", text, unsure)
    assert all(unsure_kanji_doubts([alone, copy], Q))


def test_a_word_the_corrections_changed_is_left_alone() -> None:
    row = _row("after", "事務の範囲の変更", (("範", "肝", "の", 78.0),))
    assert unsure_kanji_doubts([row], Q) == [[]]


def test_the_doubt_becomes_a_flag_of_the_record() -> None:
    row = _row("explanation", "事務の範肝の変更による修正", (("範", "肝", "の", 78.0),))
    row.cells["change_date"] = [CellLine("令和3年4月1日", 1, 2, None, 95.0)]
    row.cells["timing"] = [CellLine("事後", 1, 2, None, 95.0)]
    [rec] = rows_to_records([row], "x.pdf", Settings())
    assert "ocr_suspect:explanation" in rec.flags
