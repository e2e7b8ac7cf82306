"""A scanned cover page read whole when its cells' read left facts out, or missed the cover.

The grid finder reads a cover's ruled boxes cell by cell (``cover_zone.split_cover``).  A cover
made in a spreadsheet prints its facts in several boxes of their own (評価書番号 and 評価書名 in
one, the declaration, 特記事項, then 評価実施機関名 and 公表日 in another); boxes of one or two
rows are too short for the grid finder, and what is read round the cells (``read_cover_rest``)
misses their labels, so the 公表日 and the agency were lost, and a cover whose labels the cells'
read garbled was not taken for a cover at all: its text went to the table.  Here the first pages
before the table (no title 変更箇所 or column labels read on them) are read whole by tesseract,
as lines of text, and parsed like any cover: the facts the cells' read lacked are taken from
that read (said in a note); a page that the whole read shows to be a cover is taken off the
table; a page before the table that is neither is named in a note.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import regex

from piatable.models import PageWords
from piatable.normalize.cover import COVER_PAGES, DOUBT, FACT_LABELS, MIN_COVER_FACTS
from piatable.settings import Settings

from .cover_zone import _lines, _table_top
from .dated_lines import holds_table_rows

# The four facts every form's cover prints; a cover read missing one of them is read whole.
CORE_FACTS = ("assessment_number", "assessment_name", "agency", "published")
# Facts that come with a core fact when it is taken from the whole read.
_WITH = {"published": ("published_raw",)}
# A name or an agency prints kanji, kana, 〇 placeholders, digits and a few marks; any other
# character read by OCR in one (Latin letters: ｋｙり町 for みどり町; ＊ or _ for a kana) is a
# misread.  O and o are left to ``cover_zone.circle_doubts`` (〇〇 read as OO).
_LATIN = regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}\p{N}ー・〇○◯Ooｏ々ヶ（）()「」、\s]")
SHAKY_KEYS = ("assessment_name", "agency")


def shaky(key: str, value: str | None) -> bool:
    """True for a name or an agency read with a character no name prints (a misread)."""
    return key in SHAKY_KEYS and bool(value) and bool(_LATIN.search(value or ""))


def untabled_pages(pages: list[PageWords]) -> list[int]:
    """The pages among the first ``COVER_PAGES`` read before the table's first page: no title
    (変更箇所) or column labels read on them, nor on a page before them."""
    out: list[int] = []
    for pw in sorted(pages, key=lambda p: p.page):
        if pw.page > COVER_PAGES:
            break
        if pw.words and _table_top(_lines(pw.words)) is not None:
            break
        out.append(pw.page)
    return out


def _images(path: Path, numbers: list[int], settings: Settings) -> Iterator[tuple[int, np.ndarray, float]]:
    """(page, greyscale image, dpi) of the wanted pages of a PDF (rendered at ``COVER_DPI``) or
    an image file (its frames as stored); blank pages left out."""
    from .pages import is_blank
    from .reader import COVER_DPI, is_pdf

    os_ = settings.ocr
    if is_pdf(path):
        from .render import pdf_images

        frames = pdf_images(path, numbers, COVER_DPI, skip_empty=True, quick_blank=os_)
    else:
        from .render import iter_images

        frames = ((p.page, p.gray, p.dpi) for p in iter_images(path, os_.image_dpi) if p.page in numbers)
    for page, gray, dpi in frames:
        if gray is None or is_blank(gray, dpi, os_):
            continue
        if dpi > COVER_DPI:
            # Read at the resolution a PDF's cover is rendered at (tesseract lost a 300 dpi
            # cover's 公表日 that it read at 200).
            import cv2

            ratio = COVER_DPI / dpi
            gray = cv2.resize(gray, None, fx=ratio, fy=ratio, interpolation=cv2.INTER_AREA)
            dpi = COVER_DPI
        yield page, gray, dpi


def _checked_facts(facts: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The facts of a whole read trimmed as the cells' are (``cover_zone._checked``: a ruling
    read at a value's edge, a bracket left open, an 評価書番号 that is not a number left out,
    with why); doubts kept."""
    from .cover_zone import _checked

    plain = {k: v for k, v in facts.items() if not k.startswith(DOUBT)}
    out, why = _checked(plain)
    out.update({k: v for k, v in facts.items() if k.startswith(DOUBT) and k[len(DOUBT) :] in out})
    return out, why


# The agency the cover's declaration names: 「〇〇市長は、…における特定個人情報ファイル」 (OCR may
# read the は apart or lose it).
_DECLARED = regex.compile(
    r"([^\s、。]{2,40}?(?:長|知事|委員会|連合|議会|大臣|機構|庁|組合|公社|協会|法人|局|本部))\s*は?\s*、"
    r"[^、。]{2,60}?における特定個人情報"
)
_SPACE = regex.compile(r"\s+")


