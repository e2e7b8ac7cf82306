"""Amendment tables whose one-line before/after pairs hold half-width spaces (issues 10 and 12, pair25).

    python tools/make_pair25_samples.py                         # both sets
    python tools/make_pair25_samples.py --set office-pair25      # or heldout-pair25

In row-ordered text (``pdftotext -raw``, pypdfium2) a row's one-line 変更前 and 変更後 print side by
side on the date's line, a space between them.  When each value holds a half-width space itself
(a department ``<部> <課>``, a postal code and address ``〒nnn-nnnn <address>``, a phone line
``電話 0nn-nnn-nnnn``, a count ``N人以上 M人未満``) the line holds four or more pieces and the gap
between the cells is one space among several.  These tables print such rows (never the first),
some with values that hold no space, some explained in words that speak of the change of a
one-line value, some keeping the table's own explanation; half the tables merge a date's cells
over its rows.  The looks come from the pools of tools/make_office_samples.py, whose helpers
(writing, converting, truth) this tool uses.

``office-pair25`` (tuning) takes the tuning tables and the tuning pairs; ``heldout-pair25``
(measure only, never tune on it) the held-out tables and pairs of its own.  Each case keeps its
PDF and the five extractors' texts.
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
FALLBACK_GLYPHS = "○□△〒"
# Share of rows (never the first) given a one-line before and after.
PAIR_SHARE = 0.45
# Share of those whose explanation says what changed (else the table's own is kept).
REASON_SHARE = 0.5
TUNING_PAIRS = (
    ("市民部 市民課", "市民部 住民課", "組織改正による部署名の変更"),
    ("総務部 情報政策課", "総務部 デジタル推進課", "組織改正に伴う名称変更"),
    ("〒100-0001 千代田区千代田1-1", "〒100-0005 千代田区丸の内2-3-1", "庁舎移転による所在地の変更"),
    ("電話 03-1234-5678", "電話 03-5555-0123", "電話番号の変更"),
    ("1,000人以上 1万人未満", "1万人以上 10万人未満", "対象者数の増加に伴う変更"),
    ("健康福祉部 保険年金課", "市民部 保険年金課", "組織改正"),
    ("市民部市民課", "市民生活部市民課", "組織改正による部署名の変更"),
    ("紙媒体", "電子記録媒体", "保管方法の変更"),
)
HELDOUT_PAIRS = (
    ("福祉部 障害福祉課", "福祉部 障がい福祉課", "課の名称変更"),
    ("〒530-0005 大阪市北区中之島1-3-20", "〒530-0001 大阪市北区梅田1-2-2", "本庁舎の移転に伴う変更"),
    ("電話 06-6208-8181", "電話 06-6131-0001", "問合せ先の変更"),
    ("子ども未来部 保育課", "こども家庭部 保育課", "組織改正による変更"),
    ("100人以上 500人未満", "500人以上 1,000人未満", "取扱者数の見直し"),
    ("税務部市民税課", "財務部市民税課", "部の再編に伴う変更"),
    ("FAX 06-1234-5678", "FAX 06-8765-4321", "FAX番号の変更"),
)


def _edited(rows: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """The rows with one-line pairs drawn among them (never the first row)."""
    out = [dict(r) for r in rows]
    rest = list(range(1, len(out)))
    rng.shuffle(rest)
    pairs = list(HELDOUT_PAIRS if heldout else TUNING_PAIRS)
    rng.shuffle(pairs)
    n_pair = max(2, round(PAIR_SHARE * len(out)))
    for k, i in enumerate(rest[:n_pair]):
        before, after, reason = pairs[k % len(pairs)]
        out[i]["before"], out[i]["after"] = before, after
        if rng.random() < REASON_SHARE:
            out[i]["explanation"] = reason
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-pair25-{name}")
    rows = _edited(table[:ROWS_MAX], rng, heldout)
    style = office.DATE_STYLES[(n + 3 * heldout) % len(office.DATE_STYLES)]
    c = plain_case(name, rows, maker, heldout=heldout, date_style=style)
    # Half the tables merge a date's cells over its rows (the rest as drawn).  Marks some fonts
    # lack (drawn out of the text's order): the truth check leaves them out.
    return replace(c, merge=c.merge or n % 2 == 0, fallback_glyphs=FALLBACK_GLYPHS)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    return table_cases("p25", heldout, redrawn, _case)


SETS = split_sets("pair25", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
