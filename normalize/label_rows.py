"""Column-label rows among a table's lines (issue 10): a label wrapped in a narrow header cell
at any character (``提出時`` / ``期``, ``提出時期に係る説`` / ``明``), which LibreOffice Calc draws with
the wrapped cells, after a page's pass 1 of one-line cells.  Such a row is page furniture, never
a record (``region._furniture`` drops it); ``labels_among_cells`` names the ones dropped there for
the reader's note."""

from __future__ import annotations

import re
from dataclasses import replace

from piatable.models import CellLine
from piatable.vocabulary import (
    LABEL_CHARS,
    LABEL_PIECES,
    LABELS,
    SECTION_NUMERALS,
    SPANNING_LABELS,
    TIMING,
    is_header_line,
    is_title,
)

from .dates import is_date_line

# A column label wrapped in a narrow header cell at any character (``提出時期に係る説`` / ``明``):
# at most this many lines.
WRAPPED_LABEL_MAX_LINES = 4
LABEL_TEXTS = frozenset(LABELS)
# Every opening of a label ("" included): ``x in LABEL_OPENINGS`` is ``any(label.startswith(x))``.
LABEL_OPENINGS = frozenset(label[:k] for label in LABEL_TEXTS for k in range(len(label) + 1))

# What the reader's note says of the labels ``labels_among_cells`` finds.
LABELS_AMONG_CELLS_NOTE = (
    "a column-label row printed among the table's cells was left out as page furniture: {}"
)


def wrapped_labels(lines: list[CellLine]) -> list[tuple[int, int]]:
    """Runs ``(k, end)`` of 2 to ``WRAPPED_LABEL_MAX_LINES`` lines that join into one column
    label: a header cell narrower than its label wraps it at any character (LibreOffice does
    not keep words whole), ``提出時期に係る説`` / ``明``, which the label pieces do not list."""
    out: list[tuple[int, int]] = []
    n, k = len(lines), 0
    while k < n:
        joined, hit = "", 0
        for m in range(k, min(n, k + WRAPPED_LABEL_MAX_LINES)):
            joined += "".join(lines[m].text.split())
            if m > k and joined in LABEL_TEXTS:
                hit = m + 1
            if joined not in LABEL_OPENINGS:
                break
        if hit:
            out.append((k, hit))
            k = hit
        else:
            k += 1
    return out


# Lines before a wrapped label that pass 1 of its page may end within (``label_opens_pass_two``):
# a row's one-line cells after its date or timing (a one-line before, after and explanation).
PASS_ONE_TAIL_LINES = 4


def label_opens_pass_two(lines: list[CellLine], k: int, run: int, pass_one: list[bool]) -> bool:
    """Whether the wrapped label ``lines[k:run]`` (``wrapped_labels``: ``提出`` / ``時期``) is the
    header's wrapped cell that Calc draws first among a page's wrapped cells: a date or a timing
    of the page's pass 1 stands at most ``PASS_ONE_TAIL_LINES`` lines above it (the lines between
    one-line text cells: ``組織改編に伴う修正``), and the line after it opens an item with a
    section of the form (Ⅰ…Ⅵ), as the first wrapped row's item does (set XVII t01: pypdfium2
    read the label and every line of the first wrapped row as rows of their own).
    ``pass_one``: per line, whether its printed line holds a date or a timing."""
    if run >= len(lines) or lines[run].text[:1] not in SECTION_NUMERALS:
        return False
    page = lines[k].page
    return any(pass_one[m] and lines[m].page == page for m in range(max(0, k - PASS_ONE_TAIL_LINES), k))


def labels_among_cells(lines: list[CellLine], mask: list[bool], among: set[int]) -> list[str]:
    """The column labels (joined when wrapped: ``提出時`` / ``期`` → ``提出時期``) that a page
    printed after its pass 1 of one-line cells, among the table's cells, left out as furniture:
    for the reader's note (the header's wrapped cell, drawn with the wrapped cells by Calc).
    ``mask``: the furniture of ``lines``; ``among``: the label lines found after a pass 1."""
    out: list[str] = []
    for k in sorted(among):
        if mask[k]:
            text = "".join(lines[k].text.split())
            if out and k - 1 in among and "".join(out[-1].split()) + text in LABEL_OPENINGS:
                out[-1] += text
            else:
                out.append(text)
    return out


