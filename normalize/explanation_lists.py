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
_NOT_A_POINT = regex.compile(r"[。［］\[\]＜＞<>0-9０-９]")


def own_bullet_list(explanation: str, before: str, after: str) -> bool:
    """Whether the ・ lines of ``explanation`` are its own list: the paragraphs before the
    first ・ line hold no list mark and end as explanations end
    (``merged_explanations.EXPLANATION_END``: …に伴う追記, …部署名の変更), every later paragraph
    is a ・ line of short noun phrases (each point at most ``LIST_POINT_MAX_CHARS``, no 。,
    brackets or digits, no heading of the form), and neither the before nor the after cell
    prints a ・ line (a list the explanation column could have taken)."""
    paras = paragraphs(explanation)
    first = next((k for k, p in enumerate(paras) if p.startswith(_BULLET)), None)
    if not first:  # None, or a list from the explanation's first line on
        return False
    reason = "".join(paras[:first])
    if _BULLET in reason or reason[:1] in "［[＜<" or not ends_so(EXPLANATION_END, reason):
        return False
    for p in paras[first:]:
        points = p.split(_BULLET)
        if points[0] or not all(_is_point(q) for q in points[1:]):
            return False
    return not any(q.startswith(_BULLET) for q in (*paragraphs(before), *paragraphs(after)))


def _is_point(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= LIST_POINT_MAX_CHARS
        and not _NOT_A_POINT.search(text)
        and not NUMBERED_HEADING.match(text)
        and not is_form_heading(text)
    )
