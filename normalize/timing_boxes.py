"""提出時期 printed as a form's check boxes: ``■事前`` / ``□事後`` (branch checkbox68, set XXIX t11:
python-docx → Writer, no row right from any input).

A form prints both options and ticks one: a filled box (■ ☑ ● ◉ …) or a check mark (✓ ✔) before
or after the ticked word, an empty box (□ ☐ ○ …) or nothing by the other; or a mark inside
brackets (``(○)事前`` / ``( )事後``), or brackets round the ticked word (``【事前】 事後``).  The marks
are named in one place, ``vocabulary.TIMING_TICK_MARKS`` and its neighbours.  The record's
``timing`` is the ticked word; ``timing_raw`` keeps the cell as printed.  Where both or neither
option is ticked, or a scan's box reads as a letter that does not tell its fill, the cell gives
no timing (``read_choice`` → ``Choice.word`` None): the row keeps the print in ``timing_raw`` and
is flagged ``timing_invalid``, with a note saying why (``records.unexpected_timing_notes``).

Two places read it:

- ``read_choice``: a whole cell's text (grid of a PDF or scan, ``-layout`` columns) →
  ``Choice``; ``timing_cells.read_timing`` asks it for a cell printing a mark.
- ``box_words``: flattened text without positions, whose readers find a row by a line that is
  the timing word (``vocabulary.TIMING``): each choice printed on one line or on lines that
  follow each other (``■事前`` / ``□事後``) is rewritten to its ticked word on the ticked option's
  line, the open option's text taken out, the print kept in ``PrintedTimings`` and given back to
  the record's ``timing_raw`` (``timing_prints.restore_raw``) with a document note.  A choice
  that ticks none or both is rewritten to nothing the readers take for a timing and noted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from piatable.models import PageWords, Reading, Record
from piatable.settings import QualitySettings
from piatable.vocabulary import (
    TIMING_BOX_BRACKETS,
    TIMING_OCR_FILLED_READS,
    TIMING_OCR_OPEN_READS,
    TIMING_OPEN_MARKS,
    TIMING_TICK_MARKS,
)

from .chars import display_width
from .confidence import add_late_flags
from .timing_prints import PrintedTimings, prints_submission_words, submission_parts, submission_words

_WORD = r"事前|事後"
_OPEN_B = regex.escape("".join(TIMING_BOX_BRACKETS))
_CLOSE_B = regex.escape("".join(TIMING_BOX_BRACKETS.values()))
_MARKS = regex.escape(TIMING_TICK_MARKS + TIMING_OPEN_MARKS)
_OCR = regex.escape(TIMING_OCR_OPEN_READS + TIMING_OCR_FILLED_READS)
# A box: a mark, or brackets round at most one mark (``(○)``, ``[ ]``, ``（　）``).
_BOX = rf"[{_MARKS}]|[{_OPEN_B}][\s　]*[^\s　{_CLOSE_B}]?[\s　]*[{_CLOSE_B}]"
# A scan's box read as a letter: 口 / ロ, or any one kanji (a filled box reads as a dense one, which
# varies from cell to cell: 画, 男, 玉 …); taken only as one of each in a cell (``_decide``).
_OCR_BOX = rf"{_BOX}|[{_OCR}]|(?!事)\p{{Han}}"
# One option: its box before the word, the word in brackets, or (``_AFTER``) its box after it.
_BEFORE = rf"(?P<box>{_BOX})?(?P<word>{_WORD})"
_WRAPPED = rf"[{_OPEN_B}](?P<wrapped>{_WORD})[{_CLOSE_B}]"
_AFTER = rf"(?P<word>{_WORD})(?P<box>{_BOX})?"
_UNIT_BEFORE = regex.compile(rf"{_WRAPPED}|{_BEFORE}")
_UNIT_AFTER = regex.compile(rf"{_WRAPPED}|{_AFTER}")
_UNIT_OCR = regex.compile(rf"{_WRAPPED}|(?P<box>{_OCR_BOX})?(?P<word>{_WORD})")
_ANY_MARK = regex.compile(rf"{_BOX}|{_WRAPPED}")
_ANY_OCR = regex.compile(rf"{_OCR_BOX}|{_WRAPPED}")

# Why a cell of boxes gives no timing (the note of ``records.unexpected_timing_notes``).
BOTH_TICKED = "both options ticked"
NONE_TICKED = "no option ticked"
UNREAD_BOXES = "the boxes read as letters that do not tell which is filled"
MARK_BETWEEN = "a mark printed between the two options: whose it is is not told"


@dataclass(frozen=True)
class Choice:
    """A 提出時期 cell of check boxes read: ``word`` the ticked option (事前 / 事後) or None, and
    ``why`` (``BOTH_TICKED`` …) when None; ``ocr_reads`` when the fill was told from the letters
    tesseract read the boxes as (``口事前画事後``)."""

    word: str | None
    why: str = ""
    ocr_reads: bool = False


def _state(box: str | None, wrapped: bool) -> str:
    """``tick``, ``open``, ``bare`` (no box), ``filled?`` / ``open?`` (a scan's letter read)."""
    if wrapped:
        return "wrapped"
    if not box:
        return "bare"
    inner = box.strip(" 　")
    if len(inner) >= 2 and inner[0] in TIMING_BOX_BRACKETS:
        return "tick" if inner[1:-1].strip(" 　") else "open"
    if inner in TIMING_TICK_MARKS:
        return "tick"
    if inner in TIMING_OPEN_MARKS:
        return "open"
    return "open?" if inner in TIMING_OCR_OPEN_READS else "filled?"


@lru_cache(maxsize=1 << 14)
def read_choice(raw: str, ocr_reads: bool = True) -> Choice | None:
    """The check-box choice a 提出時期 cell's text prints (``raw``, whitespace kept or removed),
    or None where it prints no box beside a timing word, or other text.

    >>> read_choice("■事前□事後").word, read_choice("□事前 ■事後").word, read_choice("事前✓ 事後").word
    ('事前', '事後', '事前')
    >>> read_choice("(○)事前( )事後").word, read_choice("【事後】事前").word, read_choice("事後")
    ('事前', '事後', None)
    >>> read_choice("■事前■事後").why, read_choice("口事前画事後").word, read_choice("事前 ✓事後").word
    ('both options ticked', '事後', '事後')
    >>> read_choice("事前✓事後").why
    'a mark printed between the two options: whose it is is not told'

    Each whitespace-parted piece is read apart (``_parse``): the cell's lines tell whose a mark
    is (``事前`` / ``✓事後``).  With ``ocr_reads`` (a scan's cell) 口 / ロ read an empty box
    and a dense kanji a filled one (``vocabulary.TIMING_OCR_OPEN_READS``), taken only as one of
    each; marks are never tried in other text.
    """
    text = "".join(raw.split())
    if "事" not in text or not (_ANY_OCR if ocr_reads else _ANY_MARK).search(text):
        return None
    states: dict[str, str] = {}
    for token in _tokens(raw, ocr_reads):
        parsed = _parse(token, ocr_reads)
        if parsed is None:
            return None
        if isinstance(parsed, Choice):
            return parsed
        for word, state in parsed.items():
            if word in states:
                return None  # one word printed twice: two cells run together
            states[word] = state
    if not states or set(states.values()) == {"bare"}:
        return None
    return _decide(states)


# A box of brackets round spaces (``( )``, ``［　］``): its spaces are no break between pieces.
_INNER_SPACES = regex.compile(rf"[{_OPEN_B}][ \u3000]*[^\s{_CLOSE_B}]?[ \u3000]*[{_CLOSE_B}]")


_OCR_LETTER = regex.compile(r"(?!事)\p{Han}")


def _tokens(raw: str, ocr_reads: bool) -> list[str]:
    """``raw``'s whitespace-parted pieces, a box standing alone joined to the piece after it
    (``口 事前``: OCR read the box apart)."""
    out: list[str] = []
    box = regex.compile(rf"^(?:{_OCR_BOX if ocr_reads else _BOX})$")
    raw = _INNER_SPACES.sub(lambda m: m.group(0).replace(" ", "").replace("\u3000", ""), raw)
    for piece in raw.split():
        if out and box.match(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _parse(token: str, ocr_reads: bool) -> dict[str, str] | Choice | None:
    """One piece of a cell (no whitespace) → its options' states (word → ``_state``); a
    ``Choice`` without a word where the piece does not tell whose a mark is (``事前✓事後``: after
    事前, or before 事後?); None where the piece is other text.  A box opening the piece is
    printed before each word (``■事前□事後``); a word opening it has its box after it."""
    if ocr_reads and (token[0] in TIMING_OCR_OPEN_READS or _OCR_LETTER.match(token)):
        unit = _UNIT_OCR
    else:
        unit = _UNIT_AFTER if token.startswith(("事前", "事後")) else _UNIT_BEFORE
    states: dict[str, str] = {}
    at = 0
    for m in unit.finditer(token):
        if m.start() != at:
            return None  # other text between the options: not a cell of boxes
        word = m.group("wrapped") or m.group("word")
        if word in states:
            return None
        states[word] = _state(m.groupdict().get("box"), bool(m.group("wrapped")))
        at = m.end()
    if at != len(token) or not states:
        return None
    values = list(states.values())
    if unit is _UNIT_AFTER and len(values) > 1 and values[-1] == "bare" and set(values[:-1]) - {"bare"}:
        return Choice(None, MARK_BETWEEN)
    return states


def _decide(states: dict[str, str]) -> Choice:
    """The ticked option of ``states`` (word → ``_state``), or why none."""
    values = set(states.values())
    if values & {"open?", "filled?"}:
        filled = [w for w, s in states.items() if s == "filled?"]
        if len(states) == 2 and len(filled) == 1 and "open?" in values:
            return Choice(filled[0], ocr_reads=True)
        return Choice(None, UNREAD_BOXES)
    ticked = [w for w, s in states.items() if s in ("tick", "wrapped")]
    if len(ticked) > 1:
        return Choice(None, BOTH_TICKED)
    if not ticked:
        return Choice(None, NONE_TICKED)
    if "wrapped" in values and len(states) == 2 and "bare" not in values:
        return Choice(None, NONE_TICKED)  # ``【事前】□事後``: brackets as a label, not a tick
    return Choice(ticked[0])


def halves_of_one_choice(head: str, tail: str) -> bool:
    """Whether check boxes ``tail`` (``□事後``) are the other option of the boxes ``head``
    (``☑事前``): each prints one option of its own, and the two read together as one choice
    with its ticked word (a choice a page break cut between its options)."""
    words = [[w for w in ("事前", "事後") if w in part] for part in (head, tail)]
    if [len(w) for w in words] != [1, 1] or words[0] == words[1]:
        return False
    if read_choice(head, ocr_reads=False) is None or read_choice(tail, ocr_reads=False) is None:
        return False
    both = read_choice(head + tail, ocr_reads=False)
    return both is not None and both.word is not None


def printed_timings(text: str) -> int:
    """How many 提出時期 a cell's ``text`` prints: a cell of check boxes prints one (both options),
    else each 事前 / 事後 counts (``grid.lost_lines.flag_merged_rows``)."""
    if read_choice(text) is not None:
        return 1
    return len(regex.findall(r"事\s*[前後]", text))


# A choice's option glued to its box, a token of its own (whitespace or a line's end either side).
# A mark opening it is a boundary of its own: pdf.js-style copies glue it to the cell before
# (``…15日□事前``, set XXIX t11).
_TOKEN = regex.compile(
    rf"(?:(?<![^\s])(?:{_WRAPPED}|(?:{_BOX})(?:{_WORD})|(?:{_WORD})(?:[{_MARKS}]))|[{_MARKS}](?:{_WORD}))"
    r"(?![^\s])"
)


# An option wrapped in a column narrower than it (Writer: ``(○)事`` / ``後``, ``(○)`` / ``事前``):
# its first line, and the line that ends it.
_WRAP_HEAD = regex.compile(rf"^\s*(?:{_BOX})(?:事)?\s*$")
_WRAP_TAIL = regex.compile(rf"^\s*(?:[前後]|{_WORD})\s*$")


def _wraps(head: str, tail: str) -> bool:
    """Whether ``tail`` ends the option ``head`` opens (``(○)事`` + ``後``, ``□`` + ``事後``)."""
    if not _WRAP_HEAD.match(head) or not _WRAP_TAIL.match(tail):
        return False
    return head.strip().endswith("事") != (len(tail.strip()) == 2)


def join_wrapped_options(pages: list[PageWords]) -> None:
    """Join, in place, each check-box option a narrow column wrapped over two lines (``(○)事`` /
    ``後``) into its first line, the second dropped (row-ordered text prints the lines in turn)."""
    for page in pages:
        words, out = page.words, []
        for w in words:
            if out and _wraps(out[-1].text, w.text):
                out[-1].text = out[-1].text.strip() + w.text.strip()
                continue
            out.append(w)
        page.words = out


def prints_box_words(text: str) -> bool:
    """Whether a flattened ``text`` prints its 提出時期 as check boxes: a token of a timing word
    glued to a tick mark (``■事前``, ``事前✓``, ``(○)事前``) and one glued to an open box or a bare
    word of the other option beside it (the form prints both)."""
    lines = text.splitlines()
    text = "\n".join(
        a.strip() + b.strip() if _wraps(a, b) else a for a, b in zip(lines, [*lines[1:], ""], strict=True)
    )
    ticked = False
    for m in _TOKEN.finditer(text):
        choice = read_choice(m.group(0), ocr_reads=False)
        if choice is not None and choice.word:
            ticked = True
            break
    return ticked


def box_words(pages: list[PageWords], found: PrintedTimings, unclear: list[str]) -> list[PageWords]:
    """``pages`` of flattened text (a word a printed line) with each choice of check boxes
    rewritten to its ticked word (changed in place and returned).  A choice's options are the
    tokens of one line, or of two lines that follow each other where both hold options alone
    (``■事前`` / ``□事後``) or the second's option starts at the first's column (PyMuPDF sort,
    pdfplumber text of the row's cells side by side).  The ticked option's token becomes the word,
    the open one's is taken out (spaces of its width where the line holds other text, so the
    columns of a text printed in them stay; a line left empty is dropped); each print is recorded
    in ``found``, each choice that ticks none or both in ``unclear`` (written as its first
    option's word, so that its row is still found: ``restore_choices``)."""
    join_wrapped_options(pages)
    for page in pages:
        words = page.words
        tokens = [
            (k, m)
            for k, w in enumerate(words)
            for m in (_TOKEN.finditer(w.text) if _TOKEN.search(w.text) else _bare_partner(words, k))
        ]
        done: set[int] = set()
        emptied: set[int] = set()
        for n in range(len(tokens)):
            if n in done:
                continue
            group = [n]
            for n2 in range(n + 1, min(n + 3, len(tokens))):
                if _partners(page.words, tokens[n], tokens[n2]):
                    group.append(n2)
                    break
            done.update(group)
            emptied |= _rewrite(page.words, [tokens[g] for g in group], found, unclear)
        if emptied:
            page.words = [w for k, w in enumerate(page.words) if k not in emptied]
    return pages


def _partners(words: list, a: tuple[int, regex.Match], b: tuple[int, regex.Match]) -> bool:
    """Whether option tokens ``a`` and ``b`` (line index, match) are two options of one choice:
    other words, on one line or on lines that follow each other (module notes)."""
    (ka, ma), (kb, mb) = a, b
    if _option_word(ma) == _option_word(mb):
        return False
    if ka == kb:
        return _only_options(words[ka].text)
    if kb != ka + 1:
        return False
    if _options_line(words[ka].text) and _options_line(words[kb].text):
        return True
    if not words[ka].text[ma.end() :].strip() and not words[kb].text[: mb.start()].strip():
        return True  # row-ordered text: the cell's first line glued to the row's other cells
    col_a = _display_column(words[ka].text, ma.start())
    col_b = _display_column(words[kb].text, mb.start())
    return abs(col_a - col_b) <= OPTION_COLUMN_SLACK


# Display columns two lines' options may start apart and still be one cell's (a -layout-kind
# text places a cell's lines at its column, give or take the spaces a wide glyph costs).
OPTION_COLUMN_SLACK = 3


def _display_column(text: str, at: int) -> int:
    """The display column (full-width characters count two) of ``text[at]``."""
    return display_width(text[:at])


def _option_word(m: regex.Match) -> str:
    return m.group("wrapped") or ("事前" if "事前" in m.group(0) else "事後")


def box_parts(
    parts: list[Callable[[], list[PageWords]]] | None, found: PrintedTimings, unclear: list[str]
) -> list[Callable[[], list[PageWords]]] | None:
    """A long text's part builders (``Reading.parts``), each giving its pages through ``box_words``."""
    if parts is None:
        return None
    return [lambda build=build: box_words(build(), found, unclear) for build in parts]


# A line of a bare timing word: the open option of a choice whose ticked one has a mark only
# (``✓事前`` / ``事後``); never matches the ``wrapped`` group (``_option_word`` reads the word).
_BARE_LINE = regex.compile(r"^\s*(?P<wrapped>(?!))?(?:事前|事後)\s*$")
_BARE_END = regex.compile(r"(?<![^\s])(?P<wrapped>(?!))?(?:事前|事後)\s*$")
_BARE_START = regex.compile(r"^\s*(?P<wrapped>(?!))?(?:事前|事後)(?![^\s])")


def _bare_partner(words: list, k: int) -> list[regex.Match]:
    """Line ``k`` as a bare option (a one-item list) where it is a bare timing word beside a
    line of options alone (``✓事前`` / ``事後``), else none."""
    text = words[k].text
    if (m := _BARE_LINE.match(text)) is not None:
        near = [words[j].text for j in (k - 1, k + 1) if 0 <= j < len(words)]
        return [m] if any(_only_options(t) for t in near) else []
    # Row-ordered text: the cell's first line glued after the row's other cells (``… 事前`` /
    # ``✓事後``), or its last before the next cell's (``✓事前`` / ``事後 …``).
    if k + 1 < len(words) and _only_options(words[k + 1].text) and (m := _BARE_END.search(text)):
        return [m]
    if k > 0 and _only_options(words[k - 1].text) and (m := _BARE_START.match(text)):
        return [m]
    return []


def _options_line(line: str) -> bool:
    """A line of options alone, or a bare timing word (``_BARE_LINE``)."""
    return _only_options(line) or bool(_BARE_LINE.match(line))


def _only_options(line: str) -> bool:
    """A line holding nothing but choice options (``■事前``, ``■事前　□事後``)."""
    rest = _TOKEN.sub("", line)
    return not rest.strip() and bool(_TOKEN.search(line))


def _rewrite(
    words: list, spans: list[tuple[int, regex.Match]], found: PrintedTimings, unclear: list[str]
) -> set[int]:
    """Rewrite one choice's option tokens ``spans`` (line index, match) to its ticked word
    (``box_words``); the indices of lines left empty."""
    printed = " ".join(m.group(0) for _, m in spans)
    choice = read_choice(printed, ocr_reads=False)
    if choice is None:
        return set()
    # A choice ticking none or both is written as its first option's word, so that the readers
    # still find its row; ``restore_choices`` gives the row no timing (timing_invalid).
    word = choice.word or _option_word(spans[0][1])
    last = found.sequence[-1] if found.sequence else None
    if choice.word is None and last is not None and last[0] and halves_of_one_choice(last[2], printed):
        # The other half of the choice before, cut from it by a page break (Writer breaks a row
        # between its options: ``☑事前`` / page break / ``□事後``): one choice, whose word is
        # written once; this half is left out so the row's rest reads on (set XXXI t05).
        found.sequence[-1] = (last[0], last[1], last[2] + " " + printed)
        word = ""
    elif choice.word is None:
        unclear.append(f"{printed!r}: {choice.why}")
        found.sequence.append((choice.word, word, printed))
    else:
        found.add(choice.word, printed)
        found.sequence.append((choice.word, word, printed))
    emptied: set[int] = set()
    for k in sorted({k for k, _ in spans}):
        text = words[k].text
        mine = sorted((m for kk, m in spans if kk == k), key=lambda m: -m.start())
        alone = not _TOKEN.sub("", text).strip() or bool(_BARE_LINE.match(text))
        for m in mine:
            new = word if _option_word(m) == word else ""
            pad = "" if alone else " " * (len(m.group(0)) - len(new))
            text = text[: m.start()] + new + pad + text[m.end() :]
        if not text.strip():
            emptied.add(k)
        words[k].text = text.strip() if alone else text.rstrip()
    return emptied


def timing_words(reading: Reading, text: str, printed: PrintedTimings) -> None:
    """Rewrite a flattened text's 提出時期 printed other than as the bare word to the word, in
    ``reading``'s pages and parts (changed in place), before its row-ordered readers see them:
    submission words (``timing_prints``: 事後提出) and check boxes (``box_words``: ■事前 / □事後).
    ``printed`` records each print (``restore_raw``) and each unclear choice (its ``unclear``).
    ``-layout``-kind text is left alone: its cells are cut by position and ``read_timing`` reads
    each as printed."""
    if reading.kind == "text-layout":
        return
    if prints_submission_words(text):
        reading.pages = submission_words(reading.pages, printed)
        reading.parts = submission_parts(reading.parts, printed)
    if prints_box_words(text):
        reading.pages = box_words(reading.pages, printed, printed.unclear)
        reading.parts = box_parts(reading.parts, printed, printed.unclear)


# The note of a text whose choices ticking none or both could not be matched to its rows.
UNMATCHED_NOTE = (
    "{n} 提出時期 check-box choices ticking none or both options could not be matched to the rows"
    " read (rows merged or lost?): every row's timing is in doubt (flag column_guess)"
)


def restore_choices(records: list[Record], printed: PrintedTimings, q: QualitySettings) -> str | None:
    """Give each record read from a flattened text's check boxes (``box_words``) its choice's print
    in ``timing_raw``, and one read from a choice ticking none or both no timing (flag
    ``timing_invalid``).  The choices were printed in the rows' order, one a row: they are matched
    to the records that read a timing, in turn, where as many were read and each read its
    choice's word; else, with an unclear choice among them, every such record is flagged
    ``column_guess`` and the note saying so is returned (else None)."""
    seq = printed.sequence
    if not seq:
        return None
    timed = [r for r in records if r.timing]
    if len(timed) == len(seq) and all(r.timing == read for r, (_, read, _) in zip(timed, seq, strict=True)):
        for r, (word, _, print_) in zip(timed, seq, strict=True):
            r.timing_raw = print_
            if word is None:
                r.timing = None
                add_late_flags(r, {"timing_invalid"}, q)
        return None
    unclear = sum(word is None for word, _, _ in seq)
    if not unclear:
        return None
    for r in timed:
        add_late_flags(r, {"column_guess"}, q)
    return UNMATCHED_NOTE.format(n=unclear)
