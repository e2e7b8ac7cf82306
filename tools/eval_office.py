"""piatable on amendment tables made by real office software (tools/make_office_samples.py).

    python tools/eval_office.py [SET ...] [-v] [--cases]

SET is a folder of cases (default: samples/office, samples/office-kinds, samples/heldout,
samples/office-pagebreak, samples/heldout-pagebreak).  Each
case is ``input.pdf``, ``input.txt`` (``input.md`` / ``input.csv``: Markdown / CSV tables) or a
scan (``input.jpg`` / ``.png`` / ``.tif``, family "scan",
as is a PDF of page images) with ``expected/records.json`` beside it.  For each set,
one table: a row per family (pdf-calc and pdf-writer for LibreOffice-made PDFs, then the text of
each extractor: pypdfium2, pdftotext-raw, pdfminer, pdftotext, pdftotext-layout) with

- rows found / expected;
- cells right whitespace-free: the six cells (change_date, item, before, after, timing,
  explanation) equal once all whitespace is removed;
- cells right with paragraph breaks: equal once each line is stripped (the line breaks must be
  the truth's paragraph breaks, no more, no fewer);
- rows with all six cells right with paragraph breaks;
- wrong rows warned, right rows warned (all six right whitespace-free): a warning is worth
  having when it fires on the first and not on the second (tools/bench_calibration.is_warned);
- rows lost silently: rows fewer than expected in inputs read with the status success (no
  note says a row may be missing).

Rows are aligned with the expected rows as tools/eval_text.py does (order kept, most matching
cells), so one row too many or too few does not make every later row wrong.  ``-v`` lists the
wrong cells; ``--cases`` prints a line per case.  For samples/office-kinds a second table
gives the same figures per kind of hard input (underlined, hidden, rotated-timing, ...).
The held-out sets (samples/heldout, samples/heldout-pagebreak) are for measuring only: never
tune on them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_calibration import is_warned
from eval_text import SIX, align, squash

from piatable import extract_document

ROOT = Path(__file__).resolve().parent.parent
SET_NAMES = (
    "office",
    "office-kinds",
    "heldout",
    "office-pagebreak",
    "heldout-pagebreak",
    "office-calcbreak",
    "heldout-calcbreak",
    "office-bottom",
    "heldout-bottom",
    "office4",
    "heldout4",
    "office5",
    "heldout5",
    "office9",
    "heldout9",
    "office-boxes40",
    "heldout-boxes40",
    "office-boxes41",
    "heldout-boxes41",
    "office-boxes42",
    "heldout-boxes42",
    "office-boxes43",
    "heldout-boxes43",
    "office-boxes44",
    "heldout-boxes44",
    "office-whole42",
    "heldout-whole42",
    "office-narrow43",
    "heldout-narrow43",
    "office-values44",
    "heldout-values44",
    "office-boxes46",
    "heldout-boxes46",
    "office-raw46",
    "heldout-raw46",
    "office-block46",
    "heldout-block46",
    "office-silent47",
    "heldout-silent47",
    "office-quiet47",
    "heldout-quiet47",
    "office-writer47",
    "heldout-writer47",
    "office-raw47",
    "heldout-raw47",
    "office-raw49",
    "heldout-raw49",
    "office-layout48",
    "heldout-layout48",
    "office-layout49",
    "heldout-layout49",
    "office-plain48",
    "heldout-plain48",
    "office-quiet48",
    "heldout-quiet48",
    "office-plumber48",
    "heldout-plumber48",
    "office-plumber49",
    "heldout-plumber49",
    "office-plumber50",
    "heldout-plumber50",
    "office-plumber51",
    "heldout-plumber51",
    "office-plumber52",
    "heldout-plumber52",
    "office-plumber53",
    "heldout-plumber53",
    "office-glyphs48",
    "heldout-glyphs48",
    "office-stream48",
    "heldout-stream48",
    "office-spaced49",
    "heldout-spaced49",
    "office-itemkey49",
    "heldout-itemkey49",
    "office-itemkey54",
    "heldout-itemkey54",
    "office-itemkey55",
    "heldout-itemkey55",
    "office-boxes49",
    "heldout-boxes49",
    "office-across49",
    "heldout-across49",
    "office-twotables50",
    "heldout-twotables50",
    "office-pdfminer50",
    "heldout-pdfminer50",
    "office-empty50",
    "heldout-empty50",
    "office-pagecarry50",
    "heldout-pagecarry50",
    "office-plain50",
    "heldout-plain50",
    "office-spill50",
    "heldout-spill50",
    "office-plain51",
    "heldout-plain51",
    "office-plain54",
    "heldout-plain54",
    "office-timing51",
    "heldout-timing51",
    "office-pages51",
    "heldout-pages51",
    "office-bullets51",
    "heldout-bullets51",
    "office-calc52",
    "heldout-calc52",
    "office-writer52",
    "heldout-writer52",
    "office-gnumeric52",
    "heldout-gnumeric52",
    "office-shred52",
    "heldout-shred52",
    "office-pypdf53",
    "heldout-pypdf53",
    "office-column53",
    "heldout-column53",
    "office-layout53",
    "heldout-layout53",
    "office-header53",
    "heldout-header53",
    "office-carry53",
    "heldout-carry53",
    "office-bodytext54",
    "heldout-bodytext54",
    "office-slides54",
    "heldout-slides54",
    "office-chromium54",
    "heldout-chromium54",
    "office-bikou55",
    "heldout-bikou55",
    "office-kindcol59",
    "heldout-kindcol59",
    "office-place61",
    "heldout-place61",
    "office-extracols63",
    "heldout-extracols63",
    "office-extracol67",
    "heldout-extracol67",
    "office-twocol68",
    "heldout-twocol68",
    "office-twocol69",
    "heldout-twocol69",
    "office-twocol70",
    "heldout-twocol70",
    "office-subcol72",
    "heldout-subcol72",
    "office-roworder68",
    "heldout-roworder68",
    "heldout-rightwarn61b",
    "office-timing60",
    "heldout-timing60",
    "office-reversed60",
    "heldout-reversed60",
    "office-keys61",
    "heldout-keys61",
    "office-flow55",
    "heldout-flow55",
    "assessments55",
    "office-honest55",
    "heldout-honest55",
    "office-pagemark55",
    "heldout-pagemark55",
    "office-strips56",
    "heldout-strips56",
    "office-newline56",
    "heldout-newline56",
    "office-thead56",
    "heldout-thead56",
    "office-column56",
    "heldout-column56",
    "office-rawtear57",
    "heldout-rawtear57",
    "office-merged56",
    "heldout-merged56",
    "office-tbrl57",
    "heldout-tbrl57",
    "office-watermark56",
    "heldout-watermark56",
    "office-md56",
    "heldout-md56",
    "office-pairs57",
    "heldout-pairs57",
    "office-rightwarn58",
    "heldout-rightwarn58",
    "office-pgbreak58",
    "heldout-pgbreak58",
    "office-garbled58",
    "heldout-garbled58",
    "office-cellsplit58",
    "heldout-cellsplit58",
    "office-pagejoin59",
    "heldout-pagejoin59",
    "office-lastline58",
    "heldout-lastline58",
    "office-compact59",
    "heldout-compact59",
    "office-twodates59",
    "heldout-twodates59",
    "heldout-silent60",
    "office-rightwarn60",
    "heldout-rightwarn60",
    "office-numkind60",
    "heldout-numkind60",
    "office-datecell60",
    "heldout-datecell60",
    "office-unwarn61",
    "heldout-unwarn61",
    "office-silent62",
    "heldout-silent62",
    "office-layout63",
    "heldout-layout63",
    "office-stacked64",
    "heldout-stacked64",
    "office-paragraphs64",
    "heldout-paragraphs64",
    "office-paragraphs65",
    "heldout-paragraphs65",
    "office-webcopy64",
    "heldout-webcopy64",
    "reason65",
    "heldout-reason65",
    "pubdate65",
    "heldout-pubdate65",
    "office-watermark65",
    "heldout-watermark65",
    "office-furniture66",
    "heldout-furniture66",
    "office-subhead66",
    "heldout-subhead66",
    "office-ruby66",
    "heldout-ruby66",
    "office-headers67",
    "heldout-headers67",
    "office-halves67",
    "heldout-halves67",
    "office-spaced67",
    "heldout-spaced67",
    "office-furniture68",
    "heldout-furniture68",
    "office-checkbox68",
    "heldout-checkbox68",
    "office-pageorder68",
    "heldout-pageorder68",
    "office-pageorder69",
    "heldout-pageorder69",
    "office-pdfjs68",
    "heldout-pdfjs68",
    "office-splitrows69",
    "heldout-splitrows69",
    "office-grouprows69",
    "heldout-grouprows69",
    "office-furniture70",
    "heldout-furniture70",
    "office-dates74",
    "heldout-dates74",
)
# office-honest56 / heldout-honest56 (branch honest56) are measured by naming them
# (eval_office.py samples/office-honest56 samples/heldout-honest56): they hold set XVII's inputs
# without their PDFs, texts joined by line ends (``+nl``) and a scan, which the tests of the sets
# named here (tests/test_office_samples.py) do not take yet.  So do office-cover57 / heldout-cover57
# (tools/make_cover57_samples.py: whole assessments of 12-31 pages, a scan made from image pages)
# and heldout-quiet57 (branch quiet57, tools/make_quiet57_samples.py: -raw, pdfplumber and PyMuPDF
# words texts, +nl too).  Scan sets (office-scan54 … heldout-scan60: OCR, about 20 s a case) are
# measured by naming them too (tools/make_scan60_samples.py: column strips and 2-in-1 sheets;
# tools/make_scan61b_samples.py, office-scan61b / heldout-scan61b: a fax, JPEG q25, creased covers;
# tools/make_silent62_samples.py, office-letter62 / heldout-letter62: A4 pages scanned onto letter;
# tools/make_ruby66_samples.py, office-rubyscan66 / heldout-rubyscan66: tables with ruby;
# tools/make_scanloss66_samples.py, office-scanloss66 / heldout-scanloss66: two filings joined in one
# scan, a page of two tables; tests/test_scanloss66.py reads them in small pieces).
# office-honest67 / heldout-honest67 (tools/make_honest67_samples.py, branch honest67: a pdfplumber text
# of vertical labels and wrapped dates, scans with a row or a note below the ruled grid) are measured
# by naming them too (tests/test_honest67.py).  So are office-scans68 / heldout-scans68
# (tools/make_scans68_samples.py, branch scans68: scans fed last page first; their text-layer
# twins are office-pageorder68 / heldout-pageorder68, named above; tests/test_page_order.py).
SETS = tuple(ROOT / "samples" / s for s in SET_NAMES)
TEXT_FAMILIES = (
    "pypdfium2",
    "pdftotext-raw",
    "pdfminer",
    "pdfminer-noflow",
    "pdfminer-flowneg",
    "pdftotext",
    "pdftotext-layout",
    "pdftotext-layout-nopgbrk",
    "pdfplumber",
    "pdfplumber-layout",
    "pdfplumber-x1",
    "pypdf",
    "pypdf-layout",
    "pymupdf",
    "pymupdf-sort",
    "pymupdf-flags0",
    "pymupdf-blocks",
    "pdftotext-layout-cp932",
    "mutool",
)
# Every text family also with its pages joined by line ends (make_pdfs.extract_text's ``TOOL+nl``,
# as library users join pages; case folders ``<case>-TOOL+nl``).
TEXT_FAMILIES = (*TEXT_FAMILIES, *(f"{tool}+nl" for tool in TEXT_FAMILIES))
TEXT_FAMILIES = (*TEXT_FAMILIES, "pymupdf4llm-md", "pdfplumber-tables-csv", "pypdf+j0")
# Session 62's silent inputs (tools/make_silent62_samples.py): pages joined by a blank line, a text
# with no line ends at all, pdfminer's text with its line ends removed.
TEXT_FAMILIES = (*TEXT_FAMILIES, "pypdfium2+nn", "pdfminer-nolaparams", "pdfminer+flat")
FAMILIES = ("pdf-calc", "pdf-writer", "scan", *TEXT_FAMILIES)
# Scans (tools/make_scan54_samples.py): page images, and PDFs of page images (no text layer).
IMAGE_INPUTS = ("input.jpg", "input.png", "input.tif")
# Texts that keep the table's cells (extract/cell_tables.py; tools/make_md56_samples.py).
CELL_INPUTS = ("input.md", "input.csv")


def paragraphs(value: object) -> str:
    """The cell with each line stripped and blank lines at its ends dropped."""
    return "\n".join(ln.strip() for ln in ("" if value is None else str(value)).split("\n")).strip("\n")


def pdf_maker(pdf: Path) -> str:
    """ "calc" or "writer": LibreOffice names the module that exported the PDF as its Creator;
    "scan" for a PDF whose first page has no text layer (page images)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        creator = doc.get_metadata_dict().get("Creator", "")
        page = doc[0]
        text = page.get_textpage().get_text_range().strip()
    finally:
        doc.close()
    if not text:
        return "scan"
    return "writer" if "Writer" in creator else "calc"


