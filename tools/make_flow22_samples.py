"""Amendment tables with empty cells, made by LibreOffice Calc and Writer (issue 10, flow22).

    python tools/make_flow22_samples.py                        # both sets
    python tools/make_flow22_samples.py --set office-flow22     # or heldout-flow22

In column-ordered text (pdfminer ``extract_text``, plain ``pdftotext``) an empty cell leaves no
text box at all, so a column that has one box fewer than the table has rows makes every later
box of that column slide up a row unless the reader sees where the gap is.  These tables blank
cells the way filings leave them empty: no 説明 (a row whose reason the row above gives), no
提出時期 (a row the filer did not time), no 変更後 (a deleted passage whose row prints nothing
after), no 変更前 (an addition), in rows drawn at random, one kind or two per table, with the
looks (widths, fonts, sizes, alignment, merged cells, page breaks, date styles) drawn from the
pools of tools/make_office_samples.py, whose helpers (writing, converting, truth) this tool uses.

``office-flow22`` (tuning) takes the tuning tables; ``heldout-flow22`` (measure only, never tune
on it) the held-out tables, in the held-out pools.  Each case keeps its PDF and the five
extractors' texts.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import (
    HELDOUT_DIR,
    SAMPLES,
    TUNING_TABLES,
    Case,
    NotPrinted,
    build_set,
    load_table,
    plain_case,
)

# The cells a row may leave empty: which kinds a table mixes (one or two kinds each).
KIND_MIXES = (
    ("explanation",),
    ("timing",),
    ("explanation", "timing"),
    ("after", "explanation"),
    ("before", "explanation"),
    ("timing", "after"),
)
# Share of rows blanked (at least one row, never the first two of a table: a reader needs a row
# to learn the columns from, as real tables print).
BLANK_SHARE = 0.3
# Characters some fonts of the pools lack (drawn from a fallback font out of order).
FALLBACK_GLYPHS = "○□"
# Rows kept per table (long tables make long PDFs; the kind shows in a page or two).
ROWS_MAX = 9


def _blanked(table: list[dict], kinds: tuple[str, ...], rng: random.Random) -> list[dict]:
    """The table's first rows with cells of ``kinds`` emptied in rows drawn by ``rng``; a row
    keeps at least its item and one of before / after."""
    rows = [dict(r) for r in table[:ROWS_MAX]]
    n = max(1, round(BLANK_SHARE * len(rows)))
    picks = rng.sample(range(2, len(rows)), min(n, max(len(rows) - 2, 0))) if len(rows) > 2 else []
    for k, i in enumerate(sorted(picks)):
        key = kinds[k % len(kinds)]
        r = rows[i]
        other = "after" if key == "before" else "before" if key == "after" else None
        if other is not None and not r[other].strip():
            continue
        r[key] = ""
    return rows


# A case LibreOffice does not print in full (a cell clipped) is drawn again in another look, its
# name marked so; one that fails again is left out of the set (said on stderr).
REDRAWS_MAX = 4


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each table of the set by Calc and by Writer, with empty cells of a mix of kinds; a case
    named in ``redrawn`` takes a look drawn anew (name suffixed ``-r``), one whose redrawn look
    is named there too is left out."""
    if heldout:
        tables = {p.stem: p for p in sorted(HELDOUT_DIR.glob("*.json"))}
    else:
        tables = dict(TUNING_TABLES)
    cases = []
    for k, (name, path) in enumerate(tables.items()):
        for m, maker in enumerate(("calc", "writer")):
            n = 2 * k + m
            case_name = f"{'hf' if heldout else 'f'}22-{maker}-{name}"
            if case_name in redrawn:
                case_name += "-r"
                if case_name in redrawn:
                    continue
            rng = random.Random(f"piatable-flow22-{case_name}")
            kinds = KIND_MIXES[(n + 3 * heldout) % len(KIND_MIXES)]
            rows = _blanked(load_table(path), kinds, rng)
            style = office.DATE_STYLES[(n + 2 * heldout) % len(office.DATE_STYLES)]
            c = plain_case(case_name, rows, maker, heldout=heldout, date_style=style)
            if n % 3 == 2:
                c = replace(c, valign="center" if c.valign == "top" else "top")
            # The held-out fonts lack ○ and □ (``○○情報サービス``): LibreOffice draws it from another font
            # out of the text's order, so the truth check leaves it out.
            c = replace(c, fallback_glyphs=FALLBACK_GLYPHS)
            cases.append(c)
    return cases


def table_cases(
    prefix: str, heldout: bool, redrawn: frozenset[str], make, only: tuple[str, ...] | None = None
) -> list[Case]:
    """Each table of the set (the held-out tables or the tuning ones; those named in ``only``
    when given) by Calc and by Writer,
    named ``[h]<prefix>-<maker>-<table>`` and made by ``make(name, table rows, maker, heldout,
    n)``; a case named in ``redrawn`` takes a look drawn anew (name suffixed ``-r``), one whose
    redrawn look is named there too is left out (tools/make_flow23_samples.py,
    make_del24_samples.py, make_loss25_samples.py)."""
    tables = {p.stem: p for p in sorted(HELDOUT_DIR.glob("*.json"))} if heldout else dict(TUNING_TABLES)
    if only is not None:
        tables = {name: path for name, path in tables.items() if name in only}
    cases = []
    for k, (name, path) in enumerate(tables.items()):
        for m, maker in enumerate(("calc", "writer")):
            case_name = f"{'h' if heldout else ''}{prefix}-{maker}-{name}"
            if case_name in redrawn:
                case_name += "-r"
                if case_name in redrawn:
                    continue
            cases.append(make(case_name, load_table(path), maker, heldout, 2 * k + m))
    return cases