# A two-row label row in flattened text (-raw, pypdfium2, PyMuPDF, pypdf): the upper row's
# spanning label (``変更箇所``) and the labels beside it, the first character of a label printed
# one character per line (``提`` / ``出`` / ``時``: 提出時期 spanning both rows in a narrow column,
# its last character clipped by a repeated row's height), then the lower row's labels
# (``変更前の記載 変更後の記載``).  A run of such lines holds at least this many labels.
TWO_ROW_MIN_LABELS = 3
# Characters of a label printed one per line that are no label's: 事 / 前 / 後 are a timing's.
_LONE_LABEL_CHARS = frozenset(c for c in LABEL_CHARS if c not in "事前後")


def _two_row_word(p: str) -> bool:
    return p in LABEL_PIECES or p in SPANNING_LABELS or p in _LONE_LABEL_CHARS or p in LABEL_OPENINGS


_PIECE_MAX = max(map(len, LABEL_PIECES))
# The first characters of the pieces ``_joined_pieces`` joins (two characters or more).
_PIECE_FIRST = frozenset(x[0] for x in LABEL_PIECES if len(x) >= 2)


def _joined_pieces(p: str) -> bool:
    """``p`` is two label pieces or more printed with no space between (pypdf joins the lower
    row's first label to the wrapped label beside it: ``係る説明変更前の記載``).  Pieces of two
    characters or more, tried only from the ends reached (a line of prose is given up once
    ``_PIECE_MAX`` characters pass no end)."""
    if p and p[0] not in _PIECE_FIRST:
        return False
    ends = [0]
    for j in range(2, len(p) + 1):
        if any(2 <= j - i <= _PIECE_MAX and p[i:j] in LABEL_PIECES for i in ends):
            ends.append(j)
        elif j - ends[-1] >= _PIECE_MAX:
            return False
    return ends[-1] == len(p)


def _two_row_piece(text: str) -> bool:
    """A line a two-row label row may print: label pieces, spanning labels and lone label
    characters only (``変更箇所 提``, ``出``, ``提出時期に``), pieces joined with no space too."""
    pieces = text.split()
    return bool(pieces) and all(_two_row_word(p) or _joined_pieces(p) for p in pieces)


def two_row_label_runs(texts: list[str]) -> list[tuple[int, int]]:
    """Runs ``(k, end)`` of lines that make up a two-row label row (``_two_row_piece`` each): a
    spanning label among them and ``TWO_ROW_MIN_LABELS`` labels (whole ones, or a wrapped one
    joined over its lines: ``提出時期に`` / ``係る説明``).  The upper row's spanning label is no
    label piece alone (a bare 変更箇所 is the title), so without this the run is cut into pieces
    too short to be read as furniture and is glued into the 項目 cell (set XIV t05)."""
    out: list[tuple[int, int]] = []
    n, k = len(texts), 0
    while k < n:
        if not _two_row_piece(texts[k]):
            k += 1
            continue
        end = k
        while end < n and _two_row_piece(texts[end]):
            end += 1
        pieces = [p for t in texts[k:end] for p in t.split()]
        joined = "".join(pieces)
        labels = sum(label in joined for label in LABEL_TEXTS)
        if any(p in SPANNING_LABELS for p in pieces) and labels >= TWO_ROW_MIN_LABELS:
            out.append((k, end))
        k = end
    return out


_PIECE = re.compile(r"\S+")
# Lines of a two-row label row looked at on either side of a line glued to it.
TWO_ROW_MAX_LINES = 8


def _run_from_start(texts: list[str]) -> bool:
    runs = two_row_label_runs(texts)
    return bool(runs) and runs[0][0] == 0


def _run_to_end(texts: list[str]) -> bool:
    runs = two_row_label_runs(texts)
    return bool(runs) and runs[-1][1] == len(texts)