def declared_agencies(text: str) -> list[str]:
    """The agencies a cover's declaration names in OCR text: at the head of a line (the
    declaration's cell) or right after its label's 宣言."""
    out = []
    for line in text.splitlines():
        flat = _SPACE.sub("", line)
        flat = flat[flat.index("宣言") + 2 :] if "宣言" in flat else flat
        m = _DECLARED.match(flat)
        if m:
            out.append(m.group(1))
    return out


def vote(reads: list[str], value: str) -> str | None:
    """``value`` mended by the other reads of the same length: each character the one most of
    them (more than half, ``value`` among them) give; None when fewer than three reads have its
    length or a character has no majority."""
    same = [_SPACE.sub("", r) for r in reads if len(_SPACE.sub("", r)) == len(_SPACE.sub("", value))]
    if len(same) < 3:
        return None
    out = []
    for chars in zip(*same, strict=True):
        best = max(set(chars), key=chars.count)
        if 2 * chars.count(best) <= len(chars):
            return None
        out.append(best)
    return "".join(out)


def _agency_by_vote(cover: dict[str, str], reads: list[str], notes: list[str]) -> None:
    """The agency mended where three reads or more of its length agree character by character
    with another text than the one kept (noted, with the reads)."""
    value = cover.get("agency")
    if not value:
        return
    mended = vote(reads, value)
    if mended and mended != _SPACE.sub("", value):
        shown = ", ".join(repr(r) for r in reads)
        notes.append(
            f"cover: 評価実施機関名 read as {shown} (cells, whole page, declaration): {mended!r} kept, "
            "the reads' agreement character by character"
        )
        cover["agency"] = mended
        cover.pop(DOUBT + "agency", None)


def _cross_check_agency(
    cover: dict[str, str], facts: dict[str, str], declared: list[str], page: int, notes: list[str]
) -> None:
    """The cells' agency checked against the whole read's: where they differ, the one the
    declaration names too is kept (noted when it is the whole read's); where neither is, the
    cells' is kept and doubted, both reads quoted."""
    mine, other = cover.get("agency"), facts.get("agency")
    if not mine or not other or _SPACE.sub("", mine) == _SPACE.sub("", other) or shaky("agency", other):
        return
    if _SPACE.sub("", mine) in declared:
        return
    if _SPACE.sub("", other) in declared:
        notes.append(
            f"page {page}: cover 評価実施機関名 read as {mine!r} in its cells, {other!r} in the page's "
            "whole text and its declaration: the latter kept"
        )
        cover["agency"] = other
        cover.pop(DOUBT + "agency", None)
        return
    cover[DOUBT + "agency"] = (
        f"評価実施機関名 read as {mine!r} in its cells, {other!r} in the page's whole text: check it"
    )


def complete_cover(
    path: str | Path,
    cover: dict[str, str],
    candidates: list[int],
    pages: list[PageWords],
    settings: Settings,
    notes: list[str],
) -> list[PageWords]:
    """The table's pages once the ``candidates`` (pages before the table: ``untabled_pages``,
    and first pages not scanned for the table) are read whole for the cover, ``cover`` filled.

    When the cells' read gave all of ``CORE_FACTS``, nothing is read.  Else each candidate is
    read (one tesseract call per page, until the facts are whole): a core fact the cover lacks
    is taken from it with its doubts, in a note; with no cover yet, a page whose whole read
    gives ``MIN_COVER_FACTS`` facts is the cover, and its words are kept out of the table.  A
    candidate left with words that gave no fact is named in a note (neither cover nor table).
    A name or an agency read with Latin letters (``shaky``) is read again the same way and
    replaced by a read without them; a name left so is doubted, an agency left out
    (``doubt_shaky``)."""
    pages = _read_whole(path, cover, candidates, pages, settings, notes)
    doubt_shaky(cover)
    return pages


def doubt_shaky(cover: dict[str, str]) -> None:
    """A name or an agency still read with Latin letters (``shaky``) after the re-reads, doubted in
    ``cover`` (in place).  An agency is left out, the read quoted in the doubt (which the report
    gives as a note): no agency prints Latin letters (``normalize.cover.AGENCY_END``: 市長, 知事,
    委員会 …), so the read is wrong, and a researcher would rather find the agency missing than
    a misread one given as read (newuser23: a 200-dpi cover's misread agency kept, status
    success).  A name may print Latin letters (ＤＶ, ＩＣカード): it is kept, doubted."""
    for key in SHAKY_KEYS:
        if not shaky(key, cover.get(key)):
            continue
        value = cover[key]
        if key == "agency":
            why = f"{FACT_LABELS[key]} read as {value!r}: a character no agency prints, a misread: left out"
            del cover[key]
            old = cover.get(DOUBT + key)
            cover[DOUBT + key] = f"{old}; {why}" if old else why
        elif DOUBT + key not in cover:
            cover[DOUBT + key] = (
                f"{FACT_LABELS[key]} read as {value!r}: a character no name prints, an OCR misread? check it"
            )


