"""Rows whose 変更前 / 変更後 cells are themselves dates (issue 10, branch datecell13).

Real filings amend dates often: 第三者点検 and 意見聴取 dates, 提出日, いつ時点の計数か.  Such a
row's before and after cells hold a date alone (``令和３年２月１０日``), a period
(``令和２年１２月１日から令和２年１２月３０日まで``) or several dates, one per line; flattened, each
of them may look like the next row's 変更日.  ``date_rows`` draws such rows for
``tools/make_outsider_tables.py`` (``--set datecell`` tuning, ``--set heldout-datecell13``
held out: other items, date styles and period forms).
"""

from __future__ import annotations

import datetime as dt
import random

from flatten import render_date

# (item path, kind) of the tuning rows: "date" a single date, "period" a from–to period.
TUNING_ITEMS = (
    ("Ⅵ評価実施手続\n３．第三者点検\n①実施日", "date"),
    ("Ⅵ評価実施手続\n１．基礎項目評価\n①実施日", "date"),
    ("Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間", "period"),
    ("Ⅵ評価実施手続\n３．第三者点検\n②実施日・期間", "period"),
)
HELDOUT_ITEMS = (
    ("Ⅵ評価実施手続\n４．個人情報保護委員会の承認【行政機関等のみ】\n①提出日", "date"),
    ("Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間", "period"),
    ("Ⅵ評価実施手続\n３．第三者点検\n①実施日", "date"),
    ("Ⅱしきい値判断項目\n１．対象人数\nいつ時点の計数か", "date"),
    ("Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n③対象人数の時点", "date"),
)
TUNING_STYLES = ("wareki", "wareki_fw", "slash", "seireki")
HELDOUT_STYLES = ("wareki", "wareki_fw", "slash0", "seireki", "slash")
TUNING_PERIODS = ("{a}から{b}まで", "{a}～{b}")
HELDOUT_PERIODS = ("{a}から{b}まで", "{a}〜{b}", "{a}～\n{b}", "{a}から\n{b}まで")
TUNING_EXPLANATIONS = (
    "第三者点検の再実施による更新",
    "評価の再実施に伴う変更",
    "",
    "{d}施行の条例改正に伴う変更",
    "意見聴取の実施による修正",
)
HELDOUT_EXPLANATIONS = (
    "",
    "再評価の実施による時点修正",
    "{d}付けで承認を受けたため",
    "重要な変更に伴う再実施",
)


def _shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _value(rng: random.Random, kind: str, day: str, style: str, periods: tuple[str, ...]) -> str:
    if kind == "date":
        if rng.random() < 0.15:
            # Two dates, one per line (a check done twice, each date its own paragraph).
            return f"{render_date(_shift(day, -40), style)}\n{render_date(day, style)}"
        return render_date(day, style)
    end = _shift(day, rng.randint(14, 45))
    return rng.choice(periods).format(a=render_date(day, style), b=render_date(end, style))


def date_row(rng: random.Random, change_date: str, heldout: bool, timing: str) -> dict:
    """One row amending a date: its before and after cells are dates (or periods) before the
    row's 変更日 (one in ten after it: a date planned ahead); the row's 変更日 as given."""
    item, kind = rng.choice(HELDOUT_ITEMS if heldout else TUNING_ITEMS)
    style = rng.choice(HELDOUT_STYLES if heldout else TUNING_STYLES)
    periods = HELDOUT_PERIODS if heldout else TUNING_PERIODS
    after_day = _shift(change_date, rng.randint(-120, -5) if rng.random() < 0.9 else rng.randint(5, 60))
    before_day = _shift(after_day, -rng.randint(300, 1200))
    before = _value(rng, kind, before_day, style, periods)
    if rng.random() < 0.12:
        before = ""  # the value was not given before: a cell left empty
    explanation = rng.choice(HELDOUT_EXPLANATIONS if heldout else TUNING_EXPLANATIONS)
    return {
        "change_date": change_date,
        "item": item,
        "before": before,
        "after": _value(rng, kind, after_day, style, periods),
        "timing": timing,
        "explanation": explanation.format(d=render_date(_shift(change_date, 30), style)),
    }


def with_date_rows(rng: random.Random, rows: list[dict], count: int, heldout: bool) -> list[dict]:
    """``rows`` with ``count`` date rows put in at random places, each taking the 変更日 and
    timing of the row it follows (or precedes, at the top)."""
    out = list(rows)
    for _ in range(count):
        at = rng.randint(0, len(out))
        near = out[at - 1] if at else out[0]
        out.insert(at, date_row(rng, near["change_date"], heldout, near.get("timing") or "事後"))
    return out
