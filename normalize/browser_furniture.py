"""A browser's print header and footer in flattened text, set aside (branch furniture66).

A web page printed by Chromium (or Edge / Firefox) without ``--no-pdf-header-footer`` prints on
every page a header, the date and time of printing at the left (``12/7/26, 12:23 AM``) and the
page's ``<title>`` in the middle, and a footer, the page's address at the left
(``file:///home/…/t09.html``, ``https://…``) and a page counter ``n/m`` at the right
(``vocabulary.BROWSER_STAMP`` / ``BROWSER_ADDRESS`` / ``PAGE_COUNTER``).  Text readers print
them where their order puts them: pdftotext and pdfminer at each page's top and foot, pypdf and
pypdfium2 after the page's last cell (Chromium draws them last), glued to that line
(``…該当しない12/7/26, 12:28 AM``) or the title glued to the address (``…変更箇所file:///…``) or
to the next cell's line (pdfminer).  Session 65's unseen set read them into the last row's cell
of each page, unwarned.

They are told by form and repetition together: a text is a browser print's when an address is
followed by a page counter (on its line or the next printed line) or the same address stands
twice.  Then each copy of the most common date-time stamp, each copy of that address and the
counters ``n/m`` of its page count are left out; the title is the text the stamps' lines hold
after the stamp, or the printed line under a stamp alone (cut before an address), the one most
stamps agree on; its copies beside a stamp or an address, alone on a line, or at a line's start
while the text holds no more copies than stamps, are left out too.  A note quotes every piece
left out (no text is dropped silently); a piece cut out of a line holding other text is named in
``GLUED_NOTE`` so that the row holding the text beside it is flagged ``furniture_cut``
(``furniture_doubts``).  ``-layout`` text keeps its columns: pieces are blanked with spaces.
A text whose pages are joined by line ends gets a form feed where a footer's counter ``n/m``
(n < m) stood, so the rows' pages count from the text's first page.
"""

from __future__ import annotations

from collections import Counter

import regex

from piatable.models import Doubt, RawRow
from piatable.vocabulary import BROWSER_ADDRESS, BROWSER_STAMP, PAGE_COUNTER, is_title, label_count

from .chars import display_width

# A browser's title line is at most this many characters (a longer line is a cell's text), and at
# least this many (a lone character under the stamp is a wrapped date's 日).
TITLE_MAX_CHARS = 60
TITLE_MIN_CHARS = 2
# A title candidate printed once a page (as often as the stamps) gains this much over the votes
# of the stamps near it; one of the table's own title form loses as much.
ONCE_A_PAGE_SCORE = 3
# A title line alone counts as the header's when it stands within this many printed lines of a
# stamp or an address (the header / footer block of one page).
NEAR_LINES = 3
# A piece cut out of a line is named with this many characters of the text on each side.
CONTEXT_CHARS = 12
# The text beside a cut must be at least this long to find its row by.
CONTEXT_MIN = 4
_PAGE_BREAK = "\x00"

NOTE = (
    "{n} pieces of a browser's print header / footer (date and time of printing, page title,"
    " address, page counter) were left out of the rows: {texts}"
)
GLUED_NOTE = "browser header / footer text 「{piece}」 was cut out from between 「{left}」 and 「{right}」"
_GLUED = regex.compile(
    r"^browser header / footer text 「(?P<piece>.*?)」 was cut out from between"
    r" 「(?P<left>.*?)」 and 「(?P<right>.*?)」$"
)
WHY = (
    "a browser's print header / footer ({piece}) was cut out beside this cell's text:"
    " the cut may have taken or left a piece"
)


