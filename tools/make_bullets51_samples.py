"""Calc and Writer tables whose 変更前 / 変更後 cells are bullet lists of unlike lengths side by side,
and rows whose one cell is a whole-cell mark (（新規）, （削除）, ―) (issues 10 / 12, branch
bullets51; set XII's faults 2 and 4).

    python tools/make_bullets51_samples.py                            # both sets
    python tools/make_bullets51_samples.py --set office-bullets51      # or heldout-bullets51

The rows are a table's own rows (items, dates, timings, explanations) with their before / after
cells redrawn from the table's own sentences (each cell's text cut at 。, every sentence a
paragraph ``・…``), by an RNG seeded with the case's name, in one of these shapes per row:

- ``lists``: a before of 1–7 bullets beside an after of 1–7 others;
- ``edited``: the after repeats the before's bullets, one of them changed and one added;
- ``one_line``: a before of 3–7 bullets beside an after of one plain sentence;
- ``added``: the before is ``（新規）`` (or ``―``), the after a list (numbered ``１．…`` or bullets);
- ``deleted``: the after is ``（削除）`` (or ``―``), the before a list.

``office-bullets51`` (tuning) takes three tuning tables, ``heldout-bullets51`` (measure only,
never tune on it) two held-out tables in the held-out fonts and sizes; each table by Calc and by
Writer.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

from piatable.normalize.reason_tails import REASON_TAIL

MAKERS = ("calc", "writer")
ROWS_MAX = 7
SHAPES = ("lists", "edited", "one_line", "added", "deleted")
BULLETS_MAX = 7
# A sentence taken as a bullet: at most this many characters (longer ones wrap over many lines
# and make rows too tall for a page).
SENTENCE_CHARS_MAX = 60
FALLBACK_GLYPHS = "○□△"


def _sentences(table: list[dict]) -> list[str]:
    """The table's own sentences (before, after and explanation cut at 。), de-duplicated, but
    for its reasons (…に伴う修正): a reason is no sentence of a 変更前 / 変更後 cell, and an after
    cell ending as a reason does is what ``reason_tails`` reads as a reason run on (its
    quiet-on-truth invariant, tests/test_reason_tails.py)."""
    out: list[str] = []
    for r in table:
        for key in ("before", "after", "explanation"):
            for part in r[key].replace("\n", "。").split("。"):
                s = part.strip().lstrip("・①②③④⑤⑥⑦⑧⑨ ").strip()
                if REASON_TAIL.search(s):
                    continue  # a reason (an explanation's, or one quoted in a cell)
                if 6 <= len(s) <= SENTENCE_CHARS_MAX and s not in out and "上記" not in s:
                    out.append(s)
    return out


def _bullets(pool: list[str], k: int, rng: random.Random) -> list[str]:
    return [f"・{s}。" for s in rng.sample(pool, min(k, len(pool)))]


def _cells(shape: str, pool: list[str], rng: random.Random) -> tuple[str, str]:
    """A before and an after cell of ``shape`` (see the module's docstring)."""
    if shape == "lists":
        before = _bullets(pool, rng.randint(1, BULLETS_MAX), rng)
        after = _bullets(pool, rng.randint(1, BULLETS_MAX), rng)
    elif shape == "edited":
        before = _bullets(pool, rng.randint(1, BULLETS_MAX - 1), rng)
        after = list(before)
        k = rng.randrange(len(after))
        after[k] = after[k].replace("。", "するものとする。", 1) if "する。" not in after[k] else after[k]
        after.insert(rng.randint(0, len(after)), _bullets(pool, 1, rng)[0])
    elif shape == "one_line":
        before = _bullets(pool, rng.randint(3, BULLETS_MAX), rng)
        after = [f"{rng.choice(pool)}。"]
    elif shape == "added":
        before = [rng.choice(("（新規）", "（新規）", "―"))]
        items = rng.sample(pool, min(rng.randint(1, 4), len(pool)))
        numbered = rng.random() < 0.5
        after = [f"{'１２３４'[k]}．{s}" if numbered else f"・{s}。" for k, s in enumerate(items)]
    else:
        before = _bullets(pool, rng.randint(1, 4), rng)
        after = [rng.choice(("（削除）", "（削除）", "―"))]
    return "\n".join(before), "\n".join(after)


def _case(name: str, table: list[dict], maker: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-bullets51-{name}")
    pool = _sentences(table)
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    c = plain_case(name, table[start : start + ROWS_MAX], maker, heldout=heldout)
    rows = []
    for k, r in enumerate(c.rows):
        shape = SHAPES[(k + rng.randrange(len(SHAPES))) % len(SHAPES)]
        before, after = _cells(shape, pool, rng)
        rows.append({**r, "before": before, "after": after})
    return replace(c, rows=rows, merge=False, fallback_glyphs=FALLBACK_GLYPHS)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each table by Calc and by Writer, named ``[h]bl51-<maker>-<table>``."""
    cases = []
    for table, path in _four_tables(heldout)[: 2 if heldout else 3]:
        for maker in MAKERS:
            name = f"{'h' if heldout else ''}bl51-{maker}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), maker, heldout))
    return cases


SETS = split_sets("bullets51", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
