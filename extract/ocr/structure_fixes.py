"""OCR corrections of the form's structure, not of its words: paragraph numbering (a circled
number that did not read, a bracket read into a circle, numberings in two widths), the bracketed
titles ＜…における措置＞, the placeholder ○○ read as OO, a date's digits in two widths.

Each rule restores what the form's own layout implies, never a word guessed from the sample
texts; the dictionary-checked corrections of words are in ``corrections``.
"""

from __future__ import annotations

import itertools

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.normalize.chars import CIRCLED, starts_paragraph

from .number_widths import document_width
from .rewrites import rewrite_lines

# A run of the Latin letter O (or the kanji zero) standing among Japanese text: the form's
# placeholder ○○ (○○市, ○○システム), which tesseract reads as OO, ＯＯ or 〇〇.  A Latin word
# never sits between two Japanese characters as a bare run of O's.
_PLACEHOLDER_RUN = regex.compile(
    r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])(?:[OＯ〇]{2,}(?=[\p{Han}\p{Katakana}\p{Hiragana}])"
    r"|[OＯ〇](?=○)|(?<=○)[OＯ〇](?![A-Za-zＡ-Ｚａ-ｚ0-9０-９]))"
)


def fix_placeholder_run(line: str) -> str:
    """``OO市``/``ＯＯ株式会社`` (two or more O's, not part of a Latin word, before a Japanese
    character), and an O beside a ○ (``Ｏ○市``) → the placeholder ``○○市``.  Not inside a
    bracket pair holding marks alone: that is a check box (``[○O]`` is one ○ read twice, see
    ``fix_check_boxes``), not a placeholder."""
    boxes = [m.span() for m in _MARK_BOX.finditer(line)]

    def mend(m: regex.Match) -> str:
        if any(a <= m.start() and m.end() <= b for a, b in boxes):
            return m.group(0)
        return "○" * len(m.group(0))

    return _PLACEHOLDER_RUN.sub(mend, line)


# The forms' check boxes in a list of choices (``[○]紙``, ``[ ]連絡先（電話番号等）``,
# ``[○]個人番号 [○]その他識別情報``, ``[ ○ ]　本人から``): a square bracket pair holding one mark
# or none, before the choice's label.  What tesseract makes of the one ○: O, 0, Ｏ, ０, o, ｏ, 〇,
# or the mark read twice (○○, OO, ○O) — at most CHECK_MARK_MAX_READ characters; Q, a ○ with a
# speck on its rim (a grey photocopy's ``[QO]提供を行っている``: set XVIII's C, unwarned).
CHECK_MARK_MAX_READ = 2
_MARK_READS = "○〇OoＯｏ0０QＱ"
_MARK_BOX = regex.compile(rf"[\[［][ 　]*[{_MARK_READS}]+[ 　]*[\]］]")
_CHECK_BOX = regex.compile(
    # Not an index of a Latin name or number (a[0], x1[o]); the label a Japanese word or （.
    # Its ] may read as a letter or a bar (``[Oj紙``, ``[O|その他``) when a mark was read.
    rf"(?<![A-Za-z0-9_\]])([\[［])([ 　]*)([{_MARK_READS}]{{1,{CHECK_MARK_MAX_READ}}}|)([ 　]*)"
    r"([\]］]|[jJIlＩｌ|｜)）])"
    r"(?=[ 　]*[\p{Han}\p{Katakana}\p{Hiragana}（(]|[0-9０-９]\p{Han})"
)
# A box whose [ read as a letter or a bar after a label's colon or the label itself (識別情報：IO1個人番号,
# ：IO], 識別情報I○1個人番号: set X's W3, 200 dpi Writer),
# or as 【 opening a line with its ] lost (【O電子記録媒体): session 47's new users' scans.
_BAR_BOX = regex.compile(
    r"(?:(?<=[：:。\p{Han}\p{Katakana}\p{Hiragana}][ 　]*)[IlＩｌ|｜]([OＯ○〇]{1,2})[\]］1１IlＩｌ|｜]"
    r"|^[ 　]*【([OＯ○〇])[\]］]?)"
    r"(?=[\p{Han}\p{Katakana}\p{Hiragana}]|[0-9０-９]\p{Han})"
)


