"""What a spaced-out text's spaces tell of how it was spaced (issue 10; ``hygiene`` despaces).

Text copied from document-sharing sites prints a space (or an ideographic space) between
characters.  How the text's own spaces came out decides what can be undone:

* ``" ".join(line)`` spaced them too: a gap of n spaces became 2n + 1, odd (``gaps_doubled_by_spacing``);
* a viewer that spaced only between two characters that are not spaces, and doubled the text's
  own spaces: its gaps are all even (``gaps_widened``);
* one that left them as they were: a single space of the text looks like the spacing's, and a
  space between two cells of a line is lost (``own_spaces_lost``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

# Spaced-out text: a line is spaced out when it has at least this many space-separated pieces
# and this share of them are one character long.
SPACED_MIN_PIECES = 4
SPACED_SINGLE_SHARE = 0.75
# The document is spaced out when this many lines, and this share of its non-blank lines, are.
SPACED_MIN_LINES = 3
SPACED_MIN_LINE_SHARE = 0.2
# Spacing that put a space between every two characters, spaces included, makes every gap of n
# spaces between two characters 2n + 1 wide: odd.  Spacing that put one only between two
# characters that are not spaces (document-sharing sites' viewers) leaves the text's own gaps as
# they were, and so of any width (``-layout`` column gaps).  The gaps are taken as doubled, and
# halved back, unless more than this share of the spaced lines' gaps of two spaces or more
# are even.
SPACED_EVEN_GAP_SHARE = 0.1
# A viewer that spaced only between two characters that are not spaces may widen the text's own
# spaces too, each to two (``市民課  市民生活部``): then the spaced lines' gaps of two spaces or
# more are all even.  They are halved back (every run of k spaces to k // 2: a single space,
# the spacing's, goes) when at least this
# many gaps are found and at most SPACED_EVEN_GAP_SHARE of them are odd (spaced-out office
# texts, samples/office-spaced23 ``*2`` cases; a ``-layout`` text's own column gaps are of
# every width, and " ".join makes them all odd).
SPACED_HALVED_MIN_GAPS = 5

_PIECES = regex.compile(r" +")
_IDEOGRAPHIC_PIECES = regex.compile("\u3000+")
# A gap of two spaces or more between two characters of a line.
_INNER_GAP = regex.compile(r"(?<=\S) {2,}(?=\S)")


# Said of a despaced text whose own single spaces went with the spacing's (``own_spaces_lost``);
# the stream reader flags the rows it may have run together (``normalize.spaced_rows``).
SPACES_LOST_NOTE = (
    "the spacing left the text's own single spaces looking like the spacing's: cells printed side by"
    " side on a line may have been read as one (rows of text without column offsets that have an"
    " empty cell beside a filled one are flagged column_guess)"
)


def lines_of(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time (split at ``\\n`` only, like ``str.split``)."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _pieces(line: str) -> list[str]:
    return [p for p in _PIECES.split(line.strip()) if p]


def is_spaced_out(line: str, min_pieces: int = SPACED_MIN_PIECES) -> bool:
    """True for a line printed with a space between (nearly) every character."""
    pieces = _pieces(line)
    if len(pieces) < min_pieces:
        return False
    single = sum(1 for p in pieces if len(p) == 1)
    return single >= SPACED_SINGLE_SHARE * len(pieces)


def spaced_with_ideographic(text: str) -> bool:
    """True when the document's characters were spaced with ideographic spaces
    (``"\u3000".join(line)``): as many lines as ``despace_text`` asks of spaced-out text, with
    ``\u3000`` for the space.  A text that only uses ``\u3000`` as a word space (``第１条　目的``,
    ``以　上``) has few lines of single characters between them."""
    nonblank = spaced = 0
    for ln in lines_of(text):
        if ln.strip():
            nonblank += 1
            pieces = [p for p in _IDEOGRAPHIC_PIECES.split(ln.strip(" \u3000\f")) if p]
            if len(pieces) >= SPACED_MIN_PIECES:
                single = sum(1 for p in pieces if len(p) == 1)
                spaced += single >= SPACED_SINGLE_SHARE * len(pieces)
    return spaced >= SPACED_MIN_LINES and spaced >= SPACED_MIN_LINE_SHARE * nonblank


def gap_parities(text: str) -> tuple[int, int]:
    """(gaps of two spaces or more between two characters of the spaced-out lines, how many of
    them are odd)."""
    gaps = odd = 0
    for ln in lines_of(text):
        if not is_spaced_out(ln):
            continue
        for m in _INNER_GAP.finditer(ln.strip(" \f")):
            gaps += 1
            odd += (m.end() - m.start()) % 2 == 1
    return gaps, odd


def gaps_widened(text: str) -> bool:
    """True when the spaced-out lines' gaps of two spaces or more (between two characters) are
    (nearly) all even and there are several (``SPACED_HALVED_MIN_GAPS``): a viewer spaced the
    characters and doubled the text's own spaces."""
    gaps, odd = gap_parities(text)
    return gaps >= SPACED_HALVED_MIN_GAPS and odd <= SPACED_EVEN_GAP_SHARE * gaps


def gaps_doubled_by_spacing(text: str) -> bool:
    """True when the spaced-out lines' gaps of two spaces or more (between two characters) are
    (nearly) all odd: the spacing spaced the text's own spaces too (``SPACED_EVEN_GAP_SHARE``)."""
    gaps, odd = gap_parities(text)
    return gaps - odd <= SPACED_EVEN_GAP_SHARE * gaps


def own_spaces_lost(text: str) -> bool:
    """True when a spaced-out text (one ``despace_text`` despaces) left its own single spaces
    looking like the spacing's: neither doubled by it (`` " ".join``: odd gaps) nor widened by
    the viewer (even gaps), so a space between two cells of a line went with the rest
    (``市民課 市民生活部`` printed ``市 民 課 市 民 生 活 部``).  Extractor texts of a table
    always hold such spaces (a date and its timing on one line), so a spaced-out text without
    any gap lost them.  ``text`` as ``despace_text`` was given it."""
    if "\u3000" in text and spaced_with_ideographic(text):
        text = text.replace("\u3000", " ")
    gaps, odd = gap_parities(text)
    doubled = gaps > 0 and gaps - odd <= SPACED_EVEN_GAP_SHARE * gaps
    return not doubled and not gaps_widened(text)
