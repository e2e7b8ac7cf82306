"""Kanji runs an OCR cell prints once, a kanji off a run of its document, the odd kanji printed
nowhere else (normalize/ocr_kanji_words.py), and text read across a column ruling
(normalize/ocr_column_tears.py): set XX's scans (t03__bilevel-flip200, t04__crease200,
t14__colour200) had such rows unwarned."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from piatable.normalize.ocr_column_tears import column_tear_doubts
from piatable.normalize.ocr_headings import heading_doubts, near_heading
from piatable.normalize.ocr_kanji_words import document_odd_kanji_doubts

from .truth_files import rows_of, truth_files, verdicts

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("item", "before", "after", "explanation")


def _doc(*explanations: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(item="", before="", after="", explanation=e) for e in explanations]


def _whys(docs: list[SimpleNamespace]) -> list[list[str]]:
    return [[d.why for d in ds] for ds in document_odd_kanji_doubts(docs, [True] * len(docs))]


def test_a_kanji_run_a_kanji_off_a_run_of_the_document_is_suspect():
    # t03__bilevel-flip200: 組織改績 (績 read at 95) among rows printing 組織改編.
    whys = _whys(_doc("組織改編による修正", "組織改績による修正", "組織改編による部署名の変更"))
    assert whys[0] == [] and whys[2] == []
    assert "'組織改績'" in whys[1][0] and "'組織改編'" in whys[1][0]


def test_a_run_made_of_words_or_of_kanji_printed_elsewhere_is_quiet():
    # 税務課 / 総務課: both words; 組織改正 / 組織改編: 改正 is a word.
    assert _whys(_doc("税務課長", "総務課長", "組織改正に伴う修正", "組織改編による修正")) == [[]] * 4
    # Without the run it is one kanji off, a misread alone is not judged here.
    assert _whys(_doc("組織改績による修正", "事務の追加")) == [[], []]


def test_only_ocr_rows_are_judged():
    docs = _doc("組織改編による修正", "組織改績による修正")
    assert [[d.why for d in ds] for ds in document_odd_kanji_doubts(docs, [False, False])] == [[], []]


def test_quiet_on_every_truth_document_of_the_samples():
    seen: set[str] = set()
    rows = fired = 0
    for _path, text in truth_files():
        if text in seen:
            continue
        seen.add(text)
        docs = [SimpleNamespace(**{f: r.get(f) or "" for f in FIELDS}) for r in json.loads(text)]
        for ds in document_odd_kanji_doubts(docs, [True] * len(docs)):
            rows += 1
            fired += bool(ds)
    assert rows > 10000 and fired == 0


def _row(before: str, after: str, explanation: str = "") -> SimpleNamespace:
    return SimpleNamespace(item="", before=before, after=after, explanation=explanation)


def test_a_glyph_read_on_both_sides_of_the_ruling_is_suspect():
    # t04__crease200: the after cell's 上 of 上記を新規追加 read into the before cell too.
    doubts = column_tear_doubts(_row("新規上", "上記を新規追加"))
    assert [d.field for d in doubts] == ["before"] and "'新規上'" in doubts[0].why
    assert column_tear_doubts(_row("新規", "上記を新規追加")) == []


def test_a_number_cut_at_the_ruling_is_suspect():
    # t14__colour200: 10万人以上… read as …未満1 | 万人以上….
    doubts = column_tear_doubts(_row("10万人以上100万人未満1", "万人以上100万人未満"))
    assert [d.field for d in doubts] == ["before", "after"]
    assert column_tear_doubts(_row("1万人以上10万人未満", "10万人以上100万人未満")) == []
    assert column_tear_doubts(_row("システム１", "万一の事故に備え")) == []


def test_column_tears_are_quiet_on_every_truth_row_of_the_samples():
    rows = 0
    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py).
    tears = verdicts(lambda r: column_tear_doubts(SimpleNamespace(**{f: r.get(f) or "" for f in FIELDS})))
    for path, text in truth_files():
        for r, doubts in zip(rows_of(text), tears(text), strict=True):
            rows += 1
            assert doubts == [], (path, r)
    assert rows > 10000


def test_an_item_line_one_character_off_a_heading_of_the_form_is_suspect():
    # t04__crease200: ファイルの概要 read ファイル名概要; 取扱いの委託 lost its 託.
    assert near_heading("Ⅱ特定個人情報ファイル名概要") == "特定個人情報ファイルの概要"
    assert near_heading("４．特定個人情報ファイルの取扱いの委") == "特定個人情報ファイルの取扱いの委託"
    assert near_heading("Ⅱ特定個人情報ファイルの概要") == ""
    assert near_heading("Ⅴ開示請求　問合せ") == ""  # typed with a space for 、: the same heading


def test_heading_doubts_are_quiet_on_every_truth_item_of_the_samples():
    items = {r.get("item") or "" for _path, text in truth_files() for r in rows_of(text)}
    assert len(items) > 500
    assert [i for i in items if heading_doubts(SimpleNamespace(item=i))] == []
