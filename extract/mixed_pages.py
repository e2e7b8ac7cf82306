"""Table pages of a text that another extractor wrote than the rest: two texts joined in one.

The reading order is chosen once per text (``text.is_layout_text``).  A text made of a
``-layout`` text and, after a form feed, a pypdfium2 or ``pdftotext -raw`` text of another
table (break22) is read as ``-layout`` throughout, or line by line throughout when the other
text is the longer, so one table's rows come out wrong (warned, 0.04-0.2, or not warned at
all) while the document said success.  Such a page is told by its lines: a ``-layout`` table
page sets its cells side by side, apart by runs of spaces, on at least an eighth of its lines
on every bundled sample (12.5%, heldout-explonly19's sparsest page), while a page of the other
extractors has one printed line per line, none with such a gap.  The pages read in the other
kind's order are named and the document is partial: their rows may be wrong.
"""

from __future__ import annotations

import regex

from piatable.normalize.prose_pages import page_runs

# A table page (it prints 事前 or 事後) of at least this many lines is another extractor's when
# fewer than this share of its lines hold a gap of two spaces or a tab, and ``-layout`` text's
# when at least LAYOUT_PAGE_MIN_GAP_SHARE do (every bundled ``-layout`` table page: 12.5% or
# more; every other extractor's: none).
MIXED_PAGE_MIN_LINES = 5
MIXED_PAGE_MAX_GAP_SHARE = 0.05
LAYOUT_PAGE_MIN_GAP_SHARE = 0.1
_GAP = regex.compile(r"(?: {2,}|\t+)")
_TIMING = regex.compile(r"事前|事後")


def _table_pages(text: str) -> dict[int, float]:
    """The table pages of ``text`` (1-based, at form feeds) and the share of their lines that
    hold a gap."""
    out = {}
    for page, body in enumerate(text.split("\f"), start=1):
        if not _TIMING.search(body):
            continue
        lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
        if len(lines) >= MIXED_PAGE_MIN_LINES:
            out[page] = sum(1 for ln in lines if _GAP.search(ln)) / len(lines)
    return out


def table_pages_side_by_side(text: str) -> bool:
    """True when ``text`` has table pages (``_table_pages``) and every one of them sets its cells
    side by side (``LAYOUT_PAGE_MIN_GAP_SHARE``): a ``-layout`` text however many lines of prose
    its cover and body print before the table.  (A whole assessment's ``-layout`` text whose body
    is typed as prose was read line by line, its table's cells cut at every line: session 42's new
    user, 0 of 33 rows with their 項目 right; samples/office-whole42.)"""
    shares = _table_pages(text)
    return bool(shares) and all(share >= LAYOUT_PAGE_MIN_GAP_SHARE for share in shares.values())


def pages_of_other_kind(text: str, layout: bool) -> list[int]:
    """The table pages of ``text`` that another extractor wrote than the one the text was read
    as (``layout``: as ``-layout`` text): in a ``-layout`` text, the pages that set no cells
    side by side; in a text read line by line, the pages that do, when other table pages do not
    (when none does not, the text is read as ``-layout``: ``table_pages_side_by_side``)."""
    shares = _table_pages(text)
    flat = [p for p, share in shares.items() if share < MIXED_PAGE_MAX_GAP_SHARE]
    if layout:
        return flat
    return [p for p, share in shares.items() if share >= LAYOUT_PAGE_MIN_GAP_SHARE] if flat else []


def mixed_pages_notes(text: str, layout: bool) -> list[str]:
    """A note per run of ``pages_of_other_kind``: what they are and that their rows may be wrong."""
    if layout:
        what = "one printed line per line, not side by side as the rest of this pdftotext -layout text"
        how = "read as -layout text"
    else:
        what = "cells side by side (pdftotext -layout), unlike the rest of this text"
        how = "read line by line"
    return [
        f"{run}: {what} (another extractor's text joined to it?): {how}, their rows may be wrong"
        for run in page_runs(pages_of_other_kind(text, layout))
    ]