def strip_browser_furniture(text: str, blank: bool = False) -> tuple[str, list[str]]:
    """``text`` without a browser's print header and footer (see the module's docstring), and
    its notes (none when the text shows no browser footer).  ``blank``: ``-layout``-like text,
    pieces overwritten with spaces as wide as they print and lines kept."""
    parts = regex.split(r"([\n\f])", text)
    lines, seps = parts[0::2], parts[1::2] + [""]
    address = _footer_address(lines)
    if address is None:
        return text, []
    stamps = Counter(m.group() for ln in lines for m in BROWSER_STAMP.finditer(ln))
    # The page count: the counters' beside the address, else the stamps' (one a page).
    pages = _page_count(lines, address) or (max(stamps.values()) if stamps else None)
    stamp = stamps.most_common(1)[0][0] if stamps else None
    title = _title(lines, stamp, address)
    n_stamps = stamps[stamp] if stamp else 0
    title_re = _title_pattern(title) if title else None
    glued_ok = title_re is not None and sum(
        len(title_re.findall(ln.replace(address, " "))) for ln in lines
    ) <= max(n_stamps, 1)
    found: list[str] = []
    glued: list[str] = []
    near = _near_lines(lines, stamp, address)
    joined = "\f" not in text
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        cuts = _cuts(line, stamp, address, pages, title_re, k in near, glued_ok)
        if not cuts:
            continue
        out = list(line)
        for a, b in sorted(cuts, reverse=True):
            found.append(" ".join(line[a:b].split()))
            out[a:b] = " " * display_width(line[a:b]) if blank else ""
        rest = "".join(out)
        if rest.strip():
            left, right = _sides(line, cuts)
            titled = title_re is not None and any(title_re.search(line[a:b]) for a, b in cuts)
            if titled and max(len(left), len(right)) >= CONTEXT_MIN:
                glued.append(
                    GLUED_NOTE.format(
                        piece=" ".join(line[a:b].strip() for a, b in cuts), left=left, right=right
                    )
                )
            lines[k] = rest.rstrip() if blank else rest.strip()
        else:
            ends_page = joined and _counter_before_end(line, address, pages)
            lines[k] = _PAGE_BREAK if ends_page else ("" if blank else None)  # type: ignore[call-overload]
    if not found:
        return text, []
    out_text = "".join(
        (ln + sep) if ln is not None else (sep if sep == "\f" else "")
        for ln, sep in zip(lines, seps, strict=True)
    )
    out_text = (
        out_text.replace(f"\n{_PAGE_BREAK}\n", "\f")
        .replace(f"{_PAGE_BREAK}\n", "\f")
        .replace(_PAGE_BREAK, "\f")
    )
    counts = Counter(found)
    texts = "".join(f"「{t}」" + (f"×{n}" if n > 1 else "") for t, n in counts.items())
    return out_text, [NOTE.format(n=len(found), texts=texts), *glued]


def _footer_address(lines: list[str]) -> str | None:
    """The page address the footers print: an address followed by a page counter (on its line
    or the next printed line), else one printed on two lines or more; None when none is."""
    seen: Counter[str] = Counter()
    countered: Counter[str] = Counter()
    for k, line in enumerate(lines):
        for m in BROWSER_ADDRESS.finditer(line):
            seen[m.group()] += 1
            after = line[m.end() :].strip()
            nxt = next((ln.strip() for ln in lines[k + 1 : k + 3] if ln.strip()), "")
            if PAGE_COUNTER.match(after) or PAGE_COUNTER.fullmatch(nxt):
                countered[m.group()] += 1
    if countered:
        return countered.most_common(1)[0][0]
    repeated = [a for a, n in seen.most_common(1) if n >= 2]
    return repeated[0] if repeated else None


def _page_count(lines: list[str], address: str) -> int | None:
    """The page count ``m`` of the counters beside ``address`` (the most common), or None."""
    ms: Counter[int] = Counter()
    for k, line in enumerate(lines):
        at = line.find(address)
        if at < 0:
            continue
        after = line[at + len(address) :].strip()
        nxt = next((ln.strip() for ln in lines[k + 1 : k + 3] if ln.strip()), "")
        m = PAGE_COUNTER.match(after) or PAGE_COUNTER.fullmatch(nxt)
        if m and 1 <= int(m.group(1)) <= int(m.group(2)):
            ms[int(m.group(2))] += 1
    return ms.most_common(1)[0][0] if ms else None


def _title(lines: list[str], stamp: str | None, address: str) -> str | None:
    """The page title the headers print: the text after the stamp on its line, or one of the
    next printed lines under a stamp alone (cut before the address).  Each stamp votes for its
    candidates (its own line's text twice); a candidate printed as often as the stamps, alone or
    at a line's start, gains ``ONCE_A_PAGE_SCORE``; one of the table's title form (``変更箇所``)
    loses as much (the page's own title stands under the header in pdfminer's order); one printed
    more often than the stamps, or shorter than ``TITLE_MIN_CHARS``, is none.  None when no
    candidate is left."""
    if stamp is None:
        return None
    votes: Counter[str] = Counter()
    for k, line in enumerate(lines):
        at = line.find(stamp)
        if at < 0:
            continue
        rest = line[at + len(stamp) :]
        # A stamp alone on its line: the title is one of the next printed lines (pdfminer and
        # plain pdftotext put a column label or the page's own title first now and then).
        nexts = [ln for ln in lines[k + 1 : k + 1 + 2 * NEAR_LINES] if ln.strip()][:NEAR_LINES]
        tried = set()
        for cand in [rest] if rest.strip() else nexts:
            cand = " ".join((cand.split(address)[0] if address in cand else cand).split())
            if cand in tried or not TITLE_MIN_CHARS <= len(cand) <= TITLE_MAX_CHARS:
                continue
            tried.add(cand)
            if label_count(cand) == 0 and not BROWSER_STAMP.search(cand) and not PAGE_COUNTER.fullmatch(cand):
                votes[cand] += 2 if rest.strip() else 1
    n_stamps = sum(ln.count(stamp) for ln in lines)
    scored = []
    for cand, n in votes.items():
        pattern = _title_pattern(cand)
        printed = sum(
            1
            for ln in lines
            if (m := pattern.search(ln.replace(address, " "))) and not ln[: m.start()].strip()
        )
        if printed > n_stamps:
            continue
        score = (
            n
            + (ONCE_A_PAGE_SCORE if printed == n_stamps else 0)
            - (ONCE_A_PAGE_SCORE if is_title(cand) else 0)
        )
        scored.append((score, len(cand), cand))
    if not scored:
        return None
    return max(scored)[2]


