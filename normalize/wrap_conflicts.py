"""Whether a run of flattened lines can be one cell by its wrap widths (branch paragraphs64).

A cell's text wraps at its column's width: a line that wraps (its sentence goes on on the next
line) is as wide as the column allows, so the next line's first character (with a character
kinsoku keeps off a line's start, the one after it too) did not fit beside it.  A line of the same
cell wider than that cannot be: the two lines were printed in columns of different widths.  Where
the before and after columns differ in width (a Chromium table, set XXV t08 / t11:
``サーバー室への入退室は生体認証により管理`` / ``している。`` wrapped at 40 units beside a 50-unit
line of the after cell), this tells which cell a paragraph between them belongs to, which the
words alone do not (set XXV FAULTS.md §4: the before's second paragraph read into the after).

A line is taken to wrap only where the text shows its sentence running on: it ends no sentence nor
bracket, the next line opens no paragraph of the form (a marker, a numbering) and opens with a
hiragana or a character kinsoku keeps off a line's start (``している。``, ``る。``), which no
paragraph of the forms opens with, or a word of the tokenizer runs across the break.  A short
unpunctuated value over another (``市民課`` / ``総務課``) is no wrap.

Only a line whose printed width the text tells shows a column's width (branch paragraphs65): a
line of full-width characters only, at least ``WRAP_MIN_UNITS`` wide.  Half-width digits and
letters print proportional, and LibreOffice and Chromium put extra space between them and the
Japanese text (Writer's autospace: pypdfium2 reads ``令和 5 年 1 月 4 日`` off such a line), so a
line holding them may fill its column at fewer display units than a line of kanji (a Writer cell's
``令和5年1月4日から令和5年2月3日`` / ``まで`` beside 34-unit lines of the same cell: the cell's last
paragraph read into the after cell, office-paragraphs65); and a short line over a word's second
half is a value or a heading, no wrap (``①入手元`` / ``本人又は本人の代理人`` makes 元本).  A line
holding such characters or spaces still counts as wide by its full-width characters and
half-width ones, the spaces left out (no more than it printed).
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import CellLine
from piatable.text_thresholds import OWN_WRAP_MAX_SHARE, OWN_WRAP_MIN_SHARE, WRAP_MIN_UNITS

from .chars import NO_LINE_START, char_width, display_width, starts_paragraph
from .rejoin import same_printed_line
from .tokenizer import Tokenizer, default_tokenizer, word_spans_break

# A line wider than a wrapped line's width plus its next line's first character by at least this
# many display units is printed in another column (one full-width character: half-width digits and
# Latin letters are proportional in the fonts Chromium and LibreOffice use).
WRAP_CONFLICT_MIN_UNITS = 2
# The cost of one cell whose lines cannot share one column width (a line wider than another line
# of the cell that wrapped): physical evidence like a line over the column's width
# (``over_width_penalty`` 12), kept below it since the wrap is read from the text's words.
WRAP_CONFLICT_PENALTY = 8.0

_ENDS_PARAGRAPH = set("。．.）)」』】＞>》］]")
# Sentences that open with a hiragana word (a new paragraph, no wrap).
_HIRAGANA_OPENERS = (
    "なお",
    "また",
    "ただし",
    "さらに",
    "おって",
    "かつ",
    "あわせて",
    "もって",
    "よって",
    "ついて",
)
# Punctuation a line may hang past the column's edge (burasage): not counted in its width.
_HANGING = "。、，．"


def printed_widths(texts: list[str]) -> list[int]:
    """Each line's display width less a hanging closing punctuation mark (``…する。`` may print
    its 。 past the column's edge) and its spaces (a reader's spaces round half-width digits are
    no printed width of their own): no more than the line printed."""
    return [display_width("".join(t.split()).rstrip(_HANGING)) for t in texts]


def _sure_width(text: str) -> bool:
    """Whether ``text``'s printed width is its display width: full-width characters only (no
    half-width character nor space, whose printed widths vary: module docstring)."""
    return all(char_width(ch) == 2 for ch in text)


def _is_hiragana(ch: str) -> bool:
    return "ぁ" <= ch <= "ゖ"


def wrap_caps(
    texts: list[str], wraps_word: list[bool], opens_paragraph: list[bool], same_line: list[bool] | None = None
) -> list[int | None]:
    """For each break k (between lines k and k+1): the display width the column of line k is
    narrower than when line k wraps there (its width plus the next line's first character, and
    the second too when kinsoku keeps it off a line's start), or None when the text shows no wrap.

    ``wraps_word[k]``: a word of the tokenizer runs across break k; ``opens_paragraph[k]``: line k
    opens a paragraph (a marker of the form).  ``same_line[k]``: lines k and k+1 are pieces of
    one printed line (``-raw`` prints a cell's own spaces, and two cells side by side, as a gap):
    a piece's line width is not known for its cell, so a break after a piece, or inside a printed
    line, tells nothing."""
    out: list[int | None] = []
    same = same_line or [False] * len(texts)
    for k in range(len(texts) - 1):
        a, b = texts[k].rstrip(), texts[k + 1].lstrip()
        if same[k] or (k and same[k - 1]):
            out.append(None)
            continue
        if not a or not b or a[-1] in _ENDS_PARAGRAPH or opens_paragraph[k + 1]:
            out.append(None)
            continue
        hiragana = _is_hiragana(b[0]) and not b.startswith(_HIRAGANA_OPENERS)
        if not (wraps_word[k] or hiragana or b[0] in NO_LINE_START):
            out.append(None)
            continue
        if not _sure_width(a) or display_width(a) < WRAP_MIN_UNITS:
            out.append(None)
            continue
        cap = display_width(a) + char_width(b[0])
        if b[1:2] and b[1] in NO_LINE_START:
            cap += char_width(b[1])
        out.append(cap)
    return out


def conflicts(widths: list[int], caps: list[int | None], a: int, b: int) -> bool:
    """Whether lines [a, b) cannot be one cell: a line wider than a wrap inside [a, b) allows
    (breaks a … b-2)."""
    if b - a < 2:
        return False
    least = min((c for c in caps[a : b - 1] if c is not None), default=None)
    return least is not None and max(widths[a:b]) >= least + WRAP_CONFLICT_MIN_UNITS


def suffix_conflicts(widths: list[int], caps: list[int | None]) -> list[bool]:
    """``conflicts(widths, caps, j, n)`` for every j in 0 … n (one backward pass)."""
    n = len(widths)
    out = [False] * (n + 1)
    widest, least = 0, None
    for j in range(n - 1, -1, -1):
        widest = max(widest, widths[j])
        if j < n - 1 and caps[j] is not None:
            least = caps[j] if least is None else min(least, caps[j])
        out[j] = least is not None and widest >= least + WRAP_CONFLICT_MIN_UNITS
    return out


def prefix_conflicts(widths: list[int], caps: list[int | None], a: int) -> list[bool]:
    """``conflicts(widths, caps, a, b)`` for every b in a … n (one forward pass)."""
    n = len(widths)
    out = [False] * (n - a + 1)
    widest, least = 0, None
    for b in range(a + 1, n + 1):
        widest = max(widest, widths[b - 1])
        if b - 2 >= a and caps[b - 2] is not None:
            least = caps[b - 2] if least is None else min(least, caps[b - 2])
        out[b - a] = least is not None and widest >= least + WRAP_CONFLICT_MIN_UNITS
    return out


def _cell_facts(lines: list[CellLine], tok: Tokenizer | None) -> tuple[list[int], list[int | None]]:
    """The printed widths of ``lines`` and the caps of their wraps (``wrap_caps``; a word of
    ``tok``, the default tokenizer unless given, running across a break shows a wrap too)."""
    tok = tok or default_tokenizer()
    texts = [cl.text for cl in lines]
    same = [same_printed_line(a, b) for a, b in pairwise(lines)]
    marker = [starts_paragraph(t) for t in texts]
    spans = [not marker[k + 1] and word_spans_break(tok, a, b) for k, (a, b) in enumerate(pairwise(texts))]
    return printed_widths(texts), wrap_caps(texts, spans, marker, same)


def own_wrap_width(lines: list[CellLine], width: float, tok: Tokenizer | None = None) -> float:
    """The wrap width of one cell of ``lines`` (flattened, in order) where the cell shows a
    narrower column than ``width`` (the widest body column's, display units): its widest line
    when that line wraps by the text (its sentence runs on to a
    line opening with a hiragana or a character kept off a line's start, or a word of ``tok``
    runs across the break; within
    ``WRAP_CONFLICT_MIN_UNITS`` of the widest line); ``width`` otherwise.  Where the before and
    after columns differ, the narrower one's wrapped lines stop well short of the wider one's
    width and would read as paragraph ends (set XXV t08: ``…生体認証により管理`` / ``している。``
    kept apart)."""
    if len(lines) < 2:
        return width
    widths, caps = _cell_facts(lines, tok)
    wrapped = [widths[k] for k, c in enumerate(caps) if c is not None]
    widest = max(widths)
    narrower = widest <= width * OWN_WRAP_MAX_SHARE
    if not wrapped or max(wrapped) < widest - WRAP_CONFLICT_MIN_UNITS or not narrower:
        return width
    return float(widest)


def own_wrap_widths(
    cells: dict[str, list[CellLine]], width: float, tok: Tokenizer | None = None
) -> dict[str, float]:
    """The wrap widths of a row's ``before`` and ``after`` cells (``cells``: field → its flattened
    lines; ``width``: the widest body column's, display units): a cell's own (``own_wrap_width``)
    only where the other cell prints a line wider than it by the share ``OWN_WRAP_MAX_SHARE``
    (two columns of different widths, set XXV t08) and it is no narrower than the share
    ``OWN_WRAP_MIN_SHARE`` of ``width`` (narrower, it is another column's text read into the cell
    before the partition: an explanation's ``研修体制の強化に伴う修`` / ``正``); ``width``
    otherwise.  The body width is read
    off the whole text, where a row-ordered reader glues cells of one printed line together, so a
    cell's own width narrower than it only says the two columns differ when the row shows it:
    in a Writer table of two equal columns a cell's full lines ending a sentence at its column's
    edge read as soft wraps at its own width and its paragraphs run together (office-paragraphs65,
    ``…確認している。`` + ``国民健康保険法に基づき…``; branch paragraphs65)."""
    out = {}
    for key, other in (("before", "after"), ("after", "before")):
        own = own_wrap_width(cells[key], width, tok)
        widest = max(printed_widths([cl.text for cl in cells[other]]), default=0)
        shown = OWN_WRAP_MIN_SHARE * width <= own < width and own <= widest * OWN_WRAP_MAX_SHARE
        out[key] = own if shown else width
    return out


def cannot_share_column(lines: list[CellLine], tok: Tokenizer | None = None) -> bool:
    """Whether flattened ``lines`` cannot be one cell by their wrap widths (``conflicts`` over
    ``_cell_facts``)."""
    if len(lines) < 2:
        return False
    widths, caps = _cell_facts(lines, tok)
    return conflicts(widths, caps, 0, len(lines))


class WrapCosts:
    """The cost of a partition's before [i, j) and after [j, n) cells whose lines cannot share
    one column width (``WRAP_CONFLICT_PENALTY`` a cell), for ``partition.BlockScorer``.

    ``texts``: the block's lines; ``spans[k]``: a word runs across break k and line k+1 opens no
    paragraph; ``marker[k]``: line k opens a paragraph; ``same_line[k]``: lines k and k+1 are
    pieces of one printed line."""

    def __init__(
        self, texts: list[str], spans: list[bool], marker: list[bool], same_line: list[bool]
    ) -> None:
        self.widths = printed_widths(texts)
        self.caps = wrap_caps(texts, spans, marker, same_line)
        self.after = [WRAP_CONFLICT_PENALTY * x for x in suffix_conflicts(self.widths, self.caps)]

    def before_from(self, i: int) -> list[float]:
        """The before cell's cost for each j in i … n (cells [i, j))."""
        return [WRAP_CONFLICT_PENALTY * x for x in prefix_conflicts(self.widths, self.caps, i)]

    def cost(self, i: int, j: int) -> float:
        """The cost of before [i, j) and after [j, n)."""
        before = WRAP_CONFLICT_PENALTY if conflicts(self.widths, self.caps, i, j) else 0.0
        return before + self.after[j]
