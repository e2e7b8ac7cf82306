"""Writer tables followed by a body paragraph, their tall rows broken over pages (writer52).

    python tools/make_writer52_samples.py                         # both sets
    python tools/make_writer52_samples.py --set office-writer52   # or heldout-writer52

Issues 10 / 12 (set XIII, t05 / t06): a paragraph of the body printed under the table, set in
the page's text width (``closing`` with a left-set sentence of prose, perhaps then 以上), must not
be read into the last row; and a row that Writer breaks over a page (rows made tall by
``make_office_samples._long_rows``, landscape or portrait) must keep the part printed at the top of
the next page.  ``office-writer52`` (tuning) from the tuning tables; ``heldout-writer52`` (measure
only, never tune on it) from the held-out tables, in the held-out fonts and with other sentences.
Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

ROWS = 7
# Body paragraphs a filing may print under its table (one or two lines of the page's width).
TUNING_PROSE = (
    "上記の変更内容については、評価実施機関の内部規程に基づき、担当部署において確認を行った上で公表するものとする。",
    "なお、本変更に伴い、関係する他の評価書の記載についても必要な見直しを行い、同日付けで公表している。",
    "これらの変更は、いずれも事務の実態に合わせて記載を改めたものであり、特定個人情報の取扱いの方法そのものに変更を生じるものではない。",
)
HELDOUT_PROSE = (
    "変更箇所の詳細については、評価書の全文を当市のホームページに掲載しているので、併せて参照されたい。",
    "本表に掲げる変更は、いずれも規則の定めに従って委員会に届け出たものであり、その写しを担当課において保管している。",
)
TUNING_LOOKS = (("Noto Serif CJK JP", 10.0), ("IPAexMincho", 10.5), ("IPAexGothic", 11.0))
HELDOUT_LOOKS = (("IPAMincho", 11.0), ("IPAGothic", 10.0), ("Noto Sans CJK JP", 10.5))
PORTRAIT_CM = 16.5


def _case(name: str, table: list[dict], k: int, heldout: bool) -> Case:
    rng = random.Random(f"piatable-writer52-{name}-{heldout}")
    start = rng.randrange(max(len(table) - ROWS, 0) + 1)
    c = office.plain_case(name, table[start : start + ROWS], "writer", heldout=heldout)
    font, size = (HELDOUT_LOOKS if heldout else TUNING_LOOKS)[k % 3]
    prose = (HELDOUT_PROSE if heldout else TUNING_PROSE)[k % (2 if heldout else 3)]
    closing = ((prose, "left"),) if k % 2 == 0 else ((prose, "left"), ("以上", "right"))
    portrait = k % 3 == 1
    widths = tuple(round(w * PORTRAIT_CM / sum(c.widths), 1) for w in c.widths) if portrait else c.widths
    return replace(
        c,
        rows=office._long_rows(c.rows, rng, (2, 3)),
        font=font,
        size=size,
        widths=widths,
        portrait=portrait,
        space_after=rng.choice((0.0, 0.0, 3.0)),
        closing=closing,
        merge=False,
        valign="top",
        repeat_header=True,
        fallback_glyphs="○□△",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per table of ``office._four_tables`` (three for the held-out set), named
    ``[h]w52-<table>``; a case drawn again (``redrawn``) takes the table's next run of rows."""
    cases = []
    for k, (name, path) in enumerate(office._four_tables(heldout)[: 3 if heldout else 4]):
        case_name = f"{'h' if heldout else ''}w52-{name}"
        table = office._printable(office.load_table(path))
        if case_name in redrawn:
            table = table[ROWS:] + table[:ROWS]
        cases.append(_case(case_name, table, k, heldout))
    return cases


SETS = split_sets("writer52", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
