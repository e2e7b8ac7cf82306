"""OCR checks that need no tesseract confidence: words in an order Japanese grammar does not allow
(normalize/ocr_grammar.py), before and after paragraphs that differ only by look-alike glyphs
(normalize/ocr_glyphs.py), on real tesseract reads and on the samples' truth (issue 12)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from piatable.normalize.ocr_glyphs import lookalike_echo_doubts
from piatable.normalize.ocr_grammar import grammar_breaks
from piatable.normalize.tokenizer import SudachiTokenizer

from .test_scan_checks import _read
from .truth_files import rows_of, truth_files

TOK = SudachiTokenizer()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("委託契約の見直しにより再委託を行わかいこととしたため", "委託を行わかいこ"),  # な read as か
        ("媒体の保管を含お。）", "管を含お。）"),  # む read as お
        ("特定個人情報ファイルに係るあリスク対策", "に係るあリスク"),  # a speck read as あ
    ],
)
def test_a_kana_misread_into_broken_grammar_is_found(text, found):
    assert grammar_breaks(text, TOK) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "再委託を行わないこととした",
        "許可された職員に限定している",
        "委託先に報告させる",
        "重大な変更に該当しない",
        "入手しない場合は、当該事務を行わ",  # a stem at a paragraph's end: its auxiliary may wrap
        "（エ）バックアップは週１回取得する。",  # a kana list ordinal in brackets, not an interjection
    ],
)
def test_grammatical_text_is_left_alone(text):
    assert grammar_breaks(text, TOK) == []


def test_after_differing_from_before_only_by_look_alikes_is_suspect():
    rec = SimpleNamespace(
        before="外部カメラを設置している。\n年１回点検する。", after="外部力メラを設置している。"
    )
    doubts = lookalike_echo_doubts(rec)
    assert [(d.kind, d.field) for d in doubts] == [("ocr_suspect", "before"), ("ocr_suspect", "after")]
    assert "外部力メラ" in doubts[1].why
    # A real amendment changes words: quiet.
    assert lookalike_echo_doubts(SimpleNamespace(before="財務部税務課", after="財政部税務課")) == []


def _truth_cells() -> tuple[set[str], set[tuple[str, str]]]:
    cells, pairs = set(), set()
    for _path, text in truth_files():
        for r in rows_of(text):
            cells.update(str(r.get(f) or "") for f in ("item", "before", "after", "explanation"))
            pairs.add((str(r.get("before") or ""), str(r.get("after") or "")))
    return cells, pairs


def test_quiet_on_every_cell_of_the_samples_truth():
    cells, pairs = _truth_cells()
    assert len(cells) > 1500 and len(pairs) > 800
    assert [c[:20] for c in cells if grammar_breaks(c, TOK)] == []
    assert [b[:20] for b, a in pairs if lookalike_echo_doubts(SimpleNamespace(before=b, after=a))] == []


def test_real_tesseract_misreads_are_flagged():
    """calc-municipal at 200 dpi: 行わない read 行わかい; calc-kokuho at 300 dpi: the before cell's
    law numbers read half width where the after cell's read full width, words otherwise equal."""
    municipal = _read("calc-municipal-200")
    row = next(r for r in municipal if "行わかい" in (r["explanation"] or ""))
    assert "ocr_suspect:explanation" in row["flags"]
    assert any("grammar does not put together ('委託を行わかいこ')" in e for e in row["evidence"])
    kokuho = _read("calc-kokuho-300")
    row = next(r for r in kokuho if any("look-alike glyphs" in e for e in r["evidence"]))
    assert "番号法第9条第1項" in row["before"] and "番号法第９条第１項" in row["after"]