def fix_check_boxes(line: str) -> str:
    """Each check box of a list of choices written as the forms print it: one ○ for what OCR read
    of the mark (``[O]紙``, ``[0]``, ``[〇]``, ``[○○]``, ``[OO]`` → ``[○]``), ``[ ]`` for a box read
    empty without its space (``[]連絡先``); the brackets and the spaces inside as read
    (``[ ○ ]`` stays spaced), a ] read as a letter or a bar (``[Oj``) after a mark put right.
    Only a bracket pair holding marks alone before a Japanese label: a choice's words
    (``[ 10人未満 ]``) or an index (``a[0]``) are not a box."""

    def mend(m: regex.Match) -> str:
        opening, pad, mark, tail, closing = m.groups()
        if closing not in "]］":
            if not mark:
                return m.group(0)
            closing = "]" if opening == "[" else "］"
        if not mark:
            return m.group(0) if pad or tail else opening + " " + closing
        return opening + pad + "○" + tail + closing

    line = _BAR_BOX.sub(lambda m: m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())] + "[○]", line)
    return _CHECK_BOX.sub(mend, line)


# A document writes its placeholder in one length (○○市, ○○システム): a run of ○ of another length
# (○市, ○○○市), or one with a character read beside it instead of a ○ (○の情報, O→○シス), is put
# in the document's length.  The length is the one PLACEHOLDER_MAJORITY of the document's runs of
# two or more ○ have (at least PLACEHOLDER_MIN of them); with fewer, the forms' own ○○
# (FORM_PLACEHOLDER: every one of the samples' 1,100 placeholders) when the document has a ○○ at
# all.  A lone ○ stands before a word only as a misread placeholder (the check mark is printed
# [○] or [ ○ ]); a run longer than the document's needs the same words after a run of the
# document's length elsewhere, or a municipality's 市/町/村 after it.
PLACEHOLDER_MIN = 3
PLACEHOLDER_MAJORITY = 0.6
FORM_PLACEHOLDER = 2
# Characters tesseract reads in place of a ○ beside another (measured on the generated scans).
_CIRCLE_MISREADS = "のOＯ0０→ごo"
_RUN = regex.compile(rf"[{_CIRCLE_MISREADS}]{{0,2}}○(?:[{_CIRCLE_MISREADS}]?○)*[{_CIRCLE_MISREADS}]?")
_TEXT_COLUMNS = ("item", "before", "after", "explanation")
_WORD = regex.compile(r"[\p{Han}\p{Katakana}\p{Hiragana}]")
# The kinds of municipality a placeholder names (○○市総務部 and ○○市本町 are one placeholder).
_MUNICIPALITY = "市町村区都道府県"


def _mend_run(m: regex.Match, text: str, usual: int, seen: set[str]) -> str:
    """A placeholder run (with the misreads in and beside it) in the document's length
    ``usual``; a check mark, and a run not before a word, stay."""
    run = m.group(0)
    circles = run.count("○")
    if circles >= usual:
        # Misreads beside a run already long enough are words of their own (○○の…).
        run = run.strip(_CIRCLE_MISREADS)
        start, end = m.start() + m.group(0).index(run), m.start() + m.group(0).index(run) + len(run)
    else:
        start, end = m.start(), m.end()
    after = text[end : end + 2]
    checked = (start > 0 and text[start - 1] in "[［") or after[:1] in "]］"
    if run == "○" * usual or checked or not _WORD.match(after[:1]):
        return m.group(0)
    if circles > usual and after not in seen and after[:1] not in _MUNICIPALITY:
        return m.group(0)
    return m.group(0).replace(run, "○" * usual, 1)


