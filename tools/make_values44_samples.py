"""Amendment tables whose 変更前 / 変更後 cells hold short values, made by LibreOffice Calc and
Writer (lead44, issue 12).

    python tools/make_values44_samples.py                           # both sets
    python tools/make_values44_samples.py --set office-values44      # or heldout-values44

Made for the fault a new user reported on ``pdftotext -layout`` text (session 44): right rows
warned ``column_guess`` where a before or after cell holds one word or a date (``有`` beside
``無``, ``紙`` alone, ``3/15`` beside ``2023``), or where the item's last line stands beside the
before cell's first.  Each case is a look drawn as ``make_boxes42_samples`` draws it (widths,
fonts, sizes, alignment, merged cells, page breaks); a share of its rows then get short values
from ``SHORT_PAIRS`` (one word, a count, a date, a mark) in their before and after cells.

``office-values44`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows;
``heldout-values44`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from the
held-out tables' rows and the held-out fonts.  Each case keeps its PDF and the five extractors'
texts.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import drawn_cases
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, varied_case

TUNING_CASES = 4
HELDOUT_CASES = 3
# The share of a case's rows given short values.
SHORT_SHARE = 0.45
# (before, after) pairs as the forms' cells print them: a choice of 有 / 無, a medium, a count
# band, a date, a mark, a number of persons; "" is an empty cell (an added or deleted value).
SHORT_PAIRS = (
    ("有", "無"),
    ("無", "有"),
    ("紙", "紙\n電子記録媒体"),
    ("紙", "電子記録媒体"),
    ("なし", "あり"),
    ("○", ""),
    ("", "○"),
    ("1万人以上10万人未満", "10万人以上30万人未満"),
    ("1,000人未満", "1,000人以上1万人未満"),
    ("令和3年4月1日", "令和5年4月1日"),
    ("2023/3/15", "2024/4/1"),
    ("3/15", "4/1"),
    ("2023年", "2024年"),
    ("専用線", "専用線\n電子記録媒体"),
    ("5人", "7人"),
    ("提供しない", "提供する"),
    ("委託しない", "委託する"),
)


def short_value_rows(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with ``SHORT_SHARE`` of them given a pair of ``SHORT_PAIRS`` as their before
    and after cells (at least one row of each case)."""
    out = [dict(r) for r in rows]
    picked = [k for k in range(len(out)) if rng.random() < SHORT_SHARE] or [rng.randrange(len(out))]
    for k in picked:
        out[k]["before"], out[k]["after"] = rng.choice(SHORT_PAIRS)
    return out


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c = varied_case(name, pool, maker, heldout=heldout)
    rng = random.Random(f"piatable-values44-{name}")
    if heldout:
        c = replace(c, font=rng.choice(office.HELDOUT_FONTS))
    # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
    # text's order, so the truth check leaves them out.
    return replace(c, rows=short_value_rows(c.rows, rng), fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]v44-<maker>-v<k>``."""
    return drawn_cases("v44", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES))


SETS = split_sets("values44", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
