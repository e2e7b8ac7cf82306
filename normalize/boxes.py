"""Cell boxes of flattened text: what pdfminer and plain ``pdftotext`` separate by blank lines.

A box is a run of lines without a blank line; it holds one cell or several vertically adjacent
cells of one column.  ``lines_to_boxes`` cuts boxes where a new cell must start (a date, wrapped
or not, a 提出時期, a section Ⅰ…Ⅵ opening an item, a line closing an after cell); the column
labels pdfminer prints as boxes of their own are furniture (``without_label_boxes``).  Used by
``columnar`` (rows from boxes) and by ``region`` (where the table starts).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from itertools import combinations, pairwise

import regex

from piatable.models import CellLine
from piatable.vocabulary import LABEL_CHARS, LABELS, SECTION_NUMERALS, TIMING, top_headings

from .beside_dates import join_split_dates
from .chars import DIGITS, ITEM_MARKER, display_width
from .compound import numbered_up
from .dates import (
    DATE_AT_START,
    DATE_HEAD,
    DATE_IN_SENTENCE_NEXT,
    DATE_SEPARATORS,
    DATE_TAIL,
    DATE_THEN_ITEM,
    is_date_line,
)
from .items import heading_score, opens_item
from .narrow_timings import timings_apart
from .partition import ADDITION_MARKERS, DELETION_MARKERS
from .sectionless_items import is_heading_path

# Boxed text (see looks_boxed): share of lines after a blank line, share of multi-line boxes.
BOXED_MIN_GAP_SHARE = 0.1
BOXED_MIN_MULTI_SHARE = 0.5
# A run of this many one-character boxes of the column labels' characters is a label printed
# vertically.
VERTICAL_LABEL_MIN = 3
# A column label wrapped in its header cell opening a box: at most this many lines.
WRAPPED_LABEL_LINES_MAX = 4
# A bare 追加 / 削除 after a line ending so ends its phrase (``使用部署の`` / ``追加``, an
# explanation's words, ``…を再委託することに伴う`` / ``追加``), closing no after cell (_cut).
WRAPPED_BEFORE_MARKER = ("の", "を", "に", "が", "と", "へ", "や", "及び", "並びに", "伴う", "よる")
# A date wrapped a piece a line in a narrow 変更日 column (``2019`` / ``/04/0`` / ``1``): lines made
# only of a date's characters, at most this many, joined when together they read as a date.
DATE_PIECES_MAX = 4
DATE_PIECE = regex.compile(
    rf"^\s*[0-9０-９元年月日令和平成昭RHSＲＨＳ{regex.escape(DATE_SEPARATORS)}]{{1,10}}\s*$"
)
# Row-ordered text (pypdfium2, ``pdftotext -raw`` of Writer tables): a date in a very narrow
# 変更日 column printed a character or two a line (``２`` / ``０`` / ``１`` / ``９.`` / ``４.`` /
# ``１``).  Joined when at least this many lines, each at most ``NARROW_PIECE_CHARS`` characters
# and of a date's characters only, read together as a date (up to ``NARROW_PIECES_MAX`` lines:
# ``令和元年１２月２５日`` a character a line).
NARROW_PIECES_MIN = 3
NARROW_PIECE_CHARS = 3
NARROW_PIECES_MAX = 12
# A heading numbered under a section (``２．``), the level below it in an item path.
NUMBERED_HEADING = regex.compile(rf"^\s*([{DIGITS}]{{1,2}})[．.]")
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# A line after a blank line that scores at least this as a heading continues the item path
# printed beside a date (``lines_to_boxes``).
PATH_CONTINUATION_SCORE = 0.5
# A section line scoring this as a heading is the section's whole name (``Ⅰ基本情報``).
WHOLE_SECTION_SCORE = 1.0
# The brackets of a choice cell (``[ 10万人以上30万人未満 ]``) a box may be torn inside of.
OPEN_BRACKETS = "[［"
CLOSE_BRACKETS = "]］"


@dataclass(slots=True)
class Box:
    lines: list[CellLine]
    # The rest of a line that began with a date: the first line of an item whose further lines
    # an extractor may have put into a box of their own.
    after_date: bool = False

    @property
    def width(self) -> int:
        return max(display_width(cl.text) for cl in self.lines)

    @property
    def text(self) -> str:
        return "".join(cl.text for cl in self.lines)

    @property
    def page(self) -> int | None:
        return self.lines[0].page


def _is_label(text: str) -> bool:
    """A line of whole column labels (``提出時期 提出時期に係る説明``), spaces aside."""
    pieces = text.replace("　", " ").split()
    return bool(pieces) and (all(p in LABELS for p in pieces) or "".join(pieces) in LABELS)


# The characters of each set of up to LABELS_MIXED_MAX column labels, spaces aside.
LABELS_MIXED_MAX = 3
_LABEL_MIXES = frozenset(
    "".join(sorted("".join(c))) for n in range(2, LABELS_MIXED_MAX + 1) for c in combinations(LABELS, n)
)


def _is_label_lines(lines: list[CellLine]) -> bool:
    """Lines of column labels: whole labels (``_is_label``), or the pieces of two or three
    labels wrapped side by side in narrow header cells, each line holding pieces of several
    (``提出 提出時期に係る説`` / ``時期`` / ``明``, as plain pdftotext prints a Calc header row):
    their characters, spaces aside, are exactly those labels' characters."""
    text = "".join(cl.text for cl in lines)
    if _is_label(text):
        return True
    bare = "".join(text.split())
    return len(lines) > 1 and "".join(sorted(bare)) in _LABEL_MIXES


