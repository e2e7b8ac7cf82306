"""The compiled character loop of a PDF page (extract/_page_chars.c) reads what the Python loop
reads: every PDF sample's table pages give the same characters (text, box, float types), in the
same order, with the same notes and counts, whichever runs."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium

import piatable.extract.pdf as pdf
from piatable.extract.pdf import pdfium_page_to_words, scan_pages, table_pages

from .conftest import ROOT


def _read_all(paths) -> list:  # type: ignore[no-untyped-def]
    out = []
    for path in paths:
        doc = pdfium.PdfDocument(str(path))
        try:
            for n in table_pages(scan_pages(doc)):
                page = doc[n - 1]
                pw, unmapped, hidden = pdfium_page_to_words(page, n)
                page.close()
                words = [
                    (w.text, w.page, w.x0, w.x1, w.top, w.bottom, w.source, [type(v) for v in (w.x0, w.top)])
                    for w in pw.words
                ]
                out.append((str(path), n, words, pw.notes, len(pw.unseen), unmapped, dict(hidden)))
        finally:
            doc.close()
    return out


def test_every_pdf_sample_reads_the_same_with_and_without_the_compiled_loop(monkeypatch):
    if shutil.which("cc") or shutil.which("gcc"):
        assert pdf._compiled_plain_chars is not None, "a C compiler is here, but _page_chars is not built"
    paths = sorted({*ROOT.glob("samples/*/*/input.pdf"), *ROOT.glob("tests/data/**/*.pdf")})
    assert len(paths) > 20
    compiled = _read_all(paths)
    monkeypatch.setattr(pdf, "_compiled_plain_chars", None)
    python = _read_all(paths)
    assert len(compiled) > 40
    assert sum(len(p[2]) for p in compiled) > 10000
    assert compiled == python
