"""Text-layer PDFs rendered with real fonts (tools/make_pdfs.py): rows, all six fields, table
pages of a long assessment, cover facts, damaged text layers, and bad files."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from piatable.cli import main
from piatable.extract.pdf import SCAN_STOP_PAGES, open_pdf, scan_pages, scan_pages_from_end, table_pages
from piatable.pipeline import extract_document

from .conftest import ROOT, SAMPLES, load_expected

sys.path.insert(0, str(ROOT / "tools"))
import make_pdfs

FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
CASES = sorted(p.name for p in (SAMPLES / "pdf").iterdir() if (p / "input.pdf").exists())
# Cells whose paragraph breaks no geometry can tell (a paragraph that ends exactly at a full
# line, a soft wrap before a line that opens like a paragraph marker) — at most this many.
AMBIGUOUS_CELLS_MAX = 4

_WS = re.compile(r"\s+")


def _records(path: Path) -> list[dict]:
    res = extract_document(path)
    assert res.status in ("success", "partial"), res.errors
    return [r.to_dict() for r in res.records]


@pytest.mark.parametrize("case", CASES)
def test_pdf_rows_and_fields(case):
    expected = load_expected(f"pdf/{case}")
    got = _records(SAMPLES / "pdf" / case / "input.pdf")
    assert len(got) == len(expected)
    wrong = []
    for e, g in zip(expected, got, strict=True):
        assert g["change_date_raw"] == e["change_date_raw"]
        assert g["change_date"] == e["change_date"]
        assert g["timing"] == e["timing"]
        assert (g["page_start"], g["page_end"]) == (e["page_start"], e["page_end"]), e["row_index"]
        for f in FIELDS:
            # Every character in the right cell ...
            assert _WS.sub("", g[f]) == _WS.sub("", e[f]), (e["row_index"], f)
            # ... and the paragraph breaks right but for the few that no geometry decides.
            if g[f] != e[f]:
                wrong.append((e["row_index"], f))
    assert len(wrong) <= AMBIGUOUS_CELLS_MAX, wrong


def test_excel_exact_with_merged_and_clipped_cells():
    """Vertically centred Excel cells, merged date/timing/explanation cells, clipped rows."""
    expected = load_expected("pdf/excel-seed")
    res = extract_document(SAMPLES / "pdf" / "excel-seed" / "input.pdf")
    got = [r.to_dict() for r in res.records]
    for e, g in zip(expected, got, strict=True):
        for f in (*FIELDS, "item_path"):
            assert g[f] == e[f], (e["row_index"], f)
    merged = [r.row_index for r in res.records if "merged_cell_filled" in r.flags]
    assert merged, "the shared dates are printed in merged cells"
    # Rows 0 and 1 share one printed date and explanation (a merged cell): both get them.
    assert got[0]["explanation"] == got[1]["explanation"] != ""
    # Row 6 was clipped by its row height: its after text stops where the printed text stops.
    assert got[6]["after"] == expected[6]["after"]


def test_word_row_continued_on_next_page():
    res = extract_document(SAMPLES / "pdf" / "word-seed" / "input.pdf")
    continued = [r for r in res.records if "row_continued" in r.flags]
    assert continued
    for r in continued:
        assert r.page_end == r.page_start + 1
    # No repeated header row became a record.
    assert not any(r.item.startswith("項目") or r.change_date_raw == "変更日" for r in res.records)


def test_long_assessment_finds_the_table_pages(tmp_path):
    pdf = tmp_path / "assessment.pdf"
    expected = make_pdfs.make_long(pdf, 50)
    res = extract_document(pdf)
    assert res.pages >= 40
    got = [r.to_dict() for r in res.records]
    assert len(got) == len(expected)
    # The rows are on the last pages, where they were printed; the contents page (which names
    # 変更箇所) and the filler pages gave nothing.
    assert min(r["page_start"] for r in got) > 30
    for e, g in zip(expected, got, strict=True):
        assert (g["page_start"], g["page_end"]) == (e["page_start"], e["page_end"])
        assert _WS.sub("", g["before"]) == _WS.sub("", e["before"])
        assert (g["change_date"], g["timing"]) == (e["change_date"], e["timing"])
    assert res.documents["assessment_number"] == make_pdfs.LONG_FACTS["number"]
    assert res.documents["agency"] == make_pdfs.LONG_FACTS["agency"]
    assert res.documents["published"] == "2023-03-31"
    # Scanned from the end, the table's pages are found without reading the 30-odd before it.
    doc = open_pdf(pdf)
    try:
        tail, whole = scan_pages_from_end(doc), scan_pages(doc)
    finally:
        doc.close()
    assert table_pages(tail) == table_pages(whole)
    assert len(tail) <= len(table_pages(whole)) + SCAN_STOP_PAGES
    assert tail[-1].page == len(whole) and tail[0].page > 30


def test_ruled_pages_after_the_table_are_not_rows(tmp_path):
    pdf = tmp_path / "assessment.pdf"
    expected = make_pdfs.make_long(pdf, 12, trailing=2)
    res = extract_document(pdf)
    assert len(res.records) == len(expected)
    last = res.records[-1]
    assert "row_continued" not in last.flags
    assert _WS.sub("", last.explanation) == _WS.sub("", expected[-1]["explanation"])


def test_documents_file_from_cli(tmp_path):
    pdf = tmp_path / "assessment.pdf"
    make_pdfs.make_long(pdf, 8)
    docs = tmp_path / "docs.json"
    assert main(["extract", str(pdf), "-o", str(tmp_path / "o.json"), "--documents", str(docs)]) == 0
    (entry,) = json.loads(docs.read_text("utf-8"))
    assert entry["assessment_name"] == make_pdfs.LONG_FACTS["name"]


def test_kangxi_radicals_are_repaired(tmp_path):
    truth = load_expected("seed")[:4]
    pdf = tmp_path / "kangxi.pdf"
    style = make_pdfs.cases([("seed", truth)])["excel-seed"][1]
    expected = make_pdfs.render_pdf(pdf, make_pdfs.kangxi(truth), style)
    got = _records(pdf)
    assert len(got) == 4
    for e, g in zip(expected, got, strict=True):
        want = _WS.sub("", e["item"]).translate(str.maketrans({v: k for k, v in make_pdfs.KANGXI.items()}))
        assert _WS.sub("", g["item"]) == want
        assert not any(ch in g["item"] + g["before"] for ch in make_pdfs.KANGXI.values())


def test_text_layer_without_unicode_is_reported(tmp_path):
    bad = tmp_path / "cid.pdf"
    make_pdfs.strip_tounicode(SAMPLES / "pdf" / "excel-seed" / "input.pdf", bad)
    res = extract_document(bad)
    # Routed to OCR (or, without tesseract, reported as needing it); never read as garbage.
    assert any("OCR" in n and "Unicode" in n for n in res.notes)
    assert res.status == "partial" or all("ocr" in r.flags for r in res.records)
    assert not any("\x01" in r.item + r.before for r in res.records)


def _bad_pdfs(tmp_path: Path) -> dict[str, Path]:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = tmp_path / "encrypted.pdf"
    c = canvas.Canvas(str(enc), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=1))
    c.drawString(100, 100, "secret")
    c.save()
    good = (SAMPLES / "pdf" / "excel-seed" / "input.pdf").read_bytes()
    trunc = tmp_path / "truncated.pdf"
    trunc.write_bytes(good[: len(good) // 2])
    zero = tmp_path / "zero.pdf"
    zero.write_bytes(b"")
    text = tmp_path / "text.pdf"
    text.write_text("これはPDFではありません。\n", encoding="utf-8")
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    return {"encrypted": enc, "truncated": trunc, "zero": zero, "text": text, "corrupt": corrupt}


def test_bad_pdfs_one_line_each_others_unaffected(tmp_path, capsys):
    bad = _bad_pdfs(tmp_path)
    good = SAMPLES / "pdf" / "excel-seed" / "input.pdf"
    out = tmp_path / "out.json"
    rc = main(["extract", *map(str, bad.values()), str(good), "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1
    assert not any("Traceback" in ln for ln in err)
    want = {
        "encrypted": "encrypted",
        "truncated": "truncated",
        "zero": "empty",
        "text": "not a PDF",
        "corrupt": "corrupt",
    }
    for name, path in bad.items():
        # One line of its own each (the run's summary may name an input too: "5 failed: …").
        lines = [ln for ln in err if ln.startswith(f"piatable: {path}:")]
        assert len(lines) == 1, (name, err)
        assert want[name] in lines[0], lines[0]
    assert len(json.loads(out.read_text("utf-8"))) == len(load_expected("pdf/excel-seed"))


@pytest.mark.parametrize(
    "folder",
    sorted(p.parent for p in (SAMPLES / "office-pagebreak").glob("*/input.pdf")),
    ids=lambda p: p.name,
)
def test_writer_rows_broken_over_pages_are_one_record(folder):
    """Writer rows that run over a page break (a date cell broken by it, merged cells carried
    over it, cells continued under a repeated header) are one record each: as many records as
    rows, each with its date, and ``row_continued`` exactly on the records printed on two or
    more pages (tuning set samples/office-pagebreak)."""
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.pdf").records
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g.change_date == e["change_date"]
        assert g.timing == e["timing"]
        assert _WS.sub("", g.item) == _WS.sub("", e["item"])
        assert ("row_continued" in g.flags) == (g.page_end > g.page_start)
    spans = sum(
        (g.page_start, g.page_end) == (e["page_start"], e["page_end"])
        for g, e in zip(got, expected, strict=True)
    )
    assert spans >= len(expected) - 2


@pytest.mark.parametrize(
    "folder",
    sorted(p.parent for p in (SAMPLES / "office-calcbreak").glob("*/input.pdf")),
    ids=lambda p: p.name,
)
def test_calc_rows_under_a_date_merged_over_a_page_break_are_rows_of_their_own(folder):
    """Calc never breaks a row over a page: a row at the top of a page that prints no date (it
    is merged over the break) is a row of its own, with the merged date, 提出時期 and
    explanation of the row above where its own are not printed (tuning set
    samples/office-calcbreak)."""
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.pdf").records
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        for f in ("change_date", "item", "before", "after", "timing", "explanation"):
            assert _WS.sub("", getattr(g, f) or "") == _WS.sub("", e[f] or ""), (e["row_index"], f)
        assert "row_continued" not in g.flags


def test_the_producer_says_whether_rows_break_over_pages():
    import pypdfium2 as pdfium

    from piatable.extract.pdf import made_by_spreadsheet

    calc = sorted((SAMPLES / "office-calcbreak").glob("*/input.pdf"))[0]
    writer = sorted((SAMPLES / "office-pagebreak").glob("*/input.pdf"))[0]
    for pdf, want in ((calc, True), (writer, False)):
        doc = pdfium.PdfDocument(str(pdf))
        try:
            assert made_by_spreadsheet(doc) is want
        finally:
            doc.close()


def test_pdf_char_is_the_word_the_constructor_makes():
    """The reader's fast factory sets every field of ``Word`` as its constructor does (a field
    added to ``Word`` and not to ``pdf_char`` is left unset: comparing raises)."""
    from dataclasses import fields

    from piatable.models import Word, pdf_char

    made = pdf_char("字", 3, 1.5, 10.25, 20.0, 29.5)
    assert made == Word("字", 3, 1.5, 10.25, 20.0, 29.5, "pdf")
    assert all(hasattr(made, f.name) for f in fields(Word))


def test_table_drawn_inside_a_form_xobject(tmp_path):
    """A table drawn inside a form XObject (placed with a translation): its rulings and
    characters are read through the form's objects and matrix, and white text inside it is
    left out with a note."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    make_pdfs.register_fonts()
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    cols = [40, 110, 260, 430, 600, 660, 800]
    ys = [500, 480, 430, 380]
    labels = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
    rows = (
        ("令和3年4月1日", "Ⅰ基本情報", "住民基本台帳に関する事務", "住民基本台帳事務", "事前", "重要な変更"),
        ("令和4年5月2日", "Ⅲリスク対策", "なし", "あり", "事後", "軽微な変更"),
    )
    c.beginForm("table")
    c.setFont("IPAexGothic", 9)
    for x in cols:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(cols[0], y, cols[-1], y)
    for k, label in enumerate(labels):
        c.drawString(cols[k] + 3, 486, label)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            c.drawString(cols[k] + 3, ys[r + 2] + 20, text)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(cols[5] + 3, ys[3] + 35, "白い字")
    c.endForm()
    c.setFont("IPAexGothic", 12)
    c.drawString(40, 540, "（別添３）変更箇所")
    c.saveState()
    c.translate(10, -20)
    c.doForm("table")
    c.restoreState()
    c.showPage()
    c.save()
    res = extract_document(path)
    got = [(r.change_date_raw, r.item, r.before, r.after, r.timing, r.explanation) for r in res.records]
    assert got == [tuple(row) for row in rows]
    assert any("3 characters not visible" in n and "paper's colour" in n for n in res.notes), res.notes
