"""Amendment tables whose rows have nothing but their item to be counted by (issue 10, loss25).

    python tools/make_loss25_samples.py                        # both sets
    python tools/make_loss25_samples.py --set office-loss25     # or heldout-loss25

A row whose date is merged with the rows above it (runs of 2 to 4 rows filed on one day, the
提出時期 merged over the run too in every other run) and whose item prints no section of the form
(Ⅰ…Ⅵ: it opens at ``４．…`` or at ``①…``, the path above it printed in the row before) has no
date line, no 提出時期 and no section of its own: a reader that misses its start runs it into its
neighbour with nothing to count it by.  Numbered lists inside the before and after cells
(``１．申請の受付`` / ``２．資格の審査``, ``①…``, ``（１）…``, opening the cell or under a
sentence) are the decoys: numbered lines that are no item.  The looks (fonts, sizes, widths,
alignment, page breaks, date styles) come from the pools of tools/make_office_samples.py, whose
helpers (writing, converting, truth) this tool uses.

``office-loss25`` (tuning) takes two tuning tables; ``heldout-loss25`` (measure only, never tune
on it) two held-out tables, in the held-out pools.  Each case keeps its PDF and the five
extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets, table_cases
from make_office_samples import (
    HELDOUT_BREAK_WIDTHS,
    TUNING_BREAK_WIDTHS,
    Case,
    plain_case,
)

# Rows kept per table (the kinds show in two or three pages).
ROWS_MAX = 10
# Runs of rows sharing one date (merged): every run holds two rows or more.
RUN_LENGTHS = (2, 3, 4)
# The tables of each set (a few: the kind, not the bulk).
TUNING = ("zeimu", "lists")
HELDOUT = ("jidou_teate", "yobou_sesshu")
# Share of rows given a numbered list in their before or after cell (the decoys).
DECOY_SHARE = 0.4
# Numbered lists a cell may print (none of them a heading of the form).
DECOY_LISTS = (
    ("１．申請書の受付", "２．資格の審査", "３．決定の通知"),
    ("①窓口での本人確認", "②申請内容の入力", "③交付"),
    ("（１）台帳の更新", "（２）通知書の発送"),
    ("1.受付簿への記録", "2.担当者による確認", "3.上長の決裁"),
)
DECOY_LEADS = ("次の事務を行う。", "以下の手順による。", "")


def _runs(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows in runs of 2 to 4 given the run's first date; every other run shares its first
    row's 提出時期 too (merged); a run's rows after its first print no section (Ⅰ…Ⅵ), and every
    other of them not its numbered heading either (the item opens at ``①…``)."""
    out = [dict(r) for r in rows]
    k, run = 0, 0
    while k < len(out):
        n = rng.choice(RUN_LENGTHS)
        for j, r in enumerate(out[k + 1 : k + n], 1):
            r["change_date"] = out[k]["change_date"]
            if run % 2 == 0:
                r["timing"] = out[k]["timing"]
            lines = r["item"].split("\n")
            if len(lines) > 1 and lines[0][:1] in "ⅠⅡⅢⅣⅤⅥ":
                lines = lines[1:]
            if j % 2 == 0 and len(lines) > 1 and lines[0][:1] in "１２３４５６７８９":
                lines = lines[1:]
            r["item"] = "\n".join(lines)
        k += n
        run += 1
    return out


def _decoys(rows: list[dict], rng: random.Random) -> list[dict]:
    """Rows drawn with a numbered list in their before or after cell: opening the cell, or under
    a sentence, or after the cell's text."""
    out = [dict(r) for r in rows]
    picks = rng.sample(range(len(out)), max(1, round(DECOY_SHARE * len(out))))
    for i in picks:
        r = out[i]
        field = "after" if r["after"] and not r["after"].startswith("新規追加") else "before"
        listed = "\n".join(rng.choice(DECOY_LISTS))
        lead = rng.choice(DECOY_LEADS)
        where = rng.randrange(3)
        if where == 0 or not r[field]:
            r[field] = "\n".join(p for p in (lead, listed, r[field]) if p)
        else:
            r[field] = f"{r[field]}\n{lead}\n{listed}" if lead else f"{r[field]}\n{listed}"
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-loss25-{name}")
    rows = _decoys(_runs(table[:ROWS_MAX], rng), rng)
    style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
    c = plain_case(name, rows, maker, heldout=heldout, date_style=style)
    c = replace(c, merge=True, fallback_glyphs="○□")
    if maker == "writer":
        widths = rng.choice(HELDOUT_BREAK_WIDTHS if heldout else TUNING_BREAK_WIDTHS)
        c = replace(c, widths=widths)
    return c


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return table_cases("l25", heldout, redrawn, _case, HELDOUT if heldout else TUNING)


SETS = split_sets("loss25", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