def even_placeholders(rows: list[RawRow]) -> int:
    """Placeholder runs (○○) put in the document's own length (see PLACEHOLDER_MIN).  The
    number of lines changed; rows changed are flagged ``ocr_corrected``."""
    lengths: dict[int, int] = {}
    contexts: dict[int, set[str]] = {}
    for row in rows:
        for column in _TEXT_COLUMNS:
            for cl in row.cells.get(column) or []:
                for m in regex.finditer(r"(?<![\[［])○{2,}(?![\]］])", cl.text):
                    n = len(m.group(0))
                    lengths[n] = lengths.get(n, 0) + 1
                    contexts.setdefault(n, set()).add(cl.text[m.end() : m.end() + 2])
    total = sum(lengths.values())
    if not total:
        return 0
    usual = max(lengths, key=lambda n: lengths[n])
    if total < PLACEHOLDER_MIN:
        usual = FORM_PLACEHOLDER if FORM_PLACEHOLDER in lengths else 0
    elif lengths[usual] < PLACEHOLDER_MAJORITY * total:
        return 0
    if not usual:
        return 0
    seen = {c for c in contexts.get(usual, set()) if len(c) == 2}
    changed = 0
    for row in rows:
        for column in _TEXT_COLUMNS:
            lines = row.cells.get(column) or []
            texts = [_RUN.sub(lambda m, t=cl.text: _mend_run(m, t, usual, seen), cl.text) for cl in lines]
            changed += rewrite_lines(row, lines, texts)
    return changed


# A paragraph of a before/after cell starts after a line that ends a sentence (or a bracket).
_ENDS_PARAGRAPH = regex.compile(r"[。）)＞>」]\s*$")
_OPENS_MARKED = regex.compile(r"^\s*[（(]?[①-⑳]")


def restore_circled_gaps(lines: list[str]) -> list[str]:
    """A cell's lines with a circled number that did not read at all put back: where the cell
    numbers its paragraphs ① ② … and one number is missing between two that read (② … ④), and
    exactly one line between them opens a paragraph (the line before it ends a sentence) without
    a mark of its own, that line gets the missing number (lines of one character, specks, aside).
    Nothing is guessed at the ends of the count or where two lines could take it."""
    firsts = [line.lstrip()[:1] for line in lines]
    spots = [(j, ch) for j, ch in enumerate(firsts) if ch and ch in CIRCLED[:20]]
    if len(spots) < 2:
        return lines
    out = list(lines)
    # A line of one character is a speck (提 between two paragraphs), no paragraph's line: the
    # line before a paragraph is the last longer one.
    prev = [max((i for i in range(j) if len(lines[i].strip()) > 1), default=0) for j in range(len(lines))]
    for (j0, a), (j1, b) in itertools.pairwise(spots):
        if CIRCLED.index(b) - CIRCLED.index(a) != 2 or j1 - j0 < 2:
            continue
        candidates = [
            j
            for j in range(j0 + 1, j1)
            if _ENDS_PARAGRAPH.search(lines[prev[j]])
            and len(lines[j].strip()) > 1
            and not starts_paragraph(lines[j].lstrip())
            and not _OPENS_MARKED.match(lines[j])
        ]
        if len(candidates) == 1:
            j = candidates[0]
            stripped = lines[j].lstrip()
            out[j] = lines[j][: len(lines[j]) - len(stripped)] + CIRCLED[CIRCLED.index(a) + 1] + stripped
    return out


def drop_stray_open_bracket(lines: list[str]) -> list[str]:
    """``（②…`` opening a line, where the cell's paragraphs are numbered ① ② … and no bracket
    closes before the next numbered line: tesseract read a bracket into the circle's edge."""
    out = list(lines)
    for j, line in enumerate(lines):
        m = regex.match(r"^(\s*)[（(](?=[①-⑳])", line)
        if not m:
            continue
        rest = [line[m.end() :]]
        for later in lines[j + 1 :]:
            if _OPENS_MARKED.match(later) or starts_paragraph(later.lstrip()):
                break
            rest.append(later)
        if not regex.search(r"[）)]", "".join(rest)):
            out[j] = m.group(1) + line[m.end() :]
    return out