def split_two_row_glue(lines: list[CellLine]) -> list[CellLine]:
    """Lines glued to a two-row label row, cut apart (the same printed line number): pypdfium2
    prints the page's last line and the repeated header's first with no break between them
    (``…修正変更箇所 提``: the spanning label opens the header when it spans from 変更日), and a
    header's last line and the page's first cell text on one line (``変更日 項目 変更前の記載
    変更後の記載 係る説明 （落雷等）による``).  A piece is cut off only where the lines it then
    makes with its neighbours are a two-row label row (``two_row_label_runs``); the table's title
    (``（別添２）変更箇所`` over a label row) is never cut."""
    texts = [cl.text for cl in lines]
    out: list[CellLine] = []
    for i, cl in enumerate(lines):
        text = cl.text
        after = texts[i + 1 : i + TWO_ROW_MAX_LINES]
        head = next((k for s in SPANNING_LABELS if (k := text.find(s, 1)) > 0 and text[:k].strip()), None)
        if head is not None and not is_title(text) and _run_from_start([text[head:], *after]):
            out += [replace(cl, text=text[:head].rstrip()), replace(cl, text=text[head:])]
            continue
        pieces = text.split()
        m = 0
        while m < len(pieces) and (_two_row_word(pieces[m]) or _joined_pieces(pieces[m])):
            m += 1
        before = [o.text for o in out[-TWO_ROW_MAX_LINES:]]
        if 2 <= m < len(pieces) and _run_to_end([*before, " ".join(pieces[:m])]):
            cut = [w.start() for w in _PIECE.finditer(text)][m]  # where the m-th piece starts
            out += [replace(cl, text=text[:cut].rstrip()), replace(cl, text=text[cut:])]
            continue
        out.append(cl)
    return out


# The label row under a lone piece is read this many lines on (its line and the wrapped pieces
# of its narrow cells after it: ``提出時`` / ``期``).
ROW_BELOW_LINES = 3
# A wrapped label's last piece drawn over the body row under the label row is this short at most.
OVERFLOW_CHARS = 2


def cell_tail_above_labels(lines: list[CellLine], k: int, hard: list[bool], piece: list[bool]) -> bool:
    """Whether the lone label piece ``lines[k]`` (``提出``) is the last wrapped line of the cell
    above it, not a piece of the label row below it (set XIX t08, ``pdftotext -raw``: the
    explanation ``…に当たるため事前に`` / ``提出`` printed right before the next page's label row).
    So when the line above is a cell's text on the same page (no label, date or timing), a
    label row (``is_header_line``) follows within ``ROW_BELOW_LINES`` lines, and that row
    already holds whole every label the piece is a piece of (``提出時期`` and
    ``提出時期に係る説明``, as words or joined from its wrapped lines ``提出時`` / ``期``): the row
    needs no piece from above."""
    if k == 0 or len(lines[k].text.split()) != 1 or k + 1 >= len(lines):
        return False
    above, text = lines[k - 1], "".join(lines[k].text.split())
    if (
        above.page != lines[k].page
        or hard[k - 1]
        or piece[k - 1]
        or is_date_line(above.text)
        or TIMING.match(above.text)
    ):
        return False
    row = next((m for m in range(k + 1, min(len(lines), k + 1 + ROW_BELOW_LINES)) if hard[m]), None)
    if row is None or not is_header_line(lines[row].text):
        return False  # (the row may open the next page: 提出 ends the page's last row)
    words = set(lines[row].text.split())
    end = row + 1
    while (
        end < len(lines)
        and end <= row + ROW_BELOW_LINES
        and piece[end]
        and lines[end].page == lines[row].page
    ):
        end += 1
    after = ["".join(cl.text.split()) for cl in lines[row + 1 : end]]
    words.update("".join(after[i:j]) for i in range(len(after)) for j in range(i + 1, len(after) + 1))
    if after and end < len(lines):
        # The wrapped label's last piece drawn over the first body row (Calc, a label row too
        # short for it: pypdfium2's ``2020.1.6 期事後``): a word of that row opening with it.
        words.update(after[-1] + w[:j] for w in lines[end].text.split() for j in range(1, OVERFLOW_CHARS + 1))
    owners = [label for label in LABEL_TEXTS if text in label]
    return bool(owners) and all(label in words for label in owners)