def without_label_boxes(lines: list[CellLine], gaps: list[bool]) -> tuple[list[CellLine], list[bool]]:
    """The lines without boxes made only of whole column labels: pdfminer prints each column's
    label as a box of its own, wherever its column's first cell is drawn; such a box is page
    furniture, not cell text; so are labels opening a box.  ``gaps`` as for ``lines_to_boxes``."""
    keep = [True] * len(lines)
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and not gaps[end]:
            end += 1
        # A box of labels, or labels opening a box (pdfminer joins a label with its column's
        # first cell when they are close).
        m = k
        while m < end:
            # The longest run of lines from m that reads as labels: a label wrapped in its
            # narrow header cell (``提出`` / ``時期``, ``提出時期に係る説`` / ``明``) opens the box of
            # its column's first cell as well as a label on a line of its own.
            reach = min(end, m + WRAPPED_LABEL_LINES_MAX)
            j = next(
                (j for j in range(reach, m, -1) if _is_label_lines(lines[m:j])),
                m,
            )
            if j == m:
                break
            keep[m:j] = [False] * (j - m)
            m = j
        if m < end and _is_label("".join(cl.text for cl in lines[m:end])):
            # A label wrapped in its narrow header cell (``提出`` / ``時期``).
            keep[m:end] = [False] * (end - m)
        k = end
    _drop_vertical_labels(lines, gaps, keep)
    kept = [cl for cl, ok in zip(lines, keep, strict=True) if ok]
    kept_gaps = []
    pending = False
    for gap, ok in zip(gaps, keep, strict=True):
        pending = pending or gap
        if ok:
            kept_gaps.append(pending)
            pending = False
    return kept, kept_gaps


def _drop_vertical_labels(lines: list[CellLine], gaps: list[bool], keep: list[bool]) -> None:
    """Unmark (``keep[k] = False``) the boxes of one character of a column label's characters
    that come in runs of at least ``VERTICAL_LABEL_MIN`` (``項`` / ``目`` / ``更`` / ``前`` /
    ``の`` / ``記`` / ``載``, other boxes between): a label printed vertically in a narrow
    header cell comes out a character per box, not always in order."""
    singles = [
        k
        for k in range(len(lines))
        if gaps[k] and (k + 1 == len(lines) or gaps[k + 1]) and len(lines[k].text.strip()) == 1
    ]
    run: list[int] = []
    for k in [*singles, -1]:
        if k >= 0 and lines[k].text.strip() in LABEL_CHARS:
            run.append(k)
            continue
        if len(run) >= VERTICAL_LABEL_MIN:
            for j in run:
                keep[j] = False
        run = []