# A check box line of a choices list as fix_check_boxes writes it ([○]紙, [ ]専用線).
_BOX_LINE = regex.compile(r"^\s*[\[［][ 　]*○?[ 　]*[\]］]")
# At most this many characters make a speck line between two box lines.
BOX_SPECK_MAX = 3


def drop_box_specks(lines: list[str], wraps: list[bool | None]) -> list[str]:
    """A cell's lines with the specks OCR reads between two check box lines emptied: the
    brackets of two boxes printed close above each other read as a line of their own (``[○]紙`` /
    ``層`` / ``[○]その他``).  Only a line of at most BOX_SPECK_MAX characters, no bracket among
    them, right after a box line that stops short of the cell's edge (``wraps`` not True) and
    leaves no bracket open, and right before another box line: a choice's label wrapped on to
    the next line (``[ ]連絡先（電話番号`` / ``等）``) follows a line that reaches the edge or
    leaves its bracket open."""
    out = list(lines)
    for k in range(1, len(lines) - 1):
        text = regex.sub(r"\s", "", lines[k])
        prev = lines[k - 1]
        if (
            0 < len(text) <= BOX_SPECK_MAX
            and not regex.search(r"[\[\]［］（）()｢｣「」]", text)
            and _BOX_LINE.match(prev)
            and _BOX_LINE.match(lines[k + 1])
            and wraps[k - 1] is not True
            and prev.count("（") + prev.count("(") <= prev.count("）") + prev.count(")")
        ):
            out[k] = ""
    return out


# The form's answer written in square brackets as a cell of its own ([ 十分に行っている ],
# [ 10人未満 ]), its brackets misread: [ as 「 or ［, ] as １, |, l or lost.
_CHOICE = regex.compile(
    r"^(\s*)(?:[\[［](?=.*[\]］１1|｜lI]?\s*$)|「(?=.*[\]］１1|｜lI]\s*$))\s*"
    r"([^\[\]［］「」（）()]{1,30}?[\p{Han}\p{Hiragana}\p{Katakana}])\s*[\]］１1|｜lI]?(\s*)$"
)


def restore_choice_brackets(lines: list[str]) -> list[str]:
    """A cell that is one bracketed answer of the form ([ 十分に行っている ]) with its brackets
    misread (「十分に行っている１, [10人未満) written with its square brackets; so is a cell's first
    line with a note after it (「十分である１ / 上記を新規追加) when both brackets were read, the
    closing one misread (a lost one may be a line that wraps); so is an answer wrapped over all
    of the cell's lines, opening with a square bracket, whose last closes with the misread one."""
    if not lines or regex.match(r"^\s*[\[［].*[\]］]\s*$", lines[0]):
        return lines
    m = _CHOICE.match(lines[0])
    if len(lines) > 1 and not regex.search(r"[１1|｜lI]\s*$", lines[0]):
        # The answer wrapped over the cell's lines in a narrow column ([特に力 / を入れて / る１).
        whole = "".join(line.strip() for line in lines)
        # Only from a square bracket read as one: 「十分 / である１ may be a quote that wraps.
        if whole[:1] in "[［" and _CHOICE.match(whole) and regex.search(r"[１1|｜lI]\s*$", lines[-1]):
            first = regex.sub(r"^(\s*)[\[［]\s*", r"\1[", lines[0])
            return [first, *lines[1:-1], regex.sub(r"\s*[１1|｜lI](\s*)$", r"]\1", lines[-1])]
    if m is None or (len(lines) > 1 and not regex.search(r"[１1|｜lI]\s*$", lines[0])):
        return lines
    return [m.group(1) + "[" + m.group(2) + "]" + m.group(3), *lines[1:]]


