"""Amendment tables with deletion rows and one-line before/after pairs (issue 12, branch del24).

    python tools/make_del24_samples.py                        # both sets
    python tools/make_del24_samples.py --set office-del24      # or heldout-del24

In row-ordered text (``pdftotext -raw``, pypdfium2) an empty cell prints nothing, so a row with
one of 変更前 / 変更後 empty does not show which holds its text; and two one-line cells print side
by side on the date's line.  These tables gather both, as filings print them: rows (never the
first) made deletions (変更後 empty or 削除, the before text kept; half of them explained in words
that say so, half keeping the table's own explanation), and rows whose before and after are
one short line each (numbers of people, department names, dates, bracketed choices).  The looks
come from the pools of tools/make_office_samples.py, whose helpers (writing, converting, truth)
this tool uses.

``office-del24`` (tuning) takes the tuning tables; ``heldout-del24`` (measure only, never tune
on it) the held-out tables, in the held-out pools.  Each case keeps its PDF and the five
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
ROWS_MAX = 8
FALLBACK_GLYPHS = "○□△"
# Share of rows (never the first) made deletions, and of those whose after cell prints 削除.
DELETION_SHARE = 0.3
DELETION_WORD_SHARE = 0.5
DELETION_REASONS = (
    "事務の見直しによる記載の削除",
    "委託の終了に伴う削除",
    "制度の廃止に伴う修正",
    "再委託を行わないこととしたため",
)
# Share of the other rows (never the first) given a one-line before and after.
PAIR_SHARE = 0.3
PAIRS = (
    ("10人以上50人未満", "50人以上100人未満"),
    ("1,000人以上1万人未満", "1万人以上10万人未満"),
    ("市民部市民課", "市民生活部市民課"),
    ("総務部情報政策課", "総務部デジタル推進課"),
    ("令和2年4月1日", "令和5年4月1日"),
    ("[ 再委託しない ]", "[ 再委託する ]"),
    ("健康福祉部保険年金課", "市民部保険年金課"),
    ("紙媒体", "電子記録媒体"),
)


def _edited(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with deletions and one-line pairs drawn among them (never the first row)."""
    out = [dict(r) for r in rows]
    rest = list(range(1, len(out)))
    rng.shuffle(rest)
    n_del = max(1, round(DELETION_SHARE * len(out)))
    n_pair = max(1, round(PAIR_SHARE * len(out)))
    for i in rest[:n_del]:
        r = out[i]
        if not r["before"]:  # an addition row: its added text (or a stand-in) becomes the deleted one
            added = r["after"].split("\n上記を新規追加")[0]
            r["before"] = added if r["after"] != "新規追加" else "紙媒体による管理"
        r["after"] = "削除" if rng.random() < DELETION_WORD_SHARE else ""
        if rng.random() < 0.5:
            r["explanation"] = rng.choice(DELETION_REASONS)
    for i in rest[n_del : n_del + n_pair]:
        out[i]["before"], out[i]["after"] = rng.choice(PAIRS)
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-del24-{name}")
    rows = _edited(table[:ROWS_MAX], rng)
    style = office.DATE_STYLES[(n + 2 * heldout) % len(office.DATE_STYLES)]
    c = plain_case(name, rows, maker, heldout=heldout, date_style=style)
    # Marks some fonts lack (Droid Sans Fallback draws them out of the text's order): the truth
    # check leaves them out, as tools/make_flow23_samples.py does.
    return replace(c, fallback_glyphs=FALLBACK_GLYPHS)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return table_cases("d24", heldout, redrawn, _case)


SETS = split_sets("del24", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
