"""Kinds of drawing that fooled the PDF reader (issue 11): the handed cases (tests/data/cases,
from ../shared/cases) and more of each kind made by tools/make_pdf_kinds.py with reportlab.

Strokes that are no rulings (underlines, strike-through, white boxes, highlights), text that
is not visible (white, render mode 3, under a white box or an image, clipped away), text turned
90°/270°, Word's gaps between Japanese and digits, full-width spaces at a soft wrap."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from piatable.extract.pdf import pdfium_page_to_words, read_pdf
from piatable.models import CellLine, RawRow
from piatable.normalize.records import rows_to_records, unexpected_timing_notes
from piatable.pipeline import extract_document
from piatable.settings import PdfSettings, Settings

from .conftest import ROOT

CASES = ROOT / "tests" / "data" / "cases"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
_WS = re.compile(r"\s+")

sys.path.insert(0, str(ROOT / "tools"))
import make_pdf_kinds  # noqa: E402


def _check(pdf: Path, expected: list[dict], paragraphs: bool = True):  # type: ignore[no-untyped-def]
    res = extract_document(pdf)
    assert res.status == "success", res.notes
    assert len(res.records) == len(expected), [r.change_date_raw for r in res.records]
    for k, (g, e) in enumerate(zip(res.records, expected, strict=True)):
        for f in FIELDS:
            got, want = getattr(g, f) or "", e[f] or ""
            assert _WS.sub("", got) == _WS.sub("", want), (k, f, got)
            if paragraphs:
                # Paragraph-exact; a no-break space may come out as a plain one.
                assert got.replace("\xa0", " ") == want.replace("\xa0", " "), (k, f, got)
    return res


HANDED = sorted(p.stem for p in CASES.glob("pdf_*.pdf"))


@pytest.mark.parametrize("case", HANDED)
def test_handed_case(case: str) -> None:
    expected = json.loads((CASES / f"{case}.expected.json").read_text("utf-8"))
    res = _check(CASES / f"{case}.pdf", expected)
    if case == "pdf_underlined_changes":
        # The underline is data (``marks``), not a doubt: no flag, and the marked words are
        # the changed ones (the first row's change is not underlined).
        assert not res.records[0].marks
        assert all(any(m.startswith("underlined:after:") for m in r.marks) for r in res.records[1:])
        assert not any(f.startswith("underlined") for r in res.records for f in r.flags)
        spans = [m.split(":", 2)[2] for r in res.records for m in r.marks]
        assert all(s in r.after for r in res.records for s in (m.split(":", 2)[2] for m in r.marks))
        assert spans and all(s.strip() for s in spans)
    if case == "pdf_hidden_text":
        assert any("13 characters not visible" in n and "paper's colour" in n for n in res.notes)
        # The note quotes what was left out: the reader can tell which text it means.
        assert any("in the paper's colour: 「旧規定：番号法第９条第２項」" in n for n in res.notes), res.notes


@pytest.fixture(scope="module")
def kinds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kinds")
    make_pdf_kinds.main([str(out)])
    return out


@pytest.mark.parametrize("kind", [k.name for k in make_pdf_kinds.KINDS])
def test_generated_kind(kind: str, kinds_dir: Path) -> None:
    expected = json.loads((kinds_dir / f"{kind}.expected.json").read_text("utf-8"))
    res = _check(kinds_dir / f"{kind}.pdf", expected)
    flags = {f for r in res.records for f in r.flags}
    marks = {":".join(m.split(":", 2)[:2]) for r in res.records for m in r.marks}
    if kind.startswith("underline"):
        assert "underlined:after" in marks
    if kind == "strike_through":
        assert "struck:before" in marks
    if kind.startswith("hidden_"):
        assert any("not visible on the page left out" in n for n in res.notes), res.notes
        # Hidden on purpose (inside its cell), not a cell cut short: no row is in doubt for it.
        assert not any("clipped_text" in e for r in res.records for e in r.evidence)
        assert not any(f.startswith("truncated:") for f in flags), flags
    else:
        assert not any(f.startswith(("struck", "underlined")) for f in flags)
        assert not marks or kind.startswith(("underline", "strike"))


def test_visible_text_reason_counts(kinds_dir: Path) -> None:
    """Each way of hiding text is named with its count."""
    reasons = {
        "hidden_white_text": "paper's colour",
        "hidden_render_mode3": "invisible (render mode 3)",
        "hidden_under_white_box": "covered by a shape",
        "hidden_under_image": "covered by a shape",
        "hidden_clipped": "clipped away",
    }
    for kind, reason in reasons.items():
        doc = pdfium.PdfDocument(str(kinds_dir / f"{kind}.pdf"))
        try:
            pw, _, hidden = pdfium_page_to_words(doc[0], 1)
        finally:
            doc.close()
        assert sum(hidden.values()) > 10, kind
        assert any(reason in n for n in pw.notes), (kind, pw.notes)


def test_invisible_layer_is_read_only_by_choice(kinds_dir: Path) -> None:
    """Render-mode-3 text is left out by default and read with ``pdf.ocr_text_layer``."""
    pdf = kinds_dir / "hidden_render_mode3.pdf"
    default = sum(len(p.words) for p in read_pdf(pdf).pages)
    chosen = sum(len(p.words) for p in read_pdf(pdf, PdfSettings(ocr_text_layer=True)).pages)
    assert chosen > default


def test_settings_flag_parses_booleans() -> None:
    s = Settings()
    s.set("pdf.ocr_text_layer=false")
    assert s.pdf.ocr_text_layer is False
    s.set("pdf.ocr_text_layer=true")
    assert s.pdf.ocr_text_layer is True


def test_unexpected_timing_is_kept_in_a_note() -> None:
    """A 提出時期 cell read as something else is flagged and its text kept in a note."""
    row = RawRow()
    row.cells["change_date"] = [CellLine("2020/4/1")]
    row.cells["timing"] = [CellLine("後"), CellLine("事")]
    records = rows_to_records([row], "x", Settings())
    assert records[0].timing is None and "timing_invalid" in records[0].flags
    assert unexpected_timing_notes([row], records) == [
        "row 0: 提出時期 printed as '後事', neither 事前 nor 事後 (kept here)"
    ]


def test_marked_runs_wrap_with_their_words_but_not_across_paragraphs() -> None:
    from piatable.models import Line, Word
    from piatable.normalize.grid.rows import marked_spans

    def line(chars: str, marked: str, top: float) -> Line:
        words = [
            Word(c, 1, 10.0 * k, 10.0 * k + 10, top, top + 10, mark="underlined" if m == "u" else None)
            for k, (c, m) in enumerate(zip(chars, marked, strict=True))
        ]
        return Line(words, chars, 1, 0.0, 10.0 * len(chars), top, top + 10)

    wrapped = [line("市民生活部の", "..uuuu", 0), line("窓口課長", "uu..", 12)]
    assert marked_spans(wrapped) == [("underlined", "生活部の窓口")]
    paragraphs = [line("・本人確認を行う。", "uuuuuuuuu", 0), line("・不審な届出", "uuuuuu", 12)]
    assert marked_spans(paragraphs) == [("underlined", "・本人確認を行う。"), ("underlined", "・不審な届出")]
