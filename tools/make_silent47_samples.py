"""One-line cells on the date's line, narrow 提出時期 / 変更日 columns and numbered lists opening
body cells (issues 10, 12 and 14, branch silent47), made by LibreOffice Calc and Writer.

    python tools/make_silent47_samples.py                            # both sets
    python tools/make_silent47_samples.py --set office-silent47      # or heldout-silent47

Four kinds an unseen tester met in pypdfium2 and ``pdftotext -raw`` text:

* a landscape Calc table with a narrow 提出時期 column: a one-line 変更前 cell is printed with the
  row's other one-line cells on the date's line, before the after cell's first paragraph;
* a Writer table with a 0.75 cm 提出時期 column: a one-line before printed on the line of the after
  cell's first line;
* before / after cells opened by ``提供先３`` / ``委託事項３`` (or a リスク name) under an item that
  stops at its section heading;
* a Calc table whose dates wrap in a narrow 変更日 column.

``office-silent47`` (tuning) takes the tuning tables; ``heldout-silent47`` (measure only, never
tune on it) the held-out tables and other widths.  Each case keeps its PDF and only the pypdfium2
and ``pdftotext -raw`` texts (make_office_samples.ROW_ORDERED_SETS).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

ROWS_MAX = 6
FALLBACK_GLYPHS = "○□△"
# Second paragraphs of after cells (the after runs to two paragraphs, the before stays one line).
TUNING_AFTER_SECONDS = ("（令和３年４月１日から適用）", "ただし、法令に定める場合を除く。")
HELDOUT_AFTER_SECONDS = ("（同日以後の申請から適用する）", "なお、従前の例による場合を含む。")
# Lists that open a body cell under an item stopping at its section heading.
TUNING_OPENERS = ("提供先３", "委託事項３", "提供先１", "委託事項２")
HELDOUT_OPENERS = ("提供先２", "委託事項４", "提供先４", "委託事項１")
TUNING_RISKS = ("リスク１：目的外の入手が行われるリスク", "リスク２：不適切な方法で入手が行われるリスク")
HELDOUT_RISKS = ("リスク３：入手した情報が不正確であるリスク", "リスク４：情報が漏えいするリスク")
# Column widths (date, item, before, after, timing, explanation).
# Kind 1: a narrow 提出時期 column (Calc units); kind 2: a 0.75 cm one (Writer, cm);
# kind 4: a narrow 変更日 column (Calc units) whose dates wrap.
TUNING_CALC_TIMING = (11, 24, 30, 36, 4, 30)
HELDOUT_CALC_TIMING = (12, 22, 28, 38, 4.5, 30)
# Kind 1's own look: a 提出時期 column so narrow that 事前 / 事後 wrap (Calc units).
TUNING_CALC_NARROW_TIMING = (11, 24, 30, 36, 2.4, 30)
HELDOUT_CALC_NARROW_TIMING = (12, 22, 28, 38, 2.6, 30)
TUNING_WRITER_TIMING = (2.6, 4.6, 5.6, 6.6, 0.75, 5.75)
HELDOUT_WRITER_TIMING = (2.8, 4.4, 5.4, 7.0, 0.75, 5.35)
TUNING_CALC_DATE = (6, 24, 32, 32, 8, 30)
HELDOUT_CALC_DATE = (6.5, 22, 34, 34, 8, 28)
TUNING_WRITER_PLAIN = (2.6, 4.6, 6.0, 6.0, 1.8, 4.7)
HELDOUT_WRITER_PLAIN = (2.8, 4.2, 6.2, 6.2, 2.0, 4.3)


def _one_line(text: str) -> str:
    """The cell's first line, cut to a short phrase that prints on one line."""
    first = text.split("\n")[0]
    return first[:10] or "記載なし"


def _kind12_rows(table: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """Rows whose before is one short line and whose after runs to two paragraphs."""
    seconds = HELDOUT_AFTER_SECONDS if heldout else TUNING_AFTER_SECONDS
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    rows = []
    for k, r in enumerate(table[start : start + ROWS_MAX]):
        before = _one_line(r["before"]) if k % 3 != 2 else r["before"]
        after = r["after"] if "\n" in r["after"] else f"{r['after']}\n{seconds[k % len(seconds)]}"
        # Every other row keeps only its explanation's first line (a one-line cell as well).
        explanation = r["explanation"].split("\n")[0] if k % 2 == 0 else r["explanation"]
        rows.append(dict(r, before=before, after=after, explanation=explanation))
    return rows


def _kind3_rows(table: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """Rows whose item stops at its section heading and whose before / after open with a list
    name (提供先３, 委託事項２ …) or a リスク name."""
    openers = HELDOUT_OPENERS if heldout else TUNING_OPENERS
    risks = HELDOUT_RISKS if heldout else TUNING_RISKS
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    rows = []
    for k, r in enumerate(table[start : start + ROWS_MAX]):
        head = "\n".join(r["item"].split("\n")[:2])
        if k % 3 == 2:
            name = risks[k % len(risks)]
        else:
            name = openers[k % len(openers)]
        before = f"{name}\n{r['before']}" if r["before"] else ""
        rows.append(dict(r, item=head, before=before, after=f"{name}\n{r['after']}"))
    return rows


def _case(name: str, table: list[dict], variant: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-silent47-{name}")
    maker = "writer" if variant in ("v2", "v3w") else "calc"
    if variant in ("v1", "v1n", "v2"):
        rows = _kind12_rows(table, rng, heldout)
    elif variant in ("v3c", "v3w"):
        rows = _kind3_rows(table, rng, heldout)
    else:
        rows = _kind12_rows(table, rng, heldout)
    style = "wareki" if variant == "v4" else None
    c = plain_case(name, rows, maker, heldout=heldout, date_style=style)
    widths = {
        "v1": HELDOUT_CALC_TIMING if heldout else TUNING_CALC_TIMING,
        "v1n": HELDOUT_CALC_NARROW_TIMING if heldout else TUNING_CALC_NARROW_TIMING,
        "v2": HELDOUT_WRITER_TIMING if heldout else TUNING_WRITER_TIMING,
        "v3c": HELDOUT_CALC_TIMING if heldout else TUNING_CALC_TIMING,
        "v3w": HELDOUT_WRITER_PLAIN if heldout else TUNING_WRITER_PLAIN,
        "v4": HELDOUT_CALC_DATE if heldout else TUNING_CALC_DATE,
    }[variant]
    return replace(
        c,
        widths=widths,
        valign="center" if variant in ("v1", "v1n") else "top",
        real_dates=False,
        merge=False,
        caption="",
        fallback_glyphs=FALLBACK_GLYPHS,
        # Heights set by hand (no trailing line breaks): Calc prints a one-line cell with the
        # row's other one-line cells, on the date's line (kind 1).
        fixed_heights=variant in ("v1", "v1n", "v3c"),
        height_slack=0.5,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Six variants over two tables, named ``[h]s47-<variant>-<table>`` (``v1n``: kind 1's look
    with a 提出時期 column so narrow that 事前 wraps into the wrapped cells' pass)."""
    cases = []
    tables = _four_tables(heldout)
    for k, variant in enumerate(("v1", "v2", "v3c", "v3w", "v4", "v1n")):
        table, path = tables[k % 2]
        name = f"{'h' if heldout else ''}s47-{variant}-{table}"
        while name in redrawn:
            name += "-r"
        cases.append(_case(name, _printable(load_table(path)), variant, heldout))
    return cases


SETS = split_sets("silent47", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
