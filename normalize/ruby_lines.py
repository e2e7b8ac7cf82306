"""Ruby (furigana) readings in a flattened text: set aside where they are clear, warned where not.

A table printed with ruby over its words (Chromium's ``<ruby><rt>``, Writer's ``w:ruby``) keeps
the readings in its text layer.  The PDF reader sets them aside by their size
(extract/ruby_glyphs.py); a flattened text has no sizes: pypdfium2, ``pdftotext`` (-raw, -layout,
plain), pdfminer, pdfplumber and PyMuPDF print a reading on a line of its own before or after its
base line (``じょうほうかいしゃ`` / ``○○情 報システム株式会社``), several on one line (``ざい む
ざいせい``, a ``-layout`` line over several cells), or glued to a line's edge (``…市行政手とくてい``,
``しゅむしょうれい番号法…``).  Session 65's unseen tester: 22 rows read with readings, 14 unwarned.

The evidence is the reading itself: SudachiPy's readings (``reading_form``, in hiragana) of the
kanji words near the line (``WINDOW`` non-blank lines either side, the line's own rest too).

* A line of kana only (spaces aside, at most ``MAX_READING_CHARS``) that cuts wholly into
  readings of kanji-holding runs of one to ``RUN_WORDS`` words of those lines, each at least
  ``MIN_PIECE`` kana, is ruby: left out (blanked in ``-layout`` text), counted in a note
  (``LINES_NOTE``).  A single space between two kanji of a line whose kanji run such a line
  read is the base word spread under a wider reading (``行 政``): closed.
* A kana run of at least ``MIN_GLUED`` characters at a line's start before a kanji, or at its
  end after a kanji, that cuts wholly so, is a reading glued to the line: cut out, noted
  (``GLUED_NOTE``), and the row whose cell holds the text beside it is warned ``ruby_suspect``
  (the kana may have been the cell's own).
* A kana-only line whose first ``MIN_PIECE`` or more kana read a nearby kanji run but which does
  not cut wholly is suspected: kept, noted (``SUSPECT_NOTE``), and the row whose cell holds it is
  warned ``ruby_suspect`` (``ruby_doubts``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import Doubt, RawRow

# A reading line holds at most this many kana (spaces aside): a ruby line over a -layout line's
# cells holds several readings.
MAX_READING_CHARS = 24
# Each reading the line cuts into has at least this many kana (a one-kana piece could be a
# particle of the cell's own text).
MIN_PIECE = 2
# Runs of at most this many kanji-only SudachiPy words are read, of this many kanji or more (a
# lone kanji's reading, 内 ない, is too often a wrapped tail: mono-ruby is read by its own rules).
MIN_BASE = 2
# Kanji-holding runs of at most this many SudachiPy words are read.
RUN_WORDS = 3
# A word of kanji and kana (okurigana: 漏えい, 取り扱い) is read whole when its reading has at
# least this many kana (a two-kana reading, なし, is too often a cell's own wrapped tail).
MIN_OKURIGANA_READING = 4
# Lines either side whose words a reading may read (extractors print a reading up to a few
# lines from its base: between a cell's wrapped lines, after the row's other cells).
WINDOW = 4
# A reading cut into a word line by line (mono-ruby: one kanji's reading) has at most this many
# kana (readings of one kanji: 1-4 kana).
MAX_PIECE = 4
# A reading glued to a line's edge has at least this many kana.
MIN_GLUED = 3
# Context quoted in notes on either side of a glued reading.
CONTEXT_CHARS = 8

_SPACES = regex.compile(r"[ \t\u3000]+")
_KANA_LINE = regex.compile(r"^[\p{Hiragana}\p{Katakana}ー]+$")
_KANJI = regex.compile(r"[\p{Han}々]")
_ALL_KANJI = regex.compile(r"^[\p{Han}々]+$")
_KANA_WORD_PART = regex.compile(r"[\p{Hiragana}\p{Katakana}ー]")
_HEAD = regex.compile(r"^(\s*)([\p{Hiragana}ー]{3,})(?=[\p{Han}々])")
_TAIL = regex.compile(r"(?<=[\p{Han}々])([\p{Hiragana}ー]{3,})(\s*)$")
# A run of kana-only pieces standing between spaces (or the line's edges) inside a line.
_KANA_RUN = regex.compile(
    r"(?<=^|[ \t\u3000])[\p{Hiragana}ー]+(?:[ \t\u3000][\p{Hiragana}ー]+)*(?=$|[ \t\u3000])"
)

LINES_NOTE = (
    "{n} ruby (furigana) readings left out ({chars} kana reading nearby kanji words, on lines of "
    "their own or between spaces): 「{quoted}」"
)
GLUED_NOTE = "ruby 「{reading}」 glued to a cell's line cut out: 「{left}|{right}」"
SUSPECT_NOTE = "kana line 「{line}」 may be ruby (it begins with a reading of a nearby kanji word): kept"
_GLUED = regex.compile(
    r"^ruby 「(?P<reading>[^」]+)」 glued to a cell's line cut out: 「(?P<left>[^|]*)\|(?P<right>[^」]*)」$"
)
_SUSPECT = regex.compile(r"^kana line 「(?P<line>[^」]+)」 may be ruby")
WHY_GLUED = "the reading 「{reading}」 glued to this cell's line was cut out as ruby: check the cell's text"
WHY_SUSPECT = "the kana 「{line}」 in this cell may be ruby (a reading printed over a word) read into it"


def _hira(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


@lru_cache(maxsize=8192)
def line_readings(line: str) -> frozenset[str]:
    """Readings (hiragana) of the runs of one to ``RUN_WORDS`` SudachiPy words of ``line`` that
    are kanji only (ruby reads kanji: 子ども is no base of こども) and at least ``MIN_BASE``
    characters long (a lone kanji's reading, 内 ない, is too often a wrapped line's tail), and of
    its words of kanji and okurigana read whole (``_okurigana_word``: 漏えい ろうえい)."""
    from .tokenizer import default_tokenizer

    text = _SPACES.sub("", line)
    if not _KANJI.search(text):
        return frozenset()
    ms = [(m.surface(), _hira(m.reading_form())) for m in default_tokenizer().tokenize(text)]
    out = {r for s, r in ms if _okurigana_word(s, r)}
    for i in range(len(ms)):
        for j in range(i + 1, min(i + RUN_WORDS, len(ms)) + 1):
            run = ms[i:j]
            if all(_ALL_KANJI.match(s) for s, _ in run) and sum(len(s) for s, _ in run) >= MIN_BASE:
                reading = "".join(r for _, r in run)
                if len(reading) >= MIN_PIECE:
                    out.add(reading)
    return frozenset(out)


def _okurigana_word(surface: str, reading: str) -> bool:
    """Whether a SudachiPy word of kanji and kana (``漏えい`` ろうえい, ``取り扱い``) is read as a
    whole by a group ruby: its kanji read at least ``MIN_PIECE`` kana (``子ども`` こども, ``無し``
    なし: one kana for the kanji, too like the cell's own kana) and the reading is at least
    ``MIN_OKURIGANA_READING`` kana (n11 of set XXXIV: ``ろうえい`` over ``漏えい``)."""
    if not _KANJI.search(surface) or _ALL_KANJI.match(surface) or not _KANA_WORD_PART.search(surface):
        return False
    kana_in_surface = len(_KANA_WORD_PART.findall(surface))
    return len(reading) - kana_in_surface >= MIN_PIECE and len(reading) >= MIN_OKURIGANA_READING


@lru_cache(maxsize=8192)
def _bases(line: str) -> tuple[tuple[str, str], ...]:
    """(surface, reading) of the kanji-only words of ``line`` (spaces aside) of ``MIN_BASE`` or
    more characters."""
    from .tokenizer import default_tokenizer

    text = _SPACES.sub("", line)
    ms = default_tokenizer().tokenize(text) if _KANJI.search(text) else []
    return tuple(
        (m.surface(), _hira(m.reading_form()))
        for m in ms
        if _ALL_KANJI.match(m.surface()) and len(m.surface()) >= MIN_BASE
    )


def close_spread(line: str, kana: str) -> str:
    """``line`` with the single spaces inside each kanji word whose reading is in ``kana`` (a
    reading left out) closed: the base word spread under a wider reading (``行 政手続``).  Other
    spaces stay (pdfplumber's column gaps between kanji)."""
    for surface, reading in _bases(line):
        if reading not in kana:
            continue
        spaced = regex.compile(" ?".join(regex.escape(c) for c in surface))
        line = spaced.sub(lambda m, s=surface: s if " " in m.group(0) else m.group(0), line)
    return line


def cuts_wholly(kana: str, readings: set[str] | frozenset[str]) -> bool:
    """Whether ``kana`` (hiragana) is a sequence of ``readings``."""
    n = len(kana)
    ok = [True] + [False] * n
    for i in range(n):
        if ok[i]:
            for j in range(i + MIN_PIECE, n + 1):
                if kana[i:j] in readings:
                    ok[j] = True
    return ok[n]


def _window(lines: list[str], i: int) -> list[int]:
    """Indexes of the ``WINDOW`` non-blank lines either side of ``i``."""
    out: list[int] = []
    for step in (-1, 1):
        k, got = i + step, 0
        while 0 <= k < len(lines) and got < WINDOW:
            if lines[k].strip() and lines[k] != "\0":
                out.append(k)
                got += 1
            k += step
    return out


def _strip_tokens(lines: list[str], i: int, gone: list[str], blank: bool) -> str:
    """Line ``i`` without its runs of kana-only space-separated pieces (``MIN_GLUED`` kana or
    more) that cut wholly into readings of the window's lines (pdfplumber, ``-layout``: a ruby
    line's readings on one line with other cells' text); each run taken is added to ``gone``."""
    ln = lines[i]
    if not _KANJI.search(ln) and not _KANA_LINE.match(_SPACES.sub("", ln)):
        return ln
    runs = [(m, key) for m in _KANA_RUN.finditer(ln) if len(key := _SPACES.sub("", m.group(0))) >= MIN_GLUED]
    if not runs:  # (most lines: the window's readings not looked up)
        return ln
    near = _window(lines, i)
    readings: set[str] = set().union(*(line_readings(lines[k]) for k in near)) if near else set()
    out = ln
    for m, key in reversed(runs):
        if not cuts_wholly(_hira(key), readings):
            continue
        if not _SPACES.sub("", out[: m.start()] + out[m.end() :]):
            continue  # the whole line: the line rule's
        gone.append(key)
        if blank:
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
        else:  # the run and the space before it (the line's first piece: the space after it)
            a, b = (m.start() - 1, m.end()) if m.start() > 0 else (m.start(), min(m.end() + 1, len(out)))
            out = out[:a] + out[b:]
    return out


def _next_line(lines: list[str], i: int, step: int) -> int | None:
    """The index of the nearest non-blank line from ``i`` in direction ``step`` (lines already
    left out skipped, at most one blank line between), or None."""
    k, blanks = i + step, 0
    while 0 <= k < len(lines):
        if lines[k] != "\0":
            if lines[k].strip():
                return k
            blanks += 1
            if blanks > 1:
                return None
        k += step
    return None


def _split_word_reading(left: str, right: str) -> str | None:
    """The reading (hiragana) of the SudachiPy word that runs across the join of ``left`` (ending
    in a kanji) and ``right`` (beginning with one), or None when no word does."""
    from .tokenizer import default_tokenizer

    text = left + right
    at = 0
    for m in default_tokenizer().tokenize(text):
        s = m.surface()
        if at < len(left) < at + len(s):
            return _hira(m.reading_form())
        at += len(s)
    return None


def _join_interleaved(lines: list[str], gone: list[str]) -> None:
    """Mono-ruby read line by line (pypdfium2, pdftotext of Writer's ``w:ruby`` over each kanji:
    ``財`` / ``む`` / ``務部市民税課``): a kana-only line of at most ``MAX_PIECE`` kana between a
    line ending in a kanji and one beginning with a kanji, where SudachiPy reads one word across
    the two kanji and the kana is in that word's reading, is a reading cut into the word: left
    out, and the two lines joined (the word's halves were lines only because of it)."""
    joined: set[int] = set()
    for i, ln in enumerate(lines):
        key = _SPACES.sub("", ln)
        if not key or len(key) > MAX_PIECE or not _KANA_LINE.match(key):
            continue
        p, n = _next_line(lines, i, -1), _next_line(lines, i, 1)
        if p is None or n is None:
            continue
        left, right = lines[p].rstrip(), lines[n].lstrip()
        tail = regex.search(r"[\p{Han}々]+$", left)
        head = regex.match(r"^[\p{Han}々]+", right)
        if tail is None or head is None:
            continue
        reading = _split_word_reading(tail.group(0), head.group(0))
        if reading is None or _hira(key) not in reading or _continues(left, key):
            continue  # (取 / り / 扱: the kana goes on the word above, a cell printed down)
        gone.append(key)
        lines[p], lines[i], lines[n] = "\0", "\0", left + right
        joined.add(n)
    # The first kanji's reading, printed before a word whose other kanji's readings were cut
    # into it (``ざい`` / ``財務部``): only before a word joined so (a wrapped tail ``ない`` before
    # a line opening with 内容 is the cell's own).
    for i, ln in enumerate(lines):
        key = _SPACES.sub("", ln)
        if not key or len(key) > MAX_PIECE or not _KANA_LINE.match(key):
            continue
        n = _next_line(lines, i, 1)
        if n is None or n not in joined or not _opens_reading(lines[n], _hira(key)):
            continue
        p = _next_line(lines, i, -1)
        if p is not None and _continues(lines[p], key):
            continue
        gone.append(key)
        lines[i] = "\0"


def _opens_reading(line: str, kana: str) -> bool:
    """Whether ``line`` begins with a kanji word whose reading (SudachiPy) begins with ``kana``
    and is longer: the first kanji's reading of a mono-ruby printed before its word."""
    from .tokenizer import default_tokenizer

    head = regex.match(r"^\s*([\p{Han}々]+)", line)
    if head is None:
        return False
    first = default_tokenizer().tokenize(head.group(1))[0]
    reading = _hira(first.reading_form())
    kanji = _KANJI.search(first.surface()) is not None
    return kanji and reading.startswith(kana) and len(reading) > len(kana)


def _continues(line: str, kana: str) -> bool:
    """Whether ``kana`` goes on a word of ``line``'s end (a wrapped line's tail: 行 / う)."""
    from .tokenizer import default_tokenizer

    left = _SPACES.sub("", line)[-6:]
    if not left:
        return False
    at = 0
    for m in default_tokenizer().tokenize(left + kana):
        s = m.surface()
        if at < len(left) < at + len(s):
            return True
        at += len(s)
    return False


def strip_ruby_lines(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` without its ruby lines (blanked with ``blank``: ``-layout`` text) and readings glued
    to a line's edge, and the notes saying so (unchanged, no note, when it has none)."""
    if not regex.search(r"[\p{Hiragana}]{2}", text) or not _KANJI.search(text):
        return text, []
    pages = [page.split("\n") for page in text.split("\f")]
    notes: list[str] = []
    gone: list[str] = []
    for lines in pages:
        if not blank:
            _join_interleaved(lines, gone)
        for i, ln in enumerate(lines):
            key = _SPACES.sub("", ln)
            if not key or len(key) > MAX_READING_CHARS:
                continue
            if _KANA_LINE.match(key):
                kana = _hira(key)
                near = _window(lines, i)
                readings = set().union(*(line_readings(lines[k]) for k in near)) if near else set()
                if cuts_wholly(kana, readings):
                    gone.append(key)
                    for k in near if not blank else ():  # the base word spread under it (行 政)
                        lines[k] = close_spread(lines[k], kana)
                    lines[i] = " " * len(ln) if blank else "\0"
                elif any(kana[:n] in readings for n in range(MIN_PIECE + 1, len(kana))):
                    notes.append(SUSPECT_NOTE.format(line=key))
        for i, ln in enumerate(lines):
            if ln == "\0" or not ln.strip():
                continue
            ln = lines[i] = _strip_tokens(lines, i, gone, blank)
            for pat, head in ((_HEAD, True), (_TAIL, False)):
                m = pat.search(ln)
                if m is None:
                    continue
                kana = m.group(2) if head else m.group(1)
                rest = ln[m.end() :] if head else ln[: m.start()]
                near = _window(lines, i)
                readings = set().union(line_readings(rest), *(line_readings(lines[k]) for k in near))
                if len(kana) < MIN_GLUED or not cuts_wholly(kana, readings):
                    continue
                left, right = (m.group(1), rest) if head else (rest, m.group(2))
                lines[i] = left + (" " * len(kana) if blank else "") + right
                notes.append(
                    GLUED_NOTE.format(
                        reading=kana,
                        left=_SPACES.sub("", left)[-CONTEXT_CHARS:],
                        right=_SPACES.sub("", right)[:CONTEXT_CHARS],
                    )
                )
                ln = lines[i]
    if gone:
        quoted = "、".join(gone[:20]) + ("…" if len(gone) > 20 else "")
        notes.insert(0, LINES_NOTE.format(n=len(gone), chars=sum(len(g) for g in gone), quoted=quoted))
    if not notes:
        return text, []
    out = "\f".join("\n".join(ln for ln in lines if ln != "\0") for lines in pages)
    return out, notes


def _cell_texts(row: RawRow) -> list[tuple[str, str]]:
    return [(field, _SPACES.sub("", "".join(ln.text for ln in lines))) for field, lines in row.cells.items()]


def ruby_doubts(rows: list[RawRow], notes: list[str]) -> None:
    """Warn ``ruby_suspect`` on the cell holding the text beside a reading cut from a line's edge
    (``GLUED_NOTE``: both sides, or the longer one) or holding a suspected kana line
    (``SUSPECT_NOTE``): the first cell that holds it."""
    for n in notes:
        if m := _GLUED.match(n):
            witnesses = [m["left"] + m["right"], max(m["left"], m["right"], key=len)]
            why = WHY_GLUED.format(reading=m["reading"])
        elif m := _SUSPECT.match(n):
            witnesses, why = [m["line"]], WHY_SUSPECT.format(line=m["line"])
        else:
            continue
        for witness in witnesses:
            cells = ((r, f) for r in rows for f, t in _cell_texts(r) if len(witness) >= 2 and witness in t)
            hit = next(cells, None)
            if hit is not None:
                hit[0].doubts.append(Doubt("ruby_suspect", hit[1], why))
                break