# The form's ticked answer box [○] opening a line (｢[○]紙｣, ｢[○]専用線｣), as tesseract reads it:
# IOI, IO1, IO], ○|, ○], ○1], [○ … (its brackets as I, l, 1, | or lost, its ○ as O or 0; the
# brackets put in full width by the widths step, ＩＯ１, or the mark read twice, IO○1: set VIII's c6).
_TICKED_BOX = regex.compile(
    r"^(\s*)(?:[\[［|｜Il1Ｉ１]\s*[○〇OoＯ0]{1,2}\s*[1lI|｜]?\s*[\]］|｜Il1Ｉ１]|[○〇]\s*[1lI|｜]?\s*[\]］|｜]|[\[［]\s*[○〇])"
    r"\s*(?=[\p{Han}\p{Katakana}\p{Hiragana}])"
)


def restore_ticked_box(line: str) -> str:
    """A line opening with the form's ticked answer box misread (IOI紙, ○|専用線, IO]庁内連携システム)
    written ``[○]``.  Digits alone (101号室) are a number, not a box."""
    m = _TICKED_BOX.match(line)
    box = regex.sub(r"\s", "", m.group(0)) if m else ""
    if not m or box.isdigit() or box in ("[○]", "［○］", "[〇]"):
        return line
    return m.group(1) + "[○]" + line[m.end() :]


# A bracketed title of the form (＜中間サーバーにおける措置＞) whose ＜ did not read, as a whole line.
_WHOLE_TITLE = regex.compile(r"^(\s*)(?=[^<＜>＞\s]{2,30}における措置[>＞]\s*$)")


def restore_title_bracket(line: str) -> str:
    """A line that is a whole bracketed title of the form closing with ＞ (…における措置＞) gets
    the ＜ that did not read."""
    return _WHOLE_TITLE.sub(lambda m: m.group(1) + "＜", line, count=1)


_DIGIT_WIDTHS = str.maketrans("0123456789", "０１２３４５６７８９")
_DIGIT_NARROW = str.maketrans("０１２３４５６７８９", "0123456789")


def even_date_digits(text: str) -> str:
    """A date cell's digits in one width: a date is printed in one font and width (平成31年4月1日,
    令和３年４月１日), so a digit read in the other width than most of its fellows takes theirs."""
    full = sum(1 for ch in text if "０" <= ch <= "９")
    half = sum(1 for ch in text if "0" <= ch <= "9")
    if not full or not half or full == half:
        return text
    return text.translate(_DIGIT_WIDTHS if full > half else _DIGIT_NARROW)


# A date in running text (平成31年4月1日, 令和元年6月30日): era or year, month and day.
_RUNNING_DATE = regex.compile(
    r"(?:令和|平成|昭和)?(?:[0-9０-９]{1,4}|元)年[0-9０-９]{1,2}月[0-9０-９]{1,2}日"
)
_DIGIT_RUN = regex.compile(r"[0-9０-９]+")


def even_running_dates(text: str) -> str:
    """Each date in running text with its digits in one width: a date is typed in one width, and
    a run of two or more digits is measured by its own pitch (``widths.normalize_widths``)
    while a lone digit between kanji is not (LibreOffice sets white round half-width digits):
    ``平成31年４月１日`` → ``平成31年4月1日``.  The date's runs of two or more digits decide when
    they agree, else a strict majority of its digits, else the runs of two or more digits of the
    text's other dates when they agree; a date that cannot tell is left alone, and so is a date
    read in one width."""

    def runs_width(date: str) -> set[bool]:
        return {_is_full(r) for r in _DIGIT_RUN.findall(date) if len(r) >= 2}

    texts = set()
    for m in _RUNNING_DATE.finditer(text):
        texts |= runs_width(m.group(0))

    def even(m: regex.Match) -> str:
        date = m.group(0)
        f = sum(1 for ch in date if "０" <= ch <= "９")
        h = sum(1 for ch in date if "0" <= ch <= "9")
        if not f or not h:
            return date
        widths = runs_width(date)
        if len(widths) == 1:
            full = next(iter(widths))
        elif not widths and f != h:
            full = f > h
        elif not widths and len(texts) == 1:
            full = next(iter(texts))
        else:
            return date
        return date.translate(_DIGIT_WIDTHS if full else _DIGIT_NARROW)

    return _RUNNING_DATE.sub(even, text)


