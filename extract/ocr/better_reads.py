"""The better of two reads: where an unsure line's second read (``second_reads``, the line
scaled ``ocr.second_read_scale``) differs from the cell's text and plainly reads better, the
cell takes the second read's characters there (issues 11/12: set XI's c3 at 300 dpi on yellowed
paper, 提供範明の見直し read again 提供範囲の見直し; ⑥提供する情報の対象となる本人の範囲 under
提供先２, read again ⑤…).

A place (``second_reads._places``: where the two reads differ beyond look-alikes) is taken when

- the first read's text round it costs the dictionary ``SECOND_BETTER_COST`` or more than the
  second read's (SudachiPy path cost, ``COST_CONTEXT`` characters each side, as
  ``second_reads.still_in_doubt`` weighs the opposite case), and each read has at most
  ``MAX_TAKEN`` characters there (a misread glyph, not a line read otherwise); or
- in an item cell, the first read has a circled number the forms give that heading nowhere
  under the cell's earlier headings (``suspects.foreign_circled``) and the second read has the
  one number they give it there.

A date cell that is a plausible change date keeps its read where the second would make it none
(``_breaks_date``).  Each taken place is flagged ``ocr_corrected`` with both reads; the second read's
``ocr_suspect`` doubt then falls (``settle_second_reads``: the cell reads the second read) unless
another place of the line still differs.
"""

from __future__ import annotations

import ast

from .second_reads import _WHY, WHY_OPENING, _numeral_restored, _places, circle_unread, lookalike_key

# The least dictionary gain (path cost of the first read's text round a place less the second
# read's) that takes the second read there.  Measured on the committed reads of the scan sample
# sets and sets IX/XI: 範明 → 範囲 7,429, a kana read once too often (含むお。 → 含む。) 8,674.
SECOND_BETTER_COST = 6000.0
# At most this many characters of either read at a taken place.
MAX_TAKEN = 2


def _line_index(lines: list[str], first: str) -> int:
    """The index of the cell line most like the first read (as ``still_in_doubt`` picks it)."""
    import difflib

    key = lookalike_key(first)
    return max(
        range(len(lines)),
        key=lambda k: difflib.SequenceMatcher(None, key, lookalike_key(lines[k])).ratio(),
    )


def _circled_fits(lines: list[str], k: int, one: str, two: str) -> bool:
    """Whether line ``k`` of an item cell opens with circled number ``one`` the forms give its
    heading nowhere there, and ``two`` is the one number they do give it.  A heading wrapped
    over lines (⑥提供する情報の対象とな / る本人の範囲) is weighed joined."""
    from .suspects import foreign_circled

    stripped = [line.strip() for line in lines]
    for end in range(k + 1, len(stripped) + 1):
        joined = stripped[:k] + ["".join(stripped[k:end])]
        for i, read, _key, numbers in foreign_circled(joined):
            if i == k and read == one and numbers == frozenset({two}):
                return True
    return False


def better_line(lines: list[str], k: int, first: str, second: str, field: str) -> str:
    """Line ``k`` of a cell with the places where the second read reads better taken (module
    notes), all of them or none: the line as it is when a place where the reads differ is not
    taken, or when the line holds spaces (the reads' keys are spaceless)."""
    from piatable.normalize.tokenizer import default_tokenizer

    line = lines[k]
    if any(ch.isspace() for ch in line):
        return line
    reads = _places(first, second)
    two_flat = "".join(second.split())
    cost = default_tokenizer().path_cost
    out = line
    # Right to left, so that a place taken does not move the ones before it.
    for p in sorted(_places(line, second), key=lambda p: -p.one_start):
        if not any(p.start <= r.end and r.start <= p.end for r in reads):
            continue
        if _numeral_restored(p) or circle_unread(p):
            # The form's heading put the section numeral back: the lexicon vouches for it; a
            # read with no digit says nothing of a circled number.
            return line
        one_core, two_core = p.one_core.strip("\x02\x03"), p.two_core.strip("\x02\x03")
        if max(len(one_core), len(two_core)) > MAX_TAKEN or (one_core, two_core) != (p.one_core, p.two_core):
            return line
        circled = field == "item" and len(one_core) == len(two_core) == 1 and p.one_start == 1
        taken = circled and _circled_fits(lines, k, one_core, two_core)
        if not taken and cost(p.one) - cost(p.two) < SECOND_BETTER_COST:
            # All or nothing: a line mixed of two reads is neither (子了テ read again 了子).
            return line
        start = p.one_start - 1
        out = out[:start] + two_flat[p.start - 1 : p.end - 1] + out[start + len(one_core) :]
    return out


def _breaks_date(field: str, lines: list[str], k: int, new: str) -> bool:
    """Whether taking ``new`` for line ``k`` of a date cell turns a plausible change date into
    none: the date's grammar outweighs the dictionary (set XII's c1: 令和5年4月1日, mended from
    金和, read again 信和5年4月1日, a cheaper path for SudachiPy)."""
    from .date_repairs import plausible_date

    if field != "change_date":
        return False
    return plausible_date("".join(lines)) and not plausible_date("".join([*lines[:k], new, *lines[k + 1 :]]))


def take_better_reads(rows: list) -> int:  # type: ignore[type-arg]
    """Rows (``RawRow``, in place) with the second reads that read better taken (module notes);
    how many lines changed."""
    from piatable.models import Doubt

    changed = 0
    for row in rows:
        for d in list(row.doubts):
            if not (d.kind == "ocr_suspect" and d.field and d.why.startswith(WHY_OPENING)):
                continue
            m = _WHY.match(d.why)
            cells = row.cells.get(d.field) or []
            if m is None or not cells:
                continue
            first, second = ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))
            lines = [cl.text for cl in cells]
            k = _line_index(lines, first)
            new = better_line(lines, k, first, second, d.field)
            if new == lines[k] or _breaks_date(d.field, lines, k, new):
                continue
            was = lines[k].strip()
            why = f"read {was!r}, read again at another scale as {second!r}: {new.strip()!r} taken"
            cells[k].text = new
            cells[k].corrected = True
            row.doubts.append(Doubt("ocr_corrected", d.field, why, 0.0))
            row.add_flag("ocr_corrected")
            changed += 1
    return changed
