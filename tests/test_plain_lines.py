"""The compiled lines of PDF characters (normalize/grid/_plain_lines.c) are the Python code's,
line for line: on every PDF sample's table pages, on whole pages and on each cell's words, and
on made-up characters with ties, spaces-only lines and non-float boxes (handed back to Python).
So are its printed lines of a column with their crossings of the cells' rulings
(``ruled.printed_crossings``)."""

from __future__ import annotations

import functools
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from piatable.extract.pdf import pdfium_page_to_words, scan_pages, table_pages
from piatable.models import Word, pdf_char
from piatable.normalize.grid import lines as L
from piatable.normalize.grid import ruled
from piatable.settings import Settings

from .conftest import ROOT
from .sample_strata import stratum

compiled = L._compiled_plain_lines
needs_build = pytest.mark.skipif(compiled is None, reason="the C extension is not built here")


def _as_tuples(lines: list[L.Line]) -> list[tuple]:
    out = []
    for ln in lines:
        box = (ln.x0, ln.x1, ln.top, ln.bottom)
        out.append(([id(w) for w in ln.words], ln.text, box, [type(v) for v in box], ln.page, ln.line_no))
    return out


@functools.cache
def _sample_table_pages() -> tuple:
    """(path, page number, PageWords) of every table page of the PDF samples, read once per
    process for the five walks below (each compares the C and Python code on them and leaves the
    words as it found them: the marks test clears the marks it set).  In ``make test`` one PDF of
    each sample set (tests/sample_strata.py: ~360 of ~1,960, every producer among them; reading
    all cost ~6 CPU-minutes, a fifth of the suite); every one in ``make test-all``."""
    pdfs = stratum((ROOT / "samples").glob("*/*/input.pdf"), ROOT / "samples")
    assert len(pdfs) > 20
    pages = []
    for path in pdfs:
        doc = pdfium.PdfDocument(str(path))
        try:
            for n in table_pages(scan_pages(doc)):
                page = doc[n - 1]
                pages.append((path, n, pdfium_page_to_words(page, n)[0]))
                page.close()
        finally:
            doc.close()
    return tuple(pages)


def _both(words: list[Word], tol: float) -> tuple[list, list | None]:
    py = L._words_to_lines(list(words), tol, 10.0, Settings().grid, True)
    c = compiled(list(words), tol, L.LINE_TEMPLATE)
    if c is not None:
        # Every field, the defaults the template carries included, as the class's __init__ sets it.
        assert [_all_fields(ln) for ln in c] == [_all_fields(ln) for ln in py]
    return _as_tuples(py), None if c is None else _as_tuples(c)


def _all_fields(ln: L.Line) -> list[tuple[str, object, type]]:
    return [(f, getattr(ln, f), type(getattr(ln, f))) for f in L.Line.__slots__ if f != "words"]


@needs_build
def test_every_pdf_sample_page_gives_the_same_lines():
    settings = Settings().grid
    checked = 0
    for path, n, pw in _sample_table_pages():
        words = pw.words
        if not L.is_plain_pdf(words):
            continue
        hy = L.ems([L.PageWords(n, 1, 1, "pt", "pdf", words, [])])[1]
        for tol in (settings.line_tolerance_em * hy, 0.0, 3 * hy):
            py, c = _both(words, tol)
            assert c == py, path
            # a cell's worth: the words of one column band
            band = [w for w in words if 100 < (w.x0 + w.x1) / 2 < 260]
            py, c = _both(band, tol)
            assert c == py, path
        checked += 1
    assert checked > 20


@needs_build
def test_made_up_characters_with_ties_and_spaces():
    rng = random.Random(7)
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(0, 40)):
            x0 = rng.choice([0.0, -0.0, 1.0, 1.5, 2.0, rng.uniform(0, 50)])
            top = rng.choice([10.0, 10.25, 11.0, rng.uniform(0, 30)])
            text = rng.choice(["あ", " ", "\u3000", "A", "", " x "])
            words.append(pdf_char(text, 1, x0, x0 + rng.choice([0.0, 5.0, -1.0]), top, top + 10.0))
        tol = rng.choice([0.0, 0.5, 2.0, 9.0])
        py, c = _both(words, tol)
        assert c == py


