"""Extra columns beside the six fields: a numbering column (番号 / No. / 項番 …, rows 1, 2, 3 …)
before 変更日, or a page column (頁, 該当頁 …) after the last field, as some municipalities print.

Their words lie outside the six columns' bounds.  They are no field, and no lost text either:
``side_number_words`` picks out, on each side of the table, the words of such a column (its label
and its small integers, every word on that side being one), so that the reader sets them aside
with a note rather than counting them as text that could not be placed.  A side column headed by
a remarks label (備考) is set aside too, its texts quoted in the note; a side column holding
anything else is left to count as unplaced: the document says so.
"""

from __future__ import annotations

import regex

from piatable.models import Word

from ..chars import without_whitespace
from ..row_numbers import NUMBER_LABELS, TAIL_LABELS
from .lines import Line
from .remark_column import REMARK_LABELS, remarks_note

# A number of such a column: up to three digits, half- or full-width (a row or page number).
_SMALL_NUMBER = regex.compile(r"^[0-9０-９]{1,3}$")
# Label text a narrow column may wrap (``N`` / ``o`` / ``.``, ``該当`` / ``頁``): any piece of a label.
_LABEL_TEXT = tuple(without_whitespace(x) for x in (*NUMBER_LABELS, *TAIL_LABELS))


def _label_piece(text: str) -> bool:
    return any(text in label for label in _LABEL_TEXT)


def _side_ok(texts: list[str]) -> bool:
    """Every line's text is a small number or a piece of a numbering / page label, and one at
    least is a number or the pieces make a whole label (a page holding the label row only); or
    the side opens with a remarks label (備考, ``remark_column``): a column of remarks, whose
    words are set aside as the layout reader sets them aside."""
    texts = [t for t in texts if t]
    if texts and texts[0] in REMARK_LABELS:
        return True
    numbers = sum(1 for t in texts if _SMALL_NUMBER.match(t))
    if not all(_SMALL_NUMBER.match(t) or _label_piece(t) for t in texts):
        return False
    return numbers > 0 or "".join(texts) in _LABEL_TEXT


def side_number_words(lines: list[Line], bounds: list[float]) -> tuple[list[Word], list[str]]:
    """The words of ``lines`` left of ``bounds[0]`` and right of ``bounds[-1]`` (centre outside
    the six columns) that form a numbering or page column, each side checked on its own, and
    the texts they print (a line's words on one side joined: ``1`` ``0`` is 10)."""
    lo, hi = bounds[0], bounds[-1]
    sides: tuple[list[list[Word]], list[list[Word]]] = ([], [])
    for ln in lines:
        left = [w for w in ln.words if (w.x0 + w.x1) / 2 < lo]
        right = [w for w in ln.words if (w.x0 + w.x1) / 2 >= hi]
        for side, ws in zip(sides, (left, right), strict=True):
            if ws:
                side.append(ws)
    words: list[Word] = []
    texts: list[str] = []
    for side in sides:
        line_texts = [without_whitespace("".join(w.text for w in sorted(ws, key=_x0))) for ws in side]
        if side and _side_ok(line_texts):
            words.extend(w for ws in side for w in ws)
            texts.extend(t for t in line_texts if t)
    return words, texts


def _x0(w: Word) -> float:
    return w.x0


def side_numbers_note(texts: list[str]) -> str:
    """The note for the words ``side_number_words`` set aside (their labels and numbers, and a
    remarks column's texts, ``remark_column.remarks_note``)."""
    remark = next((t for t in texts if t in REMARK_LABELS), "")
    words = [t for t in texts if remark and not _SMALL_NUMBER.match(t) and not _label_piece(t)]
    numbers = [t for t in texts if _SMALL_NUMBER.match(t)]
    labels = list(dict.fromkeys(t for t in texts if _label_piece(t) and t not in REMARK_LABELS))
    named = f" ({''.join(labels)})" if labels else ""
    notes = [remarks_note(remark, words)] if remark else []
    if numbers or not remark:
        notes.insert(
            0,
            f"a numbering or page column{named} beside the fields was read: {len(numbers)} numbers"
            f" ({', '.join(numbers[:12])}{' …' if len(numbers) > 12 else ''}) set aside, not a field",
        )
    return "; ".join(notes)
