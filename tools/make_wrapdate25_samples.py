"""Calc tables whose narrow 変更日 column holds one-line and wrapped dates (issues 10 and 12, wrapdate25).

    python tools/make_wrapdate25_samples.py                           # both sets
    python tools/make_wrapdate25_samples.py --set office-wrapdate25   # or heldout-wrapdate25

A 変更日 column seven or eight characters wide holds a short era date (``R3.9.30``, ``H31.4.1``)
on one line while a Western one (``2020/2/14``, ``2021年12月1日``) wraps (``2020/2/`` over
``14``).  In row-ordered text (``pdftotext -raw``, pypdfium2) LibreOffice's one-line cells of a
page, the one-line dates among them, may print apart from their rows, and a wrapped date's last
piece after the row before.  Each date group of a table takes a style of its own, drawn between
the short era style and the Western ones; half the tables merge a date's cells over its rows; cells
set top, bottom or centred, and some tables break pages every few rows.
The looks come from the pools of tools/make_office_samples.py, whose helpers (writing,
converting, truth) this tool uses.

``office-wrapdate25`` (tuning) takes the tuning tables; ``heldout-wrapdate25`` (measure only,
never tune on it) the held-out tables, in widths of their own.  Each case keeps its PDF and the
five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_flow22_samples import build_redrawn, split_sets, table_cases
from make_office_samples import Case, plain_case

# Rows kept per table.
ROWS_MAX = 8
FALLBACK_GLYPHS = "○□△"
# Share of date groups printed in the short era style (the rest in a Western one that wraps).
SHORT_SHARE = 0.5
WESTERN_STYLES = ("slash", "slash0", "seireki")
# Column widths (characters): the date column fits ``R3.9.30`` and wraps ``2020/2/14``.
TUNING_WIDTHS = ((7, 24, 34, 34, 8, 26), (8, 22, 30, 30, 7, 22))
HELDOUT_WIDTHS = ((7.5, 26, 36, 36, 9, 24), (8, 20, 28, 28, 6, 20))
VALIGNS = ("top", "bottom", "center")


def _mixed_dates(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with each date group's date printed in a style drawn for the group (at least
    one short and one Western group where there are two groups)."""
    out = [dict(r) for r in rows]
    dates = list(dict.fromkeys(r["change_date"] for r in out))
    styles = ["short" if rng.random() < SHORT_SHARE else rng.choice(WESTERN_STYLES) for _ in dates]
    if len(dates) > 1 and len(set(s == "short" for s in styles)) == 1:
        styles[rng.randrange(len(dates))] = "short" if styles[0] != "short" else rng.choice(WESTERN_STYLES)
    style_of = dict(zip(dates, styles, strict=True))
    for r in out:
        r["change_date_raw"] = render_date(r["change_date"], style_of[r["change_date"]])
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-wrapdate25-{name}")
    c = plain_case(name, table[:ROWS_MAX], maker, heldout=heldout, date_style="short")
    widths = rng.choice(HELDOUT_WIDTHS if heldout else TUNING_WIDTHS)
    return replace(
        c,
        rows=_mixed_dates(c.rows, rng),
        widths=widths,
        merge=n % 4 < 2,
        valign=VALIGNS[(n // 2 + heldout) % len(VALIGNS)],
        rows_per_page=(None, 3, 4)[(n // 2) % 3],
        real_dates=False,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return [c for c in table_cases("w25", heldout, redrawn, _case) if c.maker == "calc"]


SETS = split_sets("wrapdate25", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
