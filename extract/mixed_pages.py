"""Pages of a ``pdftotext -layout`` text that another extractor wrote: two texts joined in one.

The reading order is chosen once per text (``text.is_layout_text``).  A text made of a
``-layout`` text and, after a form feed, a pypdfium2 or ``pdftotext -raw`` text of another
table (break22) is read as ``-layout`` throughout, so every row of the second table comes out
wrong (warned, 0.04-0.2) while the document said success.  Such a page is told by its lines:
a ``-layout`` table page sets its cells side by side, apart by runs of spaces, on at least an
eighth of its lines on every bundled sample (12.5%, heldout-explonly19's sparsest page), while
a page of the other extractors has one printed line per line, none with such a gap.  The pages
are named and the document is partial: their rows may be wrong.
"""

from __future__ import annotations

import regex

from piatable.normalize.prose_pages import page_runs

# A table page (it prints 事前 or 事後) of at least this many lines, of which fewer than this
# share hold a gap of two spaces or a tab, is not ``-layout`` text.
MIXED_PAGE_MIN_LINES = 5
MIXED_PAGE_MAX_GAP_SHARE = 0.05
_GAP = regex.compile(r"(?: {2,}|\t+)")
_TIMING = regex.compile(r"事前|事後")


def pages_not_layout(text: str) -> list[int]:
    """The pages (1-based, at form feeds) of a ``-layout`` ``text`` that print a timing and set
    no cells side by side (module docstring)."""
    out = []
    for page, body in enumerate(text.split("\f"), start=1):
        if not _TIMING.search(body):
            continue
        lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
        gapped = sum(1 for ln in lines if _GAP.search(ln))
        if len(lines) >= MIXED_PAGE_MIN_LINES and gapped < MIXED_PAGE_MAX_GAP_SHARE * len(lines):
            out.append(page)
    return out


def mixed_pages_notes(text: str) -> list[str]:
    """A note per run of ``pages_not_layout``: what they are and that their rows may be wrong."""
    return [
        f"{run}: one printed line per line, not side by side as the rest of this pdftotext -layout"
        " text (another extractor's text joined to it?): read as -layout text, their rows may be wrong"
        for run in page_runs(pages_not_layout(text))
    ]
