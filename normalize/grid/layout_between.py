"""A second table on the same page of ``pdftotext -layout`` text, and the prose above it.

A filing may hold two amendment tables with a paragraph between them (``上記の変更は、…次のとおり
である。``), the second under its own label row, on the page where the first ends.  Read as one
page, the paragraph becomes a cell of the first table's last row and the second label row a
row of its own.  Here such a page is cut in two at the label row that follows a date on the page
(``split_second_tables``): the part from the label row on is read as a page of its own (same
page number: it has its label row to set its columns, as a page under a repeated header has).
The lines right above that label row, set apart from the rows by a blank line, each one piece
of text with no column gap that opens at the page's left margin, are that paragraph: they are
dropped and named in a note.  Only such a paragraph or heading makes a second table: a label row
right under table text with none between is the same table's header printed again (Calc prints a
merged cell's text cut by a page break above the next page's repeated header), and the table
runs on through it.

A caption under the title (``※提出時期は、…規則第１１条に基づく。``: ``captions.is_caption``) is
no table text either: Gnumeric prints one right above the label row, which cut the page there and
named title and caption as text between two tables (set XIII t10, branch gnumeric52).  The
captions above a page's first label row are named in a note as the other readers name them (the
page's reading leaves all lines above its label row out of the rows).
"""

from __future__ import annotations

import regex

from piatable.models import PageWords, Word
from piatable.vocabulary import LABELS, is_page_number, is_title

from ..between import is_between_heading
from ..captions import CAPTION_NOTE, is_caption, quote_captions
from ..dates import DATE_AT_START, is_date_head
from .layout_halves import split_layout_halves
from .layout_strips import join_layout_strips

# A piece of a date (``10月17日``, ``１日``, ``2021年``).
_DATE_PIECE = regex.compile(r"^[0-9０-９]{1,4}\s*[年月日]")
# A prose line opens at most this many display columns right of the page's leftmost text.
PROSE_MARGIN_COLUMNS = 2
# A prose line may open with a mark of at most this many characters set apart (``※   上記の…``).
PROSE_MARK_CHARS = 2
NOTE_CHARS = 60


def is_label_row(words: list[Word]) -> bool:
    """A printed line of column labels only (each piece a label or a piece of one, wrapped:
    ``提出時`` / ``期``), at least three whole labels."""
    pieces = [p for w in words for p in w.text.split()]
    whole = sum(1 for p in pieces if p in LABELS)
    return whole >= 3 and all(any(p in label for label in LABELS) for p in pieces)


def _label_pieces(words: list[Word]) -> bool:
    pieces = [p for w in words for p in w.text.split()]
    return bool(pieces) and all(any(p in label for label in LABELS) for p in pieces)


def _is_date_piece(text: str) -> bool:
    """A date, its head (令和元年５月) or a piece a wrapped date leaves (``10月17日``, ``１日``)."""
    return bool(DATE_AT_START.match(text) or is_date_head(text) or _DATE_PIECE.search(text))


def _is_furniture_row(words: list[Word]) -> bool:
    """Labels or pieces of them (``時期 係る説明``: a wrapped label row's second line), a title
    or a page number."""
    text = " ".join(w.text for w in words)
    pieces = text.split()
    return is_title(text) or is_page_number(text) or all(any(p in label for label in LABELS) for p in pieces)


def _rows(page: PageWords) -> list[tuple[float, list[Word]]]:
    by_top: dict[float, list[Word]] = {}
    for w in page.words:
        by_top.setdefault(w.top, []).append(w)
    return sorted((top, sorted(ws, key=lambda w: w.x0)) for top, ws in by_top.items())


