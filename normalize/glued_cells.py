"""Cells that spaced-out text glued on one line, parted again by what they hold (issue 10).

pypdfium2 and ``pdftotext -raw`` print a row's one-line cells side by side on one line, a space
between them.  Text copied from a document-sharing site prints a space between every two
characters; where the text's own single spaces cannot be told from the spacing's
(``spacing_evidence.own_spaces_lost``), despacing glues those cells into one run, and the reader
takes the run for one cell.  ``hygiene.repeat_spaces`` parts a run that repeats its opening (a
before cell and its amended after cell); here three more kinds of cell are parted by their own
form:

* **a choice of the form, in brackets** (``[ 50人以上100人未満 ]``, the value of a 選択肢 item):
  a bracket holding a value (two characters or more, not a check mark) is a cell of its own
  when another bracket or text other than a particle follows it:
  ``[50人以上100人未満][100人以上500人未満]支所における…`` → three pieces.  A check box and its
  label (``[○]紙``, ``[ ]その他``) stay one;
* **a value and its amendment** (``paired_spaces``): ``市民部市民課市民生活部市民課組織改正による部``
  → ``市民部市民課 市民生活部市民課 組織改正による部``, the two values ending alike and matching in
  order, the rest the explanation's first line;
* **an after cell that is only 削除 / 新規追加** (the row deletes or adds its item) opening the
  run, the explanation after it: ``削除収納事務の委託の終了に伴う削除`` → ``削除`` and the rest.
  Not before a particle, a conjunction or a suffix that goes on with the word (``削除する``,
  ``削除等``, ``削除及び``).

The space put back is a guess of the same kind as the text's.  A row that still has an empty
text cell beside a filled one keeps its ``column_guess`` (``spaced_rows``); a row whose cells a
parting here filled is not doubted for it: on ``samples/office-spaced23`` (tuning) and
``samples/heldout-spaced23`` (held out) no wrong row lost its warning with it and
``hygiene``'s period rule (``tools/eval_office.py``: unwarned wrong rows of ``-raw`` / pypdfium2
text spaced between Japanese characters only 1 → 0 and 1 → 1 on tuning, 1 → 1 each held out).
"""

from __future__ import annotations

from difflib import SequenceMatcher

import regex

from .chars import NO_LINE_START
from .tokenizer import default_tokenizer

# A bracketed value of the form's choices: a bracket holding at least this many characters
# (a check mark ○ / ✓ or a blank box holds fewer, and its label follows it in the same cell).
CHOICE_MIN_CHARS = 2
# Text after a marker opening the run: at least this many characters make it a cell.
MARKER_REST_MIN_CHARS = 4

# A run parts into two values of one shape (before | after) when they end with the same
# character (課 / 課, システム / システム) and match this much in order (difflib's ratio); each
# value holds ``PAIR_MIN_CHARS`` or more, and the best parting beats the next by ``PAIR_MARGIN``.
PAIR_MIN_CHARS = 3
PAIR_RATIO = 0.6
PAIR_MARGIN = 0.05

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


# A value of a one-line cell (a name: 市民生活部市民課, ○○情報システム株式会社) holds no sentence
# mark, no hiragana but の, and no date (dates are left to the date rules: ``令和元年6月1日から…``
# pairs with itself too well).
_NOT_A_VALUE = regex.compile(r"[、。，．,\sぁ-ねは-ゖ]|[0-9０-９元]年[0-9０-９]{1,2}月")
_PARTICLE_OPENING = regex.compile(r"^[ぁ-ゖ]")
# A value opens with no particle, no digit and no heading's number (``３①システムの名称`` is an
# item's line: システム３ | ①システム… is no pair).
_NO_VALUE_OPENING = regex.compile(r"^[ぁ-ゖ0-9０-９①-⑳]")
# Characters of a name's words (digits and marks aside: ``10万人`` is one word of two).
_WORD_CHARS = regex.compile(r"[\p{Han}\p{Katakana}ー々〆]")
# The row's 提出時期 glued to the explanation after the values (``事後組織改正による``; as
# ``hygiene.cell_spaces`` parts it at a line's start).
_TIMING_OPENING = regex.compile(r"^(事[前後])(?=[^\sぁ-ゖ、。])")


def _pair_score(a: str, b: str) -> float:
    """How alike two values read: ``difflib``'s ratio (twice the characters matched in order
    over both lengths), 0 when their last characters differ or the ratio is below
    ``PAIR_RATIO``."""
    if a[-1] != b[-1]:
        return 0.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return ratio if ratio >= PAIR_RATIO else 0.0


def paired_spaces(line: str) -> str:
    """``line`` (one despaced line of a text whose own spaces were lost) with spaces put back
    around two one-line values of one shape glued at the start of a piece: the before cell and
    its amended after cell (``市民部市民課市民生活部市民課組織改正による部`` →
    ``市民部市民課 市民生活部市民課 組織改正による部``: the rest is the explanation's first line).
    Cuts fall between the tokenizer's words.  A parting counts when both values hold
    ``PAIR_MIN_CHARS`` kanji / katakana or more and no sentence mark, hiragana but の or date,
    the after value opens with no particle, digit or circled number, they read alike
    (``_pair_score``), the rest opens as a cell may (no particle, no mark that cannot start a
    line), and no other parting scores within ``PAIR_MARGIN``.  Each space-separated piece is
    tried on its own (after ``hygiene.repeat_spaces``)."""
    out: list[str] = []
    for piece in line.split(" "):
        out.append(_parted_pair(piece) or piece)
    return " ".join(out)


def _parted_pair(piece: str) -> str | None:
    n = len(piece)
    if n < 2 * PAIR_MIN_CHARS:
        return None
    # cuts fall between the tokenizer's words only (市民部市民課 | 市民生活部…, not システ | ム…)
    cuts, pos = [], 0
    for word in default_tokenizer().surfaces(piece):
        pos += len(word)
        cuts.append(pos)
    scored: list[tuple[float, int, int]] = []
    for x, i in enumerate(cuts):
        a = piece[:i]
        if _NOT_A_VALUE.search(a):
            break
        if len(_WORD_CHARS.findall(a)) < PAIR_MIN_CHARS:
            continue
        for j in cuts[x + 1 :]:
            b = piece[i:j]
            if _NOT_A_VALUE.search(b):
                break
            rest = piece[j:]
            if rest and (rest[0] in NO_LINE_START or _PARTICLE_OPENING.match(rest)):
                continue
            if _NO_VALUE_OPENING.match(b) or len(_WORD_CHARS.findall(b)) < PAIR_MIN_CHARS:
                continue
            score = _pair_score(a, b)
            if score:
                scored.append((score, i, j))
    if not scored:
        return None
    scored.sort(reverse=True)
    best, i, j = scored[0]
    if len(scored) > 1 and best - scored[1][0] < PAIR_MARGIN:
        return None
    rest = _TIMING_OPENING.sub(r"\1 ", piece[j:], count=1)
    return " ".join(p for p in (piece[:i], piece[i:j], rest) if p)