@needs_build
def test_boxes_that_are_not_floats_go_to_python():
    words = [pdf_char("あ", 1, 0.0, 10.0, 0.0, 10.0), Word("い", 1, 10, 20, 0, 10, "pdf")]
    assert compiled(words, 1.0, L.Line) is None
    assert compiled([pdf_char("あ", 1, float("nan"), 1.0, 0.0, 1.0)], 1.0, L.Line) is None
    lines = L.words_to_lines(words, 10.0, 10.0, Settings().grid, True)
    assert [ln.text for ln in lines] == ["あい"]


@needs_build
def test_lines_copied_from_the_template_are_the_class_s_own():
    """Lines made as copies of ``LINE_TEMPLATE`` (the compiled loop's way) equal, field by field,
    those the class's ``__init__`` makes from the same words, are new objects each, and are
    tracked by the garbage collector like them; a template whose class cannot be copied slot by
    slot (a ``__dict__``, a field not filled) has its class called instead."""
    import gc

    assert isinstance(L.LINE_TEMPLATE, L.Line)
    words = [pdf_char("あ", 3, 0.0, 10.0, 0.0, 10.0), pdf_char("い", 3, 10.0, 20.0, 0.5, 10.5)]
    words.append(pdf_char("う", 3, 0.0, 10.0, 30.0, 40.0))
    by_class = compiled(list(words), 1.0, L.Line)
    copied = compiled(list(words), 1.0, L.LINE_TEMPLATE)
    assert [_all_fields(ln) for ln in copied] == [_all_fields(ln) for ln in by_class]
    assert [[id(w) for w in ln.words] for ln in copied] == [[id(w) for w in ln.words] for ln in by_class]
    assert [(ln.text, ln.column, ln.left, ln.width, ln.clipped) for ln in copied] == [
        ("あい", -1, 0.0, None, ""),
        ("う", -1, 0.0, None, ""),
    ]
    assert copied[0] is not copied[1] and copied[0].words is not copied[1].words
    assert all(gc.is_tracked(ln) for ln in copied)
    copied[0].column = 4  # a copy's field is its own
    assert L.LINE_TEMPLATE.column == -1 and copied[1].column == -1

    class WithDict(L.Line):  # instances have a __dict__: the class is called
        pass

    made = compiled(list(words), 1.0, WithDict([], "", 0.0, 0.0, 0.0, 0.0, 0, None, None))
    assert [type(ln) for ln in made] == [WithDict, WithDict]
    assert [ln.text for ln in made] == ["あい", "う"]
    unfilled = L.Line([], "", 0.0, 0.0, 0.0, 0.0, 0, None, None)
    del unfilled.clipped
    made = compiled(list(words), 1.0, unfilled)
    assert [ln.clipped for ln in made] == ["", ""]  # the class's __init__ ran


@needs_build
def test_fields_read_as_python_reads_them_whatever_the_class():
    """The compiled code reads a Word's fields straight from its slots only where Python's own
    lookup would find those slots: a subclass with a property, an empty slot (AttributeError)
    and a class changed after a first read are all read as Python reads them."""

    class Shifted(Word):
        __slots__ = ()

        x0 = property(lambda self: 100.0, lambda self, value: None)  # type: ignore[assignment]

    words = [pdf_char("あ", 1, 0.0, 10.0, 0.0, 10.0), pdf_char("い", 1, 10.0, 20.0, 0.0, 10.0)]
    assert [ln.text for ln in compiled(words, 1.0, L.Line)] == ["あい"]
    shifted = [*words, Shifted("う", 1, 5.0, 8.0, 0.0, 10.0, "pdf")]
    assert [ln.x0 for ln in compiled(shifted, 1.0, L.Line)] == [0.0]
    assert [ln.text for ln in compiled(shifted, 1.0, L.Line)] == ["あいう"]  # う at x0 100
    empty = pdf_char("え", 1, 0.0, 1.0, 0.0, 1.0)
    del empty.top
    with pytest.raises(AttributeError):
        compiled([empty], 1.0, L.Line)

    @dataclass(slots=True)
    class Late:  # read from its slots, until its class changes
        text: str
        page: int
        x0: float
        x1: float
        top: float
        bottom: float

    late = [Late("お", 1, 0.0, 1.0, 0.0, 1.0), Late("か", 1, 2.0, 3.0, 0.0, 1.0)]
    assert [ln.text for ln in compiled(late, 1.0, L.Line)] == ["おか"]
    Late.text = property(lambda self: "き")  # type: ignore[assignment]
    assert [ln.text for ln in compiled(late, 1.0, L.Line)] == ["きき"]


