"""Lines that hold several cells, and dates wrapped over two lines.

Extractors put cells printed on one baseline into one line: ``新規追加 事後``,
``2023/2/6 Ⅱ…``, ``10万人以上 30万人以上 事後 時点修正`` (before, after, timing, explanation);
a narrow date column wraps ``令和5年2月`` / ``6日``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from piatable.models import CellLine
from piatable.vocabulary import TIMING, TIMING_AT_END, TIMING_AT_START, TIMING_IN_MIDDLE, is_label_piece

from .block_lines import is_bare_block_label, is_block_name
from .cell_shapes import WHOLE_CELL_MARK, split_marks
from .chars import MARKER_ALONE, bigrams, common_prefix
from .dates import (
    DATE_AT_START,
    DATE_TAIL,
    DATE_THEN_ITEM,
    QUALIFIED_DATE,
    is_date_head,
    is_date_line,
    parse_date,
)
from .spaced_pairs import spaced_pair

# Two halves of a line are a before and an after cell when they share this many opening
# characters, or this share of their character pairs.
EDIT_PAIR_MIN_PREFIX = 2
EDIT_PAIR_MIN_OVERLAP = 0.5
# ... and when neither half is less than half as long as the other.
EDIT_PAIR_MIN_LENGTH_RATIO = 0.5
# An edit pair with a third cell after it on one line (``_split_edit_pair_and_rest``): the pair
# shares this share of its character pairs (of the two halves' union), and this much more than
# the first half shares with everything after it.
EDIT_PAIR_MIN_JACCARD = 0.3
EDIT_PAIR_REST_MARGIN = 0.05
# A pair parted at a joint (no space marks the cut: ``_cuts``) shares at least this share.
EDIT_PAIR_JOINT_MIN_JACCARD = 0.5
# A line whose Japanese text is parted by half-width spaces into at most this many pieces holds
# one cell per piece (pypdfium2 and ``pdftotext -raw`` put cells printed on one baseline on one
# line, a space between them; Japanese text itself has no half-width spaces).  More pieces are
# space-separated text of one cell (an address, a list of names), and so is a line with more
# than CELL_GAP_MAX_SPACES runs of spaces in all.
CELL_GAP_MAX_PIECES = 3
CELL_GAP_MAX_SPACES = 3
_SPACE_RUN = regex.compile(r" +")
_ANY_SPACE = regex.compile(r"[ 　]")
# A joint is where half-width digits meet Japanese text on either side: ``第30条の|11`` and
# ``11|住民基本台帳法`` both (a one-line before ending in a number beside its after: the
# font-run space removed there was the gap between the cells).
_JOINT = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー々])(?=[0-9])|(?<=[0-9])(?=[\p{Han}\p{Hiragana}\p{Katakana}])"
)
# A line of one or two digits after a date: the rest of its day, wrapped (``2023/02/0`` / ``6``).
_DAY_DIGITS = regex.compile(r"^\s*[0-9０-９]{1,2}\s*$")
_LABEL = regex.compile(r"[\[［][^\]］\[［]*[\]］]")
# A half-width space between two such characters (Japanese, full-width letters and digits,
# brackets) is a gap between cells.
_CELL_GAP = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー々〆、。）」』】＞〕\]］Ａ-Ｚａ-ｚ０-９])"
    r" +"
    r"(?=[\p{Han}\p{Hiragana}\p{Katakana}々〆（「『【＜〔・①-⑳\[［Ａ-Ｚａ-ｚ])"
)


# Words a narrow column prints one character per line: its 事前/事後 and its label 提出時期.
VERTICAL_WORDS = ("事前", "事後", "提出時期")


def numbered_up(lines: list[CellLine], gaps: list[bool]) -> list[CellLine]:
    """``lines`` (some taken out or joined) numbered again so that what was taken out leaves no
    gap in a page's line numbers (a gap reads as a blank line: ``boxes.looks_boxed``): within a
    page, a line keeps its predecessor's number when it had it (two pieces of one printed line),
    else follows it by one, or by two where ``gaps[k]`` says the input had a blank line before it."""
    out: list[CellLine] = []
    for k, cl in enumerate(lines):
        if k == 0 or cl.page != lines[k - 1].page or cl.line_no is None or out[-1].line_no is None:
            out.append(cl)
            continue
        step = 0 if cl.line_no == lines[k - 1].line_no else (2 if gaps[k] else 1)
        new_no = out[-1].line_no + step
        out.append(cl if new_no == cl.line_no else replace(cl, line_no=new_no))
    return out


def closed_up(before: list[CellLine], after: list[CellLine], joined: bool = False) -> list[CellLine]:
    """``after`` (``before`` with pieces of a word or date joined into their first piece's line)
    numbered up (``numbered_up``) with the blank lines of ``before``: a Writer table whose every
    date and timing was printed in pieces read as boxes, column by column, before.  ``joined``:
    lines were joined even if as many were split (the counts alone then do not tell)."""
    if len(after) == len(before) and not joined:
        return after
    gap_at: dict[tuple[int | None, int], bool] = {}
    for k, cl in enumerate(before):
        if cl.line_no is None:
            continue
        prev = before[k - 1] if k else None
        gap = prev is None or prev.page != cl.page or prev.line_no is None or cl.line_no - prev.line_no > 1
        gap_at.setdefault((cl.page, cl.line_no), gap)
    gaps = [cl.line_no is not None and gap_at.get((cl.page, cl.line_no), False) for cl in after]
    return numbered_up(after, gaps)


def join_vertical_words(lines: list[CellLine]) -> list[CellLine]:
    """Rejoin a word of a narrow column that the extractor gave one character per line: a
    line whose last piece (after a space, or the whole line) opens one of ``VERTICAL_WORDS``,
    followed by one-character lines that complete it (``住民福祉課 健康長寿課 事`` / ``後``;
    ``… 変更後の記載 提`` / ``出`` / ``時`` / ``期``).  Only whole words are joined."""
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        pieces = cl.text.split()
        head = pieces[-1] if pieces else ""
        word, j = head, k + 1
        while (
            head
            and j < len(lines)
            and len(lines[j].text.strip()) == 1
            and any(w.startswith(word + lines[j].text.strip()) for w in VERTICAL_WORDS)
        ):
            word += lines[j].text.strip()
            j += 1
        if j > k + 1 and word in VERTICAL_WORDS:
            out.append(
                CellLine(
                    cl.text.rstrip() + word[len(head) :],
                    cl.page,
                    cl.line_no,
                    cl.wraps,
                    cl.conf,
                    unsure=cl.unsure,
                )
            )
            k = j
            continue
        out.append(cl)
        k += 1
    return closed_up(lines, out)


# A date a narrow column printed one piece per line (Writer: ``令和`` / ``5`` / ``年 10`` / ``月`` /
# ``1`` / ``日``): its first piece opens a date (an era, or four digits), each later piece is at
# most this many characters of digits, 年/月/日/元, separators and spaces, and at most this many
# lines make the date.
DATE_PIECE_MAX_CHARS = 6
DATE_PIECES_MAX_LINES = 8
_DATE_OPENING = regex.compile(r"^\s*(?:令和|平成|昭和|[0-9０-９]{4})\s*(?:元|[0-9０-９]{1,2})?\s*年?\s*$")
_DATE_PIECE = regex.compile(r"^[\s0-9０-９年月日元/.\-／．－]+$")


def join_date_pieces(lines: list[CellLine]) -> list[CellLine]:
    """Rejoin a date printed one piece per line (``令和`` / ``5`` / ``年 10`` / ``月`` / ``1`` / ``日``,
    as pypdfium2 gives a LibreOffice Writer date cell too narrow for its text): the longest run
    of short date pieces after an opening (era or year, with its 年 or not: ``2023 年`` / ``2 月 6``
    / ``日``) that reads as a whole valid date, its spaces dropped."""
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        end = 0
        if _DATE_OPENING.match(cl.text):
            text = cl.text.strip()
            for j in range(k + 1, min(len(lines), k + DATE_PIECES_MAX_LINES)):
                piece = lines[j].text.strip()
                if len(piece) > DATE_PIECE_MAX_CHARS or not _DATE_PIECE.match(piece):
                    break
                text += piece
                if j > k + 1 and is_date_line(text) and parse_date(text):
                    end = j + 1  # the longest run: ``…月1`` may go on with ``日``
        if end:
            joined = "".join("".join(lines[m].text.split()) for m in range(k, end))
            out.append(CellLine(joined, cl.page, cl.line_no, cl.wraps, cl.conf, unsure=cl.unsure))
            k = end
            if rest := _closing_day_rest(joined, lines[end] if end < len(lines) else None):
                # ``…月`` / ``8`` / ``日 Ⅵ 評価実施手続``: the date's 日 printed with the item's first
                # line (a Writer date column, set XXIV t05): 日 joins the date, the rest a line.
                out[-1] = CellLine(joined + "日", cl.page, cl.line_no, cl.wraps, cl.conf, unsure=cl.unsure)
                nxt = lines[end]
                out.append(CellLine(rest, nxt.page, nxt.line_no, nxt.wraps, nxt.conf, unsure=nxt.unsure))
                k = end + 1
            continue
        out.append(cl)
        k += 1
    return closed_up(lines, out)


def _closing_day_rest(date: str, line: CellLine | None) -> str:
    """The text after the 日 that opens ``line`` (``日 Ⅵ 評価実施手続``) when ``date`` is written
    with 月 and ends on the day's digits without its 日; "" otherwise."""
    if line is None or "月" not in date or not date[-1:].isdigit():
        return ""
    head, _, rest = line.text.strip().partition(" ")
    return rest.strip() if head == "日" else ""


# A check box printed empty (``［ ］`` / ``[ ]``) with the mark drawn inside it as its own glyph:
# extractors give the mark on its own line before the box's line (pdftotext -raw), before the
# box on its line (pdfminer: ``○［ ］紙``) or at the end of the line (pypdfium2: ``［ ］紙 ○``).
CHECK_MARKS = "○〇◯●✓✔"
_EMPTY_BOX = regex.compile(r"^(?P<open>[［\[])[ 　]*(?P<close>[］\]])")
_MARK_BEFORE_BOX = regex.compile(rf"^(?P<mark>[{CHECK_MARKS}])[ 　]*(?=[［\[][ 　]*[］\]])")
_MARK_AT_END = regex.compile(rf"[ 　]+(?P<mark>[{CHECK_MARKS}])$")


_BOX_OR_MARK = frozenset(CHECK_MARKS + "［[")


def _box_with_mark(text: str, mark: str) -> str:
    m = _EMPTY_BOX.match(text)
    return f"{m.group('open')}{mark}{m.group('close')}{text[m.end() :]}" if m else text


def place_check_marks(lines: list[CellLine]) -> list[CellLine]:
    """Put a check mark back inside the empty box it was printed in (``［ ］紙`` with ``○`` on the
    line before, before the box, or at the line's end → ``［○］紙``).  Only a line that opens with
    an empty box takes a mark; a lone mark line before anything else is left as it is."""
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        t = cl.text.strip()
        if t[:1] not in _BOX_OR_MARK:
            out.append(cl)  # every case below opens with a mark or a box
            k += 1
            continue
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if len(t) == 1 and t in CHECK_MARKS and _EMPTY_BOX.match(nxt) and not _MARK_AT_END.search(nxt):
            nc = lines[k + 1]
            out.append(
                CellLine(_box_with_mark(nxt, t), nc.page, nc.line_no, nc.wraps, nc.conf, unsure=nc.unsure)
            )
            k += 2
            continue
        m = _MARK_BEFORE_BOX.match(t)
        if m:
            t = _box_with_mark(t[m.end() :], m.group("mark"))
        elif _EMPTY_BOX.match(t) and (m := _MARK_AT_END.search(t)):
            t = _box_with_mark(t[: m.start()], m.group("mark"))
        out.append(
            cl
            if t == cl.text.strip()
            else CellLine(t, cl.page, cl.line_no, cl.wraps, cl.conf, unsure=cl.unsure)
        )
        k += 1
    return out


def split_compound_lines(lines: list[CellLine]) -> list[CellLine]:
    """Split lines that hold several cells; join dates wrapped over two lines.

    Extractors put cells printed on one baseline into one line: ``新規追加 事後``,
    ``2023/2/6 Ⅱ…``, ``10万人以上 30万人以上 事後 時点修正`` (before, after, timing, explanation).
    """
    from .split_dates import join_split_dates

    lines, joined = join_split_dates(place_check_marks(join_date_pieces(join_vertical_words(lines))))
    gaps = side_by_side(lines)
    out: list[CellLine] = []
    k = 0
    while k < len(lines):
        cl = lines[k]
        t = cl.text
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        if (
            nxt
            and (is_date_head(t) or (is_date_line(t) and (DATE_TAIL.match(nxt) or _DAY_DIGITS.match(nxt))))
            and is_date_line(t + nxt)
            and parse_date(t + nxt)
        ):
            # wraps: the date's first line ran to its cell's edge (the two-pass reader tells a
            # wrapped date, drawn with the wrapped cells, by it).
            out.append(CellLine(t + lines[k + 1].text, cl.page, cl.line_no, wraps=True))
            joined = True
            k += 2
            continue
        pieces = line_cells(t, gaps)
        if len(pieces) == 1 and pieces[0] == t:
            out.append(cl)  # one cell: the line as it is (no copy, for long texts' memory)
        else:
            out.extend(
                CellLine(piece, cl.page, cl.line_no, cl.wraps, cl.conf, unsure=cl.unsure) for piece in pieces
            )
        k += 1
    # A date joined from two lines leaves no gap that reads as a blank line (``closed_up``).
    return closed_up(lines, out, joined=True) if joined else out


def side_by_side(lines: list[CellLine]) -> bool:
    """Whether the extractor put cells printed on one baseline on one line, a space between
    them: some line holds a timing with a cell after it (``事後 番号法改正に伴う修正``), or a date
    with a timing (``2023/2/6 事後``).  Text re-flowed one cell after another (the seed) has
    neither, and there a space between Japanese words is a space inside a cell."""
    for cl in lines:
        if "事" not in cl.text:
            continue  # every timing pattern needs 事前 / 事後 (or 事 前)
        t = cl.text.strip()
        if TIMING_IN_MIDDLE.match(t) or TIMING_AT_START.match(t):
            return True
        m = DATE_AT_START.match(t)
        if m and TIMING.match(t[m.end() :]):
            return True
    return False


def cells_of_line(t: str, gaps: bool = False) -> list[str]:
    """The cells one printed line holds, in order (see ``_cells_of_line``)."""
    return list(line_cells(t, gaps))


# Lines remembered by ``line_cells``: a text repeats its furniture, labels and common cells.
LINE_CELLS_CACHE = 65536


@lru_cache(maxsize=LINE_CELLS_CACHE)
def line_cells(t: str, gaps: bool = False) -> tuple[str, ...]:
    """``_cells_of_line`` as a tuple, remembered per (line, gaps): every line is asked once by
    ``split_compound_lines`` and again by the two-pass reader (``twophase._regrouped``)."""
    return tuple(_cells_of_line(t, gaps))


def _cells_of_line(t: str, gaps: bool = False) -> list[str]:
    """The cells one printed line holds, in order (usually just the line).  With ``gaps``, a
    half-width space between Japanese words is taken as a gap between cells.  A date with a
    qualified date beside it (``2023/4/1 公表 2023/3/15``: ``dates.QUALIFIED_DATE``) is one cell."""
    if QUALIFIED_DATE.search(t) and is_date_line(t):
        return [t]
    m = DATE_THEN_ITEM.match(t)
    if m and m.end() < len(t) and not is_date_line(t):
        return [t[: m.end()].strip(), *_cells_of_line(t[m.end() :].strip(), gaps)]
    if "事" not in t:
        return _split_pieces(t, gaps)  # no timing (each pattern below needs 事前 / 事後)
    if TIMING.match(t):
        return [t]
    for pattern in (TIMING_IN_MIDDLE, TIMING_AT_END, TIMING_AT_START):
        m = pattern.match(t)
        if m:
            parts = m.groupdict()
            rest = _split_pieces(parts["rest"].strip(), gaps)
            if pattern is TIMING_AT_START:
                return [parts["timing"], parts["rest"].strip()]
            tail = [parts["post"].strip()] if parts.get("post") else []
            return [*rest, parts["timing"], *tail]
    return _split_pieces(t, gaps)


def _split_pieces(t: str, gaps: bool) -> list[str]:
    """Cells side by side on one line: an edit pair, and (with ``gaps``) pieces parted by gaps
    between cells.

    Pieces come back as separate lines of the same printed line (same ``line_no``); the
    reconstruction treats the gap between them as a likely cell boundary, and the rejoin puts
    the space back when two of them end up in one cell.
    """
    if is_label_piece(t):
        return [t]
    marks = split_marks(t) if gaps else None
    if marks is not None:
        # A whole-cell mark (（新規）, （削除）, ―) beside the next cell on one printed line.
        head, tail = marks
        if WHOLE_CELL_MARK.match(head):
            return [head, *_split_pieces(tail, gaps)]
        return [*_split_pieces(head, gaps), tail]
    spaced = spaced_pair(t)
    if spaced is not None:
        return list(spaced)
    parts = _split_edit_pair(t, joints=gaps)
    if gaps:
        parts = _split_edit_pair_and_rest(t) or parts
    # The spaces inside the form's choice labels (``[ 再委託する ]``) are no gaps between cells.
    if not gaps or len(_SPACE_RUN.findall(_LABEL.sub("[]", t.strip()))) > CELL_GAP_MAX_SPACES:
        return parts
    pieces = [
        q for p in parts for q in _one_cells_spaces([q.strip() for q in _CELL_GAP.split(p) if q.strip()])
    ]
    # A date beside words (平成31年4月1日 時点) is text of one cell, not a row's date; dates
    # beside dates only (平成28年8月25日 令和2年11月20日) are cells side by side.
    if len(pieces) > CELL_GAP_MAX_PIECES:
        return parts
    dates = sum(is_date_line(p) for p in pieces)
    if dates and dates < len(pieces):
        return parts
    return pieces


# A law's article (…第９条第１項, …第８号) and its table (別表第一の３０の項): one citation.
_ARTICLE_END = regex.compile(r"第[0-9０-９一二三四五六七八九十]+[条項号]$")
_TABLE_OF_LAW = regex.compile(r"^別表")


def _ends_in_marker(text: str) -> bool:
    """``text`` ends in a list marker alone after a space (``財務部市民税課 (1)``): a cut there
    leaves the marker without its item (the next cell's opening; narrow Writer cells, pypdfium2
    and ``-raw`` text)."""
    tail = text.rsplit(maxsplit=1)
    return len(tail) == 2 and bool(MARKER_ALONE.match(tail[1]))


def _one_cells_spaces(pieces: list[str]) -> list[str]:
    """``pieces`` of a line (split at gaps between cells) with the gaps that lie inside one
    cell closed again: after a list marker alone (``ア 提供先ごとに…``), between a law's
    article and its table (``番号法第９条第１項 別表第一の３０の項``), and after a repeated block's
    label and number (``提供先３ 都道府県知事``: block46, ``block_lines``).  Measured on the tuning
    samples (issue 10, sixth round): cells were cut at such spaces in 20 wrong rows."""
    if len(pieces) < 2:
        return pieces
    out: list[str] = []
    for q in pieces:
        if out and (
            MARKER_ALONE.match(out[-1])
            or (_ARTICLE_END.search(out[-1]) and _TABLE_OF_LAW.match(q))
            or (is_bare_block_label(out[-1]) and is_block_name(q))
        ):
            out[-1] = f"{out[-1]} {q}"
        else:
            out.append(q)
    return out


def _jaccard(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / max(1, len(x | y))


def _split_edit_pair_and_rest(t: str) -> list[str] | None:
    """``平成31年4月1日 時点 令和3年4月1日 時点 時点修正``: a one-line before and after cell
    and the cell after them (the explanation) side by side; None when the line is no such.

    Two cuts at spaces: the two first parts read alike (an edit pair: ``EDIT_PAIR_MIN_JACCARD``
    of their character pairs shared, each at least half as long as the other), more alike than
    the first part and all the rest, and the rest is Japanese text after a gap between cells."""
    spaces = [m.start() for m in _ANY_SPACE.finditer(t)]
    if not spaces or is_label_piece(t):
        return None
    best: tuple[float, tuple[int, int], int] | None = None
    # The first cut at a space first; at a joint only when no space gives an edit pair.
    firsts = [*_cuts(t, False), (-1, -1), *(c for c in _cuts(t, True) if c[0] == c[1])]
    for c1 in firsts:
        if c1[0] < 0:
            if best is not None:
                break
            continue
        left = t[: c1[0]].strip()
        if len(left) < 2 or left.count("[") != left.count("]"):
            continue
        for c2 in (c for c in spaces if c > c1[0]):
            mid, rest = t[c1[1] : c2].strip(), t[c2 + 1 :].strip()
            if len(mid) < 2 or len(rest) < 2 or mid.count("[") != mid.count("]"):
                continue
            if _ends_in_marker(left) or _ends_in_marker(mid):
                continue
            if min(len(left), len(mid)) < EDIT_PAIR_MIN_LENGTH_RATIO * max(len(left), len(mid)):
                continue
            if not _CELL_GAP.match(t, c2) and not _CELL_GAP.search(t[c2 - 1 : c2 + 2]):
                continue
            score = _jaccard(left, mid)
            floor = EDIT_PAIR_JOINT_MIN_JACCARD if c1[0] == c1[1] else EDIT_PAIR_MIN_JACCARD
            if score >= floor and score > _jaccard(left, t[c1[1] :]) + EDIT_PAIR_REST_MARGIN:
                if best is None or score > best[0]:
                    best = (score, c1, c2)
    if best is None:
        return None
    _, c1, c2 = best
    return [t[: c1[0]].strip(), t[c1[1] : c2].strip(), t[c2 + 1 :].strip()]


def _cuts(t: str, joints: bool) -> list[tuple[int, int]]:
    """Where a line may be cut between two cells: its spaces (start, end), and with ``joints``
    each place a half-width digit follows a Japanese character (start = end): font-run spaces
    removed by ``hygiene.join_font_runs`` may have been the gap between two cells there."""
    out = [(m.start(), m.end()) for m in _ANY_SPACE.finditer(t)]
    if joints:
        out += [(m.start(), m.start()) for m in _JOINT.finditer(t)]
    return sorted(out)


def _split_edit_pair(t: str, joints: bool = False) -> list[str]:
    """Split ``市民課 市民窓口課``: a before and an after cell of one line each, side by side.

    The split is made at the space (or, with ``joints``, a joint: see ``_cuts``) whose two sides
    read most alike (an amendment changes a few words), and only when they share an opening or
    most of their character pairs.
    """
    if is_label_piece(t):
        return [t]
    best: tuple[float, int, int] | None = None
    # Spaces first; joints only when no space parts an edit pair (a space is surer evidence).
    cuts = _cuts(t, False)
    if joints:
        cuts += [(-1, -1)] + [c for c in _cuts(t, True) if c[0] == c[1]]
    for start, end in cuts:
        if start < 0:
            if best is not None:
                break
            continue
        left, right = t[:start].strip(), t[end:].strip()
        if len(left) < 2 or len(right) < 2 or left.count("[") != left.count("]") or _ends_in_marker(left):
            continue
        if min(len(left), len(right)) < EDIT_PAIR_MIN_LENGTH_RATIO * max(len(left), len(right)):
            continue
        shared = len(common_prefix(left, right))
        a, b = bigrams(left), bigrams(right)
        overlap = len(a & b) / max(1, min(len(a), len(b)))
        if start == end and _jaccard(left, right) < EDIT_PAIR_JOINT_MIN_JACCARD:
            continue  # a joint needs the stronger evidence: no space marks it
        if shared >= EDIT_PAIR_MIN_PREFIX or overlap >= EDIT_PAIR_MIN_OVERLAP:
            score = shared + overlap
            if best is None or score > best[0]:
                best = (score, start, end)
    if best is None:
        return [t]
    _, start, end = best
    return [t[:start].strip(), t[end:].strip()]