def _prose_above(rows: list[tuple[float, list[Word]]], h: int, left: float) -> list[int] | None:
    """Indices of the rows right above label row ``h`` that are prose (module docstring), or
    None when the rows above run on into it with no blank line."""
    picked: list[int] = []
    j = h - 1
    while j >= 0:
        words = rows[j][1]
        # One piece of text, or a mark (``※``, ``１``) and one piece, at the left margin.
        pieces = len(words) == 1 or (len(words) == 2 and len(words[0].text) <= PROSE_MARK_CHARS)
        single = pieces and words[0].x0 <= left + PROSE_MARGIN_COLUMNS
        if not single or any(_is_date_piece(w.text) for w in words):
            break
        picked.append(j)
        j -= 1
    if not picked:
        return []
    first = picked[-1]
    # A blank line between the rows above and the paragraph (pdftotext prints the space after
    # a table as empty lines).
    heading = len(picked) == 1 and is_between_heading(" ".join(w.text for w in rows[first][1]))
    if first > 0 and rows[first][0] - rows[first - 1][0] < 2 and not heading:
        return None
    return sorted(picked)


def _second_table(rows: list[tuple[float, list[Word]]], left: float) -> tuple[int, list[int]] | None:
    """The first label row after table text with prose or a heading right above it (``None``
    when there is none): its index (its wrapped first line's, if wrapped) and the prose rows'.

    A label row with table text right above it and no prose between is the same table's header
    printed again (a repeated header under text Calc printed above it, a merged cell's text cut
    by a page break): the table runs on, the page is not cut."""
    seen_body = False
    for h, (_top, words) in enumerate(rows):
        if is_label_row(words):
            if not seen_body:
                continue
            cut = h
            # The label row's wrapped first line (``提出時 提出時期に係る説`` above ``… 期 明``).
            while cut > 0 and rows[cut][0] - rows[cut - 1][0] < 2 and _label_pieces(rows[cut - 1][1]):
                cut -= 1
            prose = _prose_above(rows, cut, left)
            if prose:
                return cut, prose
        elif not _is_furniture_row(words) and not is_caption(" ".join(w.text for w in words)):
            seen_body = True
    return None


def _captions_above_labels(rows: list[tuple[float, list[Word]]]) -> list[str]:
    """The captions among the rows above the first row of label pieces (none when there is
    none: a wrapped label row's first line may hold one piece, ``提出時``)."""
    head = next((h for h, (_top, words) in enumerate(rows) if _label_pieces(words)), 0)
    texts = [" ".join(w.text for w in words) for _top, words in rows[:head]]
    return [t for t in texts if is_caption(t)]


def split_second_tables(pages: list[PageWords]) -> tuple[list[PageWords], list[str]]:
    """``pages`` with each page that prints a second label row after table text cut at that
    row; the prose right above it is dropped, named in the notes returned.  A page whose lines
    hold side-by-side table blocks is first cut into its blocks (``layout_halves``), and the
    pages of a sheet too wide for its page joined first (``layout_strips``)."""
    out: list[PageWords] = []
    pages = join_layout_strips(pages, strips := [])
    pages, notes = split_layout_halves(pages)
    notes[:0] = strips
    for page in pages:
        rows = _rows(page)
        captions = _captions_above_labels(rows)
        if captions:
            notes.append(CAPTION_NOTE.format(quote_captions(captions)))
        left = min((w.x0 for w in page.words), default=0.0)
        found = _second_table(rows, left)
        if found is None:
            out.append(page)
            continue
        cut, prose = found
        first = prose[0]
        head = [w for _, ws in rows[:first] for w in ws]
        rest = [w for _, ws in rows[cut:] for w in ws]
        text = "".join(w.text for k in prose for w in rows[k][1])
        more = "…" if len(text) > NOTE_CHARS else ""
        notes.append(f"text between two tables, not a row: '{text[:NOTE_CHARS]}{more}'")
        base = PageWords(page.page, page.width, page.height, page.unit, page.source, head, page.rulings)
        tail = PageWords(page.page, page.width, page.height, page.unit, page.source, rest, page.rulings)
        if not all(_is_furniture_row(ws) for _, ws in rows[:first]):
            out.append(base)
        more_pages, more_notes = split_second_tables([tail])
        out.extend(more_pages)
        notes.extend(more_notes)
    return out, notes