def four_table_cases(prefix: str, heldout: bool, redrawn: frozenset[str], make) -> list[Case]:
    """The four tables of ``make_office_samples._four_tables`` by Calc and by Writer, named
    ``[h]<prefix>-<maker>-<table>`` and made by ``make(name, table rows, maker, heldout, n)``; a
    case named in ``redrawn`` is suffixed ``-r`` until the name is new (tools/make_raw46_samples.py,
    make_raw47_samples.py)."""
    cases = []
    for k, (table, path) in enumerate(office._four_tables(heldout)):
        for m, maker in enumerate(("calc", "writer")):
            name = f"{'h' if heldout else ''}{prefix}-{maker}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(make(name, load_table(path), maker, heldout, 2 * k + m))
    return cases


def numbered_cases(
    tag: str, counts: tuple[tuple[str, int], ...], redrawn: frozenset[str], make
) -> list[Case]:
    """Cases named ``<tag>-<maker>-v<k>`` for each (maker, count) of ``counts``, ``k`` from 1,
    made by ``make(name, maker, k)``; a case named in ``redrawn`` takes ``-r``, one whose redrawn
    name is there too is left out (tools/make_writer47_samples.py, make_plain48_samples.py)."""
    cases = []
    for maker, count in counts:
        for k in range(1, count + 1):
            name = f"{tag}-{maker}-v{k}"
            if name in redrawn:
                name += "-r"
                if name in redrawn:
                    continue
            cases.append(make(name, maker, k))
    return cases


def split_sets(name: str, cases: Callable[[bool, frozenset[str]], list[Case]]) -> dict:
    """The ``office-<name>`` (tuning) and ``heldout-<name>`` sets of a generator as
    ``build_redrawn`` takes them: name → (folder under samples/, ``cases(heldout, redrawn)``
    with ``heldout`` bound)."""
    return {
        f"{kind}-{name}": (SAMPLES / f"{kind}-{name}", lambda r, held=(kind == "heldout"): cases(held, r))
        for kind in ("office", "heldout")
    }


def calc_writer_sets(
    name: str,
    tag: str,
    counts: Callable[[bool], tuple[tuple[str, int], ...]],
    pool: Callable[[bool], list],
    calc_case: Callable[..., Case],
    writer_case: Callable[..., Case],
) -> dict:
    """``split_sets(name, …)`` of a generator whose cases are numbered Calc and Writer tables
    drawn from one pool of rows: ``counts(heldout)`` gives (maker, count) pairs in order,
    ``pool(heldout)`` the rows, ``calc_case(name, rows, heldout)`` and
    ``writer_case(name, rows, heldout, k)`` a case; cases are named ``[h]<tag>-<maker>-v<k>``
    (``numbered_cases``: a redrawn case takes ``-r``)."""

    def cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
        rows = pool(heldout)

        def make(case_name: str, maker: str, k: int) -> Case:
            if maker == "writer":
                return writer_case(case_name, rows, heldout, k)
            return calc_case(case_name, rows, heldout)

        return numbered_cases(f"{'h' if heldout else ''}{tag}", counts(heldout), redrawn, make)

    return split_sets(name, cases)


def kind_sets(name: str, tag: str, kinds, counts: tuple[int, int], pool, make) -> dict:
    """``split_sets(name, …)`` of a generator drawing, per kind of ``kinds``, ``counts`` (held out,
    tuning) cases from one pool of rows (``pool(heldout)``), named ``[h]<tag>-<kind>-v<k>`` and
    made by ``make(name, rows, kind, heldout)`` (``numbered_cases``; tools/make_plumber52_samples.py,
    make_plumber53_samples.py)."""

    def cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
        rows = pool(heldout)
        count = counts[0] if heldout else counts[1]
        return numbered_cases(
            f"{'h' if heldout else ''}{tag}",
            tuple((kind, count) for kind in kinds),
            redrawn,
            lambda case_name, kind, k: make(case_name, rows, kind, heldout),
        )

    return split_sets(name, cases)


def paired_sets(name: str, prefix: str, make, tuning: tuple[str, ...], heldout: tuple[str, ...]) -> dict:
    """``split_sets`` of cases named and made as ``table_cases`` makes them, from the tuning
    tables ``tuning`` or the held-out tables ``heldout`` (tools/make_boxes41_samples.py)."""
    return split_sets(name, lambda held, r: table_cases(prefix, held, r, make, heldout if held else tuning))


def build_redrawn(sets: dict, doc: str, argv: list[str] | None) -> int:
    """Build the sets named on the command line (``sets``: name → (root, make), ``make`` taking
    the names of cases to draw anew); a case not printed in full is drawn again, up to
    ``REDRAWS_MAX`` times (tools/make_flow23_samples.py uses it too)."""
    ns = office.parse_set_args(doc, list(sets), argv)
    for name in ns.set:
        root, make = sets[name]
        redrawn: set[str] = set()
        for _ in range(REDRAWS_MAX + 1):
            try:
                build_set(root, make(frozenset(redrawn)), ns.keep)
                break
            except NotPrinted as e:
                case = str(e).split(":", 1)[0]
                print(f"{case}: not printed in full, drawn again ({e})", file=sys.stderr)
                redrawn.add(case)
    return 0


SETS = split_sets("flow22", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
