"""Long reasons wrapped in a narrow explanation column (issues 10 and 12, raw47), made by
LibreOffice Calc and Writer.

    python tools/make_raw47_samples.py                         # both sets
    python tools/make_raw47_samples.py --set office-raw47      # or heldout-raw47

Two new users' tables (sets V and VI) print the 提出時期に係る説明 column narrower than the
変更後 column and open their explanations with a long reason (``住民基本台帳法施行令の改正によ
り旧氏が記録項目に加わったことによる修正``) that wraps over two or three of its lines.  In
pypdfium2 and ``pdftotext -raw`` text a row's wrapped cells follow one another with nothing to
say where one ends, and the reason's first line was read as the after cell's last
(``…必要となる。`` / ``ガバメントクラウドへの移行`` | ``に伴う変更``).  Every other Calc case
also prints a caption on the 提出時期 column under the title (``※提出時期欄の…``), which Calc
prints among the page's one-line cells.

The looks come from the pools of tools/make_office_samples.py and the cases are built as
tools/make_raw46_samples.py builds its own (``_case``'s pools, ``plain_case``).  ``office-raw47``
(tuning) takes the tuning tables and the tuning reasons below; ``heldout-raw47`` (measure only,
never tune on it) the held-out tables, reasons and widths.  Each case keeps its PDF and only the
pypdfium2 and ``pdftotext -raw`` texts (make_office_samples.ROW_ORDERED_SETS).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, four_table_cases, split_sets
from make_office_samples import Case, _printable, plain_case

# Rows of each table kept.
ROWS_MAX = 6
FALLBACK_GLYPHS = "○□△"
# Long reasons (16 to 36 characters): each wraps in the narrow explanation columns below.
TUNING_REASONS = (
    "ガバメントクラウドへの移行に伴う変更",
    "住民基本台帳法施行令の改正により旧氏が記録項目に加わったことによる修正",
    "システム標準化に伴う委託内容の変更",
    "マイナポータルを利用した転出届の受付開始に伴う追加",
    "端末更新に伴う認証方式の変更",
    "番号法の改正に伴う条項ずれの修正",
    "オンライン請求の受付開始に伴う追記",
)
HELDOUT_REASONS = (
    "標準準拠システムへの移行に伴う記載の変更",
    "戸籍附票システムの運用開始に伴う記録項目の追加",
    "委託契約の更新による委託先事業者の変更",
    "庁内ネットワークの再構築に伴う接続方式の見直し",
    "情報セキュリティポリシーの改定による修正",
    "個人情報保護法の改正に伴う用語の整理",
)
# Second paragraphs some explanations carry.
TUNING_SECONDS = ("重要な変更に当たらない", "重大な変更に該当しない")
HELDOUT_SECONDS = ("重要な変更には当たらない。", "軽微な変更")
# Captions under the title on the 提出時期 column (new users' set VI), in every other Calc case:
# Calc prints them among the page's one-line cells.
TUNING_CAPTIONS = ("※提出時期欄の「事前」は変更前、「事後」は変更後の提出を示す。",)
HELDOUT_CAPTIONS = ("※提出時期欄は、変更前の提出か変更後の提出かを示す。",)
# Column widths (date, item, before, after, timing, explanation): the explanation column about
# half as wide as the after column.
TUNING_CALC = ((11, 24, 34, 34, 8, 16), (11, 22, 30, 30, 8, 14))
HELDOUT_CALC = ((12, 26, 36, 36, 9, 17), (12, 22, 28, 28, 9, 13))
TUNING_WRITER = ((2.6, 4.6, 6.4, 6.4, 1.8, 3.0), (2.4, 4.4, 5.6, 5.6, 1.6, 2.8))
HELDOUT_WRITER = ((2.9, 4.2, 6.8, 6.8, 2.0, 3.2), (2.6, 4.0, 5.8, 5.8, 1.8, 2.6))
VALIGNS = ("top", "center", "bottom")


def _reason(rng: random.Random, heldout: bool) -> str:
    first = rng.choice(HELDOUT_REASONS if heldout else TUNING_REASONS)
    if rng.random() < 0.35:
        return f"{first}\n{rng.choice(HELDOUT_SECONDS if heldout else TUNING_SECONDS)}"
    return first


def _rows(table: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    return [dict(r, explanation=_reason(rng, heldout)) for r in table[start : start + ROWS_MAX]]


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-raw47-{name}")
    c = plain_case(name, _rows(_printable(table), rng, heldout), maker, heldout=heldout)
    if maker == "calc":
        pool = HELDOUT_CALC if heldout else TUNING_CALC
    else:
        pool = HELDOUT_WRITER if heldout else TUNING_WRITER
    return replace(
        c,
        widths=pool[(n // 2) % len(pool)],
        valign=VALIGNS[n % len(VALIGNS)],
        real_dates=False,
        merge=False,
        caption=(HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS)[0] if n % 4 == 0 else "",
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Four tables, each by Calc and by Writer, named ``[h]r47-<maker>-<table>``."""
    return four_table_cases("r47", heldout, redrawn, _case)


SETS = split_sets("raw47", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