def family(input_path: Path) -> str:
    if input_path.name in IMAGE_INPUTS:
        return "scan"
    if input_path.suffix == ".pdf":
        maker = pdf_maker(input_path)
        return maker if maker == "scan" else f"pdf-{maker}"
    name = input_path.parent.name
    # The longest suffix first: "-pdftotext-raw" before "-pdftotext".
    for tool in sorted(TEXT_FAMILIES, key=len, reverse=True):
        if name.endswith(f"-{tool}"):
            return tool
    return "other text"


def wanted(input_path: Path, families: list[str] | None) -> bool:
    """Whether an input is of one of ``families`` (all when None); a PDF is opened only when a
    PDF family is asked for."""
    if not families:
        return True
    if input_path.suffix == ".pdf" and not any(f.startswith("pdf-") or f == "scan" for f in families):
        return False
    return family(input_path) in families


@dataclass
class Wrong:
    row: int
    field: str
    got: object
    expected: object
    loose: bool  # right whitespace-free, wrong only in its line breaks


@dataclass
class Score:
    cases: int = 0
    rows_found: int = 0
    rows_expected: int = 0
    cells: int = 0
    loose: int = 0
    paras: int = 0
    full_rows: int = 0
    errors: int = 0
    wrong_rows: int = 0  # rows read with a cell wrong whitespace-free
    wrong_warned: int = 0  # of those, rows warned (tools/bench_calibration.is_warned)
    right_rows: int = 0  # rows read with all six cells right whitespace-free
    right_warned: int = 0  # of those, rows warned
    lost_silent: int = 0  # rows fewer than expected in inputs whose status is success (no note)

    def add(self, other: Score) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class CaseResult:
    case: str
    family: str
    score: Score
    wrong: list[Wrong] = field(default_factory=list)
    error: str | None = None


