"""提出時期 printed other than as the word 事前 / 事後, in flattened text: read as the word before
the readers see the text, the print kept for the records' ``timing_raw``.

1. **Submission words** (set XXI t03, Calc: 事後提出 in every 提出時期 cell; also 事前に提出,
   事後(提出)): a token of its own (whitespace or a line's end on both sides) of the word and
   ``timing_cells.SUBMISSION_TAIL``.  The row-ordered readers (``-raw``, plain ``pdftotext``,
   pypdf) find a row by its timing's token (``vocabulary.TIMING_AT_END`` …), so the token is
   rewritten to the word in their lines (``-layout``-kind text is cut into cells by position and
   its cell read by ``read_timing``, as a PDF's).  Taken only where the text prints no bare
   事前 / 事後 token: a table
   prints its 提出時期 cells alike, and a wrapped explanation line 「事前に提出」 beside bare
   timings is the explanation's.

``PrintedTimings`` remembers what was rewritten; ``restore_raw`` gives each record read with one
of these words its print back in ``timing_raw`` (the one print of that word in the document),
and ``note`` says what was done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from piatable.models import PageWords, Record

# A timing word with a submission tail (``timing_cells.SUBMISSION_TAIL``), a token of its own.
_SUBMISSION_TOKEN = regex.compile(
    r"(?<![^\s])(事前|事後)((?:に)?提出|[（(]提出[)）])(?=[ \u3000]*$|\s)", regex.M
)
# A bare timing word, a token of its own: the text prints its timings as the words.
# A line of the two column labels under 提出時期 of a table printing marks (事前提出 事後提出):
# labels, not timings (heldout-timing60's Chromium -raw text: read as a row's timing).
_LABEL_PAIR = regex.compile(r"^\s*事前(?:に)?提出\s+事後(?:に)?提出\s*$")
_BARE_TOKEN = regex.compile(r"(?<![^\s])(事前|事後)(?![^\s])")

NOTE = "提出時期 printed as {forms}: read as 事前 / 事後 (the print kept in timing_raw)"
# Check boxes of a 提出時期 cell ticking none or both: read as no timing (branch checkbox68).
UNCLEAR_NOTE = (
    "提出時期 check boxes read as neither 事前 nor 事後: {choices} (no timing: flag timing_invalid)"
)


@dataclass
class PrintedTimings:
    """What a text's 提出時期 cells printed for each timing word (``{"事後": Counter({"事後提出": 8})}``)."""

    prints: dict[str, Counter] = field(default_factory=dict)
    # Check-box choices that tick none or both (``timing_boxes.box_words``), as printed with why.
    unclear: list[str] = field(default_factory=list)
    # Every check-box choice in the text's order: (its ticked word or None, the word it was
    # rewritten to, its print) (``timing_boxes.restore_choices``).
    sequence: list[tuple[str | None, str, str]] = field(default_factory=list)

    def add(self, word: str, printed: str) -> None:
        self.prints.setdefault(word, Counter())[printed] += 1

    def __bool__(self) -> bool:
        return bool(self.prints or self.unclear)

    def note(self) -> str:
        """The document's note naming the prints and how many cells printed each (and the
        check-box choices read as neither word)."""
        forms = ", ".join(f"{p!r} ({n}×)" for c in self.prints.values() for p, n in c.items())
        note = NOTE.format(forms=forms) if forms else ""
        if self.unclear:
            note += ("; " if note else "") + UNCLEAR_NOTE.format(choices="; ".join(self.unclear))
        return note


def prints_submission_words(text: str) -> bool:
    """Whether a flattened ``text`` prints its timings as submission tokens (事後提出 …): one at
    least off a label line (``_LABEL_PAIR``), and no bare 事前 / 事後 token."""
    if "提出" not in text or _BARE_TOKEN.search(text):
        return False
    return any(_SUBMISSION_TOKEN.search(line) and not _LABEL_PAIR.match(line) for line in text.splitlines())


def submission_words(pages: list[PageWords], found: PrintedTimings) -> list[PageWords]:
    """``pages`` of row-ordered text (a word a printed line) with their submission tokens
    rewritten to the timing word (changed in place and returned), each recorded in ``found``.
    Layout-kind text is left alone: its cells are cut by position and ``read_timing`` reads the
    token in its cell as printed."""
    for page in pages:
        for w in page.words:
            if "提出" in w.text and not _LABEL_PAIR.match(w.text):
                w.text = _SUBMISSION_TOKEN.sub(lambda m: _word(m, found), w.text)
    return pages


def submission_parts(
    parts: list[Callable[[], list[PageWords]]] | None, found: PrintedTimings
) -> list[Callable[[], list[PageWords]]] | None:
    """A long text's part builders (``Reading.parts``), each giving its pages through
    ``submission_words``."""
    if parts is None:
        return None
    return [lambda build=build: submission_words(build(), found) for build in parts]


def _word(m: regex.Match, found: PrintedTimings) -> str:
    found.add(m.group(1), m.group(0))
    return m.group(1)


def restore_raw(records: list[Record], found: PrintedTimings) -> None:
    """Each record whose ``timing_raw`` is the bare word a print was read as gets the print
    (where the document printed that word one way only); one reading both words (``事前事後``:
    a row marking both columns) gets both prints."""
    one = {w: next(iter(c)) for w, c in found.prints.items() if len(c) == 1}
    for r in records:
        raw = "".join(r.timing_raw.split())
        if r.timing and raw == r.timing and r.timing in one:
            r.timing_raw = one[r.timing]
        elif raw == "事前事後" and len(one) == 2:
            r.timing_raw = f"{one['事前']} {one['事後']}"
