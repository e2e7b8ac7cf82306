"""A scanned assessment's cover read from the OCR words of its first pages, and kept out of the
table.

A cover prints 評価書番号, 評価書名, 評価実施機関名 and 公表日 as labelled cells, on a page of its
own or above the amendment table on the table's first page (a spreadsheet whose first rows are
the cover).  Those cells are ruled too, so the grid would read them as the table's first row
(the 公表日 glued into a date cell).  Here the words of a cover page, or those above the table's
title (変更箇所) or its column labels, are taken off the page: their facts are parsed like any
cover's (``normalize.cover``), and each of their lines that gives no fact and no label is named
in a note, so no text goes without a word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import numpy as np
import regex

from piatable.models import PageWords, Word
from piatable.normalize.cover import (
    COVER_LABELS,
    COVER_PAGES,
    MIN_COVER_FACTS,
    cover_facts_from_text,
    form_of,
)
from piatable.vocabulary import TIMING

from .engine import TsvWord

# The table's column labels; a line with this many of them is the table's header row.
_TABLE_LABELS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
MIN_TABLE_LABELS = 3
# Words whose vertical centres lie within this share of their height of a line's centre are on
# that line.
SAME_LINE_SHARE = 0.5
# A gap between two words wider than this many of their heights is a gap between cells (a space
# in the line's text); a narrower one is the spacing of the characters of one word.
CELL_GAP_HEIGHTS = 0.6
# At most this many characters of unused cover text are quoted in a note (the rest counted).
NOTE_CHARS = 240
# A page printing this many 提出時期 cells (事前 / 事後 alone between cell gaps) is a table page,
# whether or not its title and header read: never a cover page of its own.
MIN_TABLE_TIMINGS = 2
_SPACE = regex.compile(r"\s+")
_TITLE = regex.compile(r"変\s*更\s*箇\s*所")


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines, top first, each line left to right."""
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid, h = (w.top + w.bottom) / 2, max(w.bottom - w.top, 1e-6)
        if out:
            last = out[-1]
            lmid = sum((v.top + v.bottom) / 2 for v in last) / len(last)
            if abs(mid - lmid) <= SAME_LINE_SHARE * h:
                last.append(w)
                continue
        out.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in out]


def line_text(line: list[Word]) -> str:
    """A line's words joined: a space between words in different cells (a wide gap), none
    between the characters of one word."""
    parts: list[str] = []
    prev: Word | None = None
    for w in line:
        if prev is not None:
            h = max(w.bottom - w.top, prev.bottom - prev.top, 1e-6)
            if w.x0 - prev.x1 > CELL_GAP_HEIGHTS * h:
                parts.append(" ")
        parts.append(w.text.strip())
        prev = w
    return "".join(parts).strip()


def _timing_cells(lines: list[list[Word]]) -> int:
    """How many 提出時期 cells the lines print: pieces between cell gaps that read 事前 or 事後
    alone (``vocabulary.TIMING``).  A cover prints none."""
    return sum(bool(TIMING.match(piece)) for ln in lines for piece in line_text(ln).split(" "))


def _dated(pw: PageWords) -> bool:
    """True for a page whose date column prints the table's rows' dates (``dated_lines``)."""
    from .dated_lines import MIN_TABLE_DATES, page_dates

    return page_dates(pw) >= MIN_TABLE_DATES


def _table_top(lines: list[list[Word]]) -> float | None:
    """The top of the table on a page: its title's line (変更箇所) or its header row's."""
    for line in lines:
        flat = _SPACE.sub("", "".join(w.text for w in line))
        if _TITLE.search(flat) or sum(k in flat for k in _TABLE_LABELS) >= MIN_TABLE_LABELS:
            return min(w.top for w in line)
    return None


def _has_label(text: str) -> bool:
    flat = _SPACE.sub("", text)
    return any(lab in flat for lab in COVER_LABELS) or form_of(flat) is not None


