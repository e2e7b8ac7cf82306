"""Amendment tables with empty cells at varied places, made by LibreOffice Calc and Writer
(issues 10 and 12, boxes40).

    python tools/make_boxes40_samples.py                          # both sets
    python tools/make_boxes40_samples.py --set office-boxes40      # or heldout-boxes40

pdfminer and plain ``pdftotext`` print a table's cells as text boxes, column by column; an empty
cell prints no box, so the boxes of its column come one fewer than the rows and a reader that
hands them out in order pairs every later one a row off.  Each table here empties cells at
varied rows: the 変更前 of an added row (its 変更後 closing with 上記を新規追加, or with no
marker at all), the 変更後 of a deleted one, the 提出時期に係る説明, one of them in the middle of a
column and one near its ends; other cells are cut to one line (``ONE_LINE_VALUES``) so that
one-line boxes sit beside wrapped ones.  The looks (fonts, sizes, widths, alignment, page
breaks, date styles) come from the pools of tools/make_office_samples.py, whose writing,
converting and truth this tool uses.

``office-boxes40`` (tuning) takes three tuning tables; ``heldout-boxes40`` (measure only, never
tune on it) two held-out tables, in the held-out pools.  Each case keeps its PDF and the five
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
from make_office_samples import Case, plain_case

# Rows kept per table.
ROWS_MAX = 9
TUNING = ("juki", "municipal", "kokuho")
HELDOUT = ("kaigo_hoken", "koseki_fuhyo")
# How a row is emptied, drawn per row (weights): its before (an addition), its after (a
# deletion), its explanation, or nothing.
EMPTYINGS = (("before", 3), ("after", 1), ("explanation", 3), ("", 3))
# Share of additions whose after cell keeps no 上記を新規追加 / 新規追加 at its end.
UNMARKED_ADDITION_SHARE = 0.5
# Share of the remaining text cells cut to a one-line value.
ONE_LINE_SHARE = 0.25
ONE_LINE_VALUES = {
    "before": ("市民課", "10万人以上30万人未満", "紙媒体による保管", "再委託しない"),
    "after": ("市民生活課", "30万人以上100万人未満", "電子媒体による保管", "再委託する"),
    "explanation": ("記載内容の時点修正", "組織改正に伴う修正", "誤記の訂正", "事務の見直しによる変更"),
}
ADDITION_MARKS = ("上記を新規追加", "新規追加")


def _emptied(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with cells emptied and some cut to one line: every table empties a before and
    an explanation in its middle rows, the others drawn (``EMPTYINGS``)."""
    out = [dict(r) for r in rows]
    middle = list(range(1, len(out) - 1))
    forced = dict(zip(rng.sample(middle, 2), ("before", "explanation"), strict=True))
    for i, r in enumerate(out):
        how = forced.get(i) or rng.choices([e for e, _ in EMPTYINGS], [w for _, w in EMPTYINGS])[0]
        # A deletion keeps its before, an addition its after: the explanation is emptied instead.
        if (how == "before" and r["after"].endswith("削除")) or (how == "after" and not r["before"]):
            how = "explanation"
        if how == "before":
            r["before"] = ""
            after = r["after"] or rng.choice(ONE_LINE_VALUES["after"])
            for mark in ADDITION_MARKS:
                after = after.removesuffix(mark).rstrip("\n")
            if rng.random() >= UNMARKED_ADDITION_SHARE:
                after = f"{after}\n{rng.choice(ADDITION_MARKS)}" if after else rng.choice(ADDITION_MARKS)
            r["after"] = after or rng.choice(ONE_LINE_VALUES["after"])
        elif how == "after":
            r["after"] = ""
            r["before"] = r["before"] or rng.choice(ONE_LINE_VALUES["before"])
        elif how == "explanation":
            r["explanation"] = ""
        # One-line values, a before and its after alike (the forms' values: 課 names, counts).
        if r["before"] and r["after"] and not r["after"].endswith("削除") and rng.random() < ONE_LINE_SHARE:
            k = rng.randrange(len(ONE_LINE_VALUES["before"]))
            r["before"], r["after"] = ONE_LINE_VALUES["before"][k], ONE_LINE_VALUES["after"][k]
        if r["explanation"] and rng.random() < ONE_LINE_SHARE:
            r["explanation"] = rng.choice(ONE_LINE_VALUES["explanation"])
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-boxes40-{name}")
    style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
    c = plain_case(name, _emptied(table[:ROWS_MAX], rng), maker, heldout=heldout, date_style=style)
    return replace(c, fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return table_cases("b40", heldout, redrawn, _case, HELDOUT if heldout else TUNING)


SETS = split_sets("boxes40", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
