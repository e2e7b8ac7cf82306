"""Before / after cells as filings often write them (issues 10 / 12, branch pdfium17): ・ bullet
lists under a ＜…＞ heading, ［○］ / ［ ］ check-box lists whose ○ a fallback font prints, and a
short cell (``［ ］承認を受ける``, ``削除``) beside a long one.

A new user's row-ordered text (``pdftotext -raw``, pypdfium2) of such LibreOffice tables put the
head of an after cell (its ＜…＞ heading or first ・ line) in the before cell, printed the
fallback font's ○ out of its place (``［ ］…（ ○ …）``) and put a short cell sharing a printed
line with its neighbour in the wrong column, unwarned.  ``with_bullet_rows`` rewrites a table's
rows into these kinds for ``tools/make_outsider_tables.py`` (``--set office-pdfium17`` tuning,
``--set heldout-pdfium17`` held out: other headings, choices and wording).
"""

from __future__ import annotations

import random

# ＜…＞ headings opening a before / after cell (the system or body a list of measures is for).
TUNING_HEADINGS = (
    "＜既存住基システムにおける措置＞",
    "＜中間サーバー・プラットフォームにおける措置＞",
    "＜団体内統合宛名システムにおける措置＞",
    "＜紙媒体における措置＞",
)
HELDOUT_HEADINGS = (
    "＜税務システムにおける措置＞",
    "＜ガバメントクラウドにおける措置＞",
    "＜委託先における措置＞",
)
# ・ bullets of a measures list.
TUNING_BULLETS = (
    "・サーバー室への入室は、入退室管理簿により管理している。",
    "・操作者ごとにＩＤ及びパスワードを付与し、アクセス権限を管理している。",
    "・届出書等の紙媒体は、施錠できる書庫に保管している。",
    "・ログを定期的に確認し、不正な操作がないことを確認している。",
    "・端末はワイヤーロックにより固定している。",
    "・委託先に対し、年１回の監査を実施する。",
    "・保存期間を経過した紙媒体は、溶解処理により廃棄する。",
)
HELDOUT_BULLETS = (
    "・システムの利用者は、生体認証により本人確認を行う。",
    "・データの持出しは、所属長の承認を得た場合に限る。",
    "・外部記録媒体の使用を禁止している。",
    "・クラウド事業者は、ISMAPのリストに登録されたものに限る。",
    "・職員に対し、年２回の研修を実施している。",
    "・通信は暗号化し、閉域網を用いる。",
)
# Check-box choices of the form (入手方法, 使用の主体, 委託の有無 …).
TUNING_CHOICES = (
    "紙",
    "電子記録媒体（フラッシュメモリを除く。）",
    "フラッシュメモリ",
    "電子メール",
    "専用線",
    "庁内連携システム",
    "情報提供ネットワークシステム",
    "その他（住民基本台帳ネットワークシステム）",
)
HELDOUT_CHOICES = (
    "本人又は本人の代理人",
    "評価実施機関内の他部署",
    "行政機関・独立行政法人等",
    "地方公共団体・地方独立行政法人",
    "民間事業者",
    "その他（ぴったりサービス）",
)
# Short cells of one line (a choice alone, a body's name) and the short after cells set beside
# them.
TUNING_SHORT = ("［ ］承認を受ける", "［○］委託する", "市民課", "１件", "［ ］提供を行っていない")
HELDOUT_SHORT = ("［○］再委託する", "［ ］移転を行っている", "税務課", "２回", "［ ］行っていない")
SHORT_AFTER = ("削除", "新規追加", "")


def _bullets(rng: random.Random, pool: tuple[str, ...], headings: tuple[str, ...]) -> str:
    lines = rng.sample(pool, rng.randint(2, 3))
    if rng.random() < 0.6:
        lines.insert(0, rng.choice(headings))
    return "\n".join(lines)


def _boxes(rng: random.Random, pool: tuple[str, ...]) -> tuple[str, str]:
    chosen = rng.sample(pool, rng.randint(2, 4))
    marks = [rng.random() < 0.6 for _ in chosen]
    before = "\n".join(f"［{'○' if m else '　'}］{c}" for m, c in zip(marks, chosen, strict=True))
    k = rng.randrange(len(chosen))
    marks[k] = not marks[k]
    after = "\n".join(f"［{'○' if m else '　'}］{c}" for m, c in zip(marks, chosen, strict=True))
    return before, after


def bullet_row(rng: random.Random, row: dict, heldout: bool) -> dict:
    """``row`` with its before / after cells rewritten as one of the kinds (bullets under a
    heading, check boxes, a short cell beside a long one, a short cell beside 削除 / 新規追加)."""
    headings = HELDOUT_HEADINGS if heldout else TUNING_HEADINGS
    bullets = HELDOUT_BULLETS if heldout else TUNING_BULLETS
    choices = HELDOUT_CHOICES if heldout else TUNING_CHOICES
    short = HELDOUT_SHORT if heldout else TUNING_SHORT
    out = dict(row)
    kind = rng.choice(("bullets", "bullets", "boxes", "short_long", "short_short"))
    if kind == "bullets":
        out["before"] = _bullets(rng, bullets, headings)
        out["after"] = _bullets(rng, bullets, headings)
    elif kind == "boxes":
        out["before"], out["after"] = _boxes(rng, choices)
    elif kind == "short_long":
        if rng.random() < 0.5:
            out["before"], out["after"] = rng.choice(short), _bullets(rng, bullets, headings)
        else:
            out["before"], out["after"] = _bullets(rng, bullets, headings), rng.choice(short)
    else:
        after = rng.choice(SHORT_AFTER)
        out["before"] = rng.choice(short)
        out["after"] = after or rng.choice(short)
    return out


def with_bullet_rows(rng: random.Random, rows: list[dict], share: float, heldout: bool) -> list[dict]:
    """``rows`` with about ``share`` of them rewritten by ``bullet_row`` (at least two)."""
    picked = {i for i in range(len(rows)) if rng.random() < share}
    while len(picked) < min(2, len(rows)):
        picked.add(rng.randrange(len(rows)))
    return [bullet_row(rng, r, heldout) if i in picked else r for i, r in enumerate(rows)]