def evaluate_case(path: Path) -> CaseResult:
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    fam = family(path)
    error = None
    try:
        res = extract_document(path)
        got = [r.to_dict() for r in res.records]
        if res.status == "failure":
            error = "; ".join(str(e[2]) for e in res.errors) or "failure"
    except Exception as exc:  # a crash counts as no rows, and is shown
        got, error = [], f"{type(exc).__name__}: {exc}"
    s = Score(1, len(got), len(expected), 6 * len(expected), errors=int(error is not None))
    if error is None and res.status == "success":
        s.lost_silent = max(0, len(expected) - len(got))
    out = CaseResult(str(path.parent.relative_to(ROOT)), fam, s, error=error)
    matched = {j: i for i, j in align(got, expected)}
    for j, exp in enumerate(expected):
        g = got[matched[j]] if j in matched else {}
        all_right = True
        if g and any(squash(g.get(name)) != squash(exp.get(name)) for name in SIX):
            s.wrong_rows += 1
            s.wrong_warned += is_warned(g)
        elif g:
            s.right_rows += 1
            s.right_warned += is_warned(g)
        for name in SIX:
            gv, ev = g.get(name), exp.get(name)
            loose = squash(gv) == squash(ev)
            para = paragraphs(gv) == paragraphs(ev)
            s.loose += loose
            s.paras += para
            if not para:
                all_right = False
                out.wrong.append(Wrong(j, name, gv if g else "<no row>", ev, loose))
        s.full_rows += all_right
    return out


