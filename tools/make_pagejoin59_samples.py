"""Tables over pages with page-number footers and repeated-block items, read by library users
(issues 10 / 12, branch pagejoin59).

    python tools/make_pagejoin59_samples.py                             # both sets
    python tools/make_pagejoin59_samples.py --set office-pagejoin59     # or heldout-pagejoin59

Set XX (session 58) showed wrong rows with no warning in the texts of library users:

* pypdf pages joined with ``""`` (``"".join(p.extract_text() …)``): the page-number footer of a
  Calc page (drawn before its cells) glued to the last line of the page before
  (``…による情報連携）- 3 -``);
* pdfplumber (plain and ``layout=True``): a repeated block's instance line (``システム１``,
  ``提供先１``) of a wrapped 項目 moved into 変更前 / 変更後;
* PyMuPDF ``sort=True``: a neighbour column's line inserted in a cell.

Each case prints a run of rows of one table chosen for its repeated-block items (システム１,
委託事項２, 提供先１, 移転先２) over two or three pages (Calc: a manual break every few rows;
Writer: long cells), with a centred page-number footer (``- {P} -``, ``{P}/{N}``, ``{P}``); in
the ``oneline`` cases the 項目 is typed on one line with spaces (``Ⅰ基本情報 ２．… システム１
②…``, as set XX's Chromium tables print it).  Texts (``make_office_samples.PAGEJOIN_TEXTS``):
pypdf joined ``""`` / ``"\\n"`` / form feeds, pdfplumber plain and ``layout=True`` (form feeds and
``"\\n"``), PyMuPDF ``sort=True`` (form feeds and ``"\\n"``).  ``office-pagejoin59`` (tuning)
from the tuning tables; ``heldout-pagejoin59`` (measure only, never tune on it) from the held-out
tables, with other footers.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

TUNING_NUMBERS = ("- {P} -", "{P}/{N}", "{P}", "- {P} -", "{P}/{N}", "- {P} -")
HELDOUT_NUMBERS = ("- {P}/{N} -", "{P} / {N}", "- {P} -", "{P}", "{P}/{N}", "- {P} -")
# (maker, look) per case: ``wrapped`` 項目 as the table types it, ``oneline`` joined by spaces.
KINDS = (
    ("calc", "wrapped"),
    ("calc", "wrapped"),
    ("writer", "wrapped"),
    ("writer", "wrapped"),
    ("calc", "oneline"),
    ("writer", "oneline"),
)
# The held-out set's sixth case: a Writer one-line 項目 of its tables is not printed whole (Writer
# cuts the row's item over the page), so Calc prints it.
HELDOUT_KINDS = (*KINDS[:5], ("calc", "oneline"))
ROWS = 7
_INSTANCE = re.compile(r"(システム|提供先|移転先|委託事項)[０-９0-9]")


def _window(table: list[dict], n: int, rng: random.Random) -> list[dict]:
    """The run of ``n`` rows holding the most repeated-block items (ties drawn at random)."""
    starts = list(range(max(len(table) - n, 0) + 1))
    rng.shuffle(starts)
    return max(
        (table[s : s + n] for s in starts),
        key=lambda run: sum(bool(_INSTANCE.search(r["item"])) for r in run),
    )


def _case(name: str, table: list[dict], maker: str, look: str, k: int, heldout: bool) -> Case:
    rng = random.Random(f"piatable-pagejoin59-{name}")
    rows = _window(table, ROWS, rng)
    if look == "oneline":
        rows = [{**r, "item": r["item"].replace("\n", " ")} for r in rows]
    c = office.plain_case(name, rows, maker, heldout=heldout)
    numbers = HELDOUT_NUMBERS if heldout else TUNING_NUMBERS
    c = replace(
        c,
        page_numbers=True,
        page_number_format=numbers[k % len(numbers)],
        fallback_glyphs="○□△",
        merge=False,
        repeat_header=True,
    )
    if maker == "calc":
        return replace(c, rows_per_page=rng.choice((2, 3)), real_dates=False)
    times = (2,) if look == "oneline" else (2, 3)
    return replace(c, rows=office._long_rows(c.rows, rng, times), valign="top")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per ``KINDS``, its table cycling through the instance-rich tables, named
    ``[h]pj59-<maker>-<look>-<table>-v<k>``; a case drawn again (``redrawn``) takes its rows
    from the table turned half round."""
    tables = [(n, p) for n, p in office._four_tables(heldout)]
    if not heldout:
        tables = [("zeimu", office.TUNING_TABLES["zeimu"]), ("seed", office.TUNING_TABLES["seed"])] + [
            t for t in tables if t[0] in ("juki", "municipal")
        ]
    cases = []
    for k, (maker, look) in enumerate(HELDOUT_KINDS if heldout else KINDS):
        tname, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}pj59-{maker}-{look}-{tname}-v{k + 1}"
        table = office._printable(office.load_table(path))
        if name in redrawn:
            table = table[len(table) // 2 :] + table[: len(table) // 2]
        cases.append(_case(name, table, maker, look, k, heldout))
    return cases


SETS = split_sets("pagejoin59", _cases)


README = """# {name}: page-number footers and repeated-block items read by library users (pagejoin59)

Calc / Writer tables over two to four pages with a centred page-number footer (`- N -`, `N/M`,
`N`, `- N/M -`, `N / M`) and rows chosen for their repeated-block items (システム１, 委託事項２,
提供先１); in the `oneline` cases the 項目 is typed on one line with spaces.  Each case is the PDF
and the texts `<case>-<extractor>`: pypdf `extract_text()` with pages joined by `""` (`+j0`, as
set XX's pypdf users joined them), by line ends (`+nl`) and by form feeds; pdfplumber plain and
`layout=True` (form feeds, `+nl`); PyMuPDF `sort=True` (form feeds, `+nl`).  The truth
(`expected/records.json`) is each row's six fields; settings per case in `cases.json`.

`samples/office-pagejoin59` (tuning) draws from the tuning tables; `samples/heldout-pagejoin59`
(held out: measure on it, never tune on it) from the held-out tables, with other footers.

    python tools/make_pagejoin59_samples.py
    python tools/eval_office.py samples/office-pagejoin59 samples/heldout-pagejoin59 --total
"""


def main(argv: list[str] | None = None) -> int:
    done = build_redrawn(SETS, __doc__, argv)
    for name, (root, _) in SETS.items():
        if root.exists():
            (root / "README.md").write_text(README.format(name=name), "utf-8")
    return done


if __name__ == "__main__":
    raise SystemExit(main())
