"""Glyphs Writer draws without a plain Unicode text (extract/glyph_codes.py; issues 10/11/12,
branch glyphs48): the List Bullet's OpenSymbol U+F0B7 and a hyphen at a line's end (pdfium's code
2 / U+FFFE), on the real PDFs and texts of samples/office-glyphs48
(tools/make_glyphs48_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from piatable import extract_document
from piatable.extract import pdfium_calls as pc
from piatable.extract.glyph_codes import SYMBOL_PUA, mend_codes, mend_text
from piatable.extract.pdf import _page_codes

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-glyphs48"
CASE = "g48-writer-v1"


def _squash(text: str) -> str:
    return "".join(text.split())


def _truth(case: str) -> list[dict]:
    return json.loads((SAMPLES / case / "expected" / "records.json").read_text("utf-8"))


def test_the_pdf_holds_the_bullet_in_opensymbol_and_the_hyphen_as_pdfium_code_2() -> None:
    """What the PDF holds: the bullet is U+F0B7 in OpenSymbol, the line-end hyphen pdfium's
    code 2 (a hyphen, ``FPDFText_IsHyphen``); mend_codes reads them as • and ``-``."""
    doc = pdfium.PdfDocument(SAMPLES / CASE / "input.pdf")
    try:
        tp = doc[0].get_textpage()
        tpr = pc.handle(tp.raw)
        codes = _page_codes(tpr, tp.count_chars())
        bullets = [i for i, c in enumerate(codes) if c == 0xF0B7]
        hyphens = [i for i, c in enumerate(codes) if c in (0x2, 0xFFFE)]  # GetText: U+FFFE
        assert len(bullets) == 8 and len(hyphens) == 1
        assert all(pc.text_is_hyphen(tpr, i) for i in hyphens)
        assert mend_codes(tpr, codes) == 9
        assert {codes[i] for i in bullets} == {0x2022} and codes[hyphens[0]] == ord("-")
        tp.close()
    finally:
        doc.close()


def test_pdf_reader_prints_bullets_and_hyphen_without_unmapped_glyphs() -> None:
    result = extract_document(SAMPLES / CASE / "input.pdf")
    truth = _truth(CASE)
    assert result.status == "success" and not result.notes
    assert all("unmapped_glyphs" not in r.flags for r in result.records)
    got = {_squash(r.after) for r in result.records}
    for want in ("•生体認証とＩＤで認証する。•異動した職員のＩＤは速やかに失効させる。",):
        assert want in got
    assert any("e-ラーニングの再受講" in _squash(r.after) for r in result.records)
    assert [_squash(r.after) for r in result.records] == [_squash(t["after"]) for t in truth]


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_text_inputs_print_the_bullet_and_the_line_end_hyphen(tool: str) -> None:
    """pypdfium2's U+FFFE (a line-end hyphen) and U+F0B7 (the bullet) are read as ``-`` and •."""
    case = f"{CASE}-{tool}"
    text = (SAMPLES / case / "input.txt").read_text("utf-8")
    assert "\uf0b7" in text
    result = extract_document(SAMPLES / case / "input.txt")
    cells = [_squash(getattr(r, k)) for r in result.records for k in ("before", "after")]
    assert not any("\ufffe" in c or "\uf0b7" in c for c in cells)
    assert any("e-ラーニングの再受講" in c for c in cells)
    assert "•住民記録の異動処理•証明書の発行" in cells


def test_mend_text_and_the_symbol_table() -> None:
    assert mend_text("年１回、e\ufffeラーニング") == "年１回、e-ラーニング"
    assert mend_text("infor\u00ad\nmation\u00adx") == "infor-\nmation\u00adx"  # only at a line end
    assert mend_text("\uf0b7 住民記録") == "• 住民記録"
    assert chr(SYMBOL_PUA[0xF0B7]) == "•" and chr(SYMBOL_PUA[0xF061]) == "α"
    assert 0xF060 not in SYMBOL_PUA  # Adobe's radical extender: no Unicode, stays unmapped
