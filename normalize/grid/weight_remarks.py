"""A 説明 paragraph that is a remark on the change's weight (``重大な変更に該当しない``,
``※軽微な変更``, ``（評価の再実施によるもの）``): what a sheet row holding only such a paragraph
under a record is (branch order74b).

A ruled sheet row printing only a 説明 (no 変更日, 項目, 提出時期, 変更前 nor 変更後, none filled in
as merged) is either the 説明's last paragraph the author typed in the next sheet row (set
XXXIV's sheets, samples/order74: every such rest was a remark on the change's weight) or a change
of its own that prints only its reason (samples/office-twotables50: ``評価書の記載の誤りを訂正する
もの。``, ``記載内容の明確化のため。``).  A remark on weight states no change: it goes with the
record above, unless that record's 説明 already holds one (twotables50 t50-writer-v1:
``…部署名の変更 重大な変更に該当しない`` above a lone ``重要な変更に当たらない。``)."""

from __future__ import annotations

import regex

from piatable.vocabulary import EXPLANATION_PHRASES

# The words of a remark on the change's weight: the form's stock sentences on significance
# (``EXPLANATION_PHRASES``), 軽微な変更 (the guideline's word for a change needing no new
# assessment) and 再実施 (…評価の再実施によるもの / には該当しない).
_WEIGHT = regex.compile(r"(?:重大|重要|軽微)な変更|再実施")
# A remark is a short note: longer text is a reason of its own that may name a 重要な変更
# (the stock sentences run to 23 characters; ``特定個人情報保護評価の再実施には該当しない``).
REMARK_MAX_CHARS = 30
_WRAPPING = regex.compile(r"^[※＊*・\s　]*[（(]?|[）)]?[。．\s　]*$")


def is_weight_remark(text: str) -> bool:
    """Whether ``text`` (a cell's text, lines joined) is one short remark on the change's weight
    (``REMARK_MAX_CHARS`` at most once ※, brackets and a closing 。 are taken off): one of
    ``EXPLANATION_PHRASES`` or a note naming 軽微な変更 / 重要な変更 / 重大な変更 / 再実施."""
    core = _WRAPPING.sub("", text.replace("\n", "")).strip()
    if not core or len(core) > REMARK_MAX_CHARS:
        return False
    return any(core.endswith(s) for s in EXPLANATION_PHRASES) or bool(_WEIGHT.search(core))


def holds_weight_remark(text: str) -> bool:
    """Whether ``text`` (a 説明 cell) already names the change's weight anywhere."""
    return bool(_WEIGHT.search(text.replace("\n", "")))