def split_cover(pages: list[PageWords]) -> tuple[dict[str, str], list[str], list[PageWords]]:
    """(cover facts, notes, the pages left for the table) of a scan's pages.

    Among the first ``COVER_PAGES`` pages, the cover is a page before the table's first page
    without its title or header, and with fewer than ``MIN_TABLE_TIMINGS`` 提出時期 cells, that
    gives ``MIN_COVER_FACTS`` facts, or the lines above the
    table's title or header on the table's first page that give one.  Its words and rulings
    are taken off the page (a page left empty is dropped); the facts come from its lines; a
    note names the page and every line of it used for no fact.
    """
    facts: dict[str, str] = {}
    notes: list[str] = []
    kept: list[PageWords] = []
    table_seen = False
    for pw in pages:
        if pw.page > COVER_PAGES or facts or table_seen or not pw.words:
            kept.append(pw)
            continue
        lines = _lines(pw.words)
        top = _table_top(lines)
        table_seen = top is not None
        if top is None and (_timing_cells(lines) >= MIN_TABLE_TIMINGS or _dated(pw)):
            # A table page whose title and header did not read (misread, or not printed): its
            # first row may name the cover's labels (a row amending 表紙 / 評価書名).
            table_seen = True
            kept.append(pw)
            continue
        zone = [ln for ln in lines if top is None or max(w.bottom for w in ln) <= top]
        texts = [line_text(ln) for ln in zone]
        if not zone or not any(_has_label(t) for t in texts):
            kept.append(pw)
            continue
        ruled, ruling_notes = ruling_ones(zone)
        texts = [line_text(ln) for ln in ruled]
        texts = [mend_label(t) for t in join_wrapped_labels(texts)]
        found, doubtful = _checked(cover_facts_from_text("\n".join(texts)))
        doubtful += _unsure_reads(found, zone) + ruled_number_doubts(
            found.get("assessment_number"), zone, ruled
        )
        # A page of its own counts as the cover only with MIN_COVER_FACTS facts (a table page
        # whose title did not read may name a label in a cell).
        if len([k for k in found if k != "form"]) < (1 if top is not None else MIN_COVER_FACTS):
            kept.append(pw)
            continue
        facts = found
        taken = {id(w) for ln in zone for w in ln}
        where = "cover page" if top is None else "cover above the table"
        notes.append(
            f"page {pw.page}: {where} read for its facts ({', '.join(sorted(found))}); "
            f"its {len(taken)} OCR words kept out of the table"
        )
        unused = [t for t in texts if not _used(t, found)]
        if unused:
            notes.append(_unused_note(pw.page, unused))
        notes.extend(f"page {pw.page}: cover {why}" for why in doubtful)
        notes.extend(f"page {pw.page}: {why}" for why in ruling_notes)
        pw.words = [w for w in pw.words if id(w) not in taken]
        if top is not None:
            pw.rulings = [r for r in pw.rulings if max(r[1], r[3]) > top - _ruling_slack(pw)]
        if pw.words:
            kept.append(pw)
    return facts, notes, kept


# Glyphs OCR makes of a vertical cell ruling.
_RULING_GLYPHS = regex.compile(r"^[|｜│┃¦]+$")
# What OCR makes of a ruling glued to the value beside it (``135`` for ``|35``).
_RULING_AS_CHAR = "1lI|｜"
# A ruling read in this many lines of the cover at one x is a column of cell rulings.
MIN_RULING_LINES = 2
# Rulings of one column lie within this share of a line's height of each other; a word opening
# on one starts no further than this share of its height past the ruling glyph's right edge
# (a value's own first character stands a cell's padding away from it).
RULING_X_HEIGHTS = 0.5
RULING_SLACK_HEIGHTS = 0.1


