"""The committed samples made by real office software (tools/make_office_samples.py): every case
folder has its input and a valid truth, and the truth is the table data, not anyone's output.

These tests read committed files only (CI has no LibreOffice); they assert nothing about
piatable's accuracy on the samples (tools/eval_office.py measures that).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import make_office_samples as mos
from eval_office import SET_NAMES as SETS  # the sets with PDFs, as the bench reads them
from make_datecell60_samples import TEXTS as DATECELL_TEXTS  # datecell60's sets: mutool, pymupdf+nl
from make_kindcol59_samples import TEXTS as KINDCOL_TEXTS  # kindcol59's sets: +j0 among them
from make_numkind60_samples import TEXTS as NUMKIND_TEXTS  # numkind60's: PyMuPDF flags=0, pdfplumber x1
from make_pages51_samples import NOPGBRK  # pages51's sets: pdftotext -layout -nopgbrk
from make_pdfjs68_samples import TEXTS as PDFJS68_TEXTS  # pdfjs68's: pdf.js and Edge copies
from make_pubdate65_samples import TEXTS as PUBDATE_TEXTS  # pubdate65's: pdftotext-raw, pymupdf
from make_silent60_samples import TEXTS as SILENT60_TEXTS  # pdfplumber extract_text(x_tolerance=1)
from make_silent62_samples import TEXTS as SILENT62_TEXTS  # pages joined by "\n\n", no line ends
from make_spaced49_samples import SPACINGS
from make_timing60_samples import TEXTS as TIMING60_TEXTS  # timing60's sets: pdftotext+nl among them
from make_webcopy64_samples import WEB_TEXTS  # webcopy64's sets: web viewers' copies (NBSP, CR LF)

CASES = sorted(p for s in SETS for p in (SAMPLES / s).iterdir() if p.is_dir() and p.name != "tables")
TIMINGS = {"事前", "事後"}


def _ids(p: Path) -> str:
    return str(p.relative_to(SAMPLES))


def _producer(pdf: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc.get_metadata_dict().get("Producer", "")
    finally:
        doc.close()


def _explanation_only(r: dict) -> bool:
    """A row that prints nothing but its explanation: no date, item, before, after, timing."""
    return not any(r[k] for k in ("change_date_raw", "item", "before", "after", "timing"))


def _expected(folder: Path) -> list[dict]:
    return json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def test_every_set_has_cases_and_a_readme():
    for s in SETS:
        pdfs = list((SAMPLES / s).glob("*/input.pdf"))
        assert pdfs, s
    assert (SAMPLES / "office" / "README.md").exists()
    held = ("heldout", "heldout-pagebreak", "heldout-calcbreak", "heldout-bottom", "heldout5", "heldout9")
    held = (
        *held,
        "heldout-merged56",
        "heldout-kindcol59",
        "heldout-watermark56",
        "heldout-md56",
        "heldout-pairs57",
        "heldout-cellsplit58",
        "heldout-lastline58",
        "heldout-twodates59",
        "heldout-silent60",
        "heldout-rawtear57",
        "heldout-tbrl57",
        "heldout-rightwarn58",
        "heldout-garbled58",
        "heldout-compact59",
        "heldout-pagejoin59",
        "heldout-rightwarn60",
        "heldout-numkind60",
        "heldout-timing60",
        "heldout-reversed60",
        "heldout-datecell60",
        "heldout-place61",
        "heldout-rightwarn61b",
        "heldout-unwarn61",
        "heldout-silent62",
        "heldout-letter62",
        "heldout-extracols63",
        "heldout-extracol67",
        "heldout-twocol68",
        "heldout-twocol69",
        "heldout-twocol70",
        "heldout-roworder68",
        "heldout-layout63",
        "heldout-stacked64",
        "heldout-paragraphs64",
        "heldout-paragraphs65",
        "heldout-webcopy64",
        "heldout-reason65",
        "heldout-pubdate65",
        "heldout-watermark65",
        "heldout-furniture66",
        "heldout-subhead66",
        "heldout-ruby66",
        "heldout-scanloss66",
        "heldout-honest67",
        "heldout-headers67",
        "heldout-halves67",
        "heldout-spaced67",
        "heldout-furniture68",
        "heldout-checkbox68",
        "heldout-pageorder68",
        "heldout-pageorder69",
        "heldout-scans68",
        "heldout-pdfjs68",
        "heldout-splitrows69",
        "heldout-grouprows69",
        "heldout-calcorder70",
        "heldout-furniture70",
        "heldout-sidebyside71",
        "heldout-roworder71",
        "heldout-roworder72",
        "heldout-pageorder71",
        "heldout-scan71",
        "heldout-sheet72",
        "heldout-cont73",
        "heldout-order74",
        "heldout-word72",
        "heldout-sbs73",
        "heldout-widepage73",
        "heldout-strips74",
        "heldout-dates74",
    )
    for name in held:
        assert "never tune" in (SAMPLES / name / "README.md").read_text("utf-8").lower()


def _each(folders: list[Path], check) -> None:
    """Run ``check`` on every case folder of ``folders``; fail once, naming each case whose
    check failed and why (one test per set, not per case: session 66, the suite's time)."""
    failed = []
    for folder in folders:
        try:
            check(folder)
        except AssertionError as e:
            failed.append(f"{_ids(folder)}: {e}")
    assert not failed, f"{len(failed)} of {len(folders)} cases:\n" + "\n".join(failed)


SET_CASES: dict[str, list[Path]] = {s: [] for s in SETS}
for _case in CASES:  # one pass (a scan of every case per set took ~2 s of each worker's collection)
    SET_CASES[_case.parent.name].append(_case)
SET_TEXTS = {s: [c for c in cases if (c / "input.txt").exists()] for s, cases in SET_CASES.items()}


@pytest.mark.parametrize("set_name", [s for s in SET_CASES if SET_CASES[s]])
def test_case_has_one_input_and_a_valid_truth(set_name):
    """Every case of the set: one input, a PDF's producer and size, a valid truth."""
    _each(SET_CASES[set_name], _check_case)


def _check_case(folder: Path) -> None:
    inputs = [n for n in ("input.pdf", "input.txt", "input.md", "input.csv") if (folder / n).exists()]
    assert len(inputs) == 1, inputs
    data = (folder / inputs[0]).read_bytes()
    if inputs[0] == "input.pdf":
        assert data.startswith(b"%PDF-")
        # LibreOffice, or cairo: Gnumeric and AbiWord (make_office_samples' Case.program) print through
        # it; Skia: Chromium (tools/make_layout53_samples.py, make_pypdf53_samples.py).
        # Ghostscript: a Chromium PDF passed through it (make_garbled58: a text layer it broke).
        producer = _producer(folder / "input.pdf")
        assert producer.startswith(("LibreOffice", "cairo", "Skia/PDF", "GPL Ghostscript")), producer
        # Chromium embeds a larger subset of Noto Serif CJK (office-layout53/l53-chrome-1: 281 KB).
        limit = 300_000 if producer.startswith("Skia/PDF") else 250_000
        # Real-size assessments (44-77 pages of prose: tools/make_assessments55.py): 340-530 KB.
        limit = 600_000 if folder.parent.name == "assessments55" else limit
        assert len(data) < limit, "keep the committed PDFs small"
    elif folder.name.endswith("-cp932"):  # saved as a Windows user saves it (make_pagemark55)
        assert b"\r\n" in data and data.decode("cp932")
    elif folder.name.endswith("-sjis"):  # poppler's Shift-JIS bytes: no ASCII at all (make_strips56)
        assert not any(0x20 <= b < 0x7F for b in data.decode("cp932").encode("ascii", "ignore"))
    else:
        data.decode("utf-8")
    records = _expected(folder)
    assert records
    assert [r["row_index"] for r in records] == list(range(len(records)))
    for r in records:
        assert set(r) == set(mos.EXPECTED_KEYS)
        if _explanation_only(r):  # every other cell empty, the date too: "" (make_twotables50)
            assert r["explanation"] and r["change_date"] == r["change_date_raw"] == r["timing"] == ""
            continue
        assert r["timing"] in TIMINGS or r["timing"] == ""  # "": an empty 提出時期 cell (pagecarry50)
        if r["change_date_raw"] == "":  # an empty 変更日 cell, "same as above" (make_empty50_samples)
            assert r["change_date"] is None
        else:
            dt.date.fromisoformat(r["change_date"])
            assert r["change_date_raw"].strip()
        assert 1 <= r["page_start"] <= r["page_end"]
        assert r["item_path"] == [p for p in r["item"].split("\n") if p.strip()]
        for f in ("item", "before", "after", "explanation"):
            assert isinstance(r[f], str) and r[f] == r[f].strip("\n")
    pages = [r["page_start"] for r in records]
    assert pages == sorted(pages), "rows are in printed order"


@pytest.mark.parametrize("set_name", [s for s in SET_TEXTS if SET_TEXTS[s]])
def test_text_case_has_the_truth_of_its_pdf(set_name):
    """Every text of the set is a PDF case's text, by a known extractor, with that case's truth."""
    _each(SET_TEXTS[set_name], _check_text_case)


def _check_text_case(folder: Path) -> None:
    pdf_case = next(
        p
        for p in folder.parent.iterdir()
        if (p / "input.pdf").exists() and folder.name.startswith(p.name + "-")
    )
    text = folder.name[len(pdf_case.name) + 1 :]
    spacing, _, spaced_text = text.partition("-")  # spaced49's sets: s49-calc-v1-wide-pypdfium2
    if spacing in SPACINGS:
        text = spaced_text
    assert text in (
        *KINDCOL_TEXTS,
        *SILENT60_TEXTS,
        *SILENT62_TEXTS,
        *NUMKIND_TEXTS,
        *TIMING60_TEXTS,
        *DATECELL_TEXTS,
        *PUBDATE_TEXTS,
        *mos.PYPDF_TEXTS,
        *mos.PLUMBER_LAYOUT_TEXTS,
        *mos.BODYTEXT_TEXTS,
        *mos.FLOW_TEXTS,
        *mos.PYPDF_LAYOUT_TEXTS,
        *mos.ALL_TEXTS,
        *mos.PAGEMARK_TEXTS,
        *mos.STRIPS_TEXTS,
        *mos.NEWLINE_TEXTS,
        *mos.NL_TEXTS,
        *mos.ROWSPLIT_TEXTS,
        *mos.MERGED56_TEXTS,
        *mos.TBRL57_TEXTS,
        *mos.PAGEJOIN_TEXTS,
        *WEB_TEXTS,
        *PDFJS68_TEXTS,
        NOPGBRK,
    )
    assert _expected(folder) == _expected(pdf_case)


def _table_rows(set_name: str) -> dict[str, list[dict]]:
    if set_name == "heldout":
        return {p.stem: mos.load_table(p) for p in (SAMPLES / "heldout" / "tables").glob("*.json")}
    return {k: mos.load_table(p) for k, p in mos.TUNING_TABLES.items()}


@pytest.mark.parametrize("set_name", ["office", "heldout"])
def test_truth_is_the_table_data(set_name):
    """Each case prints one table in full: its expected rows are that table's rows (dates as
    printed in the case's style), so the truth never comes from a reader's output."""
    tables = _table_rows(set_name)
    for folder in (SAMPLES / set_name).glob("*/input.pdf"):
        name = folder.parent.name
        table = name.split("-", 1)[1].removesuffix("-b")
        keys = ("change_date", "item", "before", "after", "timing", "explanation")
        want = sorted(tuple(r[k] for k in keys) for r in tables[table])
        got = sorted(tuple(r[k] for k in keys) for r in _expected(folder.parent))
        assert got == want, name


def test_heldout_tables_are_not_tuning_tables():
    tuning = {r["item"] + r["after"] for t in _table_rows("office").values() for r in t}
    for name, rows in _table_rows("heldout").items():
        assert len(rows) >= 6, name
        assert not {r["item"] + r["after"] for r in rows} & tuning, name


def test_case_settings_are_reproducible():
    a = [
        (c.name, c.font, c.size, c.widths, c.valign, c.merge, [r["change_date_raw"] for r in c.rows])
        for c in mos.tuning_cases()
    ]
    b = [
        (c.name, c.font, c.size, c.widths, c.valign, c.merge, [r["change_date_raw"] for r in c.rows])
        for c in mos.tuning_cases()
    ]
    assert a == b
    held = {c.font for c in mos.heldout_cases()}
    assert held and not held & set(mos.TUNING_FONTS)


def test_locate_finds_a_cell_split_by_a_page_break():
    whole = (
        "行政手続における特定の個人を識別するための番号の利用等に関する法律の改正"
        + "令和３年９月行政手続における識別す変更日項目るための番号第１９条"
    )
    start = whole.index("令和")
    span = mos.locate("行政手続における識別するための番号第１９条", whole, start)
    assert span is not None and span[0] > start and whole[span[1]] == "条"
    assert mos.locate("行政手続における識別するための番号第２０条", whole, start) is None
