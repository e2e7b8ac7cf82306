"""Page furniture in texts whose pages are joined by line ends, not form feeds (issues 10/14, newline56).

    python tools/make_newline56_samples.py                            # both sets
    python tools/make_newline56_samples.py --set office-newline56     # or heldout-newline56

Set XVII's library texts (pdfplumber, pypdf, PyMuPDF, pypdfium2) joined their pages with
``"\\n"``, as users write them; the sheet's page header (Calc ``&R市名``) and the page number
(``&P/&N``) then stand between the last cell of a page and the first of the next with no form
feed to mark the page's edge, and were read into that cell.  Kinds:

* ``cityhead``: a Calc sheet, the municipality's name as its right page header, a page number
  in the footer, print titles (the label row repeated), a manual page break every 2–3 rows;
* ``titlefoot``: as ``cityhead``, and the assessment's title as the footer's text;
* ``narrow``: as ``cityhead``, the 提出時期 column so narrow that its label wraps (``提出`` /
  ``時期``) and its cells are centred;
* ``writerhead``: a Writer table, a page header (the assessment's title) and a page number;
* ``bare``: a Writer table without inner rulings whose only furniture is the page number.

Each case keeps its PDF and seven library texts, each with form feeds and with line ends
(``TOOL+nl``, ``make_office_samples.NEWLINE_TEXTS``).  ``office-newline56`` (tuning) from the
tuning tables' rows; ``heldout-newline56`` (measure only, never tune on it) from the held-out
tables' rows, with other names, titles and page-number forms.
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

TUNING_NUMBERS = ("{P}/{N}", "- {P} -", "{P}")
HELDOUT_NUMBERS = ("{P} / {N}", "P.{P}", "{P}")
TUNING_CITIES = ("みなと市", "北川町", "浜風村")
HELDOUT_CITIES = ("さくら台市", "東山町")
TUNING_TITLES = ("特定個人情報保護評価書（全項目評価書）", "住民基本台帳に関する事務　全項目評価書")
HELDOUT_TITLES = ("個人住民税に関する事務　全項目評価書", "特定個人情報保護評価書（重点項目評価書）")
TUNING_KINDS = ("cityhead", "titlefoot", "narrow", "writerhead", "bare", "cityhead", "narrow")
HELDOUT_KINDS = ("cityhead", "narrow", "titlefoot", "writerhead", "bare", "narrow")


def _case(name: str, table: list[dict], kind: str, k: int, heldout: bool) -> Case:
    rng = random.Random(f"piatable-newline56-{name}")
    numbers = HELDOUT_NUMBERS if heldout else TUNING_NUMBERS
    cities = HELDOUT_CITIES if heldout else TUNING_CITIES
    titles = HELDOUT_TITLES if heldout else TUNING_TITLES
    calc = kind in ("cityhead", "titlefoot", "narrow")
    n = rng.choice((8, 10)) if calc else rng.choice((10, 12))
    start = rng.randrange(max(len(table) - n, 0) + 1)
    c = office.plain_case(name, table[start : start + n], "calc" if calc else "writer", heldout=heldout)
    c = replace(
        c,
        page_numbers=True,
        page_number_format=numbers[k % len(numbers)],
        fallback_glyphs="○□△",
        merge=False,
        repeat_header=True,
    )
    if calc:
        c = replace(
            c,
            page_header=(cities[k % len(cities)], "right"),
            rows_per_page=rng.choice((2, 3)),
            real_dates=False,
            page_footer=titles[k % len(titles)] if kind == "titlefoot" else "",
        )
        if kind == "narrow":
            w = list(c.widths)
            w[4] = 4  # 提出時期: the label wraps to 提出 / 時期
            c = replace(c, widths=tuple(w), valign="center")
        return c
    if kind == "bare":
        return replace(c, inner_rule="none", rows=office._long_rows(c.rows, rng, (2, 3)), valign="top")
    return replace(
        c, rows=office._long_rows(c.rows, rng, (2, 3)), page_header=(titles[k % len(titles)], "center")
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per kind, its table cycling through ``office._four_tables``, named
    ``[h]nl56-<kind>-<table>-v<k>``; a case drawn again (``redrawn``) takes its rows from another
    start."""
    tables = office._four_tables(heldout)
    cases = []
    for k, kind in enumerate(HELDOUT_KINDS if heldout else TUNING_KINDS):
        tname, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}nl56-{kind}-{tname}-v{k + 1}"
        table = office._printable(office.load_table(path))
        if name in redrawn:
            table = table[len(table) // 2 :] + table[: len(table) // 2]
        cases.append(_case(name, table, kind, k, heldout))
    return cases


SETS = split_sets("newline56", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