def looks_boxed(lines: list[CellLine], gaps: list[bool]) -> bool:
    """Whether the text is made of multi-line boxes separated by blank lines (pdfminer, plain
    ``pdftotext``): at least ``BOXED_MIN_GAP_SHARE`` of the lines follow a blank line and at least
    ``BOXED_MIN_MULTI_SHARE`` of the lines are in boxes of several lines.  Text with a blank line between
    every line (the seed's extractor) or none (pypdfium2, ``-raw``) is not boxed."""
    if not lines:
        return False
    starts = [k for k, g in enumerate(gaps) if g] + [len(lines)]
    sizes = [b - a for a, b in pairwise(starts)]
    if len(starts) - 1 < BOXED_MIN_GAP_SHARE * len(lines) or not sizes:
        return False
    return sum(n for n in sizes if n > 1) >= BOXED_MIN_MULTI_SHARE * len(lines)


def _date_pieces_end(lines: list[CellLine], k: int) -> int:
    """The end (exclusive) of the longest run of up to ``DATE_PIECES_MAX`` lines from ``k``, each
    made only of a date's characters (``DATE_PIECE``), that joined reads as a date: a narrow
    変更日 column wraps a date into pieces (``2019`` / ``/04/0`` / ``1``); ``k`` when none does."""
    end, joined = k, ""
    for j in range(k, min(len(lines), k + DATE_PIECES_MAX)):
        if not DATE_PIECE.match(lines[j].text):
            break
        joined += lines[j].text.strip()
        if is_date_line(joined):
            end = j + 1
    return end


def _rejoin_dates(lines: list[CellLine]) -> list[CellLine]:
    """A date wrapped over lines of one box (``令和4年4月1`` / ``日``, ``2019`` / ``/04/0`` /
    ``1``) as one line, and a 提出時期 printed a character a line (``事`` / ``前``) as one."""
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        end = _date_pieces_end(lines, k)
        if end > k + 1:
            out.append(replace(cl, text="".join(x.text.strip() for x in lines[k:end])))
            k = end
            continue
        if k + 1 < len(lines) and DATE_HEAD.match(cl.text):
            nxt = lines[k + 1]
            # 令和4年4月1 reads as a date already: its tail 日 on the next line joins it too.
            if is_date_line(cl.text + nxt.text) and (not is_date_line(cl.text) or DATE_TAIL.match(nxt.text)):
                out.append(replace(cl, text=cl.text + nxt.text))
                k += 2
                continue
        if k + 1 < len(lines) and len(cl.text.strip()) == 1 and len(lines[k + 1].text.strip()) == 1:
            pair = cl.text.strip() + lines[k + 1].text.strip()
            if TIMING.match(pair):
                out.append(replace(cl, text=pair))
                k += 2
                continue
        out.append(cl)
        k += 1
    return out


def join_narrow_cells(lines: list[CellLine]) -> list[CellLine]:
    """Dates and 提出時期 that a narrow column printed a piece a line (``2019`` / ``/04/0`` /
    ``1``; ``事`` / ``前``), each made one line, in boxed text (``looks_boxed``: pdfminer, plain
    ``pdftotext``) before the table's region is looked for: only consecutive lines of one page
    (no blank line between) are joined (``_date_pieces_end``; a timing of two one-character
    lines); later lines move up by the lines joined.  Other text: ``join_narrow_pieces``."""
    gaps = _gaps(lines)
    if not looks_boxed(lines, gaps):
        from .narrow_item_dates import split_date_beside_item  # (it uses this module's pieces)

        return split_date_beside_item(join_narrow_pieces(lines))
    lines, gaps = timings_apart(lines, gaps)
    out: list[CellLine] = []
    shift, page, k = 0, None, 0
    while k < len(lines):
        cl = lines[k]
        if cl.page != page:
            shift, page = 0, cl.page
        end = k + 1
        if cl.line_no is not None:
            run = k + 1
            while run < len(lines) and not gaps[run] and run - k < DATE_PIECES_MAX:
                run += 1
            end = max(_date_pieces_end(lines[:run], k), k + 1)
            pair = "".join(x.text.strip() for x in lines[k : k + 2])
            if end == k + 1 and run >= k + 2 and len(pair) == 2 and TIMING.match(pair):
                end = k + 2
        text = "".join(x.text.strip() for x in lines[k:end]) if end > k + 1 else cl.text
        out.append(replace(cl, text=text, line_no=None if cl.line_no is None else cl.line_no - shift))
        shift += end - k - 1
        k = end
    # A date split around another column's line (plain pdftotext: ``平成30年7 ４．…`` / … /
    # ``月1日``) is made whole too, so the region's dates are found; line numbers as printed.
    joined, joined_gaps = join_split_dates(out, [g for g in _gaps(out)])
    return _renumber(out, joined, joined_gaps)