def _is_full(run: str) -> bool:
    return all("０" <= ch <= "９" for ch in run)


# A telephone number (0123-45-6789, ０１２３－４５－６７８９; 2-5, 1-4 and 3-4 digits) or a
# postal code (〒123-4567): its dashes read as the look-alikes ー 一 ― ‐ − are its hyphens, and
# a hyphen read twice (３４５－－６７００: no number prints two in a row) is one.
_DASHES = "ー一―‐−－-"
_PHONE = regex.compile(
    rf"(?<![0-9０-９])[0-9０-９]{{2,5}}[{_DASHES}]{{1,2}}[0-9０-９]{{1,4}}[{_DASHES}]{{1,2}}[0-9０-９]{{3,4}}"
    rf"(?![0-9０-９])|(?<=〒)[0-9０-９]{{3}}[{_DASHES}]{{1,2}}[0-9０-９]{{4}}(?![0-9０-９])"
)
_NUMBER_DASH = regex.compile(rf"(?<=([0-9０-９]))[{_DASHES}]{{1,2}}(?=([0-9０-９]))")


def fix_number_dashes(text: str) -> str:
    """The hyphens of a telephone number or postal code read as look-alikes (０１２３ー４５一６７８９)
    written as the number's own hyphen: ``－`` between full-width digits, ``-`` between
    half-width ones; a dash between digits of two widths is left alone (one of a doubled one)."""

    def hyphen(m: regex.Match) -> str:
        a, b = m.group(1), m.group(2)
        if "０" <= a <= "９" and "０" <= b <= "９":
            return "－"
        return "-" if a.isascii() and b.isascii() else m.group(0)[0]

    return _PHONE.sub(lambda m: _NUMBER_DASH.sub(hyphen, m.group(0)), text)


# A document prints its change dates in one width (all 平成31年4月1日 or all 令和３年４月１日): the
# date column's digits are put in the width most of them were read in, when at least this share of
# at least DATE_DIGITS_MIN of them agree; failing that, in the width of more than half of at least
# DATE_CELLS_MIN distinct date cells (a date printed once counts once however many digits it has:
# a cell's digits are measured from each other, so a cell is one measure; no date column of the
# samples mixes widths within one form, so the majority is the better guess than each cell alone).
DATE_WIDTH_MAJORITY = 2 / 3
DATE_DIGITS_MIN = 6
DATE_CELLS_MIN = 4
# Before any of that: the form's runs of two or more digits (10月, 2023), when at least
# DATE_RUNS_MIN of them are read and all in one width.  They are measured by their own pitch
# (half-width 0.6 em, full 1 em), while a lone digit between kanji is measured from its
# neighbours, and LibreOffice's white between Latin and Japanese text makes a half-width one
# advance about an em: a Writer table's 令和5年4月1日 … 令和5年11月1日 read 令和５年４月１日 …
# 令和５年11月１日 (session 47's new user's set V).
DATE_RUNS_MIN = 1


def _date_form(lines: list[CellLine]) -> str:
    """A date cell's form: its text without digits, era names or white space (年月日, ／／, －－)."""
    return regex.sub(r"[0-9０-９\s]|平成|令和|昭和|元", "", "".join(cl.text for cl in lines))


def _widths(lines: list[CellLine]) -> tuple[int, int]:
    """(half-width, full-width) digits of a cell's lines."""
    text = "".join(cl.text for cl in lines)
    return sum(1 for ch in text if "0" <= ch <= "9"), sum(1 for ch in text if "０" <= ch <= "９")


