"""An explanation that states its reason, then lists what the change covers in ・ lines.

``evidence.column_doubts`` doubts an explanation holding a line that opens as before/after
paragraphs do (``・``, ``[○]``, ``＜…＞``): most often a before/after cell's list read into the
explanation column.  Some tables write their explanations so themselves (set XX: an HTML
``<ul>`` or a cell typed with line breaks)::

    ガバメントクラウドへの移行に伴う追記
    ・標準準拠システムへの移行
    ・保管場所の変更

On set XX this shape was the only warning of 24 right rows and of no wrong row.  The spills
the doubt rightly catches look otherwise: the explanation opens with ・ (the after cell's list
run on), a ・ glued inside the reason's line (``記録項目の追加に・連絡先等情報``), a ``[○]`` choice,
a ・ sentence ending 。 (``・監視カメラを設置している。``), or a list beside before/after cells that
print ・ lists themselves.  ``own_bullet_list`` tells the explanation's own list apart.

Some explanations list further reasons, not what the change covers (set XXI t01 / t09 / t12,
whose after cells print ・ lists of their own)::

    事務内容の詳細化
    ・記載の明確化
    ・重要な変更に該当しない

Each point there ends as an explanation ends (``merged_explanations.EXPLANATION_END``), as the
points of a before/after list (``・転入届、転出届の受付``, ``・入退室管理を行っている``) do not:
such a list is the explanation's own beside any body cell.
"""

from __future__ import annotations

import regex

from .chars import paragraphs
from .cut_checks import NUMBERED_HEADING, ends_so
from .items import is_form_heading
from .merged_explanations import EXPLANATION_END

# A listed point of an explanation is a short noun phrase (set XX's longest: 標準準拠システムへの
# 移行, 12 characters); a longer ・ line is a before/after cell's sentence.
LIST_POINT_MAX_CHARS = 30
_BULLET = "・"
# What no listed point of an explanation holds: a sentence's end, a choice's brackets, a
# bracketed heading number, digits of a date or an amount.
# How a point that is a reason again ends (・記載の明確化, ・時点修正, ・重要な変更に該当しない): the
# endings of ``EXPLANATION_END`` that close a phrase; its connectives (…による, …に伴う, …のため)
# and 記載 end as many lines of a before/after list do.
REASON_POINT_END = regex.compile(
    r"(?:修正|追加|追記|変更|削除|見直し|改正|改訂|更新|反映|変更なし|該当しない|該当する|あたらない|当たらない|"
    r"明確化|整理|適正化)$"
)
# The letters a ・ joins two words with (検索・電子申請, ＩＣカード・生体認証).
_WORD_CHAR = regex.compile(r"[\p{Han}\p{Katakana}ーA-Za-zＡ-Ｚａ-ｚ]")
_NOT_A_POINT = regex.compile(r"[。［］\[\]＜＞<>0-9０-９]")


def own_bullet_list(explanation: str, before: str, after: str) -> bool:
    """Whether the ・ lines of ``explanation`` are its own list: the paragraphs before the
    first ・ line open with no list mark, every later paragraph is a ・ line of short noun phrases
    (each point at most ``LIST_POINT_MAX_CHARS``, no 。, brackets or digits, no heading of the
    form), and either every point is a reason again (``REASON_POINT_END``: ・記載の明確化,
    ・重要な変更に該当しない, which no before/after list states; the first paragraphs may then
    hold a ・ of a word, 検索・電子申請, or the first point glued on: ``_word_or_glued_point``)
    or the paragraphs before the list hold no ・, end as explanations end (``EXPLANATION_END``:
    …に伴う追記, …部署名の変更) and neither the before nor the after cell prints a ・ line (a
    list the explanation column could have taken)."""
    paras = paragraphs(explanation)
    first = next((k for k, p in enumerate(paras) if p.startswith(_BULLET)), None)
    if not first:  # None, or a list from the explanation's first line on
        return False
    reason = "".join(paras[:first])
    if reason[:1] in "［[＜<":
        return False
    points: list[str] = []
    for p in paras[first:]:
        pieces = p.split(_BULLET)
        if pieces[0] or not all(_is_point(q) for q in pieces[1:]):
            return False
        points += [q.strip() for q in pieces[1:]]
    if all(ends_so(REASON_POINT_END, q) for q in points):
        return all(_word_or_glued_point(reason, k) for k, c in enumerate(reason) if c == _BULLET)
    if _BULLET in reason or not ends_so(EXPLANATION_END, reason):
        return False
    return not any(q.startswith(_BULLET) for q in (*paragraphs(before), *paragraphs(after)))


def _word_or_glued_point(reason: str, k: int) -> bool:
    """Whether the ・ at ``reason[k]`` joins two words (``検索・電子申請``: kanji, katakana or
    letters on both sides) or opens a first point glued onto a reason that ends there as a
    reason ends (``…に伴う修正・記載の明確化``, ``REASON_POINT_END``): not a cell's text cut
    mid-phrase (``…に伴う・文言の整理``: the reason's last word read into another cell)."""
    if 0 < k < len(reason) - 1 and _WORD_CHAR.match(reason[k - 1]) and _WORD_CHAR.match(reason[k + 1]):
        return True
    return ends_so(REASON_POINT_END, reason[:k])


def _is_point(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= LIST_POINT_MAX_CHARS
        and not _NOT_A_POINT.search(text)
        and not NUMBERED_HEADING.match(text)
        and not is_form_heading(text)
    )