def inputs_of(root: Path) -> list[Path]:
    found = []
    for exp in sorted(root.rglob("expected/records.json")):
        folder = exp.parent.parent
        for name in ("input.pdf", "input.txt", *CELL_INPUTS, *IMAGE_INPUTS):
            if (folder / name).exists():
                found.append(folder / name)
    return found


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "     -"


def kind_of(case: str) -> str:
    """The kind of hard input a case of samples/office-kinds shows: its name without the number
    and the extractor (``office-kinds/dash-dates-2-pdftotext-raw`` → ``dash-dates``)."""
    name = Path(case).name
    for tool in sorted(TEXT_FAMILIES, key=len, reverse=True):
        name = name.removesuffix(f"-{tool}")
    return re.sub(r"-\d+$", "", name)


def spacing_of(case: str) -> str:
    """The spacing of a case of a spaced-out set (tools/make_spaced23_samples.py:
    ``calc-raw22-juki-nonspace-pypdfium2`` → ``nonspace``)."""
    name = Path(case).name
    for tool in sorted(TEXT_FAMILIES, key=len, reverse=True):
        name = name.removesuffix(f"-{tool}")
    last = name.rsplit("-", 1)[-1]
    # spaced49's sets keep each table's unspaced texts beside the spaced ones (``s49-calc-v1``)
    return "unspaced" if Path(case).parent.name.endswith("-spaced49") and last[0] in "vr" else last


