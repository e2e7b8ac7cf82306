"""A caption printed under the table's title (``※変更箇所に下線``, ``注：変更箇所は下線で示す``),
kept out of the rows with a note naming it (issues 10 and 12, branch raw46).

Filings often print, between the title ``（別添２）変更箇所`` and the column labels, a line that
says how the changes are marked.  In flattened text it stands where the extractor put it: before
the labels, or among a page's one-line cells (Calc prints it as a one-line cell of the sheet,
with the dates and timings), where the reader takes it into a row's item or body cell, or leaves
it in no row (every row near it then flagged ``unplaced_text``).

A caption is a line that opens as a note does (※, 注：, （注）: ``closing_mark.NOTE_OPENING``),
speaks of how changes are marked (``CAPTION_WORDS``: 下線, 変更箇所, 網掛け …), is at most
``CAPTION_MAX_CHARS`` characters long and is one piece (a line that holds a date or a 提出時期
beside it is left as it is).  No paragraph of any cell of the samples' truth is one
(3,008 paragraphs open with such a mark; none speaks of the marking).  ``cut_captions`` takes such
lines out of the rows and the region and returns a note quoting them; the lines just before the
region (``CAPTION_NEAR_LINES``, beside the column labels) are named too: text never goes unsaid.

A second kind is the table's own caption, a number and a name (``表１　変更箇所一覧``: set XXI t04,
a Writer table with a caption, whose PyMuPDF and pypdfium2 texts left it in no row): it opens
with 表 and a number, its name speaks of the changes (``CAPTION_WORDS``) or of a list (一覧), and
it is one short line (``CAPTION_MAX_CHARS``).  No cell paragraph of the samples' truth opens so.

A third kind numbers the parts of a table printed as two tables (（その１） / （その２）, 【表２】,
（続き）, （２／３）): a line holding nothing else, right above a column-label row.  Between two
tables (set XXXII u10: two tables side by side, whose row-ordered texts print （その２） after the
left table's last cell) the reader glued it to the last row's explanation, unwarned
(``委託先の変更⏎（その２）``).  Such a line (``is_part_caption``) followed by a label row
(``vocabulary.is_label_piece``, the next line with text) is taken out of the rows and named in the
note as the others are; anywhere else it is left as it is (a cell may say （続き）).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, RawRow
from piatable.vocabulary import is_label_piece

from .closing_mark import NOTE_OPENING

# What a caption speaks of: how the changed text is marked.
# ... or of the 提出時期 column (``※提出時期欄の「事前」は…``; new users' set VI, branch raw47).
# ... or of struck-through text (``※…取消線を付した部分を削除…``; set XI c3, branch pdfminer50).
# ... or of the 提出時期 itself (``※提出時期は、…規則第１１条に基づく。``; set XIII t10, branch
# gnumeric52: no note paragraph of the samples' truth names 提出時期).
CAPTION_WORDS = regex.compile(
    r"下線|変更箇所|変更部分|変更点|網掛け|網かけ|太字|赤字|朱書|提出時期|取消線|取り消し線"
)
# A caption is one short line.
CAPTION_MAX_CHARS = 40
# Lines just before the region's first line looked at for a caption.
CAPTION_NEAR_LINES = 3
# The table's own caption: 表 and its number (表１, 表 2, 表2-1), then its name.
_TABLE_CAPTION = regex.compile(
    r"^[ \t\u3000]*表[ \t\u3000]*[0-9０-９]{1,2}(?:[-－‐][0-9０-９]{1,2})?[ \t\u3000．.:：]*"
    r"(?P<name>[^0-9０-９\s\p{Hiragana}]\S*)[ \t\u3000]*$"
)
_TABLE_CAPTION_WORDS = regex.compile(r"一覧")
CAPTION_NOTE = "a caption printed with the table's title was kept out of the rows: {}"
PART_NOTE = (
    "the numbers of a table's parts, each printed above its column-label row, were kept out of the rows: {}"
)
# A part of the table's number, a line of its own: （その２）, 【表２】, （続き）, 第２表, （２／３）
# (not （別添２）: a title's first line where the title is printed over two).
_PART_CAPTION = regex.compile(
    r"^[ \t\u3000]*[（(【［\[〔<＜]?[ \t\u3000]*"
    r"(?:その[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,2}"
    r"|表[ \t\u3000]*[0-9０-９]{1,2}(?:[-－‐][0-9０-９]{1,2})?"
    r"|第[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,2}[ \t\u3000]*表"
    r"|続[ \t\u3000]*き|つづき"
    r")[ \t\u3000]*[）)】］\]〕>＞]?[ \t\u3000]*$"
    # ... or a count of parts in brackets (（２／３）; bare, ``1/3`` is a page number or a date's piece)
    r"|^[ \t\u3000]*[（(〔][ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*[/／]"
    r"[ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*[）)〕][ \t\u3000]*$"
)


def is_part_caption(text: str) -> bool:
    """Whether a printed line is nothing but a table part's number (``_PART_CAPTION``)."""
    return bool(_PART_CAPTION.match(text))