def _read_whole(
    path: str | Path,
    cover: dict[str, str],
    candidates: list[int],
    pages: list[PageWords],
    settings: Settings,
    notes: list[str],
) -> list[PageWords]:
    from .reader import facts_of_page_image

    missing = [k for k in CORE_FACTS if not cover.get(k)]
    unsure = [k for k in SHAKY_KEYS if shaky(k, cover.get(k))]
    if not (missing or unsure) or not candidates:
        return pages
    # The agency as each read gave it: the cells', the whole page's, the declaration's.
    agency_reads = [cover["agency"]] if cover.get("agency") else []
    had_cover = any(k != "form" and not k.startswith(DOUBT) for k in cover)
    placed: set[int] = set()
    scanned = {pw.page for pw in pages}
    unscanned: list[int] = []  # pages read for the cover only (whole, then by their cells)
    for page, gray, _ in _images(Path(path), candidates, settings):
        texts: list[str] = []
        facts, why = _checked_facts(facts_of_page_image(gray, settings.ocr, texts))
        if page not in scanned and any(not facts.get(k) for k in CORE_FACTS):
            # Not scanned for the table: its ruled cells read too (cover_cells).
            unscanned.append(page)
            from .cover_cells import cell_facts, fill_from_cells

            if got := fill_from_cells(facts, cell_facts(Path(path), page, settings.ocr), CORE_FACTS):
                labels = ", ".join(FACT_LABELS[k] for k in got)
                notes.append(
                    f"page {page}: cover {labels} read from its ruled cells (the page's whole text gave none)"
                )
        agency_reads += [facts["agency"]] if facts.get("agency") else []
        agency_reads += declared_agencies("\n".join(texts))
        notes.extend(f"page {page}: cover (whole page) {w}" for w in why)
        core = [k for k in CORE_FACTS if facts.get(k)]
        plain = [k for k in facts if k != "form" and not k.startswith(DOUBT)]
        if not had_cover and len(plain) < MIN_COVER_FACTS:
            continue
        taken = [k for k in missing if facts.get(k)]
        if not had_cover:
            cover.clear()
            cover.update(facts)
            had_cover = True
            left = [pw for pw in pages if pw.page == page]
            words = sum(len(pw.words) for pw in left)
            named = ", ".join(sorted(k for k in facts if not k.startswith(DOUBT)))
            if any(holds_table_rows(pw) for pw in left):
                # Its rows' dates or timings read: a table page (labels misread) printing the
                # cover's facts too; its words stay the table's.
                notes.append(f"page {page}: cover facts read on it ({named}); its table's rows kept")
            else:
                pages = [pw for pw in pages if pw.page != page]
                notes.append(
                    f"page {page}: cover page read whole for its facts ({named}); "
                    f"its {words} OCR words kept out of the table"
                )
        elif taken:
            for key in taken:
                for k in (key, *_WITH.get(key, ())):
                    # The cells' doubt (a label read with no value) is the whole read's now.
                    cover.pop(DOUBT + k, None)
                    if facts.get(k):
                        cover[k] = facts[k]
                    if facts.get(DOUBT + k):
                        cover[DOUBT + k] = facts[DOUBT + k]
            labels = ", ".join(FACT_LABELS[k] for k in taken)
            notes.append(
                f"page {page}: cover {labels} read from the page's whole text (the read of its "
                "cells gave none)"
            )
        if had_cover and "agency" not in taken:
            _cross_check_agency(cover, facts, declared_agencies("\n".join(texts)), page, notes)
        for key in [k for k in unsure if facts.get(k) and not shaky(k, facts[k])]:
            notes.append(
                f"page {page}: cover {FACT_LABELS[key]} read as {cover[key]!r} in its cells, "
                f"{facts[key]!r} in the page's whole text: the latter kept"
            )
            cover[key] = facts[key]
            cover.pop(DOUBT + key, None)
            if facts.get(DOUBT + key):
                cover[DOUBT + key] = facts[DOUBT + key]
        if core:
            placed.add(page)
        missing = [k for k in CORE_FACTS if not cover.get(k)]
        unsure = [k for k in SHAKY_KEYS if shaky(k, cover.get(k))]
        if not (missing or unsure):
            break
    _agency_by_vote(cover, agency_reads, notes)
    if not had_cover:
        for pw in pages:
            if pw.page in candidates and pw.page not in placed and pw.words:
                notes.append(
                    f"page {pw.page}: read neither as the cover (no cover facts read on it) nor as "
                    "the table's first page (no title 変更箇所 or column labels read): its text is "
                    "read as the table's; check it"
                )
        # A first page read for the cover alone that gave none: a cover printed there is lost.
        notes.extend(
            f"page {p}: no cover read on it (fewer than {MIN_COVER_FACTS} facts, read whole and by its"
            " ruled cells), and no table seen on it: a cover printed there is not in the document's"
            " facts; check it"
            for p in unscanned
        )
    return pages
