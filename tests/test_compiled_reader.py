"""The compiled loops of the PDF reader (extract/_page_chars.c: a page's characters;
extract/_text_objects.c: the walk's plain text objects and the segments of its paths) read what
the Python loops read: every PDF sample's table pages give the same page objects and the same
characters (text, box, every field, float types), in the same order, with the same notes and counts,
whichever runs."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium

import piatable.extract.pdf as pdf
import piatable.extract.pdf_objects as pdf_objects
from piatable.extract.pdf import pdfium_page_to_words, scan_pages, table_pages
from piatable.settings import PdfSettings

from .conftest import ROOT, SAMPLES
from .sample_strata import stratum


def _pdf_samples() -> list:  # type: ignore[no-untyped-def]
    """The PDF samples these tests read: in ``make test`` one PDF of each sample set (a stratum,
    tests/sample_strata.py: every producer's PDFs are among them) and every PDF of tests/data; in
    ``make test-all`` every PDF sample (~1,950 PDFs: 2 CPU-minutes of the suite, session 66)."""
    return sorted({*stratum(ROOT.glob("samples/*/*/input.pdf"), SAMPLES), *ROOT.glob("tests/data/**/*.pdf")})


def _read_all(paths) -> list:  # type: ignore[no-untyped-def]
    out = []
    for path in paths:
        doc = pdfium.PdfDocument(str(path))
        try:
            for n in table_pages(scan_pages(doc)):
                page = doc[n - 1]
                objects = pdf_objects.walk_page(page.raw, page.get_height(), PdfSettings())
                texts = sorted(repr(t) for t in objects.texts.values())  # handles differ per opening
                out.append((objects.rulings, repr(objects.shapes), texts, objects.may_hide, objects.turned))
                pw, unmapped, hidden = pdfium_page_to_words(page, n)
                page.close()
                words = [
                    (
                        w.text,
                        w.page,
                        w.x0,
                        w.x1,
                        w.top,
                        w.bottom,
                        w.source,
                        w.conf,
                        w.line,
                        w.mark,
                        [type(v) for v in (w.x0, w.top)],
                    )
                    for w in pw.words
                ]
                out.append((str(path), n, words, pw.notes, len(pw.unseen), unmapped, dict(hidden)))
        finally:
            doc.close()
    return out


def test_every_pdf_sample_reads_the_same_with_and_without_the_compiled_loop(monkeypatch):
    if shutil.which("cc") or shutil.which("gcc"):
        assert pdf._compiled_plain_chars is not None, "a C compiler is here, but _page_chars is not built"
        assert pdf_objects._compiled_plain_texts is not None, "_text_objects is not built"
        assert pdf_objects._compiled_path_segments is not None
    paths = _pdf_samples()
    assert len(paths) > 20
    compiled = _read_all(paths)
    monkeypatch.setattr(pdf, "_compiled_plain_chars", None)
    monkeypatch.setattr(pdf_objects, "_compiled_plain_texts", None)
    monkeypatch.setattr(pdf_objects, "_compiled_path_segments", None)
    python = _read_all(paths)
    assert len(compiled) > 80
    assert sum(len(p[2]) for p in compiled) > 10000
    assert compiled == python


def _walks(paths):  # type: ignore[no-untyped-def]
    """The page-object walk of every page of ``paths``, one ``_Walk`` per page, in order."""
    for path in paths:
        doc = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(doc)):
                page = doc[i]
                w = pdf_objects._Walk(page.get_height(), PdfSettings())
                w.walk(pdf_objects.pc.handle(page.raw))
                page.close()
                yield w
        finally:
            doc.close()


def _plain_texts(paths) -> list:  # type: ignore[no-untyped-def]
    # (order, mode, colour, form matrix) of each plain text object; handles differ from one
    # opening to the next.
    return [([p[1:] for p in w.plain], w.order, w.out.turned, len(w.out.texts)) for w in _walks(paths)]


def test_the_walk_finds_the_same_plain_text_objects(monkeypatch):
    paths = _pdf_samples()
    compiled = _plain_texts(paths)
    monkeypatch.setattr(pdf_objects, "_compiled_plain_texts", None)
    python = _plain_texts(paths)
    assert sum(len(p[0]) for p in compiled) > 10000
    assert any(p[2] for p in compiled) and any(p[3] for p in compiled)  # turned text; texts that may hide
    assert compiled == python


def test_the_compiled_path_segments_are_the_python_ones_on_every_page(monkeypatch):
    """Every path object the walk meets on every page of every PDF sample (table pages or not,
    in forms too): the compiled segments equal the Python loop's, float for float."""
    paths = sorted({*ROOT.glob("samples/**/*.pdf"), *ROOT.glob("tests/data/**/*.pdf")})
    compiled = pdf_objects.path_segments
    seen = {"paths": 0, "segments": 0, "closed": 0}

    def both(obj, matrix, height):  # type: ignore[no-untyped-def]
        c = compiled(obj, matrix, height)
        p = pdf_objects._path_segments(obj, matrix, height)
        assert c == p and [type(v) for s in c for v in s] == [type(v) for s in p for v in s]
        seen["paths"] += 1
        seen["segments"] += len(c)
        seen["closed"] += len(c) == 4  # a rectangle: three lines and its closing segment
        return c

    monkeypatch.setattr(pdf_objects, "path_segments", both)
    for _ in _walks(paths):
        pass
    assert seen["paths"] > 1000 and seen["segments"] > 2000 and seen["closed"] > 10, seen


def test_fields_that_are_not_plain_slots_are_set_through_their_descriptors(monkeypatch):
    """The compiled loop stores a field straight into the word only where the class's field is a
    plain slot; a subclass's own descriptor (here a ``page`` that adds 1000) is called."""
    if pdf._compiled_plain_chars is None:
        return
    from piatable.models import Word

    class Paged(Word):
        __slots__ = ()
        page = property(  # type: ignore[assignment]
            lambda self: Word.page.__get__(self), lambda self, v: Word.page.__set__(self, v + 1000)
        )

    inner = pdf._compiled_plain_chars
    monkeypatch.setattr(pdf, "_compiled_plain_chars", lambda *a: inner(*a[:-1], Paged))
    path = sorted(ROOT.glob("samples/*/*/input.pdf"))[0]
    doc = pdfium.PdfDocument(str(path))
    try:
        n = table_pages(scan_pages(doc))[0]
        page = doc[n - 1]
        pw, _, _ = pdfium_page_to_words(page, n)
        page.close()
    finally:
        doc.close()
    made = [w for w in pw.words if type(w) is Paged]
    assert len(made) > 50
    assert {w.page for w in made} == {n + 1000}
    assert all(type(w.x0) is float and w.source == "pdf" and w.mark is None for w in made)


def _fake_bold_pdf(path) -> None:  # type: ignore[no-untyped-def]
    """A page with text drawn twice at one place (fake bold), and words set apart by gaps
    pdfium fills with spaces it infers."""
    import sys

    from reportlab.pdfgen import canvas

    sys.path.insert(0, str(ROOT / "tools"))
    from make_pdfs import register_fonts

    register_fonts()
    c = canvas.Canvas(str(path), pagesize=(400, 300))
    c.setFont("IPAexGothic", 10)
    # pdfium itself leaves out a text object that repeats the one before it at its place (太
    # again over 太字), not a shorter run over a longer one (変更日 over the label row).
    c.drawString(40, 250, "変更日 項目 変更前 変更後 提出時期")
    c.drawString(40, 250, "変更日")
    c.drawString(40, 230, "Latin words   set apart")
    c.drawString(40, 210, "太字")
    c.drawString(40, 210, "太")
    c.drawString(40, 190, "一度だけ")
    c.save()


def test_characters_drawn_twice_at_one_place_are_kept_once_with_and_without_the_compiled_loop(
    monkeypatch, tmp_path
):
    """The compiled loop compares the characters' places itself and hands back no places when
    none is drawn twice; when some are, the words kept are the Python loop's."""
    path = tmp_path / "bold.pdf"
    _fake_bold_pdf(path)
    seen: list = []
    if pdf._compiled_plain_chars is not None:
        inner = pdf._compiled_plain_chars

        def spy(*a):  # type: ignore[no-untyped-def]
            out = inner(*a)
            seen.append(out[1])
            return out

        monkeypatch.setattr(pdf, "_compiled_plain_chars", spy)

    def read() -> tuple:
        doc = pdfium.PdfDocument(str(path))
        try:
            page = doc[0]
            pw, unmapped, hidden = pdfium_page_to_words(page, 1)
            page.close()
        finally:
            doc.close()
        return [(w.text, w.x0, w.x1, w.top, w.bottom) for w in pw.words], unmapped, dict(hidden)

    compiled = read()
    monkeypatch.setattr(pdf, "_compiled_plain_chars", None)
    python = read()
    assert compiled == python and python[1:] == (0, {})
    texts = [w[0] for w in python[0]]
    assert texts.count("太") == 1 and texts.count("変") == 3 and texts.count(" ") >= 4
    if seen:
        assert seen[0] is not None and len(seen[0]) > len(compiled[0])