def _next_line(lines: list[CellLine], j: int) -> bool:
    """Whether ``lines[j]`` is printed on the line right after ``lines[j - 1]``, on its page (no
    blank line between: a blank line after every line, as the seed's extractor prints, tells
    nothing of a narrow column)."""
    a, b = lines[j - 1], lines[j]
    return a.page == b.page and (a.line_no is None or b.line_no is None or b.line_no == a.line_no + 1)


def _narrow_date_end(lines: list[CellLine], k: int) -> int:
    """The end (exclusive) of the longest run from ``k`` of at least ``NARROW_PIECES_MIN``
    short lines of one page, each of a date's characters only (``NARROW_PIECE_CHARS``), that
    joined reads as a date; ``k`` when none does."""
    end, joined = k, ""
    for j in range(k, min(len(lines), k + NARROW_PIECES_MAX)):
        # Writer prints a space where the font changes between digits and 年月日 (``5 月``).
        text = "".join(lines[j].text.split())
        if (
            len(text) > NARROW_PIECE_CHARS
            or not DATE_PIECE.match(text)
            or (j > k and not _next_line(lines, j))
        ):
            break
        joined += text
        if j + 1 - k >= NARROW_PIECES_MIN and is_date_line(joined):
            end = j + 1
    if end > k and end < len(lines):
        if DATE_IN_SENTENCE_NEXT.match(lines[end].text):
            return k  # a date inside a cell's sentence (``平成31年4月1日`` / ``時点``)
        # The date goes on at the start of a line shared with other cells (``日 Ⅰ基本情報 事後``):
        # left whole to the readers, which split such a line.
        head = (lines[end].text.split() or [""])[0]
        whole = "".join(x.text.strip() for x in lines[k:end])
        if head and DATE_PIECE.match(head) and is_date_line(whole + head):
            return k
    return end


def join_narrow_pieces(lines: list[CellLine]) -> list[CellLine]:
    """Row-ordered text: a date a very narrow column printed a character or two a line
    (``_narrow_date_end``) as one line, and a 提出時期 printed a character a line (``事`` /
    ``後``) as one.  The joined line keeps its first piece's place and is marked ``wraps``
    (it was wrapped: not one printed line with the next); later lines move up by the lines
    joined (``_renumber``: no gap that ``looks_boxed`` reads as a blank line)."""
    out: list[CellLine] = []
    gaps = _gaps(lines)
    out_gaps: list[bool] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        end = _narrow_date_end(lines, k)
        if (
            end == k
            and k + 1 < len(lines)
            and len(cl.text.strip()) == 1
            and len(lines[k + 1].text.strip()) == 1
        ):
            nxt = lines[k + 1]
            if _next_line(lines, k + 1) and TIMING.match(cl.text.strip() + nxt.text.strip()):
                end = k + 2
        out_gaps.append(gaps[k])
        if end > k:
            out.append(replace(cl, text="".join("".join(x.text.split()) for x in lines[k:end]), wraps=True))
            k = end
            continue
        out.append(cl)
        k += 1
    return _renumber(lines, out, out_gaps) if len(out) < len(lines) else out


def _gaps(lines: list[CellLine]) -> list[bool]:
    return [
        k == 0 or cl.page != lines[k - 1].page or (cl.line_no or 0) - (lines[k - 1].line_no or 0) > 1
        for k, cl in enumerate(lines)
    ]