def _majority(half: int, full: int, least: int, share: float = DATE_WIDTH_MAJORITY) -> bool | None:
    """Full width (True), half width (False) or no majority (None) of ``half`` / ``full`` votes:
    at least ``least`` votes, more than half of them, and at least ``share`` of them."""
    if half + full >= least and half != full and max(full, half) >= share * (full + half):
        return full > half
    return None


def _own_runs_width(lines: list[CellLine]) -> bool | None:
    """Full width (True) or half of a date cell's runs of two or more digits when there are
    some and all were read in one width; else None."""
    runs = [r for r in _DIGIT_RUN.findall("".join(cl.text for cl in lines)) if len(r) >= 2]
    widths = {_is_full(r) if (r.isascii() or _is_full(r)) else None for r in runs}
    return next(iter(widths)) if len(widths) == 1 else None


def _cell_date_width(lines: list[CellLine], longer: list[int]) -> bool | None:
    """Full width (True), half or None for one date cell without a document majority: its runs
    of two or more digits when they agree (``平成31年４月１日``: 31 is measured over two digits, ４ and
    １ from their neighbours), else, for a cell of lone digits only (``令和３年４月１日``), the
    width of the document's longer runs of the form (``longer``, [half, full], this cell's none)
    when more than ``DOCUMENT_WIDTH_SHARE`` of at least two agree, else the width most of its
    digits were read in (None on a tie)."""
    runs = [r for r in _DIGIT_RUN.findall("".join(cl.text for cl in lines)) if len(r) >= 2]
    widths = {_is_full(r) for r in runs if r.isascii() or _is_full(r)}
    if len(widths) == 1 and len(runs) == len([r for r in runs if r.isascii() or _is_full(r)]):
        return next(iter(widths))
    if not runs:
        doc = document_width(longer)
        if doc is not None:
            return doc
    h, f = _widths(lines)
    return None if f == h else f > h


def even_date_widths(rows: list[RawRow]) -> int:
    """The digits of every date cell of a document in the one width its runs of two or more
    digits were all read in (DATE_RUNS_MIN), else the one most of its date digits (or
    distinct date cells) were read in (DATE_WIDTH_MAJORITY of at least DATE_DIGITS_MIN digits, or
    more than half of at least DATE_CELLS_MIN cells, among the cells of one form: 年月日, or the
    same separators), since the width of a digit is measured from where its neighbours stand and
    one measure can go either way, while a document prints its dates in one font and width.  A
    cell without such a majority is evened within itself (its lines together).  The number of
    lines changed; rows changed are flagged ``ocr_corrected``."""
    cells = [row.cells.get("change_date") or [] for row in rows]
    # Each form's runs of two or more digits by width: measured by their own pitch.
    longer: dict[str, list[int]] = {}
    for lines in cells:
        v = longer.setdefault(_date_form(lines), [0, 0])
        for run in _DIGIT_RUN.findall("".join(cl.text for cl in lines)):
            if len(run) >= 2 and (run.isascii() or _is_full(run)):
                v[int(_is_full(run))] += 1
    votes: dict[str, list[int]] = {}
    distinct: dict[str, dict[str, bool]] = {}
    for lines in cells:
        v = votes.setdefault(_date_form(lines), [0, 0])
        h, f = _widths(lines)
        v[0] += h
        v[1] += f
        if h != f:
            distinct.setdefault(_date_form(lines), {})[
                regex.sub(r"\s", "", "".join(cl.text for cl in lines))
            ] = f > h
    changed = 0
    for row, lines in zip(rows, cells, strict=True):
        form = _date_form(lines)
        runs = longer.get(form, [0, 0])
        own = None if min(runs) or max(runs) < DATE_RUNS_MIN else runs[1] > runs[0]
        if own is None:
            own = _majority(*votes[form], DATE_DIGITS_MIN)
        if own is None:
            kinds = list(distinct.get(form, {}).values())
            own = _majority(kinds.count(False), kinds.count(True), DATE_CELLS_MIN, 0.5)
        if own is None:
            own = _cell_date_width(lines, longer.get(form, [0, 0]))
        if own is None:
            continue
        table = _DIGIT_WIDTHS if own else _DIGIT_NARROW
        if min(runs) and _own_runs_width(lines) not in (None, own):
            # The form's runs disagree and this cell's own (measured by their pitch) are
            # rewritten to the document's width: one of the two is a misread.
            why = "the date's digits were read in one width by their pitch, the document's in the other"
            row.doubts.append(Doubt("ocr_suspect", "change_date", why))
        changed += rewrite_lines(row, lines, [cl.text.translate(table) for cl in lines])
    return changed


