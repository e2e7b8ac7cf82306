"""The 項目 column: heading paths, and the form's headings as a soft lexicon.

The lexicon of the forms' headings lives in ``piatable.vocabulary``.  It only ever adds evidence;
nothing is rejected for missing from it.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.vocabulary import (
    ATTACHMENT_LABEL_PATTERN,
    ATTACHMENT_OPENING_PATTERN,
    COVER_LABEL,
    FORM_SUB_LABELS,
    SECTION_NUMERALS,
    TITLE,
    heading_key,
    lexicon,
)

from .ascii_numerals import section_numerals
from .chars import ITEM_MARKER

# A repeated block's label on a line of its own (委託事項２, 提供先１, システム３).
INSTANCE_LINE = regex.compile(r"^(?:提供先|移転先|再委託事項|委託事項|システム)[0-9０-９]{1,2}$")
# An attachment's label that stands as an item's first line: in brackets (（別紙２）記録項目), or
# alone or before a space (別紙２ 事務の流れ).  Not a reference that runs on (別紙１参照,
# 別紙２のとおり), which a wrapped before/after cell may print at a line's start.
ITEM_ATTACHMENT_LINE = regex.compile(
    rf"^\s*(?:[（(]\s*別\s*[紙添][^）)]{{0,6}}[）)](?!\s*[\p{{Hiragana}}、。])|(?:{ATTACHMENT_LABEL_PATTERN})(?:\s|$))"
)
# A heading this short (部署, 監査) counts only with its numbering: bare, it is more often a
# wrapped fragment of a longer line.
MIN_BARE_HEADING_CHARS = 4
ATTACHMENT_OPENING = regex.compile(rf"^\s*{ATTACHMENT_OPENING_PATTERN}")
# A section numeral (Ⅰ…Ⅻ) or a circled number (①…⑳) opening a heading, then one half-width
# space and a wide character: the space a text extractor makes of the gap that the numeral's
# narrow ink leaves in its full-width advance (LibreOffice Writer and Calc PDFs: pdfium,
# pdfminer and pdftotext all print ``Ⅱ しきい値判断項目``, ``② 法令上の根拠``; the PDF reader,
# placing characters by their boxes, does not), not the heading's text.  A full-width space, or
# two spaces or more, is typed, and stays.
# A form heading wrapped in a narrow 項目 column spans at most this many lines
# (``５．特定個人情`` / ``報の提供・移転`` / ``（委託に伴うも`` / ``のを除く。）`` at seven
# characters a line, tools/make_plain54_samples.py's Writer cases).
WRAPPED_HEADING_LINES_MAX = 6
MARKER_GAP = regex.compile(r"^([\u2160-\u216b\u2460-\u2473]) (?=[^\x00-\x7f\s\u3000])")


@lru_cache(maxsize=1)
def _long_keys() -> tuple[str, ...]:
    return tuple(k for k in lexicon() if len(k) >= 4)


@lru_cache(maxsize=65536)
def heading_score(paragraph: str) -> float:
    """How much a paragraph looks like a heading of the form: 0 (not at all) to 1.  An
    attachment's label (``is_attachment_label``) or the cover (``表紙``: ``COVER_LABEL``) is an
    item of its own: 1.  A section numeral typed in ASCII letters (``III特定個人情報…``) scores
    as the numeral (``ascii_numerals.section_numerals``)."""
    if is_attachment_label(paragraph) or COVER_LABEL.match(paragraph):
        return 1.0
    # A section numeral typed in ASCII letters before a section's heading (``II特定個人情報…``)
    # is the numeral Ⅱ (``ascii_numerals``): a PDF's reader keeps the letters as printed.
    paragraph = section_numerals(paragraph)[0]
    key = heading_key(paragraph)
    score = 0.0
    if ITEM_MARKER.match(paragraph):
        score += 0.5
    if key in lexicon() and (len(key) >= MIN_BARE_HEADING_CHARS or score):
        # A short heading (部署, 監査) printed without its number is more likely a wrapped
        # fragment of a longer line than a heading of its own.
        score += 1.0
    elif len(key) >= 4 and any(key in k or k in key for k in _long_keys()):
        score += 0.25
    return min(score, 1.0)


def is_attachment_label(paragraph: str) -> bool:
    """Whether a paragraph names an attachment of the assessment (``（別紙１）事務の流れ``,
    ``別紙２``, ``別添1 事務の内容``): an item a row amends as a whole, not a heading of the
    form; the table's own title (``（別添２）変更箇所``) and a sentence referring to one
    (``（別紙１）のとおり``: ``vocabulary.ATTACHMENT_OPENING_PATTERN``) are not."""
    return bool(ATTACHMENT_OPENING.match(paragraph)) and not TITLE.match(paragraph)


def opens_item(line: str) -> bool:
    """Whether a line opens an item: a section of the form (Ⅰ…Ⅵ), an attachment's label or the
    cover (``表紙``, alone or before a space: ``vocabulary.COVER_LABEL``)."""
    return line[:1] in SECTION_NUMERALS or is_attachment_label(line) or bool(COVER_LABEL.match(line))


# A heading numbered N． (３．特定個人情報の入手・使用): the forms print it under a section.
_NUMBERED_BELOW_SECTION = regex.compile(r"^[0-9０-９]{1,2}[．.]")


def opens_lower_heading(line: str) -> bool:
    """Whether an item's first paragraph is a heading of the form numbered N． (the level below
    a section): the item printed without its section line, as tables print the items under a
    row of the same section (session 44: on the unseen scans such items made right rows warned
    and no wrong one; on the LibreOffice samples of flow23 / loss25 / calcbreak the doubt fired
    on 5 right rows alone and on 8 wrong rows that column_guess warns too)."""
    return bool(_NUMBERED_BELOW_SECTION.match(line)) and is_form_heading(line)


def opens_item_line(line: str) -> bool:
    """Whether a printed line surely opens an item cell in text whose rows open at their items
    (Calc's wrapped pass, ``twophase``): a section of the form (Ⅰ…Ⅵ), the cover (``表紙``) or an
    attachment's label standing as a label (``ITEM_ATTACHMENT_LINE``), not the table's own title."""
    return (
        line[:1] in SECTION_NUMERALS
        or bool(COVER_LABEL.match(line))
        or (bool(ITEM_ATTACHMENT_LINE.match(line)) and not TITLE.match(line))
    )


@lru_cache(maxsize=65536)
def is_form_heading(line: str) -> bool:
    """True when a whole printed line is one of the form's headings (numbering aside)."""
    key = heading_key(line)
    return len(key) >= MIN_BARE_HEADING_CHARS and key in lexicon()


def without_marker_gap(paragraph: str) -> str:
    """A 項目 paragraph without the extractor's space after its opening numeral (``MARKER_GAP``):
    ``Ⅱ しきい値判断項目`` → ``Ⅱしきい値判断項目``; any other paragraph as it is."""
    return MARKER_GAP.sub(r"\1", paragraph)


def joined_wrapped_headings(paragraphs: list[str]) -> list[str]:
    """The paragraphs of a 項目 cell with a form heading that the rejoin left wrapped made whole:
    from each paragraph, the most following paragraphs (up to ``WRAPPED_HEADING_LINES_MAX`` in
    all) that open with no numbering (``ITEM_MARKER``, a repeated block's label) and that joined
    with it make a whole heading of the lexicon (``Ⅱ特定個人情報ファイル`` / ``の概要``;
    ``１．特定個人情`` / ``報ファイルを取`` / ``り扱う事務``).  Two headings the form prints one
    under the other (``１．対象人数`` / ``いつ時点の計数か``) do not join into one of the
    lexicon, and stay apart.  Joining drops no character."""
    ps = list(paragraphs)
    out: list[str] = []
    i = 0
    while i < len(ps):
        k = 1
        for n in range(min(WRAPPED_HEADING_LINES_MAX, len(ps) - i), 1, -1):
            tail = [t.strip() for t in ps[i + 1 : i + n]]
            if any(not t or ITEM_MARKER.match(t) or INSTANCE_LINE.match(t) for t in tail):
                continue
            if is_form_heading("".join(p.strip() for p in ps[i : i + n])):
                k = n
                break
        out.append("".join(p.strip() for p in ps[i : i + k]) if k > 1 else ps[i])
        i += k
    return out


def item_path(paragraphs: list[str]) -> list[str]:
    """The heading path: one heading per paragraph of the 項目 cell."""
    return [p for p in (p.strip() for p in paragraphs) if p]


def non_heading_paragraphs(paragraphs: list[str], min_score: float, wrap_lines: int = 3) -> list[str]:
    """The paragraphs of a 項目 cell that are no heading of the form: scoring below
    ``min_score`` (``heading_score``) alone and not a whole heading (score 1) joined with the
    next one or two paragraphs (a heading wrapped over lines), nor a repeated block's label
    (``提供先１``, ``委託事項２``); ``FORM_SUB_LABELS`` count as headings.  The form's item cells
    print headings only, so in an OCR cell such a paragraph is a misread (``全休の`` / ``根拠``
    for ``①法令上の根拠``, a stray ``信``)."""
    ps = [p.strip() for p in paragraphs if p.strip()]
    out: list[str] = []
    i = 0
    while i < len(ps):
        spans = range(1, min(wrap_lines, len(ps) - i) + 1)
        k = next((k for k in spans if _whole_heading("".join(ps[i : i + k]))), 0)
        if not k and (heading_score(ps[i]) >= min_score or INSTANCE_LINE.match(ps[i])):
            k = 1
        if not k:
            out.append(ps[i])
        i += max(k, 1)
    return out


def _whole_heading(text: str) -> bool:
    """A whole heading of the form: the lexicon's (``heading_score`` 1), or a label the 全項目評価書
    prints inside a heading's cell that the lexicon lacks (``FORM_SUB_LABELS``: set XXII's OCR
    rows under 特定個人情報の消去ルール, 3 right rows warned ``ocr_suspect:item`` for it alone)."""
    return heading_score(text) >= 1.0 or regex.sub(r"\s", "", text) in FORM_SUB_LABELS
