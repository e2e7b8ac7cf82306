"""Input hygiene of flattened text, before any reconstruction.

Two kinds of damage that make whole rows vanish are undone here, and counted in notes:

* **spaced-out text**: text copied from document-sharing sites (and pdfplumber's or tesseract's
  words) prints a space between every character (``特 定 個 人 情 報``).  Such lines are despaced;
  a space between two ASCII words of several letters is kept (``Windows Server``), and a wider gap
  (a real space, spaced out itself) becomes one space.
* **over-printed lines**: a PDF that prints bold text twice, slightly offset, gives those lines
  twice in ``pdftotext -raw`` text, either as a whole line repeated or as the tail of a line
  (the last cell on its baseline) repeated at the start of the next.  The copies are removed.

Both act only when the document as a whole shows the damage (several lines of it), so a lone
line that happens to look so is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from piatable.vocabulary import (
    COVER_LABEL_PATTERN,
    LABEL_CHARS,
    LABEL_PIECES,
    SECTION_NUMERAL_CLASS,
    TIMING,
    is_header_line,
)

from .ascii_numerals import NUMERALS_NOTE, NumeralPrinting, read_section_numerals
from .body_tail import cut_body_tail, cut_pass_one_close
from .closing_mark import CLOSING_NOTE, after_table_note, drop_closing_mark, drop_pass_one_notes
from .collapsed_copies import COLLAPSED_NOTE, collapsed_heads
from .dates import DATE, DATE_SEPARATORS, ERA_OFFSETS, is_date_line
from .glued_cells import marked_spaces, paired_spaces
from .glued_dates import unglue_dates
from .own_spaces import (
    column_spaces,
    date_goes_on,
    date_piece_spaces,
    is_layout_text,
    own_ideographic_spaces,
    timing_spaces,
)
from .spacing_evidence import (
    SPACED_MIN_LINE_SHARE,
    SPACED_MIN_LINES,
    SPACES_LOST_NOTE,
    gaps_doubled_by_spacing,
    gaps_widened,
    is_spaced_out,
    lines_of,
    own_spaces_lost,
    spaced_with_ideographic,
)

# Short lines (``事 後``) of a spaced-out document: fewer pieces suffice.
SPACED_SHORT_MIN_PIECES = 2
# The spacing is a space at every second character of the line (column gaps and leading space
# doubled with it) when this share of the lines (of three characters or more) show it: lines
# with digits among Japanese show it too, unless only Japanese characters were spaced.
SPACED_INTERLEAVED_SHARE = 0.9

# A despaced piece that repeats its first this many characters further on is two cells
# (``repeat_spaces``), unless the text before the repeat opens a range or a list (から, 及び).
REPEAT_MIN_CHARS = 6
_RANGE_OPEN = regex.compile(r"(?:から|より|及び|並びに|又は|～|〜)$")

# Over-printing: a repeated line (or a repeated tail of the line before) counts when it has at
# least this many characters and is no date or timing.  Bold text is a whole cell printed
# twice, so its copies come in runs (A A B B); a lone repeated line is as likely a before cell
# whose last line is the after cell's first.  The document must show at least this many runs
# of two copies in a row.
OVERPRINT_MIN_CHARS = 4
OVERPRINT_MIN_RUNS = 2
# Nor a line of Calc's pass 1 (a row's date, then its timing: ``2018/07/01 事前``): rows that
# share a date and a timing print equal lines one after another, no copies (branch pages51:
# four such rows read as one, the page's later rows given the next rows' dates, no flag).
_PASS_ONE_LINE = regex.compile(rf"^(?:{DATE.pattern})\s+事[前後](?:\s|$)")
# Copies as lines of their own are the trait of readers in content-stream order (pdftotext
# -raw, pypdfium2: under 3% of their lines blank in the office samples).  In the texts of
# readers that box text by position (plain pdftotext, pdfminer: 10-38% blank), two equal lines
# next to each other are two cells side by side (a before cell whose lines the after cell
# repeats: a new user's Calc table lost 92 characters to the collapse).  Those are left alone.
OVERPRINT_MAX_BLANK_SHARE = 0.05

_PIECES = regex.compile(r" +")
_ASCII_WORD = regex.compile(r"[A-Za-z0-9]{2,}")
# Two ASCII characters standing alone side by side (``2 0 2 3``, ``W i n``): Latin letters and
# digits were spaced out too, so wider gaps are spaced-out spaces (``despace_line``).
_SPACED_ASCII = regex.compile(r"(?:^| )[!-~] [!-~](?: |$)")
_SPACED_TIMING_END = regex.compile(r"事 ?[前後] *")
_DATE_END = regex.compile(rf"(?:^|\s)(?:{DATE.pattern})$")
_DATE_OPENING = regex.compile(rf"^\s*(?:{DATE.pattern})(?![0-9０-９])")
# A date a narrow 変更日 column tore after its year or month (``令和3年9`` / ``月1日``), glued by
# the despacing to the item that shared its line (``令和3年9Ⅱ特定個人情報…``): the item opens
# with a section numeral Ⅰ…Ⅵ, an attachment's label or 表紙 (as ``dates.DATE_THEN_ITEM``).
_ERA = "|".join(sorted(map(regex.escape, ERA_OFFSETS), key=len, reverse=True))
_SEPS = "".join(regex.escape(c) for c in DATE_SEPARATORS)
_TORN_DATE_THEN_ITEM = regex.compile(
    rf"^(\s*(?:(?:{_ERA})(?:元|[0-9０-９]{{1,2}})(?:年(?:[0-9０-９]{{1,2}}月?)?)?"
    rf"|[0-9０-９]{{4}}[{_SEPS}年](?:[0-9０-９]{{1,2}}[{_SEPS}月]?)?))"
    rf"(?={SECTION_NUMERAL_CLASS}|[（(]?別[紙添]|{COVER_LABEL_PATTERN})"
)
_NO_CELL_AFTER = regex.compile(r"[\sぁ-ゖ、。,.)）]")
_TIMING_OPENING = regex.compile(r"^(\s*事[前後])(?=[^\sぁ-ゖ、。])")
_TIMING_CLOSING = regex.compile(r"(?<=[^\s])(事[前後])\s*$")
# In a spaced-out document, a single space between two characters that are neither ASCII nor
# space was put there by the spacing (a line that mixes them is not itself "spaced out").
_JAPANESE_GAP = regex.compile(r"(?<=[^\x00-\x7f\s]) (?=[^\x00-\x7f\s])")
_ANY_SPACES = regex.compile(r"[ 　]+")
_NON_SPACE = regex.compile(r"[^\s　]+")


@dataclass(slots=True)
class TidyText:
    text: str
    notes: list[str] = field(default_factory=list)
    despaced_lines: int = 0
    overprinted_lines: int = 0
    collapsed: frozenset[str] = frozenset()  # the copies collapsed (collapsed_copies.py)
    # The section numerals of a text that typed some in letters (II, read as Ⅰ…Ⅵ): put back.
    ascii_numerals: tuple[NumeralPrinting, ...] = ()


def despace_line(line: str, gaps_doubled: bool = True) -> str:
    """The line without the spaces put between its characters.

    A single space goes; a space between two ASCII words of two or more letters stays, and so
    does one after a whole date or before 事前 / 事後 ending the line (cells of their own); a
    gap of n ≥ 2 spaces (a real space or a column gap) becomes max(1, (n - 1) // 2) spaces when
    ``gaps_doubled`` (spaced out itself), else stays as it was.  Leading and trailing space is
    kept as it was (layout text counts on it).
    """
    lead = line[: len(line) - len(line.lstrip(" "))]
    trail = line[len(line.rstrip(" ")) :]
    body = line.strip(" ")
    out: list[str] = []
    pos = 0
    for m in _PIECES.finditer(body):
        left = body[pos : m.start()]
        out.append(left)
        n = m.end() - m.start()
        if n >= 2:
            out.append(" " * (max(1, (n - 1) // 2) if gaps_doubled else n))
        else:
            right_end = body.find(" ", m.end())
            right = body[m.end() : right_end if right_end >= 0 else len(body)]
            if _ASCII_WORD.fullmatch(left) and _ASCII_WORD.fullmatch(right):
                out.append(" ")
            elif is_date_line(left) or (
                _SPACED_TIMING_END.fullmatch(body[m.end() :]) and "".join(out).strip()
            ):
                # A date piece, or 事前 / 事後 ending the line, is a cell of its own: the space
                # that stood beside it is kept (spaced out, it looks like the others).
                out.append(" ")
        pos = m.end()
    out.append(body[pos:])
    return lead + "".join(out) + trail


def _interleaved(line: str) -> str | None:
    """The line without the space at every second character when it has one there
    (``" ".join(original)``; a line after a form feed starts with that space), else None."""
    body = line.rstrip(" ")
    for start in (0, 1):
        part = body[start:]
        if len(part) >= 3 and not part[1::2].strip(" ") and not body[:start].strip(" "):
            return part[::2]
    return None


def despace_text(text: str) -> tuple[str, int]:
    """(text with its spaced-out lines despaced, how many lines were) when the document is
    spaced out; else the text unchanged and 0.

    A document spaced with ideographic spaces (``spaced_with_ideographic``) is read as if
    they were spaces (a space and an ideographic space side by side: two spaces), so the rules
    below undo it the same way.

    When (nearly) every line has a space at every second character, the
    whole text was spaced out a character at a time, spaces and column gaps included: each such
    line is its even characters (``line[::2]``), which restores a ``-layout`` text's column
    offsets exactly.  Otherwise a line whose digits or Latin letters are spaced out too
    (``2 0 2 3 / 2 / 6``) is despaced piece by piece (``despace_line``), and in every other
    line a single space between two Japanese characters goes (``join_japanese``: ``平 成30年``,
    column gaps kept)."""
    if "\u3000" in text and spaced_with_ideographic(text):
        text = text.replace("\u3000", " ")
    nonblank = spaced = 0
    for ln in lines_of(text):  # counted without a list of all lines: texts may be long
        if ln.strip():
            nonblank += 1
            spaced += is_spaced_out(ln)
    if spaced < SPACED_MIN_LINES or spaced < SPACED_MIN_LINE_SHARE * nonblank:
        return text, 0
    longer = interleaved = 0
    for ln in lines_of(text):
        for part in ln.split("\f"):
            if len(part.strip()) >= 3:
                longer += 1
                interleaved += _interleaved(part) is not None
    by_char = interleaved >= SPACED_INTERLEAVED_SHARE * longer
    if gaps_widened(text):
        # The text's own spaces are the runs of two or more (halved back); a single space is
        # the spacing's.
        out = [_PIECES.sub(lambda m: " " * (len(m.group()) // 2), ln) for ln in text.split("\n")]
        return "\n".join(out), sum(1 for a, b in zip(out, text.split("\n"), strict=True) if a != b)
    gaps_doubled = gaps_doubled_by_spacing(text)
    # Digits and Latin letters spaced out on several lines: every two characters were spaced,
    # not only Japanese ones, so a line with no spaced-out ASCII of its own (令 和 5 年) is
    # despaced piece by piece as well.
    ascii_spaced = sum(1 for ln in lines_of(text) if _SPACED_ASCII.search(ln)) >= SPACED_MIN_LINES
    lost = own_spaces_lost(text)
    count = 0
    out = []
    for ln in text.split("\n"):
        # Form feeds stay where they are: they are page breaks, not spaces.
        parts = [_despace_part(part, by_char, gaps_doubled, ascii_spaced) for part in ln.split("\f")]
        count += any(changed for _, changed in parts)
        out.append(
            "\f".join(_glued_cells_parted(part) if lost and changed else part for part, changed in parts)
        )
    if lost and not by_char and is_layout_text(out):
        out = column_spaces(text.split("\n"), out)
    return "\n".join(out), count


def _glued_cells_parted(line: str) -> str:
    """A despaced line whose own spaces were lost with the spaces back between the cells it
    glued that their text tells apart (``repeat_spaces``, ``glued_cells``)."""
    return marked_spaces(paired_spaces(repeat_spaces(timing_spaces(date_piece_spaces(line)))))


def repeat_spaces(line: str) -> str:
    """A despaced line whose own spaces were lost (``own_spaces_lost``), with a space put back
    before a run that repeats the opening of its piece (``REPEAT_MIN_CHARS`` or more):
    ``国民健康保険情報ファイル国民健康保険情報ファイル`` → two pieces.  An after cell is most often its
    before cell amended, and pypdfium2 / ``pdftotext -raw`` print the two side by side on one
    line (a cell's own line seldom repeats its opening)."""
    out: list[str] = []
    for piece in line.split(" "):
        k = (
            piece.find(piece[:REPEAT_MIN_CHARS], REPEAT_MIN_CHARS)
            if len(piece) >= 2 * REPEAT_MIN_CHARS
            else -1
        )
        if k > 0 and _RANGE_OPEN.search(piece[:k]):
            k = -1  # 令和元年6月1日から令和元年6月30日まで: one period, its two ends alike
        out.append(piece if k < 0 else piece[:k] + " " + piece[k:])
    return " ".join(out)


def _despace_part(
    part: str,
    by_char: bool,
    gaps_doubled: bool = True,
    ascii_spaced: bool = False,
) -> tuple[str, bool]:
    """One line (or the piece of it between form feeds) of a spaced-out document, despaced;
    and whether it changed.  ``by_char``: the document was spaced a character at a time;
    ``gaps_doubled``: its gaps were spaced out too (``gaps_doubled_by_spacing``); ``ascii_spaced``: its
    digits and Latin letters were spaced out too, on several lines."""
    if by_char:
        even = _interleaved(part)
        if even is not None:
            return cell_spaces(even), True
    if is_spaced_out(part, SPACED_SHORT_MIN_PIECES) and (
        _SPACED_ASCII.search(part) or (ascii_spaced and not gaps_doubled)
    ):
        # Latin letters and digits spaced out too
        return cell_spaces(despace_line(part, gaps_doubled)), True
    joined = cell_spaces(own_ideographic_spaces(join_japanese(part)))
    return joined, joined != part


def cell_spaces(line: str) -> str:
    """A despaced line with the space back between cells that stand apart on a line of their
    own kind: after a whole date opening the line, after 事前 / 事後 opening it and before 事前 /
    事後 ending it, where the spacing left them glued to the next cell's text
    (``令和5年4月1日Ⅰ基本情報``, ``事後システム機能の追加``); after a date torn by its column
    (``令和3年9``) where an item opens next (``_TORN_DATE_THEN_ITEM``).  Not before hiragana: a
    date or 事前 opening a sentence goes on with a particle (``令和5年4月1日から``, ``事前に申請``)."""
    line = label_spaces(line)
    m = _DATE_OPENING.match(line)
    if m and m.end() < len(line):
        rest = line[m.end() :]
        if not _NO_CELL_AFTER.match(rest) and not date_goes_on(line[: m.end()], rest, _DATE_END):
            rest = " " + rest
        # the date's row's timing may follow it, glued to the item (``2019/4/1 事前Ⅰ関連情報``)
        body = rest.lstrip(" ")
        line = line[: m.end()] + rest[: len(rest) - len(body)] + _TIMING_OPENING.sub(r"\1 ", body, count=1)
    elif torn := _TORN_DATE_THEN_ITEM.match(line):
        line = torn.group(1) + " " + line[torn.end(1) :]
    line = _TIMING_OPENING.sub(r"\1 ", line, count=1)
    return _TIMING_CLOSING.sub(r" \1", line, count=1)


def label_spaces(line: str) -> str:
    """A despaced column-label row with the spaces back between its labels
    (``変更日項目変更前の記載…`` → ``変更日 項目 変更前の記載 …``: the spacing put one between
    every two characters, so the labels' own went with it).  Each space-separated piece that
    is a run of label pieces (``vocabulary.LABEL_PIECES``, the fewest that make it up) is split
    into them; the line changes only when it then is a label row (``vocabulary.is_header_line``).
    A line holding a character no label has is left at once (every despaced line comes here)."""
    if not LABEL_CHARS.issuperset("".join(line.split())):
        return line
    out: list[str] = []
    pos = 0
    for m in _NON_SPACE.finditer(line):
        run = _label_run(m.group())
        if run is None:
            return line
        out.append(line[pos : m.start()] + " ".join(run))
        pos = m.end()
    spaced = "".join(out) + line[pos:]
    return spaced if spaced != line and is_header_line(spaced) else line


def _label_run(text: str) -> list[str] | None:
    """``text`` cut into the fewest label pieces that make it up, or None."""
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(end):
            head = best[start]
            if head is not None and text[start:end] in LABEL_PIECES:
                if best[end] is None or len(head) + 1 < len(best[end] or ()):
                    best[end] = [*head, text[start:end]]
    return best[len(text)]


def join_japanese(line: str) -> str:
    """The line without the single spaces between two Japanese characters (``特 定 個 人`` →
    ``特定個人``), gaps of two or more spaces kept as they are (column gaps of ``-layout`` text),
    and the space kept after a whole date and before 事前 / 事後 ending the line (cells of their
    own, whose space the spacing made look like the others).  Not after a date that a particle
    goes on from (``令和元年 6 月 1 日 から…``: a period, one cell)."""
    out: list[str] = []
    pos = 0
    for m in _JAPANESE_GAP.finditer(line):
        out.append(line[pos : m.start()])
        pos = m.end()
        before = "".join(out)
        after = line[m.end() :]
        if _SPACED_TIMING_END.fullmatch(after) or (
            _DATE_END.search(before)
            and not _NO_CELL_AFTER.match(after)
            and not date_goes_on(before, after, _DATE_END)
        ):
            out.append(" ")
    out.append(line[pos:])
    return "".join(out)


def _countable(copy: str) -> bool:
    t = copy.strip()
    return (
        len(t) >= OVERPRINT_MIN_CHARS
        and not is_date_line(t)
        and not TIMING.match(t)
        and not _PASS_ONE_LINE.match(t)
    )


def _repeated_head(prev: str, cur: str) -> str | None:
    """The part of ``cur`` that repeats ``prev`` or a space-separated tail of it, if any."""
    p = prev.strip()
    c = cur.strip()
    tails = [p] + [p[m.end() :] for m in _ANY_SPACES.finditer(p)]
    for tail in tails:  # longest first
        if not _countable(tail):
            continue
        if c == tail or (c.startswith(tail) and c[len(tail) : len(tail) + 1] in (" ", "　")):
            return tail
    return None


def collapse_overprint(text: str) -> tuple[str, int]:
    """(text with over-printed copies removed, how many lines lost a copy).

    Only lines next to each other (no blank line between) are compared: extractors that box
    cells separate the boxes by blank lines, and two equal cells of one column are no copy.
    A text with more than ``OVERPRINT_MAX_BLANK_SHARE`` of its lines blank is boxed text and is
    never collapsed.
    """
    all_lines = text.split("\n")
    if sum(1 for ln in all_lines if not ln.strip()) > OVERPRINT_MAX_BLANK_SHARE * len(all_lines):
        return text, 0
    found: list[tuple[int, str]] = []
    prev = ""
    for k, cur in enumerate(lines_of(text)):
        if k and prev.strip() and cur.strip() and "\f" not in cur and "\f" not in prev:
            head = _repeated_head(prev, cur)
            if head is not None:
                found.append((k, head))
        prev = cur
    if not found:
        return text, 0
    lines = text.split("\n")
    # Two columns side by side whose lines repeat each other half a line apart (a before and an
    # after cell that open alike, in pdftotext's reading order) give A / A B / B C / C D: each
    # line repeats the tail of the one before and is repeated in turn.  That is no copy.
    heads = dict(found)
    stagger = set()
    for k, head in found:
        rest = lines[k].strip()[len(head) :].strip()
        if rest and heads.get(k + 1) == rest:
            stagger |= {k, k + 1}
    found = [(k, h) for k, h in found if k not in stagger]
    copies = {k for k, _ in found}
    runs = sum(1 for k in copies if k + 2 in copies)
    if runs < OVERPRINT_MIN_RUNS:
        return text, 0
    drop: set[int] = set()
    for k, head in found:
        rest = lines[k].strip()[len(head) :].strip()
        if rest:
            lines[k] = rest
        else:
            drop.add(k)
    return "\n".join(ln for k, ln in enumerate(lines) if k not in drop), len(found)


# Font-run spaces: pdftotext and pypdfium2 put a space wherever the font changes within a line;
# LibreOffice Writer sets digits and the numerals Ⅰ…Ⅵ, ①…⑳ in another font than the Japanese
# around them (``平成 28 年 8 月 25 日``, ``Ⅰ 関連情報``, ``① 部署``).  A document shows it when at
# least FONT_RUN_MIN_SPACED short digit runs stand between Japanese characters with a space on
# both sides, and at most FONT_RUN_MAX_UNSPACED_SHARE of such runs stand without (a document
# that prints 令和5年4月1日 as such has no font-run spaces).
FONT_RUN_MIN_SPACED = 3
FONT_RUN_MAX_UNSPACED_SHARE = 0.25
# Texts of boxes parted by blank lines (pdfminer, plain pdftotext: 10-38% of their lines blank
# in the office samples; pdftotext -raw and pypdfium2 under 3%) keep their spaces: their readers
# pair boxes by columns, and there a space may part two boxes of one baseline (tried on them:
# no tuning text gained, and a held-out set lost cells).
FONT_RUN_MAX_BLANK_SHARE = 0.05
_JA = r"\p{Han}\p{Hiragana}\p{Katakana}ー々〆"
_SPACED_RUN = regex.compile(rf"(?<=[{_JA}]) [0-9]{{1,4}} (?=[{_JA}])")
_UNSPACED_RUN = regex.compile(rf"(?<=[{_JA}])[0-9]{{1,4}}(?=[{_JA}])")
# Half-width digits only: full-width ones are set in the Japanese font.
# A short digit run (no other digit, letter or number punctuation beside it) with a space on a
# side that faces a Japanese character or the line's end: the spaces there go.
_DIGIT_RUN = regex.compile(r"(?<![0-9A-Za-z.,:/\-－])[0-9]{1,4}(?![0-9A-Za-z.,:/\-－])")
_NUMERAL_SPACE = regex.compile(rf"(?:^|(?<= ))([ⅠⅡⅢⅣⅤⅥ\u2460-\u2473]) (?=[{_JA}])")
_JA_CHAR = regex.compile(rf"[{_JA}]")


def has_font_run_spaces(text: str) -> bool:
    """Whether the document puts font-run spaces around its digits (see FONT_RUN_MIN_SPACED)."""
    spaced = len(_SPACED_RUN.findall(text))
    unspaced = len(_UNSPACED_RUN.findall(text))
    return spaced >= FONT_RUN_MIN_SPACED and unspaced <= FONT_RUN_MAX_UNSPACED_SHARE * spaced


def _join_runs_in_line(line: str) -> str:
    line = _NUMERAL_SPACE.sub(r"\1", line)
    out: list[str] = []
    pos = 0
    for m in _DIGIT_RUN.finditer(line):
        a, b = m.start(), m.end()
        left = line[pos:a]
        # The space before the run goes when a Japanese character (or the line's start) is
        # before it; the space after, when a Japanese character (or the line's end) is after.
        if left.endswith(" ") and (len(left) == 1 or _JA_CHAR.match(left[-2])):
            left = left[:-1]
        out.append(left)
        out.append(m.group())
        pos = b
        rest = line[b:]
        if rest.startswith(" ") and (len(rest) == 1 or _JA_CHAR.match(rest[1])):
            pos = b + 1
    out.append(line[pos:])
    return "".join(out)


# Font-run line breaks: pypdfium2 may also end a line where Writer's digit run (set in another
# font) begins or ends, so ``令和5年6月1日`` comes out as 令和 / 5 / 年 / 6 / 月 / 1 / 日 and
# ``年1回、…`` as 年 / 1 回、….  A document shows it when at least DIGIT_LINE_MIN lines are a short
# digit run alone between lines that end and begin with a Japanese character.
DIGIT_LINE_MIN = 2
_DIGITS_ALONE = regex.compile(r"^[0-9]{1,4}$")
_DIGITS_LEAD = regex.compile(rf"^[0-9]{{1,4}} (?=[{_JA}])")
_ENDS_DIGITS_SPACED = regex.compile(rf"[{_JA}] [0-9]{{1,4}}$")
_COUNTER_ALONE = regex.compile(rf"^[{_JA}]{{1,2}}$")
# Dates are left alone: a date wrapped in a narrow column gives the same lines (令和 / 3 / 年 /
# 1 / 月), and the date readers put it together with what the extractor printed beside it.
_DATE_BEFORE = regex.compile(r"(?:年|月|日|令和|平成|昭和)$")
_DATE_AFTER = regex.compile(r"^(?:年|月|日)")


def _ends_ja(line: str) -> bool:
    return bool(line) and bool(_JA_CHAR.match(line[-1]))


def _starts_ja(line: str) -> bool:
    return bool(line) and bool(_JA_CHAR.match(line[0]))


def _alone_between(prev: str, line: str, nxt: str) -> bool:
    """A digit run alone on ``line`` between a Japanese line end and start, not in a date."""
    return (
        bool(_DIGITS_ALONE.match(line))
        and _ends_ja(prev)
        and _starts_ja(nxt)
        and not _DATE_BEFORE.search(prev)
        and not _DATE_AFTER.match(nxt)
    )


def join_digit_lines(text: str) -> tuple[str, int]:
    """(text with font-run line breaks around short digit runs undone, how many lines joined)
    when the document shows them (``DIGIT_LINE_MIN``); else unchanged, 0.  Joined: a digit run
    alone on a line, with the lines before and after it when they end and begin with a Japanese
    character; a line led by a digit run and a font-run space, with the line before it (at a
    real wrap before a digit run this joins two lines of one cell, which the rejoin would); a counter
    (``日``) alone after a line ending in a spaced digit run.  The font-run spaces stay (taking
    them out here lost cells of a new user's table: the readers part one-line cells at spaces);
    ``join_font_runs`` takes them out where the document shows them.  Page numbers stand beside
    no Japanese line end (a 。, a title's （)."""
    lines = text.split("\n")
    alone = sum(1 for k in range(1, len(lines) - 1) if _alone_between(lines[k - 1], lines[k], lines[k + 1]))
    if alone < DIGIT_LINE_MIN:
        return text, 0
    out: list[str] = []
    joined = 0
    k = 0
    while k < len(lines):
        ln = lines[k]
        prev = out[-1] if out else ""
        if k + 1 < len(lines) and _alone_between(prev, ln, lines[k + 1]):
            out[-1] = prev + ln + lines[k + 1]
            joined += 2
            k += 2
            continue
        if (_DIGITS_LEAD.match(ln) and _ends_ja(prev)) or (
            _COUNTER_ALONE.match(ln) and _ENDS_DIGITS_SPACED.search(prev) and not _DATE_AFTER.match(ln)
        ):
            out[-1] = prev + ln
            joined += 1
            k += 1
            continue
        out.append(ln)
        k += 1
    return "\n".join(out), joined


def join_font_runs(text: str) -> tuple[str, int]:
    """(text with font-run spaces around short digit runs and after Ⅰ…Ⅵ, ①…⑳ removed, how many
    lines changed) when the document shows them (``has_font_run_spaces``); else unchanged, 0.
    Only for flattened text without column offsets: a ``-layout`` text's spaces are positions."""
    lines = text.split("\n")
    blank = sum(1 for ln in lines if not ln.strip())
    if blank > FONT_RUN_MAX_BLANK_SHARE * len(lines) or not has_font_run_spaces(text):
        return text, 0
    count = 0
    out = []
    for ln in lines:
        new = "\f".join(_join_runs_in_line(part) for part in ln.split("\f"))
        count += new != ln
        out.append(new)
    return "\n".join(out), count


def tidy_text(text: str) -> TidyText:
    """Despace spaced-out text, remove over-printed copies, read section numerals typed in ASCII
    letters (``ascii_numerals``), cut the document's close after the table (its 以上, date and
    signature: ``body_tail``) and drop the closing mark 以上 after the table (``closing_mark``); a
    note for each repair made."""
    out = TidyText(text)
    spaced = out.text
    out.text, out.despaced_lines = despace_text(out.text)
    if out.despaced_lines:
        out.notes.append(
            f"{out.despaced_lines} lines printed with a space between every character were despaced"
        )
        if own_spaces_lost(spaced):
            out.notes.append(SPACES_LOST_NOTE)
    pre = out.text
    out.text, out.overprinted_lines = collapse_overprint(pre)
    if out.overprinted_lines:
        out.notes.append(COLLAPSED_NOTE.format(n=out.overprinted_lines))
        out.collapsed = collapsed_heads(pre, out.text)  # the rows holding one are flagged
    out.text, out.ascii_numerals, numerals = read_section_numerals(out.text)
    if numerals:
        out.notes.append(NUMERALS_NOTE.format(n=numerals))
    out.text, _ = unglue_dates(out.text)
    out.text, notes, closed = cut_body_tail(out.text)
    out.text, more = cut_pass_one_close(out.text)
    out.notes.extend(after_table_note(n) for n in notes + more)
    out.notes.extend([CLOSING_NOTE] if closed else [])
    out.text, notes = drop_pass_one_notes(out.text)
    out.notes.extend(after_table_note(n) for n in notes)
    out.text, closed = drop_closing_mark(out.text)
    if closed:
        out.notes.append(CLOSING_NOTE)
    return out
