"""Flags for the rows of a text whose reading mended it in a way the text cannot confirm.

* a poppler Shift-JIS text (``poppler_sjis``): rows holding full-width letters or digits;
* a text with lines collapsed as over-printed bold text (``normalize/collapsed_copies.py``):
  rows holding such a line, ``copy_collapsed:<field>``;
* a viewer's copy with its cells glued (``normalize/glued_copy.py``): rows whose 変更前 is empty
  and 変更後 holds text, ``column_guess`` (a one-line 変更前 glued to the 変更後's first line,
  ``保険年金課長国保年金課長``, reads so);
* a text with bytes no encoding read (``text_decoding.UNDECODED_NOTE``): rows holding U+FFFD,
  ``unmapped_glyphs`` (a character of the row is lost).

All cost their weights on rows already scored (``confidence.add_late_flags``).
"""

from __future__ import annotations

from piatable.models import Reading, Record
from piatable.normalize.collapsed_copies import flag_collapsed_copies
from piatable.normalize.confidence import add_late_flags
from piatable.normalize.glued_copy import GLUED_COPY_MARK
from piatable.settings import QualitySettings

from .poppler_sjis import FORMS_FLAG, SJIS_NOTE_OPENING, flag_full_width_forms
from .text_decoding import UNDECODED_MARK

# The flag of a glued copy's row whose 変更前 may be glued into its 変更後.
GLUED_BEFORE_FLAG = "column_guess"


def flag_mended_rows(records: list[Record], reading: Reading, q: QualitySettings) -> None:
    """Flag ``records`` for the mends of ``reading``'s text (see the module notes)."""
    if any(n.startswith(SJIS_NOTE_OPENING) for n in reading.notes):
        flag_full_width_forms(records, q)
    flag_collapsed_copies(records, reading.collapsed_copies, q)
    if any(UNDECODED_MARK in n for n in reading.notes):
        for r in records:
            cells = (r.change_date_raw, r.item, r.before, r.after, r.timing_raw, r.explanation)
            if any("\ufffd" in (c or "") for c in cells):
                add_late_flags(r, {FORMS_FLAG}, q)
    if any(GLUED_COPY_MARK in n for n in reading.notes):
        for r in records:
            if not r.before.strip() and r.after.strip():
                add_late_flags(r, {GLUED_BEFORE_FLAG}, q)
