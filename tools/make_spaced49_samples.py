"""Spaced-out texts of LibreOffice tables whose cells hold the text's own spaces (issue 10,
branch spaced49: set IX's ``spaced`` texts, FAULTS.md kind 7).

    python tools/make_spaced49_samples.py                            # both sets
    python tools/make_spaced49_samples.py --set office-spaced49       # or heldout-spaced49

Each case is a LibreOffice Calc or Writer table (``make_office_samples.varied_case``'s look, a
contiguous run of a pool of tables' rows) whose cells hold what the spacing sites' copies of
real filings trip on: a full-width space inside a cell (``健康福祉部　保険年金課``, list items
set on one line: ``・識別情報　・連絡先等情報``), full-width digits (``第９条第１項``), and 令和
dates in full-width digits that a narrow 変更日 column wraps (``令和５年４月１`` / ``日``).  The
case keeps its PDF and the extractors' texts (unspaced: the reading to match), and each text of
``SPACED_TOOLS`` is spaced out in each way of ``SPACINGS`` as a case of its own,
``<case>-<spacing>-<tool>/input.txt``, with the case's expected records.

How document-sharing sites space text (set IX's generator; the spaced23 viewers'): a space goes
between every two *wide* characters (East Asian width W or F: kana, kanji, full-width digits and
letters, the full-width space U+3000 itself, Ⅰ…Ⅻ, ①…⑳), nowhere else: an ASCII digit or letter
beside a wide one gets none, a half-width space already there is left as it was (so a cell's own
single space between two wide characters looks like the spacing's), a full-width space comes
out between two spacing spaces (``部 　 保``), line ends and form feeds stay.

``office-spaced49`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables'
rows; ``heldout-spaced49`` (measure only, never tune on it) ``HELDOUT_CASES`` per maker from the
held-out tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, numbered_cases, split_sets
from make_office_samples import Case, printed_rows, varied_case
from make_spaced23_samples import _per_line

# Cases per set and maker: (calc, writer).
TUNING_CASES = (3, 2)
HELDOUT_CASES = (2, 2)
# Rows per case: a contiguous run of the pool.
ROW_COUNTS = (5, 7, 9)
# 変更日 column widths that wrap a 令和 date of full-width digits (Calc: width units; Writer: cm).
CALC_DATE_WIDTHS = (6.0, 7.0, 8.0)
WRITER_DATE_CM = (1.5, 1.7, 1.9)
# Date styles, the k-th case of a maker taking the k-th (full-width 令和 dates most often).
DATE_STYLES = ("wareki_fw", "wareki", "wareki_fw", "slash")
# Share of before / after cells given a full-width space of their own (where one fits).
OWN_SPACE_SHARE = 0.6
# A one-line cell takes its full-width space after the first of these that is not its last
# character (``健康福祉部　保険年金課``, ``番号法第９条第１項　別表…``).
OWN_SPACE_AFTER = "部課項条"
# A cell of several short lines (each at most this many characters) is set on one line, its
# items parted by full-width spaces (``・識別情報　・連絡先等情報``).
ONE_LINE_ITEM_CHARS = 14
# The texts spaced out (pypdfium2 keeps a cell's full-width space; pdftotext makes it spaces).
SPACED_TOOLS = ("pdftotext", "pdftotext-raw", "pdftotext-layout", "pypdfium2")
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def is_wide(ch: str) -> bool:
    """True for a character the spacing sites space: East Asian width W or F (U+3000 too),
    Roman numerals Ⅰ…ⅿ and circled numbers ①…⓿ (ambiguous width, printed wide in Japanese)."""
    o = ord(ch)
    return unicodedata.east_asian_width(ch) in "WF" or 0x2160 <= o <= 0x217F or 0x2460 <= o <= 0x24FF


def _wide_pairs(line: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(line):
        out.append(ch)
        if i + 1 < len(line) and is_wide(ch) and is_wide(line[i + 1]):
            out.append(" ")
    return "".join(out)


_NON_SPACE_PAIR = re.compile(r"(?<=[^\s\u3000])(?=[^\s\u3000])")

# name -> the spacing of one line (no form feed or newline in it).
SPACINGS: dict[str, Callable[[str], str]] = {
    # a space between two wide characters, U+3000 among them (set IX's spaced texts)
    "wide": _wide_pairs,
    # a space between two characters that are neither space nor U+3000 (spaced23's "nonspace")
    "nonspace": lambda ln: _NON_SPACE_PAIR.sub(" ", ln),
}


def space_text(text: str, spacing: str) -> str:
    """``text`` spaced out the way ``SPACINGS[spacing]`` does, line by line."""
    return _per_line(SPACINGS[spacing])(text)


def _own_space(cell: str, rng: random.Random) -> str:
    """``cell`` with a full-width space of its own where a filing would set one, or as it was."""
    if not cell or rng.random() >= OWN_SPACE_SHARE:
        return cell
    lines = cell.split("\n")
    if len(lines) > 1 and all(len(ln) <= ONE_LINE_ITEM_CHARS for ln in lines):
        return "\u3000".join(lines)
    if len(lines) == 1:
        for k, ch in enumerate(cell[:-1]):
            if ch in OWN_SPACE_AFTER:
                return cell[: k + 1] + "\u3000" + cell[k + 1 :]
    return cell


def _rows(pool: list[dict], rng: random.Random, date_style: str) -> list[dict]:
    n = min(len(pool), rng.choice(ROW_COUNTS))
    start = rng.randrange(len(pool) - n + 1)
    rows = printed_rows(pool[start : start + n], date_style)
    full = rng.random() < 0.5
    out = []
    for r in rows:
        r = dict(r, before=_own_space(r["before"], rng), after=_own_space(r["after"], rng))
        if full:
            r["before"] = r["before"].translate(_FULL_DIGITS)
            r["after"] = r["after"].translate(_FULL_DIGITS)
        out.append(r)
    return out


def _case(name: str, pool: list[dict], maker: str, heldout: bool, k: int) -> Case:
    rng = random.Random(f"piatable-spaced49-{name}")
    c = varied_case(name, pool, maker, heldout=heldout)
    date_width = rng.choice(CALC_DATE_WIDTHS if maker == "calc" else WRITER_DATE_CM)
    font = rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS)
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(
        c,
        rows=_rows(pool, rng, DATE_STYLES[(k - 1) % len(DATE_STYLES)]),
        widths=(date_width, *c.widths[1:]),
        font=font,
        real_dates=False,
        fallback_glyphs="○□",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Cases named ``[h]s49-<maker>-v<k>``; a redrawn case (not printed in full) is named with
    ``-r`` and left out if that too is not printed in full."""
    pool = _pool(heldout)
    calcs, writers = HELDOUT_CASES if heldout else TUNING_CASES
    return numbered_cases(
        f"{'h' if heldout else ''}s49",
        (("calc", calcs), ("writer", writers)),
        redrawn,
        lambda name, maker, k: _case(name, pool, maker, heldout, k),
    )


def add_spaced(root: Path) -> int:
    """Write the spaced-out case of each text of ``SPACED_TOOLS`` under ``root`` in each way of
    ``SPACINGS``; how many."""
    count = 0
    for folder in sorted(p for p in root.iterdir() if (p / "input.pdf").exists()):
        for tool in SPACED_TOOLS:
            source = root / f"{folder.name}-{tool}"
            if not (source / "input.txt").exists():
                continue
            text = (source / "input.txt").read_text("utf-8")
            for spacing in SPACINGS:
                case = root / f"{folder.name}-{spacing}-{tool}"
                (case / "expected").mkdir(parents=True, exist_ok=True)
                (case / "input.txt").write_text(space_text(text, spacing), "utf-8")
                shutil.copyfile(source / "expected" / "records.json", case / "expected" / "records.json")
                count += 1
    return count


SETS = split_sets("spaced49", _cases)


def main(argv: list[str] | None = None) -> int:
    build_redrawn(SETS, __doc__, argv)
    ns = office.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        print(f"{name}: {add_spaced(SETS[name][0])} spaced cases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
