"""Pages of the table region where no table columns were found: what their note says, and
whether the rows they print count as lost; and a page that prints only the closing mark 以上.

Split from ``rows`` (the page-by-page reading of the grid), which calls it for such a page.
"""

from __future__ import annotations

import regex

from piatable.models import PageWords
from piatable.settings import GridSettings
from piatable.vocabulary import TIMING_WORD, is_page_number

from ..closing_mark import CLOSING_MARK
from ..column_strips import unprinted_last_labels
from ..dates import DATE
from .common import GridResult, is_furniture
from .lines import words_to_lines

# A page without table columns: how many of its printed dates (distinct) its note quotes.
QUOTED_DATES = 3
# A scanned page ruled as a table: at least this many distinct vertical rulings (x within
# GRID_X_MERGE_PT points) each at least GRID_RULING_SHARE of the page's height long, and
# GRID_MIN_ACROSS horizontal ones.  A table page read turned or too poorly for its columns is
# one; a cover's box of facts (label | value) has two or three such verticals (session 62:
# a sheet fed upside down, read as it lay, gave no row and was called a page without a table).
GRID_MIN_DOWN = 4
GRID_MIN_ACROSS = 2
GRID_RULING_SHARE = 0.3
GRID_X_MERGE_PT = 3.0


def note_unread_page(
    page: PageWords, hx: float, hy: float, gs: GridSettings, result: GridResult, started: bool = False
) -> None:
    """The note of a page where no table columns were found.  A page that prints a date
    opening a line (its 日 may wrap to the next) and 事前 or 事後 holds rows of the table that no
    record has: its words count as unplaced (the document is partial), and the note quotes the
    dates.  So does any page of body text after the table has begun (``started``: rows were read
    on a page before), whose text would else be dropped without a word (issue 11, pagecont18),
    and a scanned page ruled as a table (``ruled_as_table``), or holding ink inside its table
    that no cell held (``PageWords.unread``), with words on it: a page read turned, its grid
    broken or read too poorly for its columns, never "nothing lost".  Other pages (a cover before
    the table) are only named."""
    lines = [ln.text for ln in words_to_lines(page.words, hx, hy, gs)]
    dates = [m.group().strip() for t in lines if (m := DATE.match(t.lstrip()))]
    # (事前 / 事後, or a label row of the first columns alone: a sheet too wide for its page prints
    # its timings on pages of their own; set XXXIV n10 said "nothing lost" of 14 dated rows.)
    if dates and (any(TIMING_WORD.search(t) for t in lines) or unprinted_last_labels([page])):
        distinct = list(dict.fromkeys(dates))
        shown = "、".join(distinct[:QUOTED_DATES]) + (" …" if len(distinct) > QUOTED_DATES else "")
        result.notes.append(
            f"page {page.page}: no table columns found; its {len(dates)} printed dates ({shown}) "
            "and their rows are in no record"
        )
        result.unplaced += sum(1 for w in page.words if w.text.strip())
    elif started and (body := [t for t in lines if t.strip() and not is_furniture(t)]):
        _name_unread_body(page.page, len(body), result.notes)
        result.unplaced += sum(1 for w in page.words if w.text.strip())
    elif (
        page.source == "ocr"
        and (ruled_as_table(page) or page.unread)
        and (inked := sum(1 for w in page.words if w.text.strip()))
    ):
        # (``page.unread``: ink inside the page's table that no cell of its grid held, counted
        # by the reader: a grid broken up, as a crumpled page's wavy rulings break it (set XXIX
        # t01's page 1, 9 rows lost, said "nothing lost").)
        result.notes.append(
            f"page {page.page}: ruled as a table but no table columns read (its {inked} words, "
            "turned, its rulings broken or read too poorly?): its rows, if any, are in no record; "
            "check the page"
        )
        result.unplaced += inked
    else:
        _name_page_without_table(page.page, result.notes)


def ruled_as_table(page: PageWords) -> bool:
    """``page``'s rulings (points) make a table's grid: ``GRID_MIN_DOWN`` distinct long vertical
    rulings and ``GRID_MIN_ACROSS`` horizontal ones (see those constants)."""
    long_down = GRID_RULING_SHARE * page.height
    xs = sorted((x0 + x1) / 2 for x0, t, x1, b in page.rulings if b - t >= long_down and b - t > x1 - x0)
    across = sum(1 for x0, t, x1, b in page.rulings if x1 - x0 > b - t)
    distinct = sum(1 for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > GRID_X_MERGE_PT)
    return distinct >= GRID_MIN_DOWN and across >= GRID_MIN_ACROSS


# The note naming pages with no table on them (a cover, body text before the table), for one
# page or a run of them.  It says that nothing was lost: "no table columns found (no row of the
# table read on it)" read to a bulk user like rows lost on every cover (bulkuser54).
_NO_TABLE = "no amendment table on {} (no dated row printed there; nothing lost)"
_NO_TABLE_ONE = regex.compile(r"^page (?P<first>\d+): " + regex.escape(_NO_TABLE.format("it")) + "$")
_NO_TABLE_RUN = regex.compile(
    r"^pages (?P<first>\d+)-(?P<last>\d+): " + regex.escape(_NO_TABLE.format("them")) + "$"
)


