"""Column labels printed spread out, read back as label words (branch headers67, set XXVIII
kinds 8 and 9).

A table may print its column labels so that no label is one word of the extracted text:

- spread over the cell (Calc's ``distributed`` alignment, 均等割り付け; CSS ``letter-spacing`` or
  ``text-align-last: justify``; Word's ``jc=distribute``): ``変    更    日項        目変  更…``,
  two labels glued where one ends at its cell's edge and the next starts at its own;
- stacked a character a line (縦書き, CSS ``writing-mode: vertical-rl``; Word's ``tbRl``; a label
  wider than a narrow column on a document grid): ``変`` / ``更`` / ``日``, and in pdfplumber's
  text the stacked labels of several columns interleaved line by line with the labels printed
  across (``変 時`` / ``出 説`` / ``更 項目 変更前の記載 変更後の記載 期`` …).

The readers look for a line of label words and found none: the table was not found, and its
rows were lost (with status ``success`` when the text held nothing else to miss).

``mend_spread_labels`` rewrites such label rows before anything else reads the text:

- a single line made only of label characters that, closed up, is a run of labels and label
  pieces (three whole labels or more, ``MIN_WHOLE_LABELS``) with some label spread over spaces:
  each label (or piece) is written closed up, one space apart, or in layout text (a column gap
  of two spaces on the line) centred in the span its characters took, as a centred label of
  that cell is printed (two spaces at least between two labels);
- a run of lines made only of label characters (blank lines between them allowed), holding at
  least ``MIN_LONE_CHARACTERS`` lone characters, not all of one label (提 / 出 / 時 / 期 stacked in a
  narrow 提出時期 column is read as it is elsewhere), whose characters are exactly those of some
  labels (three or more, or one label or more when at least half its lines hold one
  character: labels stacked in their columns): the run becomes one line of those labels in the
  form's order when it interleaves several labels' characters (pdfplumber's rows: two lines or
  more of several pieces), else (column-ordered text, every line one character) each label it
  spells in turn becomes a line of its own.  Only in text whose lines are not laid out in
  columns (a run whose lines hold a column gap of two spaces is left to the line rule).

A whole label row read from a spread-out line that stands below other lines of its page (Calc's
distributed labels in ``pdftotext -raw``: written after the cells' first pass) is put at the
page's head (``_moved_up``).

Nothing is dropped: the run's characters are exactly the labels written.  The caller notes how
many label rows were so read (``SPREAD_LABELS_NOTE``).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import combinations, pairwise

import regex

from piatable.vocabulary import LABEL_CHARS, LABELS, is_header_line, is_title, label_count

# What the note says (after the count).
SPREAD_LABELS_NOTE = (
    "{n} column-label rows printed spread out (letter-spaced, distributed over their cells or"
    " stacked a character a line) were read as label words"
)
# A line read as one label row holds at least this many whole labels once closed up (a body
# line of label characters alone, 変更前 / 記載, holds fewer).
MIN_WHOLE_LABELS = 3
# A run of label lines is read as spread out only when it holds at least this many lone
# characters (pieces of one character): a label row wrapped in a narrow column the usual way
# (``提出時`` / ``期``) holds one or two, and is read as it is elsewhere.
MIN_LONE_CHARACTERS = 3
# A label row read from a spread-out line, holding this many whole labels (a whole row, not
# the labels of some columns in column-ordered text), is put at its page's head (``_moved_up``).
MOVED_LABELS = 5
# Blank lines allowed between two lines of a stacked label run (pdftotext prints a blank line
# between the characters of a label on a document grid).
MAX_BLANKS_BETWEEN = 1

_GAP = regex.compile(r"\S {2,}\S|\S\u3000+\S")
_TOKEN = regex.compile(r"\S+")


def _label_only(line: str) -> bool:
    """A line holding something, every character of it a label's (or a space)."""
    chars = "".join(line.split())
    return bool(chars) and LABEL_CHARS.issuperset(chars)