def _renumber(before: list[CellLine], lines: list[CellLine], gaps: list[bool]) -> list[CellLine]:
    """``lines`` (``before`` with lines taken out) numbered up (``compound.numbered_up``)."""
    return lines if lines == before else numbered_up(lines, gaps)


def is_single_box(box: Box) -> bool:
    """A box of one date or one 提出時期 line."""
    return len(box.lines) == 1 and (is_date_line(box.lines[0].text) or bool(TIMING.match(box.lines[0].text)))


def _wrapped_word(cur: list[CellLine]) -> bool:
    """Whether the last line, a bare 追加 / 削除 (not 上記を…), ends a phrase the line before
    wrapped (``WRAPPED_BEFORE_MARKER``), not the mark closing an after cell."""
    last, prev = cur[-1].text.strip(), cur[-2].text.rstrip()
    return not last.startswith("上記") and prev.endswith(WRAPPED_BEFORE_MARKER)


def _cut(box: Box) -> list[Box]:
    """A box cut where a new cell must start: at each date or timing line, at a section of the
    form (Ⅰ…Ⅵ) opening an item, and after a line that closes an after cell (新規追加, 削除)."""
    lines = _rejoin_dates(box.lines)
    out: list[Box] = []
    cur: list[CellLine] = []
    after_date = box.after_date

    def flush() -> None:
        nonlocal cur, after_date
        if cur:
            out.append(Box(cur, after_date))
            after_date = False
        cur = []

    for k, cl in enumerate(lines):
        t = cl.text
        if is_date_line(t) or TIMING.match(t):
            if _opens_row_below(lines, k):
                # A date printed beside the first line of the next row's item (``2020年4月1日
                # Ⅱ…`` in the middle of an item box): it goes after the cell read so far.
                flush()
            # pdfminer interleaves the lines of neighbouring boxes (an item's first line, the
            # date, its next lines): the date is taken out and the cell read on.
            out.append(Box([cl]))
            continue
        if cur and (opens_item(t) or _opens_next_item(cur, t)):
            flush()
        m = DATE_AT_START.match(t)
        if m and cur and cur[0].text[:1] in SECTION_NUMERALS and t[m.end() :].strip():
            # An item holds no date: a date opening one of its lines is the row's date, printed
            # beside the item's middle line (plain pdftotext, a date centred in a tall row).
            out.append(Box([replace(cl, text=m.group(0).strip())]))
            cl = replace(cl, text=t[m.end() :].strip())
            t = cl.text
        cur.append(cl)
        closes = ADDITION_MARKERS.match(t) or DELETION_MARKERS.match(t)
        if closes and len(cur) > 1 and not _wrapped_word(cur):
            flush()
    flush()
    return out


def _opens_row_below(lines: list[CellLine], k: int) -> bool:
    """Whether the date or timing at ``k`` shares its printed line with the next line and that
    line opens an item with its section: the stream step split ``2020年4月1日 Ⅱ…`` (a top-aligned
    変更日 beside its item's first line, which pdfminer prints as one line), so the date belongs
    to the row below the lines read before it, not to theirs."""
    if k == 0 or k + 1 >= len(lines):
        return False
    nxt, cl = lines[k + 1], lines[k]
    if cl.wraps:  # a date printed over two lines (split_dates, beside_dates): centred, not at the top
        return False
    # Only an item path's first line (its section, Ⅰ…Ⅵ): a date wrapped in a narrow column ends
    # beside any line of the rows it spans (``令和2年1`` / ``月6日 １．監査``).
    return nxt.line_no == cl.line_no and nxt.page == cl.page and nxt.text[:1] in SECTION_NUMERALS


def _opens_next_item(cur: list[CellLine], line: str) -> bool:
    """Whether ``line`` opens the next row's item in an item box (``cur`` opens with a section, or
    is a path of headings: ``sectionless_items.is_heading_path``): a heading numbered ``N．``
    past the one numbered heading the box holds.  An item path has one heading a
    level; vertically adjacent item cells come out as one box (pdfminer, plain ``pdftotext``),
    the next one printing no section (``１．対象人数`` / … / ``２．特定個人情報の入手（…``)."""
    numbers = [_heading_number(cl.text) for cl in cur]
    held = [n for n in numbers if n is not None]
    new = _heading_number(line)
    # A deeper level numbers from 1 again (``２．特定個人情報の入手`` / ``１．不適切な方法で…`` /
    # ``２．入手した…``): only a number past the box's one numbered heading opens the next item.
    if new is None or len(held) != 1 or new <= held[0]:
        return False
    return cur[0].text[:1] in SECTION_NUMERALS or is_heading_path(tuple(cl.text for cl in cur))


