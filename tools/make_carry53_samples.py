"""Tables of four programs whose 変更日 or 提出時期 cells are left empty ("same as above") beside
tables whose 変更日 is merged over several rows (issues 10 / 12, branch carry53).

    python tools/make_carry53_samples.py                          # both sets
    python tools/make_carry53_samples.py --set office-carry53      # or heldout-carry53

Set XIV (/work/newuser52, FAULTS.md kinds 1 and 2) left 変更日 cells empty in tables that print
the same date again in a later row (Calc, AbiWord), and 提出時期 cells empty (Calc); every text
reader filled them from the row above.  Each table here is printed by LibreOffice Calc,
LibreOffice Writer, AbiWord (the .docx) and Gnumeric (the .xlsx, ``Case.program``), in two looks:

- ``em``: the rows cut into runs of 1–3 rows, each run printing its date on its first row, the
  other rows' 変更日 cells empty (date ""); a run's date is the run before's again with
  ``SAME_DATE_SHARE`` (a table written row by row repeats a date where changes share one); a
  row whose 提出時期 is the row above's leaves its cell empty with ``EMPTY_TIMING_SHARE``
  (timing "");
- ``mg``: the runs' dates (consecutive runs differ) merged over their rows, every row printing
  its 提出時期.

The 変更日 column's vertical alignment is drawn from top / centre / bottom per case, the text
cells' from top / centre.  ``office-carry53`` (tuning) takes two tuning tables,
``heldout-carry53`` (measure only, never tune on it) two held-out tables in the held-out fonts
and sizes.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_empty50_samples import BODY_ALIGNS, DATE_ALIGNS, DATE_STYLES, FALLBACK_GLYPHS, _runs
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

KINDS = ("em", "mg")
# (maker, program): the .xlsx by Calc and Gnumeric, the .docx by Writer and AbiWord.
PROGRAMS = (("calc", "libreoffice"), ("writer", "libreoffice"), ("writer", "abiword"), ("calc", "gnumeric"))
ROWS_MAX = 8
SAME_DATE_SHARE = 0.4
EMPTY_TIMING_SHARE = 0.5


def _dated(rows: list[dict], kind: str, rng: random.Random) -> list[dict]:
    """The rows cut into runs, each run one date; ``em``: the rows after a run's first print
    none (date "") and may leave a 提出時期 equal to the row above's empty; ``mg``: a run's rows
    share its date (a merged cell), consecutive runs' dates differ."""
    out = [dict(r) for r in rows]
    dates = [(r["change_date"], r["change_date_raw"]) for r in rows]
    last: tuple | None = None
    for a, b in _runs(len(out), rng):
        if kind == "em" and last is not None and rng.random() < SAME_DATE_SHARE:
            date = last
        else:
            date = next((d for d in dates[a:] + dates[:a] if last is None or d[0] != last[0]), dates[a])
        last = date
        for i in range(a, b):
            r = out[i]
            if i == a or kind == "mg":
                r["change_date"], r["change_date_raw"] = date
            else:
                r["change_date"], r["change_date_raw"] = None, ""
    if kind == "em":
        for i in range(1, len(out)):
            same = out[i]["timing"] == out[i - 1]["timing"] and out[i - 1]["timing"]
            if same and rng.random() < EMPTY_TIMING_SHARE:
                out[i]["timing"] = ""
    return out


def _case(name: str, table: list[dict], maker: str, program: str, kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-carry53-{name}")
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    c = plain_case(
        name, table[start : start + ROWS_MAX], maker, heldout=heldout, date_style=rng.choice(DATE_STYLES)
    )
    return replace(
        c,
        rows=_dated(c.rows, kind, rng),
        valign=rng.choice(BODY_ALIGNS),
        valign_of={"change_date_raw": rng.choice(DATE_ALIGNS)},
        merge=kind == "mg",
        merge_keys=("change_date_raw",),
        real_dates=False,
        rows_per_page=None if program == "gnumeric" else c.rows_per_page,
        fallback_glyphs=FALLBACK_GLYPHS,
        program=program,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each look by each program over two tables, named ``[h]c53-<kind>-<program>-<table>``."""
    cases = []
    tables = _four_tables(heldout)
    for k, (maker, program) in enumerate(PROGRAMS):
        table, path = tables[k % 2 + (0 if heldout else 2 * (k // 2 % 2))]
        short = maker if program == "libreoffice" else program
        for kind in KINDS:
            name = f"{'h' if heldout else ''}c53-{kind}-{short}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), maker, program, kind, heldout))
    return cases


SETS = split_sets("carry53", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
