"""Rows that amend the cover of the assessment, not a section Ⅰ…Ⅵ of the form (lead, issue 10).

Real filings amend the cover often: the 評価実施機関名 (a body renamed or added), the 評価書名,
the 個人のプライバシー等の権利利益の保護の宣言.  Such a row's 項目 opens with ``表紙``, not with a
section numeral, so a reader that waits for Ⅰ…Ⅵ after a date glues the row to the one above it.
``with_cover_rows`` puts such rows into a table for ``tools/make_outsider_tables.py``
(``--set coveritem`` tuning, ``--set heldout-coveritem`` held out: other wording and labels).
"""

from __future__ import annotations

import random

# (item, before, after, timing, explanation) of the tuning rows.
TUNING_ROWS = (
    (
        "表紙\n評価実施機関名",
        "北原市長",
        "北原市長\n北原市教育委員会",
        "事前",
        "教育委員会の事務の追加に伴う評価実施機関の追加",
    ),
    (
        "表紙\n評価書名",
        "住民基本台帳に関する事務\n全項目評価書",
        "住民基本台帳に関する事務 全項目評価書",
        "事後",
        "誤記の修正",
    ),
    ("表紙", "南野町長", "南野市長", "事後", "市制施行に伴う名称の変更\n重要な変更に当たらない"),
    (
        "表紙\n個人のプライバシー等の権利利益の保護の宣言",
        "特定個人情報の漏えい等を防止するための措置を講じている。",
        "特定個人情報の漏えい等を防止するための措置を講じ、職員研修を実施している。",
        "事後",
        "記載内容の充実",
    ),
)
HELDOUT_ROWS = (
    (
        "表紙\n評価実施機関名",
        "西条町長",
        "西条町長\n西条町上下水道事業管理者",
        "事前",
        "水道事業の追加に伴う変更",
    ),
    (
        "表紙\n特記事項",
        "なし",
        "令和４年度から標準準拠システムへ移行する。",
        "事後",
        "移行計画の記載",
    ),
    ("表紙", "東浜村長", "東浜町長", "事後", "町制施行による名称変更"),
)


def cover_row(rng: random.Random, date: str, heldout: bool) -> dict:
    """One row amending the cover, dated ``date`` (ISO); ``change_date_raw`` is left to the
    caller's date style."""
    item, before, after, timing, explanation = rng.choice(HELDOUT_ROWS if heldout else TUNING_ROWS)
    return {
        "change_date": date,
        "item": item,
        "before": before,
        "after": after,
        "timing": timing,
        "explanation": explanation,
    }


def with_cover_rows(rng: random.Random, rows: list[dict], count: int, heldout: bool) -> list[dict]:
    """``rows`` with ``count`` cover rows put in at random places (one of them always last, the
    place a filing's latest change often takes), each dated as the row it follows."""
    out = list(rows)
    for k in range(count):
        at = len(out) if k == 0 else rng.randint(0, len(out))
        near = out[at - 1] if at else out[0]
        out.insert(at, cover_row(rng, near["change_date"], heldout))
    return out