def _name_page_without_table(page: int, notes: list[str]) -> None:
    """Name ``page`` in ``notes`` as a page with no table on it; a run of such pages is one note
    (``pages 1–4: …``): a whole assessment's cover and body before the table gave a note per
    page, which a new user read as errors."""
    last = notes[-1] if notes else ""
    if (m := _NO_TABLE_ONE.match(last)) and int(m["first"]) == page - 1:
        notes[-1] = f"pages {m['first']}-{page}: " + _NO_TABLE.format("them")
    elif (m := _NO_TABLE_RUN.match(last)) and int(m["last"]) == page - 1:
        notes[-1] = f"pages {m['first']}-{page}: " + _NO_TABLE.format("them")
    else:
        notes.append(f"page {page}: " + _NO_TABLE.format("it"))


def unname_page_without_table(page: int, notes: list[str]) -> None:
    """Take ``page`` out of the notes (in place) that name it as a page with no table on it (a
    run of such pages keeps its other pages): the caller found the table's column labels
    printed there while no row was read, so "no amendment table on it (…nothing lost)" would
    contradict the note that says so (set XXV t07: both notes on one page)."""
    out: list[str] = []
    for note in notes:
        m = _NO_TABLE_ONE.match(note) or _NO_TABLE_RUN.match(note)
        first = int(m["first"]) if m else 0
        last = int(m.groupdict().get("last") or first) if m else 0
        if not m or not first <= page <= last:
            out.append(note)
            continue
        for a, b in ((first, page - 1), (page + 1, last)):
            if a == b:
                out.append(f"page {a}: " + _NO_TABLE.format("it"))
            elif a < b:
                out.append(f"pages {a}-{b}: " + _NO_TABLE.format("them"))
    notes[:] = out


# The note of pages of body text after the table's rows began (prose after or between tables),
# for one page or a run of them.
_BODY = "no table columns found; {} lines of text after the table's rows were not read"
_BODY_ONE = regex.compile(r"^page (?P<first>\d+): no table columns found; its (?P<n>\d+) lines ")
_BODY_RUN = regex.compile(
    r"^pages (?P<first>\d+)-(?P<last>\d+): no table columns found; their (?P<n>\d+) lines "
)


def _name_unread_body(page: int, lines: int, notes: list[str]) -> None:
    """Note ``lines`` lines of body text on ``page`` as not read; a run of such pages (the prose
    pages after a table) is one note, ``pages 6–7: … their 17 lines …``."""
    last = notes[-1] if notes else ""
    m = _BODY_ONE.match(last) or _BODY_RUN.match(last)
    if m and int(m.groupdict().get("last") or m["first"]) == page - 1:
        notes[-1] = f"pages {m['first']}-{page}: " + _BODY.format(f"their {int(m['n']) + lines}")
    else:
        notes.append(f"page {page}: " + _BODY.format(f"its {lines}"))


CLOSING_NOTE_PAGE = "the closing mark 以上 printed alone after the table was left out of the rows"


# The characters ``CLOSING_MARK`` matches: a word holding any other, unless a page number,
# puts that character into the joined text, which then cannot match.
_MARK_CHARS = frozenset("以上 \t\u3000")


def closing_mark_page(page: PageWords) -> bool:
    """True when ``page``'s words, page numbers aside, read 以上 and nothing else: the closing
    mark a filing prints after its table (normalize/closing_mark.py), on a page of its own.
    A table page answers at its first word of other text (once per page of the table: its
    thousand words each tested as a page number had cost about 4% of a read)."""
    texts = []
    for w in page.words:
        if not (text := w.text.strip()):
            continue
        if not _MARK_CHARS.issuperset(text):
            if is_page_number(text):
                continue
            return False
        texts.append(text)
    return bool(texts) and bool(CLOSING_MARK.match("".join(texts)))


# The column labels whose printing on a page shows the table is there (whitespace-free page text
# holding them), whether or not its rows could be read: the six labels, of which those only this
# table prints (a page of prose may name 項目 or 説明).  A sheet too wide for its page prints its
# label row in strips (変更日 / 項目 / 変更前 on one page, 変更後 / 提出時期 / 説明 on another:
# ``column_strips``), so a page shows the table when it prints ``MIN_PRINTED_LABELS`` of them,
# ``MIN_OWN_LABELS`` of those its own (set XXI t02: a strip scan gave 0 rows, status success).
PRINTED_LABELS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
OWN_LABELS = ("変更日", "変更前", "変更後", "提出時期")
MIN_PRINTED_LABELS = 3
MIN_OWN_LABELS = 2


def page_printing_labels(pages: list[PageWords]) -> int | None:
    """The first of ``pages`` (1-based page number) whose words, joined whitespace-free in their
    order, hold ``MIN_PRINTED_LABELS`` of ``PRINTED_LABELS``, ``MIN_OWN_LABELS`` of them of
    ``OWN_LABELS``: the table's label row (or a strip of it) is printed there.  None if no page
    does.  A document with such a page and no row read lost the whole table: the pipeline says
    so and calls it partial (a Gnumeric table whose wrapped dates open no line gave 0 rows with
    status success, session 53)."""
    for page in pages:
        text = "".join("".join(w.text.split()) for w in page.words)
        printed = [label for label in PRINTED_LABELS if label in text]
        own = [label for label in printed if label in OWN_LABELS]
        if len(printed) >= MIN_PRINTED_LABELS and len(own) >= MIN_OWN_LABELS:
            return page.page
    return None