def test_the_extension_is_built_where_a_compiler_is():
    """``make setup`` installs a C compiler and builds the extension; a machine without one
    still installs piatable (``optional``) and runs the Python code."""
    text = (Path(ROOT) / "setup.py").read_text("utf-8")
    assert "optional=True" in text and "normalize/grid/_plain_lines.c" in text
    if shutil.which("cc") or shutil.which("gcc"):
        assert compiled is not None, "a C compiler is here, but _plain_lines is not built: make setup"


# ----------------------------------------------------------------- printed_crossings (ruled.py)

compiled_crossings = ruled._compiled_printed_crossings


def _crossing_tuples(out: list) -> list[tuple]:
    return [
        ([id(w) for w in p], crossing, top, bottom, type(top), type(bottom))
        for p, crossing, top, bottom in out
    ]


def _both_crossings(
    words: list[Word], tol: float, tops: list[float], share: float
) -> tuple[list, list | None]:
    py = [(p, *ruled._crossing(p, tops, share)) for p in ruled.printed_lines(list(words), tol)]
    c = compiled_crossings(list(words), tol, list(tops), share)
    return _crossing_tuples(py), None if c is None else _crossing_tuples(c)


@needs_build
def test_every_pdf_sample_page_gives_the_same_printed_lines_and_crossings():
    settings = Settings().grid
    checked = crossed = 0
    rng = random.Random(3)
    for path, _n, pw in _sample_table_pages():
        hy = L.ems([pw])[1]
        bottoms = sorted({w.bottom for w in pw.words})
        for tol in (settings.line_tolerance_em * hy, 0.0):
            # span tops at the page's own bottoms (ties), between them and at random
            tops = sorted([0.0, *rng.sample(bottoms, min(8, len(bottoms))), rng.uniform(0, pw.height)])
            for share in (settings.crossing_line_share, 0.0):
                band = [w for w in pw.words if 100 < (w.x0 + w.x1) / 2 < 260]
                for words in (pw.words, band):
                    py, c = _both_crossings(words, tol, tops, share)
                    assert c == py, path
                    crossed += sum(1 for t in py if t[1] is not None)
        checked += 1
    assert checked > 20 and crossed > 100


@needs_build
def test_made_up_printed_lines_with_ties():
    rng = random.Random(11)
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(0, 30)):
            top = rng.choice([10.0, 10.25, 11.0, -0.0, rng.uniform(0, 30)])
            bottom = top + rng.choice([0.0, 10.0, -1.0, rng.uniform(0, 12)])
            words.append(pdf_char("あ", 1, rng.uniform(0, 50), 60.0, top, bottom))
        tops = sorted(
            rng.choice([0.0, 10.0, 15.0, 20.0, 21.0, rng.uniform(0, 40)]) for _ in range(rng.randrange(0, 6))
        )
        py, c = _both_crossings(words, rng.choice([0.0, 0.5, 4.0]), tops, rng.choice([0.0, 0.25, 0.5]))
        assert c == py