def ruling_ones(zone: list[list[Word]]) -> tuple[list[list[Word]], list[str]]:
    """The cover's lines with a ruling that OCR glued to a value as its first character taken
    off (``135`` where the cell prints ``35`` beside its ruling), and a note per change.

    The cover's value cells share their left ruling: where ``MIN_RULING_LINES`` lines read a
    ruling glyph alone (``｜``) at one x, a word of another line that opens on that glyph's
    span (``RULING_SLACK_HEIGHTS`` of its height of slack) with ``1``, ``l``, ``I`` or ``|`` and
    goes on has the ruling for its first character.  The note does not name a fact: it says
    what was read and what was kept.  The other way round, a ruling glyph off that column right
    before digits may be a 1 (``|2`` for 12) that trimming the value's edges would drop: a note
    quotes the line (its label with it) and asks to check it."""
    glyphs = [(w.x0, w.x1) for ln in zone for w in ln if _RULING_GLYPHS.match(w.text.strip())]
    heights = sorted(w.bottom - w.top for ln in zone for w in ln) or [0.0]
    height = heights[len(heights) // 2]
    columns = [
        g
        for g in glyphs
        if sum(abs(g[0] - h[0]) <= RULING_X_HEIGHTS * height for h in glyphs) >= MIN_RULING_LINES
    ]
    slack = RULING_SLACK_HEIGHTS * height
    out: list[list[Word]] = []
    notes: list[str] = []
    for ln in zone:
        line = []
        for k, w in enumerate(ln):
            t = w.text.strip()
            nxt = ln[k + 1] if k + 1 < len(ln) else None
            if (
                _RULING_GLYPHS.match(t)
                and columns
                and not any(abs(w.x0 - x0) <= RULING_X_HEIGHTS * height for x0, _ in columns)
                and nxt is not None
                and nxt.text.strip()[:1].isdigit()
                and nxt.x0 - w.x1 <= RULING_X_HEIGHTS * height
            ):
                # A ruling glyph off the rulings' column just before digits: a 1 read as a
                # ruling (12 read |2), which the value's trimming would drop.
                notes.append(
                    f"cover line {line_text(ln)!r}: {t!r} off the column of the cells' rulings "
                    f"just before {nxt.text.strip()!r}: a 1 read as a ruling? check it"
                )
            if (
                len(t) > 1
                and t[0] in _RULING_AS_CHAR
                and not _RULING_GLYPHS.match(t)
                and any(x0 - slack <= w.x0 <= x1 + slack for x0, x1 in columns)
            ):
                notes.append(
                    f"cover value {t!r} opens on the column of the cells' rulings: its first "
                    f"{t[0]!r} read as the ruling, {t[1:]!r} kept"
                )
                w = replace(w, text=t[1:], x0=w.x0 + (w.x1 - w.x0) / len(t))
            line.append(w)
        out.append(line)
    return out, notes


def _digits(text: str) -> str:
    return unicodedata.normalize("NFKC", _SPACE.sub("", text))


def ruled_number_doubts(number: str | None, zone: list[list[Word]], ruled: list[list[Word]]) -> list[str]:
    """Why the 評価書番号 read (``number``) may have lost a digit to the cell's ruling, naming the
    fact: the word it was read from opened with a ``1`` (``l``, ``I``, ``|``) on the rulings'
    column that ``ruling_ones`` took for the ruling (``12`` kept as ``2``), or it follows a ruling
    glyph within ``RULING_X_HEIGHTS`` of its height (``｜2``: the ruling, or the number's 1 read
    as one; on the rulings' column ``ruling_ones`` says nothing).  ``zone``: the cover's lines as
    read, ``ruled``: as ``ruling_ones`` left them.  A name or an agency keeps its words; a number
    that lost its first digit is another number, and a right one reads the same."""
    if not number:
        return []
    want = _digits(number)
    for line, kept in zip(zone, ruled, strict=True):
        for k, (w, v) in enumerate(zip(line, kept, strict=True)):
            t = w.text.strip()
            if t != v.text.strip() and _digits(v.text) == want:
                return [
                    f"評価書番号 read as {number!r}: its word read {t!r}, the {t[0]!r} taken for the cell's"
                    " ruling: a 1? check it"
                ]
            nxt = line[k + 1] if k + 1 < len(line) else None
            if (
                _RULING_GLYPHS.match(t)
                and nxt is not None
                and _digits(nxt.text) == want
                and nxt.x0 - w.x1 <= RULING_X_HEIGHTS * max(nxt.bottom - nxt.top, 1e-6)
            ):
                return [
                    f"評価書番号 read as {number!r} right after {t!r}: the cell's ruling, or a 1 read as one?"
                    " check it"
                ]
    return []


def join_wrapped_labels(texts: list[str]) -> list[str]:
    """Cover lines with a label wrapped in its narrow cell put together: ``評価実施機関`` over
    ``名 ○○市長`` reads ``評価実施機関名 ○○市長``."""
    out = list(texts)
    k = 0
    while k + 1 < len(out):
        head = _SPACE.sub("", out[k])
        nxt = out[k + 1].lstrip()
        for label in COVER_LABELS:
            rest = label[len(head) :]
            if head and label.startswith(head) and rest and nxt.startswith(rest):
                out[k : k + 2] = [label + " " + nxt[len(rest) :].lstrip()]
                break
        k += 1
    return out


# Edits allowed between a cover label and what OCR read of it: one in a label of up to four
# characters (公表日, 評価書名), two in a longer one.
LABEL_EDITS_SHORT = 1
LABEL_EDITS_LONG = 2
_LINE_EDGE = regex.compile(r"^[\s|｜│┃¦:：.．、。「」]+")


def mend_label(text: str) -> str:
    """A cover line whose opening reads as a cover label with a character or two misread
    (``｜表日``, ``公表電``, ``価書番号``) written with the label, then its value; the 公表日's value
    cut after its 日 with its era name mended (``date_repairs.fix_date``).  Other lines as read."""
    from .date_repairs import fix_date
    from .item_lines import levenshtein

    flat = _SPACE.sub("", _LINE_EDGE.sub("", text))
    best: tuple[int, str, int] | None = None
    for label in COVER_LABELS:
        allowed = LABEL_EDITS_SHORT if len(label) <= 4 else LABEL_EDITS_LONG
        for n in range(max(2, len(label) - allowed), len(label) + allowed + 1):
            d = levenshtein(flat[:n], label, allowed)
            if d <= allowed and (best is None or (d, -n) < (best[0], -best[2])):
                best = (d, label, n)
    if best is None:
        return text
    _, label, n = best
    rest = _EDGE.sub("", flat[n:])
    if label == "公表日" and "日" in rest:
        rest = fix_date(rest[: rest.index("日") + 1])
    return f"{label} {rest}".strip()


# Glyphs OCR makes of a cell's rulings at a value's edges, and brackets left open there.
_EDGE = regex.compile(r"^[\s|｜│┃¦「『.．:：]+|[\s|｜│┃¦」』]+$")
_OPEN_CLOSE = (("（", "）"), ("(", ")"), ("「", "」"), ("[", "]"), ("［", "］"))
_DIGITS = regex.compile(r"^[0-9０-９]+(?:[-－ー][0-9０-９]+)?$")


def _checked(facts: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The facts with ruling remnants and open brackets trimmed from their edges, and an
    評価書番号 that is not a number left out (why, for a note)."""
    out: dict[str, str] = {}
    why: list[str] = []
    for key, value in facts.items():
        value = _EDGE.sub("", value).strip()
        for a, b in _OPEN_CLOSE:
            if value.endswith(b) and a not in value:
                value = value[:-1].rstrip()
        if key == "assessment_number" and not _DIGITS.match(_SPACE.sub("", value)):
            why.append(f"評価書番号 read as {value!r}, not a number: left out")
            continue
        if value:
            out[key] = value
    return out, why


# A fact read from a line whose least sure character tesseract gave a confidence under this is
# doubted (a character misread in a name, 駅課 for 賦課).
COVER_MIN_CONF = 60.0


# Circles and what OCR makes of them (〇 as ○, Ｏ, O, o): a placeholder run 〇〇 in an agency's
# or a name's printing is read with a circle lost or added, or as letters.
_CIRCLES = regex.compile(r"[〇○◯ＯOoｏ]")


def circle_doubts(facts: dict[str, str]) -> dict[str, str]:
    """Fact key → why it is doubtful, for an 評価書名 or 評価実施機関名 read by OCR with circles in
    it: a placeholder run 〇〇 is read with a circle lost or added (〇市長 for 〇〇市長)."""
    from piatable.normalize.cover import FACT_LABELS

    return {
        key: f"{FACT_LABELS[key]} read as {facts[key]!r}: OCR reads a run of circles (〇〇) with "
        "their count and shape unsure: check it"
        for key in ("assessment_name", "agency")
        if _CIRCLES.search(_SPACE.sub("", facts.get(key) or ""))
    }


def _unsure_reads(facts: dict[str, str], zone: list[list[Word]]) -> list[str]:
    """Why each fact (評価書番号, 評価書名, 評価実施機関名, 公表日) read from a line with a character
    of confidence under ``COVER_MIN_CONF`` is doubtful."""
    from piatable.normalize.cover import FACT_LABELS

    why = list(circle_doubts(facts).values())
    for key in ("assessment_number", "assessment_name", "agency", "published_raw"):
        value = _SPACE.sub("", facts.get(key) or "")
        if not value:
            continue
        for line in zone:
            flat = _SPACE.sub("", "".join(w.text for w in line))
            if value[:4] not in flat:
                continue
            confs = [w.conf for w in line if w.conf is not None and _SPACE.sub("", w.text) in value]
            if confs and min(confs) < COVER_MIN_CONF:
                why.append(
                    f"{FACT_LABELS[key]} read as {facts[key]!r} with a character of OCR confidence "
                    f"{min(confs):.0f}: check it"
                )
            break
    return why


def _ruling_slack(pw: PageWords) -> float:
    """Half a median word height: a ruling that close above the table's title is the table's."""
    hs = sorted(w.bottom - w.top for w in pw.words) or [0.0]
    return hs[len(hs) // 2] / 2


def _used(text: str, facts: dict[str, str]) -> bool:
    """True when a cover line gave a fact or names a label (its value on the next line)."""
    flat = _SPACE.sub("", text)
    if not flat or _has_label(flat):
        return True
    return any(v and (_SPACE.sub("", v) in flat or flat in _SPACE.sub("", v)) for v in facts.values())


def _unused_note(page: int, unused: list[str]) -> str:
    quoted, size = [], 0
    for t in unused:
        if size + len(t) > NOTE_CHARS:
            break
        quoted.append(repr(t))
        size += len(t)
    rest = sum(len(t) for t in unused[len(quoted) :])
    more = f" and {rest} more characters" if rest else ""
    return f"page {page}: cover text used for no fact: {'; '.join(quoted)}{more}"


# A band above the table holding this many lines of ink (the cover's, and the table's title) is
# read for a cover; fewer is the table's title alone (no tesseract call).
MIN_BAND_LINES = 3
# A cover page's ink outside its cells is read when it holds this many lines: on a page known to
# be a cover, one line left (the 公表日's value in the last box, which the grid finder did not
# take for a cell) may be a fact.
MIN_REST_LINES = 1
# Tesseract's page segmentation for the band: a column of text of variable sizes (labels and
# values stay one line each; ``--psm 6`` read a Calc cover's lines much worse).
BAND_PSM = 4
# A row of pixels holds a line's ink when at least this share of a glyph's height of its pixels
# are ink (a speck of the paper is fewer).
BAND_ROW_INK_EM = 0.3


def read_cover_band(
    clean: np.ndarray, text_ink: np.ndarray, table_top: int, glyph: float, lang: str, engine: str
) -> list[TsvWord]:
    """The words of a page's band above its ruled table (``table_top``, pixels) when that band
    prints a cover: lines of ink there are read (one tesseract call) and kept only when they
    name a cover label.  [] otherwise (the table's title alone is not read)."""
    from .engine import tesseract_chars
    from .line_rereads import ink_runs

    cut = max(int(table_top) - 2, 0)
    if cut < 3 * glyph:
        return []
    inked = (text_ink[:cut] > 0).sum(axis=1) >= max(3.0, BAND_ROW_INK_EM * glyph)
    if len(ink_runs(inked, 0.4 * glyph)) < MIN_BAND_LINES:
        return []
    words = tesseract_chars(clean[:cut], BAND_PSM, lang, engine)
    flat = _SPACE.sub("", "".join(w.text for w in words))
    return words if any(lab in flat for lab in COVER_LABELS) else []


# The cover's words among the cells' words: a page whose cells name this many cover labels and
# fewer than MIN_TABLE_LABELS of the table's column labels is a cover page.
MIN_COVER_LABELS = 1


def is_cover_words(words: list[TsvWord]) -> bool:
    """True when OCR words name a cover label and not the table's header (a cover page)."""
    flat = _SPACE.sub("", "".join(w.text for w in words))
    labels = sum(lab in flat for lab in COVER_LABELS)
    return labels >= MIN_COVER_LABELS and sum(k in flat for k in _TABLE_LABELS) < MIN_TABLE_LABELS


def read_cover_rest(
    clean: np.ndarray,
    text_ink: np.ndarray,
    boxes: list[tuple[int, int, int, int]],
    glyph: float,
    paper: int,
    lang: str,
    engine: str,
) -> list[TsvWord]:
    """The words of a cover page's ink outside the ruled cells read already (``boxes``: x0, top,
    x1, bottom in pixels, the cells and the band read above them): a cover prints its facts in
    several small ruled boxes, and the grid finder may take only some of them for cells (a box
    of one column, a box whose rulings a scan broke).  One tesseract call on the page with those
    cells painted over, when ``MIN_REST_LINES`` lines of ink are left; [] otherwise."""
    from .engine import tesseract_chars
    from .line_rereads import ink_runs

    rest = clean.copy()
    ink = text_ink.copy()
    for x0, top, x1, bottom in boxes:
        rest[max(top, 0) : bottom + 1, max(x0, 0) : x1 + 1] = paper
        ink[max(top, 0) : bottom + 1, max(x0, 0) : x1 + 1] = 0
    inked = (ink > 0).sum(axis=1) >= max(3.0, BAND_ROW_INK_EM * glyph)
    if len(ink_runs(inked, 0.4 * glyph)) < MIN_REST_LINES:
        return []
    return tesseract_chars(rest, BAND_PSM, lang, engine)
