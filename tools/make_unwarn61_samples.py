"""Rows broken over pages read by library users: another cell's or another row's text left in a
cell with no warning (issue 12, branch unwarn61).

    python tools/make_unwarn61_samples.py                           # both sets
    python tools/make_unwarn61_samples.py --set office-unwarn61     # or heldout-unwarn61

Set XXII (session 60) showed wrong rows with no warning in the texts of library users
(``FAULTS.md`` kinds #6, #7, #9): a body cell's last wrapped line read into the 項目 or the
explanation (PyMuPDF ``sort=True``, pdfplumber: ``①保管場所`` / ``登録事業者とする。``,
``記載内容の時点修正`` / ``いる。``), the column labels repeated where a row breaks over a page read
into its cells, and pypdf pages joined with ``""``: the next page's first row glued onto the
explanation.  Each case prints a run of rows of one table over two or three pages, rows long
enough that LibreOffice breaks some over a page under the repeated header (Writer: cells grown 2–3
times; Calc: a manual break every few rows), in fonts and sizes of the case, as
``make_pagejoin59_samples`` prints them; the Calc cases and one Writer case repeat no header, so a
page opens with a row.  Texts: ``make_office_samples.PAGEJOIN_TEXTS`` (pypdf
joined ``""`` / ``"\\n"`` / form feeds, pdfplumber plain and ``layout=True``, PyMuPDF
``sort=True``; form feeds and ``+nl``).  ``office-unwarn61`` (tuning) from the tuning tables;
``heldout-unwarn61`` (measure only, never tune on it) from the held-out tables.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case
from make_pagejoin59_samples import _case as pagejoin_case

# (maker, look) per case, as make_pagejoin59_samples prints them.
KINDS = (
    ("writer", "wrapped"),
    ("writer", "wrapped"),
    ("calc", "wrapped"),
    ("writer", "oneline"),
    ("writer", "wrapped"),
    ("calc", "wrapped"),
)
# Writer does not print a held-out table's one-line 項目 whole in a row broken over a page (it cuts
# the row's item over the page): Calc prints that case, as in make_pagejoin59_samples.
HELDOUT_KINDS = (*KINDS[:3], ("calc", "oneline"), *KINDS[4:])
TUNING = ("kokuho", "lists", "juki", "municipal")
SIZES = {False: (9.0, 10.0, 8.0), True: (9.5, 8.5, 10.5)}


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per ``KINDS``, named ``[h]uw61-<maker>-<look>-<table>-v<k>``, its table cycling
    through the set's tables; a case drawn again (``redrawn``) takes its rows from the table
    turned a third round."""
    if heldout:
        tables = [(p.stem, p) for p in sorted(office.HELDOUT_DIR.glob("*.json"))]
    else:
        tables = [(n, office.TUNING_TABLES[n]) for n in TUNING]
    cases = []
    for k, (maker, look) in enumerate(HELDOUT_KINDS if heldout else KINDS):
        tname, path = tables[(k + 1) % len(tables)]
        name = f"{'h' if heldout else ''}uw61-{maker}-{look}-{tname}-v{k + 1}"
        table = office._printable(office.load_table(path))
        rng = random.Random(f"piatable-unwarn61-{name}")
        cut = len(table) // 3 if name in redrawn else rng.randrange(len(table))
        table = table[cut:] + table[:cut]
        c = pagejoin_case(name, table, maker, look, k, heldout)
        # Calc cases and the last Writer one print no repeated header: a page opens with a row,
        # which pages joined with "" glue onto the page before's last line (set XXII's t08).
        header = not (maker == "calc" or k == len(KINDS) - 2)
        cases.append(replace(c, size=SIZES[heldout][k % 3], repeat_header=header))
    return cases


SETS = split_sets("unwarn61", _cases)

README = """# {name}: rows broken over pages read by library users (unwarn61)

Calc / Writer tables over two or three pages, rows long enough that some break over a page under
the repeated header.  Each case is the PDF and the texts `<case>-<extractor>`: pypdf
`extract_text()` with pages joined by `""` (`+j0`), by line ends (`+nl`) and by form feeds;
pdfplumber plain and `layout=True` (form feeds, `+nl`); PyMuPDF `sort=True` (form feeds, `+nl`).
The truth (`expected/records.json`) is each row's six fields; settings per case in `cases.json`.

`samples/office-unwarn61` (tuning) draws from the tuning tables; `samples/heldout-unwarn61`
(held out: measure on it, never tune on it) from the held-out tables.

    python tools/make_unwarn61_samples.py
    python tools/eval_office.py samples/office-unwarn61 samples/heldout-unwarn61 --total
"""


def main(argv: list[str] | None = None) -> int:
    done = build_redrawn(SETS, __doc__, argv)
    for name, (root, _) in SETS.items():
        if root.exists():
            (root / "README.md").write_text(README.format(name=name), "utf-8")
    return done


if __name__ == "__main__":
    raise SystemExit(main())
