"""Held-out tables of a narrow 変更日 column printing full-width or 和暦 dates that wrap, over two
pages (issues 10 / 12, branch silent60): measured only, never tuned on.

    python tools/make_silent60_samples.py      # samples/heldout-silent60

Set XXI (FAULTS #7) gave pdfplumber ``extract_text(x_tolerance=1)`` texts of tables whose
full-width 和暦 dates wrap in a narrow 変更日 column (``令和７年１月`` / ``６日``): rows missing or
merged.  The cases are written as an outside user writes them (``make_outsider_tables``: openpyxl
.xlsx and python-docx .docx, LibreOffice to PDF), drawn from the held-out tables with seeds of
their own, the 変更日 column narrowed as ``make_twodates59_samples`` narrows it, and read by the
extractors of ``TEXTS`` (form-feed and ``+nl`` texts).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_outsider_tables import HELDOUT_POOLS, SAMPLES, Case, draw_cases, print_case
from make_twodates59_samples import NARROW_SHARES, _styled

SET = "heldout-silent60"
TEXTS = (
    "pdfplumber-x1",
    "pdfplumber-x1+nl",
    "pdfplumber+nl",
    "pdfplumber-layout+nl",
    "pymupdf-sort",
    "pymupdf-sort+nl",
    "pdftotext-layout",
    "pdftotext-layout+nl",
)
# (maker, date style) per case: full-width 和暦 (令和７年１月６日) and full-width slashes.
LOOKS = (
    ("calc", "wareki_fw"),
    ("writer", "wareki_fw"),
    ("calc", "fullwidth"),
    ("writer", "fullwidth"),
)
# Rows per case: enough for two pages.
ROWS = (7, 10)

README = """# heldout-silent60: full-width / 和暦 dates wrapped in a narrow 変更日 column (silent60)

Held out: measure on it, never tune on it.  Tables written as an outside user writes them
(openpyxl .xlsx `*-calc-*`, python-docx .docx `*-writer-*`, LibreOffice to PDF), drawn from the
held-out tables; the 変更日 column 4.5–6 % of the width, dates full-width 和暦 (`令和７年１月６日`)
or full-width digits with slashes (`２０２０/１/２０`), 7–10 rows over two pages or more.  Each
case is the PDF and the texts `<case>-<extractor>`: pdfplumber `extract_text(x_tolerance=1)`
(`pdfplumber-x1`, set XXI's `plumbx1`), default and `layout=True`, PyMuPDF `sort=True`,
`pdftotext -layout`; `+nl`: pages joined by line ends.

    python tools/make_silent60_samples.py
    python tools/eval_office.py samples/heldout-silent60 --total
"""


def _cases() -> list[Case]:
    out = []
    for k, (maker, style) in enumerate(LOOKS):
        rng = random.Random(f"piatable-silent60-{k}")
        drawn = draw_cases("hs60", HELDOUT_POOLS, 2, seed=6060 + 11 * k, rows_per_case=ROWS)
        case = next(c for c in drawn if c.maker == maker)
        case.name = f"hs60-{maker}-narrow-{style}"
        case.valign = "top"
        case.date_style = style
        case.title = rng.choice(("（別添２）変更箇所", "変更箇所"))
        for row in case.rows:
            row["change_date_raw"] = _styled(row["change_date"], style)
        shares = list(case.shares)
        shares[0] = round(rng.uniform(*NARROW_SHARES), 3)
        case.shares = tuple(shares)
        out.append(case)
    return out


def main() -> int:
    import make_chromium54_samples as cr
    from make_office_samples import write_json, write_manifest
    from make_pdfs import extract_text

    root = SAMPLES / SET
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in _cases():
            pdf, _ = print_case(case, Path(tmp))
            truth = cr._expected(pdf, case.rows)
            (root / case.name).mkdir()
            shutil.copy(pdf, root / case.name / "input.pdf")
            write_json(root / case.name / "expected" / "records.json", truth)
            for tool in TEXTS:
                folder = root / f"{case.name}-{tool}"
                (folder / "expected").mkdir(parents=True)
                (folder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                write_json(folder / "expected" / "records.json", truth)
            manifest[case.name] = {k: v for k, v in asdict(case).items() if k != "rows"}
            print(f"{case.name}: {len(truth)} rows", file=sys.stderr)
    write_manifest(root, manifest)
    (root / "README.md").write_text(README, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
