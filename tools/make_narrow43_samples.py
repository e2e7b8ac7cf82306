"""Amendment tables with narrow text columns, made by LibreOffice Calc and Writer (narrow43).

    python tools/make_narrow43_samples.py                          # both sets
    python tools/make_narrow43_samples.py --set office-narrow43     # or heldout-narrow43

Made for the fault of session 42's whole assessments (samples/office-whole42): in narrow cells a
cell's line is given to the cell beside it (an empty 変更前 given the after cell's first line, a
list mark of the after cell glued to the before cell's last line, an explanation's line in the
row beside).  Each case is a random subset of a pool of tables' rows (4–9 rows, in order) in a
look where 変更前, 変更後 and 提出時期に係る説明 are 8–14 full-width characters wide, some
変更前 cells are empty, some 変更後 cells start with list marks (ア / イ, (1) / (2), ・) and the
text cells may be justified (両端揃え).

``office-narrow43`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows
and the IPAex fonts; ``heldout-narrow43`` (measure only, never tune on it) ``HELDOUT_CASES`` per
maker from the held-out tables' rows and the IPA fonts.  Each case keeps its PDF and the five
extractors' texts.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import drawn_cases
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, printed_rows

TUNING_CASES = 4
HELDOUT_CASES = 3
# The narrow text columns' width in full-width characters (before, after, explanation).
NARROW_CHARS = (8, 14)
# Calc: an Excel width unit is about half a full-width character; Writer: a full-width character
# is the font size wide, plus the cell's inner margins (cm).
CALC_UNITS_PER_CHAR = 2.0
WRITER_CELL_MARGIN_CM = 0.25
PT_CM = 2.54 / 72
# Shares of rows with an empty 変更前, of 変更後 cells given list marks, of justified cases.
EMPTY_BEFORE_SHARE = 0.3
LIST_MARK_SHARE = 0.45
JUSTIFY_SHARE = 0.5
MARKED = re.compile(r"^\s*(・|※|[ア-ン][　 ]|[（(]?[0-9０-９]+[)）]|[①-⑳])")
CLOSING = re.compile(r"(新規追加|削除)$")
LIST_MARKS = (("ア", "イ", "ウ", "エ"), ("(1)", "(2)", "(3)", "(4)"), ("・", "・", "・", "・"))


def with_list_marks(text: str, rng: random.Random) -> str:
    """``text`` as a list: each of its lines (or, for a one-line text, its sentences cut at
    「、」) opened by the next mark of one of ``LIST_MARKS``, with a full-width space or none.
    A text already a list (a line opened by a mark) and the closing lines the forms print
    (``上記を新規追加``, ``…削除``) are left as they are."""
    if MARKED.match(text) or any(MARKED.match(p) for p in text.split("\n")):
        return text
    marks = rng.choice(LIST_MARKS)
    gap = rng.choice(("　", ""))
    parts = [p for p in text.split("\n") if p]
    if len(parts) == 1 and "、" in text:
        parts = [p for p in text.split("、", len(marks) - 1) if p]
    items = [p for p in parts if not CLOSING.search(p)]
    closing = parts[len(items) :]
    if items != parts[: len(items)]:
        return text
    marked = [f"{m}{gap}{p}" for m, p in zip(marks, items, strict=False)] + items[len(marks) :]
    return "\n".join(marked + closing)


def narrow_rows(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with some 変更前 left empty and some 変更後 turned into lists."""
    out = []
    for r in rows:
        r = dict(r)
        if r["before"] and r["after"] and rng.random() < EMPTY_BEFORE_SHARE:
            r["before"] = ""
        if r["after"] and rng.random() < LIST_MARK_SHARE:
            r["after"] = with_list_marks(r["after"], rng)
        out.append(r)
    return out


def narrow_widths(rng: random.Random, maker: str, size: float) -> tuple[float, ...]:
    """Column widths: 変更前, 変更後 and 説明 ``NARROW_CHARS`` characters wide (each drawn on
    its own), the date, 項目 and 提出時期 as the forms print them."""
    chars = [rng.randint(*NARROW_CHARS) for _ in range(3)]
    if maker == "calc":
        date, item, timing = rng.randint(9, 13), rng.randint(18, 30), rng.randint(6, 9)
        before, after, expl = (c * CALC_UNITS_PER_CHAR for c in chars)
        return (float(date), float(item), before, after, float(timing), expl)
    cm = [round(c * size * PT_CM + WRITER_CELL_MARGIN_CM, 1) for c in chars]
    return (round(rng.uniform(1.8, 2.8), 1), round(rng.uniform(3.2, 5.0), 1), cm[0], cm[1], 1.6, cm[2])


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-narrow43-{name}")
    n = min(len(pool), rng.randint(4, 9))
    picked = sorted(rng.sample(range(len(pool)), n))
    rows = printed_rows([pool[k] for k in picked], rng.choice(office.DATE_STYLES))
    size = rng.choice((9.5, 10.5) if heldout else (9.0, 10.0, 11.0))
    fixed = maker == "calc" and rng.random() < 0.5
    return Case(
        name=name,
        rows=narrow_rows(rows, rng),
        maker=maker,
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        size=size,
        widths=narrow_widths(rng, maker, size),
        valign=rng.choice(("top", "top", "center")),
        repeat_header=rng.random() < 0.75,
        appendix=rng.choice(("２", "3")),
        fixed_heights=fixed,
        height_slack=rng.choice((0.0, 1.0)) if fixed else 0.0,
        justify=rng.random() < JUSTIFY_SHARE,
        # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
        # text's order, so the truth check leaves them out.
        fallback_glyphs="○□" if heldout else "",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]n43-<maker>-v<k>``."""
    return drawn_cases("n43", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES))


SETS = split_sets("narrow43", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
