"""A close item/before cut that the forms' headings settle (issue 12).

``passone.close_cut_doubts`` doubts a row of row-ordered text (pypdfium2, ``pdftotext -raw``)
whose cut between the item and the next cell won by little (``quality.pass_one_item_margin``)
over moving it by one line.  The text settles that cut when both moves are refuted by the
lexicon of the forms:

* the 項目 cell names a whole item (``item_cells._whole``: a known section, known headings, the
  last an item's last heading, nothing dropped, unknown or read off a heading): giving its last
  line to the next cell leaves an item cut short of its last heading;
* the next cell (the before, or the after where the before is empty) opens with a paragraph
  that is no heading of the form nor a piece of one (``items.heading_score`` 0, or a sentence
  closed by 。 that only holds a heading's words; no repeated block's label, no numbered
  heading): giving it to the 項目 cell puts a sentence in a cell of headings.

``without_settled_item_cut`` drops those ``column_guess`` doubts (the ``cut_guess`` of other
checks stays).  Measured with ``tools/flag_precision.py`` on sets IX–XII (new users' Calc and
Writer tables, the base's outputs): of the rows the item-cut margin doubted, the rule settles 5
right rows of set IX (``具体的なチェック方法`` | ``年１回、チェックリストによる自己点検を行う。``), each
warned by the margin alone, and no wrong row (set X's 4 right rows, whose item ends on
``システム５``, a heading the forms print items under, keep the doubt).
"""

from __future__ import annotations

from piatable.models import Doubt, Record

from .chars import paragraphs
from .cut_checks import INSTANCE_LINE, is_heading_line
from .item_cells import _whole
from .item_key import item_key
from .items import heading_score
from .passone import ITEM_CUT_WHY

# ``items.heading_score`` of a paragraph that merely holds a long heading's words (0.25); a
# numbered or listed heading scores 0.5 or more.
PIECE_SCORE = 0.5


def item_cut_settled(record: Record) -> bool:
    """Whether the 項目 cell is a whole item and the next cell opens with no heading (see the
    module notes)."""
    if not record.item_path:
        return False
    key = item_key(record.item_path)
    if not _whole(key) or key.dropped or key.fuzzy:
        return False
    body = paragraphs(record.before) or paragraphs(record.after)
    if not body:
        return False
    first = body[0]
    if INSTANCE_LINE.match(first) or is_heading_line(first):
        return False
    # A sentence (closed by 。) may hold a heading's words (…自己点検を行う。); a piece does not.
    return heading_score(first) == 0.0 or (first.endswith("。") and heading_score(first) < PIECE_SCORE)


def without_settled_item_cut(record: Record, doubts: list[Doubt]) -> list[Doubt]:
    """``doubts`` without the item-cut margin's ``column_guess`` where ``item_cut_settled``."""
    if not any(d.why.startswith(ITEM_CUT_WHY) for d in doubts) or not item_cut_settled(record):
        return doubts
    return [d for d in doubts if not (d.kind == "column_guess" and d.why.startswith(ITEM_CUT_WHY))]
