"""Names with variant kanji (髙, 﨑, 德, 濵 …), 𠮷 and ideographic variation sequences (辻 + U+E0100)
in tables made by LibreOffice (samples/office-variants69, tools/make_variants69_samples.py): a
text saved in a legacy encoding with ``errors="replace"`` writes ``?`` for what the encoding
lacks; such rows are flagged ``unmapped_glyphs`` with a note (``extract/mended_text_flags``),
never given as they are unwarned.  Texts that hold every character (UTF-16, UTF-8) keep them,
variation selectors included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.extract.mended_text_flags import flag_lost_characters
from piatable.models import Record
from piatable.pipeline import extract_document
from piatable.settings import QualitySettings

SET = Path(__file__).resolve().parent.parent / "samples" / "office-variants69"
CASES = sorted(p.name for p in SET.iterdir() if p.is_dir() and (p / "input.pdf").exists() and "-" in p.name)
CELLS = ("before", "after", "explanation")


def _truth(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _lost(value: str, encoding: str) -> bool:
    return value.encode(encoding, "replace").decode(encoding) != value


@pytest.mark.parametrize("encoding", ["cp932", "euc_jp"])
def test_a_legacy_save_flags_every_row_that_lost_a_character(encoding):
    suffix = encoding.replace("_", "")
    checked = 0
    for case in CASES[:4]:
        result = extract_document(SET / f"{case}-pypdfium2-{suffix}" / "input.txt")
        truth = _truth(case)
        for got in result.records:
            want = next((t for t in truth if t["row_index"] == got.row_index), None)
            if want is None or not any(_lost(want[k], encoding) for k in CELLS):
                continue
            if any("?" in getattr(got, k) for k in CELLS):
                checked += 1
                assert "unmapped_glyphs" in got.flags, (case, got.before, got.after)
        if any("unmapped_glyphs" in r.flags and "?" in r.before + r.after for r in result.records):
            assert any("ASCII ? glued to Japanese text" in n for n in result.notes)
    assert checked >= 3


def test_the_ivs_and_extension_b_kanji_come_through_a_utf16_save_unflagged():
    seen = 0
    for case in CASES:
        result = extract_document(SET / f"{case}-pypdfium2-utf-16" / "input.txt")
        assert not any("ASCII ?" in n for n in result.notes)
        for r in result.records:
            for value in (r.before, r.after):
                if "\U000e0100" in value or "𠮷" in value:
                    seen += 1
                    assert "?" not in value
    assert seen >= 2


def test_the_pdf_keeps_variants_and_selectors_as_printed():
    for case in ("var69-writer-0-juki", "var69-calc-1-juki"):
        got = {r.row_index: r for r in extract_document(SET / case / "input.pdf").records}
        for want in _truth(case):
            for k in ("before", "after"):
                if any(c in want[k] for c in "髙﨑德濵𠮷\U000e0100"):
                    assert "".join(getattr(got[want["row_index"]], k).split()) == "".join(want[k].split())


def _record(before: str, after: str) -> Record:
    return Record("x", 0, 1, 1, None, "", "項目", ["項目"], before, after, "事後", "説明")


def test_only_a_question_mark_glued_to_japanese_is_a_lost_character():
    q = QualitySettings()
    kept = [_record("担当者は誰ですか？", "URL: https://example.jp/?a=1"), _record("Q&A ? 一覧", "市民課")]
    assert flag_lost_characters(kept, q) is None
    assert not any(r.flags for r in kept)
    lost = [_record("市民課長　辻?本太郎", "?田花子"), _record("税務課長", "税務課長")]
    note = flag_lost_characters(lost, q)
    assert note is not None and note.startswith("1 rows") and "辻?本" in note
    assert lost[0].flags == ["unmapped_glyphs"] and not lost[1].flags