def _heading_number(text: str) -> int | None:
    """The number of a heading numbered ``N．`` (``２．`` → 2), else None."""
    m = NUMBERED_HEADING.match(text)
    return int(m.group(1).translate(FULL_WIDTH_DIGITS)) if m else None


def _bracket_depth(text: str) -> int:
    return sum(text.count(c) for c in OPEN_BRACKETS) - sum(text.count(c) for c in CLOSE_BRACKETS)


def _closes_torn_bracket(boxes: list[Box], line: str) -> bool:
    """Whether ``line`` closes a bracket the last box left open (``[ 10万人以上30`` / blank /
    ``万人未満 ]``): pdfminer parts a choice cell's line where its font changes, a blank line
    between; the two are one cell."""
    if not boxes or is_single_box(boxes[-1]) or line.lstrip()[:1] in OPEN_BRACKETS:
        return False
    return _bracket_depth(boxes[-1].text) > 0 and _bracket_depth(line) < 0


def _continues_path(section: str, text: str) -> bool:
    """Whether a line may continue an item path after its section line: the section's name is
    cut short (``Ⅲ特定個人情報`` / ``ファイルの取扱い``, ``Ⅱ 特定個人情報ファイル`` / ``の概要``: it
    scores below a whole section's ``WHOLE_SECTION_SCORE`` or is no whole top heading of the
    forms, ``vocabulary.top_headings``), or the line opens with an item marker (``２．``, ``（１．``,
    ``①``) or scores as a heading of the form."""
    name = unicodedata.normalize("NFKC", "".join(section.split()))[1:]
    if heading_score(section) < WHOLE_SECTION_SCORE or name not in top_headings():
        return True
    return bool(ITEM_MARKER.match(text)) or heading_score(text) >= PATH_CONTINUATION_SCORE


def lines_to_boxes(lines: list[CellLine], gaps: list[bool]) -> list[Box]:
    """Boxes of consecutive lines; ``gaps[k]`` is True when a blank line precedes line k.

    Dates and timings are boxes of their own, and a date printed before the first line of an
    item (``2022/10/17 Ⅱ…``) is split off; a date split around another column's line is
    joined first (``join_split_dates``).
    """
    lines, gaps = join_split_dates(lines, gaps)
    boxes: list[Box] = []
    for cl, gap in zip(lines, gaps, strict=True):
        t = cl.text
        m = DATE_THEN_ITEM.match(t)
        if m and not is_date_line(t):
            boxes.append(Box([CellLine(t[: m.end()].strip(), cl.page, cl.line_no)]))
            boxes.append(Box([CellLine(t[m.end() :].strip(), cl.page, cl.line_no)], after_date=True))
            continue
        single = is_date_line(t) or bool(TIMING.match(t))
        if boxes and not single and is_single_box(boxes[-1]) and boxes[-1].lines[0].line_no == cl.line_no:
            if is_date_line(boxes[-1].lines[0].text):  # split off a date by the stream step
                boxes.append(Box([cl], after_date=True))
                continue
        continues_item = boxes and boxes[-1].after_date and len(boxes[-1].lines) == 1
        if continues_item and gap and not _continues_path(boxes[-1].lines[0].text, t):
            # A blank line, then no heading: another column's cell (Gnumeric in pdfminer prints
            # the date's line, then the row's other cells, then the item's next lines).
            continues_item = False
        if continues_item and not single and not opens_item(t):
            boxes[-1].lines.append(cl)
        elif (gap and not _closes_torn_bracket(boxes, t)) or not boxes or boxes[-1].lines[-1].page != cl.page:
            boxes.append(Box([cl]))
        else:
            boxes[-1].lines.append(cl)
    return [piece for b in boxes for piece in _cut(b)]
