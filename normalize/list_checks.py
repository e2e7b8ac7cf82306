"""Checks of a row-ordered row's before / after cells written as lists (issues 10 / 12, branch
pdfium17): ・ bullets under a ＜…＞ heading, check boxes, and the explanation beside them.

``pdftotext -raw`` and pypdfium2 print a LibreOffice row's wrapped cells one after another with
nothing between them; where the widths do not decide, the cut between two cells can fall a
line or two off, with every cell still reading as text.  Each check here fires where a cell's
shape shows the cut is off, and returns ``column_guess`` doubts on both cells:

* ``heading last``: a before / after cell whose last paragraph is a heading in brackets
  (``＜ガバメントクラウドにおける措置＞``) and the next cell opens with a bullet (``・…``): such a
  heading opens the list under it, so the cell after it begins there (a cell clipped by its
  row's height may end on a heading too, as the seed's do: beside an explanation or a cell
  opening otherwise it is not checked);
* ``list stops open``: a before / after cell whose paragraphs but the last all end with 。 and
  whose last neither ends so nor with a bracket, and stops on a particle or a comma (``…。`` /
  ``認証方式の``) or is a bullet of the same list (``・…。`` / ``・職員に対し、年２回の研修``): the rest
  of its sentence is in the next cell (a note, ``※詳細は別紙``, may end without 。);
* ``reason split``: an after cell ending as an explanation's reason opens (``…の導入に伴う``), the
  explanation then what it led to (``修正``);
* ``above in explanation``: an explanation opening with 上記を新規追加 / 上記を削除, words that
  point at the text above them in their own (after) cell;
* ``stray mark``: a check box's mark standing alone beside an empty box that
  ``box_marks.place_box_marks`` could not put back (``［ ］…（ ○ …）``): the choice may read the
  other way.

Only for text read without positions (the caller, ``spill_checks.spill_doubts``, keeps them so).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .box_marks import stray_box_mark
from .partition import BRACKET_HEADING

# How a paragraph of a list ends when its sentence is whole.
_CLOSED_END = regex.compile(r"[。．.）)」』】＞>〉》］\]]$")
# A check box or a heading opening a paragraph: such paragraphs need no 。.
_UNSENTENCED = regex.compile(r"^[［\[＜<《【]")
# A paragraph stopping on a particle or a comma, and the bullets whose list items end with 。.
_OPEN_END = regex.compile(r"[のをにがはでとへもや、]$")
_BULLETS = frozenset("・･●■◆")
_REASON_OPEN = regex.compile(r"(?:に伴う|による|のため|に伴い|により)$")
_ABOVE_OPENING = regex.compile(r"^上記を(?:新規)?(?:追加|削除)")


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def _both(a: str, b: str, why: str) -> list[Doubt]:
    return [Doubt("column_guess", a, why), Doubt("column_guess", b, why)]


def list_doubts(record: Record) -> list[Doubt]:
    """Every check of this module (see the module notes) for one record."""
    nxt = {"before": "after", "after": "explanation"}
    for field in ("before", "after"):
        paras = _paragraphs(getattr(record, field))
        if not paras:
            continue
        last = paras[-1]
        opening = _paragraphs(getattr(record, nxt[field]))[:1]
        if BRACKET_HEADING.match(last) and opening and opening[0][:1] in _BULLETS:
            return _both(
                field, nxt[field], f"the {field} cell ends with the heading {last[:16]}: the next cell's?"
            )
        earlier = paras[:-1]
        if (
            earlier
            and all(p.endswith("。") for p in earlier)
            and not _CLOSED_END.search(last)
            and not _UNSENTENCED.match(last)
            and (_OPEN_END.search(last) or (last[:1] in _BULLETS and all(p[:1] == last[:1] for p in earlier)))
        ):
            why = f"the {field} cell's list stops open ({last[-10:]}): the rest in the next cell?"
            return _both(field, nxt[field], why)
    after, expl = _paragraphs(record.after), _paragraphs(record.explanation)
    if after and expl and _REASON_OPEN.search(after[-1]):
        why = f"the after cell ends as a reason opens ({after[-1][-8:]}) before the explanation {expl[0][:8]}"
        return _both("after", "explanation", why)
    if expl and _ABOVE_OPENING.match(expl[0]):
        return _both(
            "after", "explanation", f"the explanation opens with {expl[0][:7]}: the after cell's end?"
        )
    for field in ("before", "after"):
        if stray_box_mark(getattr(record, field) or ""):
            why = f"a check box's mark stands apart from its box in the {field} cell: read out of place"
            return [Doubt("column_guess", field, why)]
    return []
