"""A held-out set for the warnings' false alarms (issue 12, branch honest56): Calc and Writer
tables, the texts of extractors as their users write them (pages joined by line ends, ``+nl``)
and one scan.  Measure on it, never tune on it.

    python tools/make_honest56_samples.py            # samples/heldout-honest56

Its cases stand for the kinds of right rows an unseen set (session 55's set XVII) warned about:

- ``split``: a Calc sheet whose dates and 提出時期 keep Calc's default alignment (the foot of
  the row) while the text cells are set to the top, so a row's text stands lines above its
  date in layout text;
- ``block``: a Writer table with rows that add or delete a whole repeated block (委託事項２,
  提供先３ …) whose cell lists the block's items with their values (branch honest55's ``bk``
  rows), and merged date / 提出時期 / 説明 cells;
- ``plain``: a Calc table (merged cells, centred) and a Writer table in the held-out fonts.

Each case keeps its PDF and ``HONEST56_TEXTS``; the ``scan`` case is the ``plain`` Calc table's
pages rendered grey at 250 dpi, turned half a degree and saved as a PDF of JPEG pages.
Rows come from the held-out tables (``samples/heldout/tables``) only.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_honest55_samples as h55
import make_office_samples as mos
import make_scan54_samples as s54

SET = "heldout-honest56"
ROOT = mos.SAMPLES / SET
# The texts written beside each PDF: layout and row-ordered texts as the tools print them, and
# the libraries' texts with their pages joined by line ends (no form feed), as users write them.
HONEST56_TEXTS = (
    "pdftotext-layout",
    "pdftotext-raw",
    "pypdfium2+nl",
    "pdfplumber-layout+nl",
    "pypdf+nl",
    "pypdf-layout+nl",
    "pymupdf+nl",
)
SCAN_LOOK = {"dpi": 250, "angle": 0.5, "save": "jpegpdf", "jpeg": 75}


def _table(*names: str) -> list[dict]:
    """The printable rows of the held-out tables ``names``, one after another."""
    return [r for name in names for r in mos._printable(mos.load_table(mos.HELDOUT_DIR / f"{name}.json"))]


def cases() -> list[mos.Case]:
    """The set's four table cases (module docstring), seeded by their names."""
    split = mos.plain_case("hh56-split-calc", _table("kaigo_hoken"), "calc", heldout=True)
    split = replace(
        split,
        valign="bottom",
        valign_of={"item": "top", "before": "top", "after": "top", "explanation": "top"},
        merge=False,
        rows_per_page=None,
    )
    block = mos.plain_case("hh56-block-writer", _table("jidou_teate", "yobou_sesshu"), "writer", heldout=True)
    rng = random.Random("piatable-honest56-block")
    block = replace(block, rows=h55._with_kind(block.rows, "bk", rng, True), merge=True)
    calc = mos.plain_case("hh56-plain-calc", _table("yobou_sesshu", "koseki_fuhyo"), "calc", heldout=True)
    calc = replace(calc, merge=True, valign="center")
    writer = mos.plain_case(
        "hh56-plain-writer", _table("koseki_fuhyo", "kaigo_hoken"), "writer", heldout=True
    )
    return [split, block, calc, writer]


def build() -> None:
    """``ROOT`` made anew: each case's PDF, texts and truth, the scan, and ``cases.json``."""
    made_cases = cases()
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render(made_cases, Path(tmp))
        if ROOT.exists():
            shutil.rmtree(ROOT)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            manifest[case.name] = mos.write_case_with_texts(ROOT, case, pdf, expected, HONEST56_TEXTS)
            pages = manifest[case.name]["pages"]
            if case.name == "hh56-plain-calc":
                scan = ROOT / f"{case.name}-scan250"
                (scan / "expected").mkdir(parents=True)
                s54.save(s54.pages_of(pdf, SCAN_LOOK), scan / "input.pdf", SCAN_LOOK)
                mos.write_json(scan / "expected" / "records.json", expected)
                manifest[scan.name] = manifest[case.name] | SCAN_LOOK
            print(f"{SET}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    mos.write_manifest(ROOT, manifest)


if __name__ == "__main__":
    build()