def print_table(
    title: str, results: list[CaseResult], out, key: Callable[[CaseResult], str] | None = None
) -> dict[str, Score]:
    """A markdown table of the results grouped by family (or by ``key``); the totals by group."""
    groups: dict[str, Score] = defaultdict(Score)
    total = Score()
    for r in results:
        groups[key(r) if key else r.family].add(r.score)
        total.add(r.score)
    print(f"\n## {title}\n", file=out)
    head = "kind (family)" if key else "family"
    columns = "cases | rows found/exp | cells (no space) | cells (paragraphs) | rows all six | errors"
    columns += " | wrong rows warned | right rows warned | rows lost silently"
    print(f"| {head} | {columns} |", file=out)
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", file=out)
    if key:
        order = sorted(groups)
    else:
        order = [f for f in FAMILIES if f in groups] + sorted(set(groups) - set(FAMILIES))
    for name, s in [*((f, groups[f]) for f in order), ("ALL", total)]:
        print(
            f"| {name} | {s.cases} | {s.rows_found}/{s.rows_expected} | {_pct(s.loose, s.cells)} | "
            f"{_pct(s.paras, s.cells)} | {_pct(s.full_rows, s.rows_expected)} | {s.errors} | "
            f"{s.wrong_warned}/{s.wrong_rows} | {s.right_warned}/{s.right_rows} | {s.lost_silent} |",
            file=out,
        )
    return dict(groups) | {"ALL": total}


def _short(value: object, n: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= n else text[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path, help="folders of cases (default: the three office sets)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the wrong cells")
    ap.add_argument("--cases", action="store_true", help="a line per case")
    ap.add_argument(
        "--family",
        action="append",
        choices=FAMILIES,
        help="only inputs of this family (may be given again; default: every family)",
    )
    ap.add_argument("--total", action="store_true", help="one more table: every set given, summed")
    ns = ap.parse_args(argv)
    every: list[CaseResult] = []
    for root in ns.sets or [s for s in SETS if s.exists()]:
        root = root.resolve()
        chosen = [p for p in inputs_of(root) if wanted(p, ns.family)]
        if not chosen:
            continue
        results = [evaluate_case(p) for p in chosen]
        every += results
        if ns.cases or ns.verbose:
            for r in results:
                s = r.score
                print(
                    f"{r.case}: {s.rows_found}/{s.rows_expected} rows, {_pct(s.loose, s.cells)} no-space, "
                    f"{_pct(s.paras, s.cells)} paragraphs, {_pct(s.full_rows, s.rows_expected)} rows"
                    + (f"  error: {r.error}" if r.error else "")
                )
                if ns.verbose:
                    for w in r.wrong:
                        kind = "breaks" if w.loose else "text"
                        got, want = _short(w.got), _short(w.expected)
                        print(f"    row {w.row} {w.field} ({kind}): got {got} expected {want}")
        try:
            title = str(root.relative_to(ROOT))
        except ValueError:
            title = str(root)
        print_table(title, results, sys.stdout)
        if root.name == "office-kinds":
            print_table(
                f"{title} by kind", results, sys.stdout, key=lambda r: f"{kind_of(r.case)} ({r.family})"
            )
        if root.name.endswith(("-scan54", "-ocr55")):
            # A scan case's name starts with its kind (tools/make_scan54_samples.py: turn90-…;
            # tools/make_ocr55_samples.py: brackets-…, faxpdf-…, band-…).
            by_kind = lambda r: Path(r.case).name.split("-")[0]  # noqa: E731
            print_table(f"{title} by kind", results, sys.stdout, key=by_kind)
        if root.name.endswith(("-spaced23", "-spaced49")):
            print_table(
                f"{title} by spacing", results, sys.stdout, key=lambda r: f"{spacing_of(r.case)} ({r.family})"
            )
    if ns.total:
        print_table("every set given", every, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