@needs_build
def test_printed_lines_that_are_not_floats_go_to_python():
    words = [pdf_char("あ", 1, 0.0, 10.0, 0.0, 10.0), Word("い", 1, 10, 20, 0, 10, "pdf")]
    assert compiled_crossings(words, 1.0, [0.0, 5.0], 0.25) is None
    assert compiled_crossings(words[:1], 1.0, [0, 5.0], 0.25) is None
    assert compiled_crossings(words[:1], 1.0, [0.0, float("nan")], 0.25) is None
    out = ruled.printed_crossings(words, 1.0, [0.0, 5.0], 0.25)
    assert [([w.text for w in p], crossing) for p, crossing, _, _ in out] == [(["あ", "い"], (1, 1))]


# ---------------------------------------------------------------------- column_words (ruled.py)


def _python_column_words(lines: list, bounds: list) -> tuple:
    saved = ruled._compiled_column_words
    ruled._compiled_column_words = None
    try:
        return ruled.column_words(lines, bounds)
    finally:
        ruled._compiled_column_words = saved


def _column_tuples(out: tuple) -> tuple:
    words, by_column, outside = out
    return [id(w) for w in words], [[id(w) for w in ws] for ws in by_column], outside


@needs_build
def test_every_pdf_sample_page_gives_the_same_columns():
    settings = Settings().grid
    checked = 0
    for path, _n, pw in _sample_table_pages():
        hx, hy = L.ems([pw])
        lines = L.words_to_lines(pw.words, hx, hy, settings)
        xs = sorted({w.x0 for w in pw.words})
        # boundaries at the characters' own edges (ties), and a page wider than them
        for bounds in (
            xs[:: max(1, len(xs) // 7)][:7],
            [0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0],
        ):
            c = ruled._compiled_column_words(lines, bounds, 6)
            assert _column_tuples(c) == _column_tuples(_python_column_words(lines, bounds)), path
        checked += 1
    assert checked > 20


@needs_build
def test_columns_of_words_that_are_not_floats_go_to_python():
    line = L.Line(
        [pdf_char("あ", 1, 0.0, 10.0, 0.0, 10.0), Word("い", 1, 10, 20, 0, 10)],
        "あい",
        0,
        20,
        0,
        10,
        1,
        None,
        None,
    )
    assert ruled._compiled_column_words([line], [0.0, 15.0, 30.0], 6) is None
    assert ruled._compiled_column_words([line], [0, 15.0, 30.0], 6) is None
    assert ruled._compiled_column_words([], [0.0, float("nan")], 6) is None
    words, by_column, outside = ruled.column_words([line], [0.0, 15.0, 30.0])
    texts = [[w.text for w in ws] for ws in by_column]
    assert ([w.text for w in words], texts, outside) == (["あ", "い"], [["あ"], ["い"], [], [], [], []], 0)
    # a centre before the first boundary is outside; one on a boundary is in the column it opens
    words, by_column, outside = ruled.column_words([line], [6.0, 15.0])
    texts = [[w.text for w in ws] for ws in by_column]
    assert ([w.text for w in words], texts, outside) == (["い"], [[], ["い"], [], [], [], []], 1)


# ---------------------------------------------------------- mark_decorations' loop (ruled.py)


def _both_marks(page: L.PageWords, words: list[Word], hx: float, hy: float) -> tuple[tuple, tuple]:
    settings = Settings().grid
    out = []
    for compiled_loop in (ruled._compiled_mark_strokes, None):
        for w in words:
            w.mark = None
        saved = ruled._compiled_mark_strokes
        ruled._compiled_mark_strokes = compiled_loop
        try:
            keep = ruled.mark_decorations(page, words, hx, hy, settings)
        finally:
            ruled._compiled_mark_strokes = saved
        out.append((keep, [w.mark for w in words]))
    return out[0], out[1]


@needs_build
def test_every_pdf_sample_page_marks_the_same_words():
    checked = marked = 0
    for path, _n, pw in _sample_table_pages():
        hx, hy = L.ems([pw])
        as_read = [w.mark for w in pw.words]
        try:
            c, py = _both_marks(pw, pw.words, hx, hy)
        finally:  # the words as read, for the other walks over the same pages
            for w, mark in zip(pw.words, as_read, strict=True):
                w.mark = mark
        assert c == py, path
        marked += sum(1 for m in py[1] if m)
        checked += 1
    assert checked > 20 and marked > 50


@needs_build
def test_made_up_strokes_through_and_under_words():
    rng = random.Random(5)
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(0, 20)):
            x0, top = (
                rng.choice([0.0, 10.0, rng.uniform(0, 50)]),
                rng.choice([10.0, 20.0, rng.uniform(0, 30)]),
            )
            words.append(
                pdf_char(rng.choice(["あ", " ", "A"]), 1, x0, x0 + rng.choice([10.0, 0.0]), top, top + 10.0)
            )
        rulings = []
        for _ in range(rng.randrange(0, 10)):
            y, x0 = (
                rng.choice([15.0, 19.0, 20.0, 21.0, 30.0, rng.uniform(0, 45)]),
                rng.choice([0.0, 9.5, 10.0]),
            )
            x1 = x0 + rng.choice([10.0, 20.0, 30.0, 0.5, rng.uniform(0, 60)])
            rulings.append(rng.choice([(x0, y, x1, y), (x0, y - 0.25, x1, y + 0.25), (x0, y, x0, y + 30.0)]))
        page = L.PageWords(1, 100.0, 100.0, "pt", "pdf", words, rulings)
        c, py = _both_marks(page, words, 10.0, 10.0)
        assert c == py


@needs_build
def test_strokes_and_words_that_are_not_floats_go_to_python():
    settings = Settings().grid
    word = pdf_char("あ", 1, 0.0, 10.0, 0.0, 10.0)
    args = (10.0 * 0.3, 10.0 / 2, 5.0, 0.25, 0.8, 0.5, "struck", "underlined")
    assert ruled._compiled_mark_strokes([(0, 10.0, 10.0, 10.0)], [word], *args) is None
    assert ruled._compiled_mark_strokes([[0.0, 10.0, 10.0, 10.0]], [word], *args) is None
    assert ruled._compiled_mark_strokes([], [Word("あ", 1, 0, 10, 0, 10, "pdf")], *args) is None
    assert word.mark is None
    page = L.PageWords(1, 100.0, 100.0, "pt", "pdf", [word], [(0, 10.0, 10, 10.0)])
    assert ruled.mark_decorations(page, [word], 10.0, 10.0, settings) == []
    assert word.mark == "underlined"


# ------------------------------------------------ page_words (ruled.py), ems' heights (lines.py)


def _python_page_words(words: list[Word]) -> tuple:
    saved = ruled._compiled_page_words
    ruled._compiled_page_words = None
    try:
        return ruled.page_words(words)
    finally:
        ruled._compiled_page_words = saved


@needs_build
def test_every_pdf_sample_page_keeps_the_same_words_and_heights():
    checked = 0
    pages = []
    for path, _n, pw in _sample_table_pages():
        kept, ink, plain = ruled._compiled_page_words(pw.words)
        py = _python_page_words(pw.words)
        assert ([id(w) for w in kept], ink, plain) == ([id(w) for w in py[0]], py[1], py[2]), path
        pages.append(pw)
        checked += 1
    assert checked > 20
    py_heights = [w.bottom - w.top for p in pages for w in p.words if w.bottom > w.top and w.text.strip()]
    assert L._compiled_ink_heights(pages) == py_heights


@needs_build
def test_made_up_words_blank_spaced_and_not_plain():
    spaces = [" ", "\u3000", "\u00a0", "\t", "  ", "", "\n", "あ", " x "]
    rng = random.Random(13)
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(0, 12)):
            top = rng.choice([0.0, 5.0, 10.0])
            w = pdf_char(rng.choice(spaces), 1, 0.0, 5.0, top, top + rng.choice([10.0, 0.0, -2.0]))
            if rng.random() < 0.1:
                w.conf = 90.0
            elif rng.random() < 0.1:
                w.line = 3
            elif rng.random() < 0.1:
                w.source = "ocr"
            words.append(w)
        kept, ink, plain = ruled._compiled_page_words(words)
        py = _python_page_words(words)
        assert ([id(w) for w in kept], ink, plain) == ([id(w) for w in py[0]], py[1], py[2])
        page = L.PageWords(1, 100.0, 100.0, "pt", "pdf", words, [])
        assert L._compiled_ink_heights([page]) == [
            w.bottom - w.top for w in words if w.bottom > w.top and w.text.strip()
        ]