@lru_cache(maxsize=1)
def _pieces() -> dict[str, bool]:
    """Every run of characters inside a label → whether it is a whole label."""
    out: dict[str, bool] = {}
    for lab in LABELS:
        for a in range(len(lab)):
            for b in range(a + 1, len(lab) + 1):
                out[lab[a:b]] = out.get(lab[a:b], False) or (a == 0 and b == len(lab))
    return out


def _segment(chars: str) -> list[tuple[int, int]] | None:
    """``chars`` cut into label pieces, the fewest pieces that are not whole labels first, then
    the fewest pieces: a list of (start, end), or None when no cut exists."""
    pieces = _pieces()
    best: list[tuple[int, int, list[tuple[int, int]]] | None] = [(0, 0, [])] + [None] * len(chars)
    for end in range(1, len(chars) + 1):
        for start in range(max(0, end - max(map(len, LABELS))), end):
            head = best[start]
            whole = pieces.get(chars[start:end])
            if head is None or whole is None:
                continue
            cand = (head[0] + (not whole), head[1] + 1, [*head[2], (start, end)])
            cur = best[end]
            if cur is None or cand[:2] < cur[:2]:
                best[end] = cand
    last = best[len(chars)]
    return None if last is None else last[2]


def mend_label_line(line: str) -> str:
    """``line`` with its spread-out labels closed up, each where its first character stood
    (the line itself when it is no spread label row)."""
    if not _label_only(line) or is_header_line(line):
        return line
    places = [i for i, ch in enumerate(line) if not ch.isspace()]
    chars = "".join(line[i] for i in places)
    cuts = _segment(chars)
    if cuts is None:
        return line
    whole = sum(_pieces()[chars[a:b]] for a, b in cuts)
    # Spread: a label's characters parted by spaces twice or more (``変 更 日``; not ``提出 時期``,
    # a label wrapped once, which the readers take as it is).
    spread = any(sum(places[k + 1] > places[k] + 1 for k in range(a, b - 1)) >= 2 for a, b in cuts)
    if whole < MIN_WHOLE_LABELS or not spread:
        return line
    if not _GAP.search(line):  # no columns laid out: the labels one space apart
        return line[: places[0]] + " ".join(chars[a:b] for a, b in cuts)
    # Layout text: each label centred in the span its characters took (a label spread over its
    # cell spans the cell: centred, it stands where a centred label of that cell stands), two
    # spaces at least between labels.
    out = line[: places[0]]
    for a, b in cuts:
        span = places[b - 1] - places[a] + 1
        start = places[a] + (span - (b - a)) // 2
        if len(out) > places[0]:
            start = max(start, len(out) + 2)
        out = out.ljust(start) + chars[a:b]
    return out.ljust(places[-1] + 1) + line[places[-1] + 1 :]


def _labels_of(chars: str) -> list[str] | None:
    """The labels (in the form's order) whose characters are exactly ``chars``, the most
    labels first; None when no set of labels is."""
    want = Counter(chars)
    for k in range(len(LABELS), 0, -1):
        for group in combinations(LABELS, k):
            if Counter("".join(group)) == want:
                return list(group)
    return None


def _in_order(text: str, labels: list[str]) -> bool:
    """Whether ``text`` holds the labels' characters more often in their order than against
    it (each two neighbours of a label, by where each is first seen)."""
    good = bad = 0
    for label in labels:
        for x, y in pairwise(label):
            i, j = text.find(x), text.find(y)
            good += i < j
            bad += i > j
    return good > bad


def _run_end(lines: list[str], start: int) -> int:
    """The end (exclusive) of the run of label lines opening at ``start``: blank lines inside
    it (at most ``MAX_BLANKS_BETWEEN`` together) only between two label lines."""
    end = start + 1
    k = end
    while k < len(lines):
        blanks = 0
        while k < len(lines) and not lines[k].strip() and blanks <= MAX_BLANKS_BETWEEN:
            k += 1
            blanks += 1
        if blanks > MAX_BLANKS_BETWEEN or k >= len(lines) or not _label_only(lines[k]):
            break
        k += 1
        end = k
    return end


