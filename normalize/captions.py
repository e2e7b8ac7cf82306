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
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, RawRow

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


def cut_captions(
    rows: list[RawRow], region: list[CellLine], raw: list[CellLine], start: int, after_title: list[CellLine]
) -> tuple[list[CellLine], list[CellLine], list[str]]:
    """Take caption lines out of ``rows``' cells (in place), out of ``region`` and out of
    ``after_title`` (the lines between the table's head and ``start``, the region's first line
    in ``raw``): the region and those lines without them, and the notes naming them (also the
    captions among the ``CAPTION_NEAR_LINES`` lines of ``raw`` before ``start``, which no row
    holds).  Nothing changes when there is no caption."""
    near = raw[max(0, start - CAPTION_NEAR_LINES) : start]
    found = [cl.text for cl in near if is_caption(cl.text) and all(cl is not a for a in after_title)]
    found += [cl.text for cl in after_title if is_caption(cl.text)]
    found += [cl.text for cl in region if is_caption(cl.text)]
    if not found:
        return list(region), list(after_title), []
    for row in rows:
        for key, cells in row.cells.items():
            if any(is_caption(cl.text) for cl in cells):
                row.cells[key] = [cl for cl in cells if not is_caption(cl.text)]
                row.set_pages()
    kept = [cl for cl in region if not is_caption(cl.text)]
    title = [cl for cl in after_title if not is_caption(cl.text)]
    return kept, title, [CAPTION_NOTE.format(quote_captions(list(dict.fromkeys(found))))]
