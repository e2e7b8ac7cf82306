"""Item numberings written full width against a document that read them all half width.

``item_numbers.form_numbering`` writes a section's numbering as the forms print it (``６．``)
where OCR read it otherwise, since a proportional font's full-width digit is hardly wider than
a half-width one.  A table typed with half-width numberings (set XII's c6: ``6.情報提供…``,
``2.基本情報``, beside the form's own ``（１．住民基本台帳ファイル）``) reads them all ``N.``: the
rewrite is then wrong, and nothing in the text tells which.  When every unbracketed numbering
of the document's item cells was read half width with a half-width stop (at least
``MIN_HALF_NUMBERINGS`` of them) and the corrections wrote some full width, those rows are in
doubt (``ocr_suspect:item``).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow

# An unbracketed numbering opening an item line, half width (6.) or full (６．).
_HALF = regex.compile(r"^\s*[0-9]{1,2}\.(?=\S)")
_FULL = regex.compile(r"^\s*[０-９]{1,2}[．.](?=\S)")
# A document's numberings read half width this many times (and never full) are its own style.
MIN_HALF_NUMBERINGS = 3


def flag_rewritten_numberings(rows: list[RawRow], was: list[dict[str, list[str]]]) -> int:
    """Rows (in place) whose item numbering was read half width and written full width, in a
    document whose item numberings were all read half width: ``ocr_suspect:item``; how many.
    ``was``: each row's cell lines as read (column → texts), before the corrections."""
    read = [t for before in was for t in before.get("item", [])]
    if sum(bool(_HALF.match(t)) for t in read) < MIN_HALF_NUMBERINGS or any(_FULL.match(t) for t in read):
        return 0
    flagged = 0
    for row, before in zip(rows, was, strict=True):
        old = before.get("item", [])
        new = [cl.text for cl in row.cells.get("item") or []]
        if any(_HALF.match(o) and _FULL.match(n) for o, n in zip(old, new, strict=False)):
            why = "the item numberings were all read half width (6.), written as the forms print them (６．)"
            row.doubts.append(Doubt("ocr_suspect", "item", why))
            flagged += 1
    return flagged