def _in_turn(tokens: list[str]) -> list[str] | None:
    """The labels ``tokens`` make up read one after another (``変`` ``更`` ``日`` ``項目`` →
    変更日, 項目), or None when they do not."""
    out: list[str] = []
    acc = ""
    for t in tokens:
        acc += t
        if acc in LABELS:
            out.append(acc)
            acc = ""
        elif not any(label.startswith(acc) for label in LABELS):
            return None
    return out if not acc else None


def _mend_run(run: list[str]) -> str | None:
    """One label line for a run of label lines, or None when it is none."""
    filled = [ln for ln in run if ln.strip()]
    if len(filled) < 2 or any(_GAP.search(ln.strip()) for ln in filled):
        return None
    tokens = [t for ln in filled for t in _TOKEN.findall(ln)]
    if sum(len(t) == 1 for t in tokens) < MIN_LONE_CHARACTERS:
        return None
    lone = {t for t in tokens if len(t) == 1}
    if any(lone <= set(label) for label in LABELS):
        return None  # one label stacked (提 / 出 / 時 / 期 in a narrow column): read as it is
    if sum(len(_TOKEN.findall(ln)) > 1 for ln in filled) < 2:
        # Column-ordered text (one cell's characters a line, pdftotext / pdfminer): each label
        # on a line of its own, as such text prints labels set across.
        if any(len("".join(ln.split())) > 1 for ln in filled):
            return None  # wrapped pieces (提出 / 時期) or labels set across: read as they are
        turn = _in_turn(tokens)
        return None if turn is None else ("\n\n" if len(filled) < len(run) else "\n").join(turn)
    labels = _labels_of("".join(tokens))
    if labels is not None and not _in_order("".join(tokens), labels):
        return None  # a label read backwards (a turned table's text): left to its reader
    stacked = 2 * sum(len("".join(ln.split())) == 1 for ln in filled) >= len(filled)
    if labels is None or (len(labels) < MIN_WHOLE_LABELS and not stacked):
        return None
    return " ".join(labels)


def mend_spread_labels(text: str) -> tuple[str, int]:
    """``text`` with its spread-out label rows read as label words, and how many were
    (module docstring).  Pages (form feeds) are read one by one; the lines of a stacked run
    become one line."""
    count = 0
    pages = []
    for page in text.split("\f"):
        lines = page.split("\n")
        out: list[str] = []
        i = 0
        while i < len(lines):
            if not _label_only(lines[i]):
                out.append(lines[i])
                i += 1
                continue
            end = _run_end(lines, i)
            mended = _mend_run(lines[i:end]) if end - i > 1 else None
            if mended is not None:
                out.append(mended)
                count += 1
                i = end
                continue
            line = mend_label_line(lines[i])
            if line != lines[i]:
                count += 1
                if not _GAP.search(line) and _moved_up(out, line):
                    i += 1
                    continue
            out.append(line)
            i += 1
        pages.append("\n".join(out))
    return "\f".join(pages), count


def _moved_up(out: list[str], line: str) -> bool:
    """Put a whole label row (``MOVED_LABELS`` labels or more) read from a spread-out line of
    text not laid out in columns at the head of its page, after the page's leading title line,
    when the lines before it on the page hold no label row (True when it was so put).

    Where from: LibreOffice writes the characters of a distributed label one by one, after the
    first pass over the cells, so ``pdftotext -raw`` prints one-line cells (dates, 事前 / 事後)
    and even the title before the label row (office-headers67 ``hd67-calc-zeimu``, set XXVIII
    t06); with centred labels it prints the label row first, as the readers expect."""
    if label_count(line) < MOVED_LABELS or not any(ln.strip() for ln in out):
        return False
    if any(is_header_line(ln) or label_count(ln) >= 2 for ln in out):
        return False
    at = next(k for k, ln in enumerate(out) if ln.strip())
    at += 1 if is_title(out[at].strip()) else 0
    out.insert(at, line)
    return True
