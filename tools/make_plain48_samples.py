"""Calc tables whose merged 変更日 cells run over page breaks and Writer tables whose rows break
over pages, for the box-order texts (pdfminer ``extract_text``, plain ``pdftotext``) of issues 10
and 12 (session 48: a row taking the next or the last date group's date, a broken row's closing
paragraphs read into another row).

    python tools/make_plain48_samples.py                          # both sets
    python tools/make_plain48_samples.py --set office-plain48      # or heldout-plain48

LibreOffice Calc draws a merged cell's text once, at the vertical middle of the merged range,
on every page the range spans, clipped to that page: plain ``pdftotext`` keeps only the copy on
the page that holds the middle, pdfminer keeps the others too (above the page).  Calc cases:
a contiguous run of a pool of tables' rows (``make_office_samples.varied_case``'s look), the
date given to runs of ``GROUP_SIZES`` rows and merged over them (centred or bottom-aligned),
a manual page break every ``ROWS_PER_PAGE`` rows that the merges run over.  Writer cases: as
tools/make_writer47_samples.py makes them (long before / after cells, header row repeated,
rows breaking over pages).

``office-plain48`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-plain48`` (measure only, never tune on it) ``HELDOUT_CASES`` from the held-out tables'
rows, in the held-out fonts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, calc_writer_sets
from make_office_samples import Case, varied_case
from make_writer47_samples import _writer_case

# Cases per set and maker: (calc, writer).
TUNING_CASES = (4, 2)
HELDOUT_CASES = (2, 2)
# Calc: rows per case (a contiguous run of the pool) and a manual page break every N rows.
ROW_COUNTS = (9, 12, 14)
ROWS_PER_PAGE = (3, 4, 5)
# Calc: rows per date group (the date merged over them), as tables amended on one day run.
GROUP_SIZES = (2, 3, 4)


def _grouped(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with each run of ``GROUP_SIZES`` rows given its first row's date."""
    out: list[dict] = []
    while len(out) < len(rows):
        head = rows[len(out)]
        for r in rows[len(out) : len(out) + rng.choice(GROUP_SIZES)]:
            out.append(dict(r, change_date=head["change_date"], change_date_raw=head["change_date_raw"]))
    return out


def _calc_case(name: str, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-plain48-{name}")
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    c = varied_case(name, pool[start : start + n], "calc", heldout=heldout)
    return replace(
        c,
        rows=_grouped(c.rows, rng),
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        valign=rng.choice(("center", "bottom")),
        valign_of={},
        merge=True,
        merge_keys=rng.choice((("change_date_raw",), ("change_date_raw", "timing"))),
        merge_over_breaks=True,
        rows_per_page=rng.choice(ROWS_PER_PAGE),
        fixed_heights=False,
        repeat_header=True,
        fallback_glyphs="○□",
    )


SETS = calc_writer_sets(
    "plain48",
    "p48",
    lambda held: tuple(zip(("calc", "writer"), HELDOUT_CASES if held else TUNING_CASES, strict=True)),
    _pool,
    _calc_case,
    _writer_case,
)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