# A paragraph's numbering at a line's start: （１．, (1., １．, 1． …
_NUMBERING = regex.compile(r"^(\s*)([（(]?)([0-9０-９]{1,2})([．.])(?=\S)")
_FULL = str.maketrans("0123456789(.", "０１２３４５６７８９（．")
_HALF = str.maketrans("０１２３４５６７８９（．", "0123456789(.")
# A document's numbering style is taken from at least this many numberings, of which this share
# agree.
MIN_NUMBERINGS = 3
NUMBERING_MAJORITY = 2 / 3


def _shape(m: regex.Match) -> tuple[bool, bool, bool]:
    """(bracket, digits, stop) full width? of a numbering match (no bracket counts as full)."""
    return (m.group(2) != "(", m.group(3)[0] >= "０", m.group(4) == "．")


def even_numbering(rows: list[RawRow]) -> int:
    """Paragraph numberings (（１．…, ２．…) printed in one style across a document, written in
    it where OCR read some in the other width: a document numbers its paragraphs one way (the
    forms' headings （１．, excel-made tables （1． as well), so a numbering whose widths differ
    from those of most of the document's numberings in the same kind of column (項目 or the
    texts) takes theirs.  Needs MIN_NUMBERINGS numberings, NUMBERING_MAJORITY of them agreeing.
    The number of lines changed; rows changed are flagged ``ocr_corrected``."""
    groups: dict[bool, list[tuple[RawRow, int, str, regex.Match]]] = {}
    for row in rows:
        for column, lines in row.cells.items():
            if column in ("change_date", "timing"):
                continue
            for k, cl in enumerate(lines):
                m = _NUMBERING.match(cl.text)
                if m:
                    groups.setdefault(column == "item", []).append((row, k, column, m))
    changed = 0
    for found in groups.values():
        shapes = [_shape(m) for *_, m in found]
        if len(shapes) < MIN_NUMBERINGS:
            continue
        best = max(set(shapes), key=shapes.count)
        if shapes.count(best) < NUMBERING_MAJORITY * len(shapes):
            continue
        for (row, k, column, m), shape in zip(found, shapes, strict=True):
            if shape == best:
                continue
            bracket = m.group(2) and ("（" if best[0] else "(")
            digits = m.group(3).translate(_FULL if best[1] else _HALF)
            stop = "．" if best[2] else "."
            cl = row.cells[column][k]
            cl.text = m.group(1) + bracket + digits + stop + cl.text[m.end() :]
            changed += 1
            row.add_flag("ocr_corrected")
    return changed + _stop_like_digits(rows)


def _stop_like_digits(rows: list[RawRow]) -> int:
    """A numbering of full-width digits with a half-width stop (``１.``) given the full-width one
    (``１．``): the digits' width is measured by their pitch, a stop's hardly (a dot's ink is
    where it stands in either width), and no truth numbering of the samples and private sets
    prints that mix (0 of 642 in text cells, 0 of 51,180 item lines; ``1．``, the other mix, 12).
    The number of lines changed."""
    changed = 0
    for row in rows:
        for column, lines in row.cells.items():
            if column in ("change_date", "timing"):
                continue
            for cl in lines:
                m = _NUMBERING.match(cl.text)
                if m and m.group(3)[0] >= "０" and m.group(4) == ".":
                    cl.text = cl.text[: m.start(4)] + "．" + cl.text[m.end(4) :]
                    changed += 1
                    row.add_flag("ocr_corrected")
    return changed
