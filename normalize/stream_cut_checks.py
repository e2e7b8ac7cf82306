"""Checks of a row-ordered text row's item/body cut (issue 12/10).

pypdfium2 and ``pdftotext -raw`` print a row's cells line after line with no positions; the
reader cuts the lines into item / before / after by their widths and words.  A new user's
LibreOffice Calc tables (not in the repo) showed rows read wrongly at confidence ≥ 0.9 with no
flag; two of their kinds are checked here, each returning ``column_guess`` on the item and the
body cell:

* ``heading``: the before or after cell's first paragraph is, whole and numbered, a heading of
  the forms that their structure prints just under the item's last heading (item ``…／１．監査``,
  after ``②監査`` / ``年１回…``): the item's last line read into the body;
* ``value``: the item's last paragraph is no heading (no numbering, not in the headings lexicon
  nor part of one) and holds a character no heading holds (a digit, a check box, a 。): a body
  cell's value read into the item (``１０項目以上``).

Measured with ``python tools/bench_calibration.py --no-reflow`` on the tuning samples:
``heading`` fires on 4 wrong rows and no right one, ``value`` on 71 wrong rows (6 warned by
nothing else) and no right one.  A third kind (the before cell's last bullet line read as the
after cell's first) is not checked: no check of it found a wrong row of the tuning samples
without firing on right ones.  Only for text read without positions (the caller,
``shared_line_checks.shared_line_row_doubts``, keeps them so).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .body_subheads import opened_alike
from .item_key import heads_next, item_key
from .items import heading_score
from .reason_tails import reason_run_on_doubts, reason_tail_doubts

# Characters no heading of the forms holds (a value's digits, a check box, a sentence's 。).
_FOREIGN_TO_HEADINGS = regex.compile(r"[0-9０-９\[\]［］○〇。]")
# A line numbered as the forms' headings are, or a repeated block's label (提供先１).
_NUMBERED = regex.compile(
    r"^(?:[ⅠⅡⅢⅣⅤⅥ]|[①-⑳]|[0-9０-９]{1,2}[．.]|[（(][0-9０-９]{1,2}[）)]"
    r"|(?:提供先|移転先|再委託事項|委託事項|システム|リスク)[0-9０-９]{1,2})"
)


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def heading_doubts(record: Record) -> list[Doubt]:
    """``heading`` (see the module notes)."""
    path = item_key(record.item or "").path
    if opened_alike(record.before, record.after):
        return []
    for f in ("before", "after"):
        paras = _paragraphs(getattr(record, f))
        if paras and heads_next(path, paras[0]):
            why = f"the {f} cell opens with the heading just under the item's last one ({paras[0][:12]})"
            return [Doubt("column_guess", "item", why), Doubt("column_guess", f, why)]
    return []


def value_doubts(record: Record) -> list[Doubt]:
    """``value`` (see the module notes)."""
    item = _paragraphs(record.item)
    if len(item) < 2:
        return []
    last = item[-1]
    if _NUMBERED.match(last) or heading_score(last) > 0 or not _FOREIGN_TO_HEADINGS.search(last):
        return []
    why = f"the item ends with a line no heading holds ({last[:12]}): a body cell's value?"
    return [Doubt("column_guess", "item", why), Doubt("column_guess", "before", why)]


def stream_cut_doubts(record: Record) -> list[Doubt]:
    """Every check of this module, and those of ``reason_tails``; the caller keeps them to text
    read without positions."""
    out = (
        heading_doubts(record)
        + value_doubts(record)
        + reason_tail_doubts(record)
        + reason_run_on_doubts(record)
    )
    return out
