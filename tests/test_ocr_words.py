"""Words an OCR cell prints once, a character off a word of its document (normalize/ocr_words.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from piatable.normalize.ocr_words import document_near_word_doubts, one_edit

from .truth_files import rows_of, truth_files

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("item", "before", "after", "explanation")


def _doc(*afters: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(item="", before="", after=a, explanation="") for a in afters]


def _whys(docs: list[SimpleNamespace]) -> list[list[str]]:
    return [[d.why for d in ds] for ds in document_near_word_doubts(docs, [True] * len(docs))]


def test_one_edit():
    assert one_edit("シレステム", "システム") and one_edit("ｃeltax", "eltax")
    assert not one_edit("サーバー", "サーバ") and not one_edit("システム", "システム")


def test_a_katakana_word_a_character_off_a_word_of_the_document_is_suspect():
    whys = _whys(_doc("既存住基システムの更新", "既存住基シレステムの移設", "システム管理"))
    assert whys[0] == [] and whys[2] == []
    assert "'シレステム'" in whys[1][0]


def test_a_katakana_word_a_character_longer_than_a_dictionary_word_is_suspect():
    assert "'サーバボ'" in _whys(_doc("データセンターにおけるサーバボ機器の監視"))[0][0]


def test_a_latin_word_a_letter_off_is_suspect_and_the_more_printed_one_quiet():
    whys = _whys(_doc("ｅＬＴＡＸによる受信", "ｅＬＴＡＸの利用", "ｅＬＡＸの利用拡大"))
    assert whys[:2] == [[], []] and "'ｅＬＡＸ'" in whys[2][0]


def test_a_placeholder_of_a_length_printed_once_is_suspect():
    whys = _whys(_doc("○○市中央一丁目", "○○市役所", "○○○市役所市民課"))
    assert whys[:2] == [[], []] and "placeholder" in whys[2][0]


def test_words_of_the_dictionary_and_long_marks_are_quiet():
    assert (
        _whys(_doc("リストを作成する", "リスクへの措置", "サーバー室", "サーバ機器", "オンライン"))
        == [[]] * 5
    )


def test_quiet_on_every_truth_document_of_the_samples():
    rows = fired = 0
    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py).
    answers: dict[str, int] = {}
    for _path, text in truth_files():
        docs = [SimpleNamespace(**{f: r.get(f) or "" for f in FIELDS}) for r in rows_of(text)]
        rows += len(docs)
        if text not in answers:
            answers[text] = sum(bool(d) for d in document_near_word_doubts(docs, [True] * len(docs)))
        fired += answers[text]
    assert rows > 1000 and fired == 0