def _title_pattern(title: str) -> regex.Pattern[str]:
    """The title with any run of spaces (or none) between its words, not inside a longer
    ASCII word."""
    words = [regex.escape(w) for w in title.split()]
    return regex.compile(r"(?<![A-Za-z0-9])" + r"\s*".join(words) + r"(?![A-Za-z0-9])")


def _near_lines(lines: list[str], stamp: str | None, address: str) -> set[int]:
    """The indexes of the lines within ``NEAR_LINES`` printed lines of a stamp or the address."""
    marks = [k for k, ln in enumerate(lines) if address in ln or (stamp and stamp in ln)]
    printed = [k for k, ln in enumerate(lines) if ln.strip()]
    at = {k: i for i, k in enumerate(printed)}
    out: set[int] = set()
    for k in marks:
        i = at.get(k)
        if i is not None:
            out.update(printed[max(0, i - NEAR_LINES) : i + NEAR_LINES + 1])
    return out


def _cuts(
    line: str,
    stamp: str | None,
    address: str,
    pages: int | None,
    title_re: regex.Pattern[str] | None,
    near: bool,
    glued_ok: bool,
) -> list[tuple[int, int]]:
    """The spans of ``line`` that are furniture: the stamp, the address with its counter, a
    counter alone, and the title beside them, alone near them or glued at the line's start."""
    spans: list[tuple[int, int]] = []
    for needle in (stamp, address):
        if not needle:
            continue
        start = 0
        while (at := line.find(needle, start)) >= 0:
            end = at + len(needle)
            if needle == address:
                m = PAGE_COUNTER.match(line, end + len(line[end:]) - len(line[end:].lstrip()))
                if m and _counter_fits(m, pages):
                    end = m.end()
            spans.append((at, end))
            start = end
    m = PAGE_COUNTER.fullmatch(line.strip())
    if m and _counter_fits(m, pages):
        a = line.find(m.group())
        spans.append((a, a + len(m.group())))
    if title_re is not None:
        for t in title_re.finditer(line):
            beside = any(abs(t.start() - b) <= 1 or abs(a - t.end()) <= 1 for a, b in _closed(line, spans))
            alone = not line[: t.start()].strip() and not line[t.end() :].strip()
            opening = not line[: t.start()].strip()
            if beside or (alone and (near or glued_ok)) or (opening and glued_ok):
                spans.append((t.start(), t.end()))
    return _merge(spans)


def _closed(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans widened over the spaces around them."""
    out = []
    for a, b in spans:
        while a > 0 and line[a - 1] in " \t\u3000":
            a -= 1
        while b < len(line) and line[b] in " \t\u3000":
            b += 1
        out.append((a, b))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _counter_fits(m: regex.Match[str], pages: int | None) -> bool:
    n, total = int(m.group(1)), int(m.group(2))
    return pages is not None and total == pages and 1 <= n <= total


def _counter_before_end(line: str, address: str, pages: int | None) -> bool:
    """Whether ``line`` holds a footer counter ``n/m`` with n < m (a page ends there)."""
    for m in PAGE_COUNTER.finditer(line):
        if _counter_fits(m, pages) and int(m.group(1)) < int(m.group(2)):
            return True
    return False


def _sides(line: str, cuts: list[tuple[int, int]]) -> tuple[str, str]:
    """The text left of the first cut and right of the last, ``CONTEXT_CHARS`` each."""
    left = line[: cuts[0][0]].strip()[-CONTEXT_CHARS:]
    right = line[cuts[-1][1] :].strip()[:CONTEXT_CHARS]
    return left, right


def furniture_doubts(rows: list[RawRow], notes: list[str]) -> None:
    """Flag ``furniture_cut`` on the cell that holds the text beside a browser header / footer
    piece cut out of its line (``GLUED_NOTE``): the first cell holding the longer side."""
    for m in (m for n in notes if (m := _GLUED.match(n))):
        side = regex.sub(r"\s+", "", max(m["left"], m["right"], key=len))
        if len(side) < CONTEXT_MIN:
            continue
        for row in rows:
            field = next((f for f, t in _cell_texts(row) if side in t), None)
            if field is not None:
                row.doubts.append(Doubt("furniture_cut", field, WHY.format(piece=m["piece"])))
                break


def _cell_texts(row: RawRow) -> list[tuple[str, str]]:
    return [(f, regex.sub(r"\s+", "", "".join(ln.text for ln in lines))) for f, lines in row.cells.items()]
