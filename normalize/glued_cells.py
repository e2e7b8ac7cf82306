"""Cells that spaced-out text glued on one line, parted again by what they hold (issue 10).

pypdfium2 and ``pdftotext -raw`` print a row's one-line cells side by side on one line, a space
between them.  Text copied from a document-sharing site prints a space between every two
characters; where the text's own single spaces cannot be told from the spacing's
(``spacing_evidence.own_spaces_lost``), despacing glues those cells into one run, and the reader
takes the run for one cell.  ``hygiene.repeat_spaces`` parts a run that repeats its opening (a
before cell and its amended after cell); here two more kinds of cell are parted by their own
form:

* **a choice of the form, in brackets** (``[ 50人以上100人未満 ]``, the value of a 選択肢 item):
  a bracket holding a value (two characters or more, not a check mark) is a cell of its own
  when another bracket or text other than a particle follows it:
  ``[50人以上100人未満][100人以上500人未満]支所における…`` → three pieces.  A check box and its
  label (``[○]紙``, ``[ ]その他``) stay one;
* **an after cell that is only 削除 / 新規追加** (the row deletes or adds its item) opening the
  run, the explanation after it: ``削除収納事務の委託の終了に伴う削除`` → ``削除`` and the rest.
  Not before a particle, a conjunction or a suffix that goes on with the word (``削除する``,
  ``削除等``, ``削除及び``).

The space put back is a guess of the same kind as the text's: rows read from such text keep
their ``column_guess`` doubts (``spaced_rows``).
"""

from __future__ import annotations

import regex

# A bracketed value of the form's choices: a bracket holding at least this many characters
# (a check mark ○ / ✓ or a blank box holds fewer, and its label follows it in the same cell).
CHOICE_MIN_CHARS = 2
# Text after a marker opening the run: at least this many characters make it a cell.
MARKER_REST_MIN_CHARS = 4

_CHECK_MARKS = "○●◯✓✔☑■□☐〇"
_CHOICE_THEN_MORE = regex.compile(
    rf"([\[［][^\[\]［］{_CHECK_MARKS}]{{{CHOICE_MIN_CHARS},}}[\]］])(?=[^\s\]］ぁ-ゖ、。,.)）」』])"
)
_MARKER_OPENING = regex.compile(
    rf"^((?:上記を)?(?:新規追加|削除))(?=[^\sぁ-ゖ、。,.)）」』・等及並又]\S{{{MARKER_REST_MIN_CHARS - 1},}})"
)


def marked_spaces(line: str) -> str:
    """``line`` (one despaced line of a text whose own spaces were lost) with a space put back
    after each bracketed choice value followed by more text, and after a 削除 / 新規追加 opening
    it (module docstring).  Spaces already there stay; nothing else changes."""
    line = _CHOICE_THEN_MORE.sub(r"\1 ", line)
    return _MARKER_OPENING.sub(r"\1 ", line, count=1)