@needs_build
def test_words_and_heights_that_are_not_plain_go_to_python():
    odd = Word("あ", 1, 0, 10, 0, 10, "pdf")
    assert L._compiled_ink_heights([L.PageWords(1, 1.0, 1.0, "pt", "pdf", [odd], [])]) is None
    assert L.ems([L.PageWords(1, 1.0, 1.0, "pt", "pdf", [odd], [])]) == (10, 10)
    not_text = pdf_char("あ", 1, 0.0, 1.0, 0.0, 1.0)
    not_text.text = None  # type: ignore[assignment]
    assert ruled._compiled_page_words([not_text]) is None


def test_unit_width_is_the_words_width_over_their_display_units():
    """``unit_width`` adds the widths of words (none negative) and divides by all their display
    units (full width and, in Japanese, ambiguous width 2, half width 1; texts of several
    characters)."""
    words = [
        Word("あ", 1, 0.0, 10.0, 0.0, 10.0, "pdf"),
        Word("ab", 1, 10.0, 20.0, 0.0, 10.0, "pdf"),
        Word("①", 1, 20.0, 30.0, 0.0, 10.0, "pdf"),
        Word("e", 1, 35.0, 30.0, 0.0, 10.0, "pdf"),  # a box of negative width adds nothing
    ]
    assert L.unit_width(words) == 30.0 / (2 + 2 + 2 + 1)
    assert L.unit_width([]) == 0.0
    assert L.display_width("あa①") == 5


