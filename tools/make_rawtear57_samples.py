"""Rows continued over a page and cells torn between columns in stream texts (issues 10 / 12,
branch rawtear57: set XVIII kinds 5 and 6), made by LibreOffice Writer and Calc, with the
stream extractors' texts (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF, PyMuPDF blocks), each
also with pages joined by line ends (``+nl``, as library users join them).

    python tools/make_rawtear57_samples.py                            # both sets
    python tools/make_rawtear57_samples.py --set office-rawtear57     # or heldout-rawtear57

Each case is a run of ``ROWS`` rows of a table in Mincho at 10.5 / 11 pt, its rows changed in
turns (``_rows``):

- a law reference amended (``住民基本台帳法第30条の11`` → ``…第30条の11、第30条の12``): a
  one-line before ending in a number beside an after that opens with the same words (Writer
  sets the digits in another font, so the extractors print spaces round them);
- an added row: an empty before, a long after of numbered lines with law references
  (``①法令上の根拠：番号法第１９条第８号　別表第二の２の項``), an explanation that names the
  addition or only its reason (``ADDED_EXPLANATIONS``);
- the other rows' before / after cells made two or three times as long, so that Writer breaks
  rows over pages (its rows may break across pages), the continuation printed under the
  repeated label row; every other one of them with a long explanation (``LONG_EXPLANATIONS``)
  that wraps over several lines of its column.

``office-rawtear57`` (tuning) takes the tuning tables and the even entries of the pools,
``heldout-rawtear57`` (measure only, never tune on it) the held-out tables, the odd entries and
the held-out fonts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import _four_tables, _long_rows, _printable, load_table, plain_case

ROWS = 8
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
# (law, article, sub-article) of amended references.
LAWS = (
    ("住民基本台帳法", 30, 11),
    ("地方税法", 294, 3),
    ("番号法", 19, 8),
    ("国民健康保険法", 113, 2),
    ("介護保険法", 203, 2),
    ("児童手当法", 28, 1),
    ("生活保護法", 29, 1),
    ("地方公務員等共済組合法", 144, 33),
)
# How a reference is amended: the before and after built from (law, a, b).
REFERENCE_EDITS = (
    ("{law}第{a}条の{b}", "{law}第{a}条の{b}、第{a}条の{c}"),
    ("{law}第{a}条第{b}項", "{law}第{a}条第{b}項及び第{c}項"),
    ("{law}第{a}条の{b}第1項", "{law}第{a}条の{b}第1項及び第2項"),
    ("{law}第{a}条", "{law}第{a}条及び第{c}条"),
)
# Lines of an added row's after (a provision, its basis and its use).
ADDED_HEADS = (
    "提供先５：厚生労働大臣",
    "委託事項４：住民票等の写しのコンビニ交付に係る証明書交付センターの運営",
    "提供先６：都道府県知事",
    "委託事項３：税務システムの運用保守及び障害対応並びにデータ移行作業",
    "移転先７：市町村長（国民健康保険の保険者）",
    "再委託先：地方公共団体情報システム機構",
)
ADDED_LINES = (
    "①法令上の根拠：番号法第１９条第８号　別表第二の{n}の項",
    "②提供先における用途：健康保険法による保険給付の支給に関する事務",
    "①委託内容：証明書交付データの作成及び送信並びに交付状況の集計",
    "②委託先：地方公共団体情報システム機構（第{n}条に基づく指定法人）",
    "①法令上の根拠：番号法第１９条第７号　別表第二の{n}の項に基づく情報照会",
    "②移転先における用途：地方税法第{n}条に規定する賦課徴収に関する事務",
)

# Long explanations of the long rows, wrapping over several lines of their narrow column (so that
# a row broken over a page carries the explanation's rest to the next page too).
LONG_EXPLANATIONS = (
    "番号法の改正により、通知カードが廃止され、個人番号通知書となったことによる修正",
    "地方税法施行規則の改正に伴い、課税資料の保存期間及び保存方法を見直したことによる修正",
    "ガバメントクラウドへの移行に伴い、特定個人情報の保管場所及び安全管理措置を変更したことによる修正",
    "住民基本台帳法施行令の改正により、転出証明書に係る情報の提供先が追加されたことによる追記",
    "組織改正に伴い、特定個人情報ファイルを取り扱う事務の所管部署及び委託先を見直したことによる修正",
    "国民健康保険法の改正に伴い、保険給付に係る情報照会の根拠条文を改めたことによる修正",
)

# Explanations of added rows: some name the addition (追加, 追記, 新規), some only the reason.
ADDED_EXPLANATIONS = (
    "提供先の追加",
    "委託事項の追加に伴う追記",
    "法令改正に伴う修正",
    "新規の情報連携の開始",
    "記載内容の充実",
    "移転先の追加\n重要な変更に該当しない",
    "運用の明確化",
    "記載漏れの追記",
)


def _pool(values: tuple, heldout: bool) -> tuple:
    """The even entries for the tuning set, the odd ones for the held-out set."""
    return values[1::2] if heldout else values[0::2]


def _reference(rng: random.Random, heldout: bool, full: bool) -> tuple[str, str]:
    law, a, b = rng.choice(_pool(LAWS, heldout))
    before, after = rng.choice(REFERENCE_EDITS)
    c = b + 1
    out = before.format(law=law, a=a, b=b), after.format(law=law, a=a, b=b, c=c)
    return (out[0].translate(FULL), out[1].translate(FULL)) if full else out


def _added(rng: random.Random, heldout: bool) -> str:
    head = rng.choice(_pool(ADDED_HEADS, heldout))
    picked = rng.sample(_pool(ADDED_LINES, heldout), 2)
    lines = [f"{mark}{ln[1:].format(n=rng.randrange(2, 40))}" for mark, ln in zip("①②", picked, strict=True)]
    return "\n".join([head, *lines])


def _rows(rows: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """Every third row a law reference amended, every third (from the second) an added row,
    the others long (``_long_rows``), every other one of those with a long explanation."""
    out = _long_rows([dict(r) for r in rows], rng, (2, 3))
    for k, r in enumerate(out):
        if k % 6 == 2:
            r["explanation"] = rng.choice(_pool(LONG_EXPLANATIONS, heldout))
        if k % 3 == 0:
            r["before"], r["after"] = _reference(rng, heldout, full=rng.random() < 0.3)
        elif k % 3 == 1:
            r["before"], r["after"] = "", _added(rng, heldout)
            r["explanation"] = rng.choice(_pool(ADDED_EXPLANATIONS, heldout))
    return out


def _case(name: str, table: list[dict], maker: str, heldout: bool) -> object:
    rng = random.Random(f"piatable-rawtear57-{name}")
    start = rng.randrange(max(len(table) - ROWS, 0) + 1)
    rows = _rows(table[start : start + ROWS], rng, heldout)
    c = plain_case(name, rows, maker, heldout=heldout)
    font = "IPAMincho" if heldout else "IPAexMincho"
    size = 11.0 if heldout else 10.5
    return replace(c, font=font, size=size, repeat_header=True, merge=False, valign="top")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list:
    """Writer over each of the set's tables and Calc over one, named ``[h]r57-<maker>-<table>``."""
    cases = []
    tables = _four_tables(heldout)[: 3 if heldout else 4]
    plan = [("writer", t) for t in tables] + [("calc", tables[-1])]
    for maker, (table, path) in plan:
        name = f"{'h' if heldout else ''}r57-{maker}-{table}"
        while name in redrawn:
            name += "-r"
        cases.append(_case(name, _printable(load_table(path)), maker, heldout))
    return cases


SETS = split_sets("rawtear57", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
