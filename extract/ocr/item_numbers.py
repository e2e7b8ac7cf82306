"""OCR corrections of an item cell from the forms' numbering: a heading wrapped over lines is
one line (``heading_wraps``), a section's numbering written as the forms print it
(``form_numbering``), and a numbered heading misread into other text written as the entry its
numbers name (``snap_numbered``); a heading whose circled number did not read at all gets it
back where its document numbers its headings (``number_bare_headings``)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from piatable.models import RawRow
from piatable.normalize.chars import KANA_KANJI
from piatable.vocabulary import heading_key

from .circled_lines import _circled_number
from .item_lines import _PREFIX, _rebuild, _rows, printed_headings, strip_numbering
from .rewrites import rewrite_lines


def heading_wraps(lines: list[str]) -> list[int]:
    """Indexes of an item cell's lines after which the break is a wrap inside a heading: the
    line (without its numbering) and the lines after it that open no numbering, read together,
    are one heading of the forms (``③対象となる本人の範`` / ``囲``, ``５．特定個人情報の提供・移転
    （委託に伴うものを除`` / ``く。）``), the longest such run taken.  The OCR grid judges a
    break by where the line's ink stops, which a misread or a mark of little ink makes look
    short; the lexicon knows where a heading ends."""
    headings = printed_headings()
    out: list[int] = []
    texts = [line.strip() for line in lines]
    i = 0
    while i < len(texts):
        joined = strip_numbering(texts[i])
        best = None
        j = i + 1
        while joined and j < len(texts) and texts[j] and not _PREFIX.match(texts[j]).group(0):  # type: ignore[union-attr]
            joined += texts[j]
            if joined in headings:
                best = j
            elif not any(h.startswith(joined) for h in headings):
                break
            j += 1
        if best is None:
            i += 1
            continue
        out.extend(range(i, best))
        i = best + 1
    return out


@lru_cache(maxsize=1)
def _section_numbers() -> dict[str, frozenset[str]]:
    """Heading key → the numbers (１．…) the forms print before it as a numbered heading of a
    section (Ⅱ/3 特定個人情報の入手・使用 → 3; 特定個人情報ファイル名 → 1 and 3)."""
    out: dict[str, set[str]] = {}
    for path, keys in _rows():
        m = regex.search(r"/([0-9]{1,2})$", path)
        if m and keys:
            out.setdefault(keys[0], set()).add(m.group(1))
    return {k: frozenset(v) for k, v in out.items()}


# A section's numbering opening an item line as OCR reads it: digits of either width, then its
# stop read as ． . 、 ， or , (or not read), with stray spaces (7 . for ７．).
# An ideographic space after the stop is the document's (３．　特定…) and is kept.
_SECTION_NUMBERING = regex.compile(r"^([0-9０-９]{1,2}) *(?:[．.、，,] *)?")
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def form_numbering(lines: list[str]) -> list[str]:
    """An item cell's lines with a section's numbering written as the forms print it (``７．``)
    where OCR read it otherwise (``7 .``, ``3.``, ``４、``, ``1監査``): the line's heading (with
    the lines it wraps on to) is exactly one of the forms, and the forms number that heading
    with the number read.  The width of a digit cannot be read from a proportional font, whose
    full-width ３ is hardly wider than a 3; the forms print these numbers full width with
    ．.  A number the forms do not give that heading is kept as read."""
    out = list(lines)
    texts = [line.strip() for line in lines]
    headings = printed_headings()
    for i, text in enumerate(texts):
        m = _SECTION_NUMBERING.match(text)
        if m is None:
            continue
        joined = text[m.end() :].lstrip("\u3000")
        key = heading_key(joined) if joined in headings else None
        j = i + 1
        while key is None and j < len(texts) and texts[j] and not _PREFIX.match(texts[j]).group(0):  # type: ignore[union-attr]
            joined += texts[j]
            key = heading_key(joined) if joined in headings else None
            j += 1
        digits = unicodedata.normalize("NFKC", m.group(1))
        if key is None or digits not in _section_numbers().get(key, frozenset()):
            continue
        fixed = digits.translate(_FULL_DIGITS) + "．" + text[m.end() :]
        if fixed != text:
            out[i] = _rebuild(lines[i], fixed)
    return out


# The forms' instance labels of an item (委託事項１, 提供先２, 移転先１, システム３, リスク１：): a word
# naming which of several the entries below belong to, and its number, printed full width (with a
# full-width ： after a risk's number).  As an item line: the label word, its number, then the
# line's end or a colon (and the risk's title).
INSTANCE_LABELS = ("委託事項", "提供先", "移転先", "システム", "リスク")
_INSTANCE_LINE = regex.compile(
    rf"^((?:{'|'.join(INSTANCE_LABELS)}))[ 　]?([0-9０-９]{{1,2}})(?:[ 　]*$|[ 　]?([：:])[ 　]?)"
)


def form_instance_numbers(lines: list[str]) -> list[str]:
    """An item cell's lines with an instance label's number written as the forms print it,
    full width (``委託事項1`` → ``委託事項１``, ``リスク1:`` → ``リスク１：``): a proportional font's
    full-width digit is hardly wider than a half-width one, so OCR's width of it says little.
    Only a line that is the label (the label word and its number alone, or before a colon);
    a number inside other text (``システム1台``) is kept as read."""
    out = list(lines)
    for i, line in enumerate(lines):
        text = line.strip()
        m = _INSTANCE_LINE.match(text)
        if m is None:
            continue
        label = m.group(1) + m.group(2).translate(_FULL_DIGITS) + ("：" if m.group(3) else "")
        fixed = label + text[m.end() :]
        if fixed != text:
            out[i] = _rebuild(line, fixed)
    return out


# A numbered heading read as another text of its length (②宇施日・期開, ４．…の取扱いの記録 for
# ４．…の取扱いの委託) is the heading the forms print with that number there when it differs in at
# most this many characters (substitutions) and is the only one: the number and the headings
# above it name the entry, the text only confirms it.
NUMBERED_SUBSTITUTIONS = 2
# ... of a heading at least this long; a shorter one in one character only.
MIN_TWICE_MISREAD = 6


def _expected_under(path_head: str, number: str) -> list[str]:
    """The headings the forms print with ``number`` (３ or ②) under the lexicon path
    ``path_head`` (Ⅱ, or Ⅵ/2)."""
    return [k for path, keys in _rows() if path == f"{path_head}/{number}" for k in keys[:1]]


def snap_numbered(lines: list[str]) -> list[str]:
    """An item cell's lines with a numbered heading that OCR misread into other text (another
    heading of the forms or none) written as the forms print it: the section numeral of the
    cell's first line and the numbers read name one entry of the forms (Ⅵ / ２． / ②), whose
    heading has the line's length and differs from it in at most NUMBERED_SUBSTITUTIONS
    kana or kanji.  Lines the forms do not decide (a number they do not give there, no
    section numeral) are kept as read."""
    out = list(lines)
    texts = [line.strip() for line in lines]
    if not texts or texts[0][:1] not in "ⅠⅡⅢⅣⅤⅥ":
        return out
    path = texts[0][0]
    for i, text in enumerate(texts[1:], 1):
        m = regex.match(r"^([０-９]{1,2})．|^([①-⑳])", text)
        if m is None:
            continue
        number = unicodedata.normalize("NFKC", m.group(1)) if m.group(1) else m.group(2)
        body = text[m.end() :]
        expected = _expected_under(path, number)
        if len(expected) == 1 and body != expected[0] and len(body) == len(expected[0]):
            key = expected[0]
            diff = [k for k, (a, b) in enumerate(zip(body, key, strict=True)) if a != b]
            allowed = NUMBERED_SUBSTITUTIONS if len(key) >= MIN_TWICE_MISREAD else 1
            if len(diff) <= allowed and all(
                KANA_KANJI.match(body[k]) and KANA_KANJI.match(key[k]) for k in diff
            ):
                out[i] = _rebuild(lines[i], text[: m.end()] + key)
        if m.group(1):
            # The section's entries are numbered under it: Ⅵ/2/②.
            path = f"{texts[0][0]}/{number}"
    return out


def _circled_slots(lines: list[str]) -> list[tuple[int, str | None, str]]:
    """(index, circled number read or None, the forms' number) for each line of an item cell
    that is a heading of the forms, alone or after one circled number, whose number the forms
    give under the cell's earlier headings (``circled_lines._circled_number``)."""
    out: list[tuple[int, str | None, str]] = []
    ancestors: list[str] = []
    run = ""
    for i, line in enumerate(lines):
        text = line.strip()
        m = regex.fullmatch(r"([①-⑳]?)(\S+)", text)
        if m and ancestors and m.group(2) in printed_headings():
            number = _circled_number(heading_key(m.group(2)), ancestors)
            if number is not None:
                out.append((i, m.group(1) or None, number))
        run = text if _PREFIX.match(text).group(0) or not run else run + text  # type: ignore[union-attr]
        ancestors.extend(k for k in (heading_key(text), heading_key(run)) if k)
    return out


# A document numbers its headings when at least this many of its item cells' headings that the
# forms number were read with a circled number, and at least this share of those and of the
# cells' last headings read bare (a document that prints them bare reads next to none numbered).
MIN_NUMBERED_HEADINGS = 3
NUMBERED_SHARE = 0.5


def _bare_last_heading(lines: list[str], i: int) -> bool:
    """True when line ``i`` of an item cell is its last heading, in a cell that reads no circled
    number (a heading under a numbered one, 使用者数 under ⑦使用の主体, is printed bare), and not
    the end of the heading before it wrapped (…における担当 / 部署)."""
    texts = [line.strip() for line in lines if line.strip()]
    return (
        len(texts) >= 2
        and lines[i].strip() == texts[-1]
        and not any(regex.search(r"[①-⑳]", t) for t in texts)
        and not (strip_numbering(texts[-2]) and strip_numbering(texts[-2]) + texts[-1] in printed_headings())
    )


def number_bare_headings(items: list[list[str]]) -> list[list[str]]:
    """Each item cell's lines (``items``: one document's item cells) with the circled number of a
    heading that OCR lost entirely (方法 for ①方法 under Ⅵ/2) put back as the forms number it
    under the cell's earlier headings, as the cell's last line in a cell that reads no other
    circled number (``_bare_last_heading``), where the document numbers its headings: at least
    MIN_NUMBERED_HEADINGS of the headings the forms number were read with a circled number, and
    they are at least NUMBERED_SHARE of those and of the bare ones.  A document that prints its
    headings bare keeps them bare, and a heading the forms do not number there (or number in
    several ways) is kept as read."""
    slots = [_circled_slots(lines) for lines in items]
    numbered = sum(1 for cell in slots for _, got, _ in cell if got)
    # The cell's one heading the forms number (保管期間 / 期間: 期間 stands under ②保管期間 and is
    # printed bare, as under a heading read with its number).
    bare = [
        [(i, number) for i, got, number in cell if got is None and _bare_last_heading(lines, i)]
        if len(cell) == 1
        else []
        for lines, cell in zip(items, slots, strict=True)
    ]
    n_bare = sum(len(b) for b in bare)
    if not n_bare or numbered < MIN_NUMBERED_HEADINGS or numbered < NUMBERED_SHARE * (numbered + n_bare):
        return items
    out = []
    for lines, cell in zip(items, bare, strict=True):
        lines = list(lines)
        for i, number in cell:
            lines[i] = _rebuild(lines[i], number + lines[i].strip())
        out.append(lines)
    return out


def number_bare_heading_rows(rows: list[RawRow]) -> int:
    """``number_bare_headings`` on the item cells of one document's rows, in place; the number of
    lines changed, rows changed flagged ``ocr_corrected``."""
    cells = [row.cells.get("item") or [] for row in rows]
    changed = 0
    for row, lines, texts in zip(
        rows, cells, number_bare_headings([[cl.text for cl in c] for c in cells]), strict=True
    ):
        changed += rewrite_lines(row, lines, texts)
    return changed