@needs_build
def test_the_sums_of_unit_width_are_the_python_code_s():
    """The compiled sums of ``unit_width`` (positive widths added in order, texts joined) are the
    Python code's to the bit, on made-up words with zero, negative and NaN widths; boxes that are
    not floats go to Python."""
    rng = random.Random(11)
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(0, 30)):
            x0 = rng.choice([0.0, -0.0, 1.5, rng.uniform(-5, 50), float("nan")])
            x1 = x0 + rng.choice([0.0, -1.0, 0.1, 7.25, rng.uniform(0, 12)])
            words.append(pdf_char(rng.choice(["あ", "A", " ", "①", "ab"]), 1, x0, x1, 0.0, 10.0))
        c = L._compiled_width_and_text(words)
        py = L._width_and_text(words)
        assert c is not None
        assert c[1] == py[1] and (c[0] == py[0] or (c[0] != c[0] and py[0] != py[0]))
        assert L.unit_width(words) == L.unit_width(tuple(words)) or words == []
    assert L._compiled_width_and_text([Word("あ", 1, 0, 10, 0, 10, "pdf")]) is None
    assert L._compiled_width_and_text((pdf_char("あ", 1, 0.0, 1.0, 0.0, 1.0),)) is None
    assert L.unit_width([Word("あ", 1, 0, 10, 0, 10, "pdf")]) == 5.0


def test_first_pieces_are_the_first_piece_with_and_without_its_opening_bracket():
    """``Line._first_pieces`` (one match for both) gives ``_first_piece(False)`` and
    ``_first_piece(True)``: brackets that may not end a line, characters that may not start
    one, half-width words, a bracket alone."""
    texts = ["（１）を", "「あ」、。", "abc）です", "（", "（）", "あ", "ー々、", "[x]", "12,3", "『』』"]
    rng = random.Random(5)
    alphabet = "（「あア1a）、。ー・ 『"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 7))) for _ in range(500)]
    for text in texts:
        ln = L.Line([], text, 0.0, 1.0, 0.0, 1.0, 1, None, None)
        assert ln._first_pieces() == (ln._first_piece(False), ln._first_piece(True)), text
