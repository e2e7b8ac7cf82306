"""The form's own wording left in an item cell: not another column's text (``evidence.cut_doubts``).

``item_key`` names the item text it could not match to a heading of the form (``dropped``); a
``column_guess`` says that text may be another column's.  Two kinds are the form's own:

* in a cell cut by positions (a PDF's rulings, ``-layout`` columns), a label the lexicon lacks
  (手順の内容, その他の内容): a short run of kanji and kana, no punctuation; nothing of another
  column can be read into the item there;
* anywhere, a label the 全項目評価書 prints inside a heading's cell that the lexicon files lack
  (``vocabulary.FORM_SUB_LABELS``: ``特定個人情報の消去ルール`` / ``ルールの内容及びルール遵守の
  確認方法``).  Set VI (a new user's tables): 14 right rows flagged for it, in every kind of
  input, and 1 wrong row also warned otherwise.  It is not added to the lexicon itself: the
  lexicon's headings also steer how column-ordered text is paired, and with it a plain
  ``pdftotext`` page of set VI paired otherwise, leaving a wrong row with no warning;
* anywhere, the heading above it again, の, and a heading of the lexicon (``２．従業者に対する
  教育・啓発`` / ``従業者に対する教育・啓発の具体的な方法``: the form's ``具体的な方法`` named after its
  heading; not ``…の具体的``, a heading cut short whose tail went to the next cell).
  Set XXXI (a new user's tables): 53 right rows of every input kind warned so, 45 by it alone;
  another column's text does not open by repeating the item's heading.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from piatable.vocabulary import FORM_SUB_LABELS, heading_key, lexicon

from .chars import without_whitespace

# A form's own label the lexicon lacks (手順の内容, その他の内容): a short run of kanji and kana,
# no punctuation.
_FORM_LABEL = regex.compile(r"^[\p{Han}\p{Katakana}\p{Hiragana}ー・]{2,12}$")


def is_form_wording(text: str, positioned: bool, headings: Sequence[str] = ()) -> bool:
    """Whether ``text`` (a piece of an item ``item_key`` could not match) is the form's own
    wording: a short label in a cell cut by positions, one of ``FORM_SUB_LABELS``, or one of
    ``headings`` (the item's other paragraphs) without its numbering, then の and a heading of
    the lexicon."""
    squashed = without_whitespace(text)
    if bool(positioned and _FORM_LABEL.match(text)) or squashed in FORM_SUB_LABELS:
        return True
    for h in headings:
        key = heading_key(h)
        if len(key) >= 4 and squashed.startswith(key + "の"):
            return heading_key(squashed[len(key) + 1 :]) in lexicon()
    return False