def part_captions(raw: list[CellLine]) -> set[int]:
    """The ids of the lines of ``raw`` that number a table's part right above its label row: a
    part caption (``is_part_caption``) whose next line with text is a label row or a piece of one."""
    out: set[int] = set()
    for k, cl in enumerate(raw):
        if not is_part_caption(cl.text):
            continue
        nxt = next((n for n in raw[k + 1 :] if n.text.strip()), None)
        if nxt is not None and is_label_piece(nxt.text):
            out.add(id(cl))
    return out


def is_caption(text: str) -> bool:
    """Whether a printed line is a caption on how changes are marked, or the table's own
    caption (``表１　変更箇所一覧``; see the module notes)."""
    if len(text) <= CAPTION_MAX_CHARS and (m := _TABLE_CAPTION.match(text)):
        name = m.group("name")
        return bool(CAPTION_WORDS.search(name) or _TABLE_CAPTION_WORDS.search(name))
    pieces = text.split()
    if len(pieces) != 1:  # a caption shares no printed line with a cell (a date, a 提出時期)
        return False
    t = pieces[0]
    return len(t) <= CAPTION_MAX_CHARS and bool(NOTE_OPENING.match(t)) and bool(CAPTION_WORDS.search(t))


def quote_captions(texts: list[str]) -> str:
    """The captions quoted for ``CAPTION_NOTE`` (``「※…」、「※…」``), their spaces taken out."""
    return "、".join(f"「{''.join(t.split())}」" for t in texts)


def _part_lines(raw: list[CellLine]) -> set[tuple[int | None, str]]:
    """(line number, text) of each part caption of ``raw`` (``part_captions``): the region's
    lines may be copies of the text's (their pages counted afresh), the same printed line."""
    ids = part_captions(raw)
    return {(cl.line_no, cl.text) for cl in raw if id(cl) in ids}


def cut_captions(
    rows: list[RawRow], region: list[CellLine], raw: list[CellLine], start: int, after_title: list[CellLine]
) -> tuple[list[CellLine], list[CellLine], list[str]]:
    """Take caption lines out of ``rows``' cells (in place), out of ``region`` and out of
    ``after_title`` (the lines between the table's head and ``start``, the region's first line
    in ``raw``): the region and those lines without them, and the notes naming them (also the
    captions among the ``CAPTION_NEAR_LINES`` lines of ``raw`` before ``start``, which no row
    holds).  Nothing changes when there is no caption."""
    parts = _part_lines(raw)

    def caption(cl: CellLine) -> bool:
        return is_caption(cl.text) or (cl.line_no, cl.text) in parts

    near = raw[max(0, start - CAPTION_NEAR_LINES) : start]
    found = [cl.text for cl in near if caption(cl) and all(cl is not a for a in after_title)]
    found += [cl.text for cl in after_title if caption(cl)]
    found += [cl.text for cl in region if caption(cl)]
    if not found:
        return list(region), list(after_title), []
    for row in rows:
        for key, cells in row.cells.items():
            if any(caption(cl) for cl in cells):
                row.cells[key] = [cl for cl in cells if not caption(cl)]
                row.set_pages()
    kept = [cl for cl in region if not caption(cl)]
    title = [cl for cl in after_title if not caption(cl)]
    named = list(dict.fromkeys(found))
    numbers = [t for t in named if is_part_caption(t) and not is_caption(t)]
    others = [t for t in named if t not in numbers]
    notes = [CAPTION_NOTE.format(quote_captions(others))] if others else []
    return kept, title, notes + ([PART_NOTE.format(quote_captions(numbers))] if numbers else [])
