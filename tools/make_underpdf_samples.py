"""Underlined amendment tables for the text-layer PDF reader's paragraph breaks (issue 11).

The underline sets of tools/make_office_samples.py (``office-underline16``) test that an
underline is no row ruling.  These sets test what decides a printed line break in a cell of a
text-layer PDF, soft wrap or paragraph break, where the changed words are underlined:

- single and double underlines, of a whole paragraph, of part of a line, and of a span long
  enough to run over a soft wrap (the underline stroke must not change the decision);
- narrow and wide columns, 8–11 pt, IPAex Gothic / Mincho and Droid Sans Fallback;
- full-width spaces (U+3000) in lists of words, some of which fall at a wrap;
- explicit paragraph breaks inside cells (a sentence per paragraph), and bullet lines
  (・ and ①②③ …) after a short or a nearly full line.

Each case is drawn by an RNG seeded with its name from one of the tuning tables (set
``office-underpdf17``) or one of the held-out tables (set ``heldout-underpdf17``, measure only);
the held-out cases use other column widths and font sizes.

    python tools/make_underpdf_samples.py                      # both sets
    python tools/make_underpdf_samples.py --set office-underpdf17
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import (
    DATE_STYLES,
    HELDOUT_DIR,
    TUNING_TABLES,
    Case,
    changed_spans,
    load_table,
    office_pair,
    plain_case,
    sets_main,
)

# Looks: (maker, font, size, widths).  Calc widths in Excel units, Writer widths in cm.
TUNING_LOOKS = (
    ("calc", "IPAexGothic", 9.0, (9, 16, 20, 20, 6, 16)),  # narrow: the 9 pt Gothic table
    ("writer", "IPAexMincho", 10.0, (2.4, 4.2, 6.6, 6.6, 1.8, 4.1)),
    ("calc", "Droid Sans Fallback", 10.5, (12, 28, 44, 44, 8, 30)),
    ("writer", "IPAexMincho", 8.0, (2.0, 3.4, 4.0, 4.0, 1.5, 3.2)),  # narrow
    ("calc", "IPAexMincho", 8.0, (10, 18, 24, 24, 6, 18)),
    ("writer", "IPAexGothic", 11.0, (2.4, 4.0, 5.2, 5.2, 1.8, 3.8)),
    ("writer", "Droid Sans Fallback", 9.0, (2.2, 3.8, 4.4, 4.4, 1.6, 3.4)),  # narrow
    ("calc", "IPAexGothic", 10.0, (10, 20, 26, 26, 7, 20)),
    ("writer", "IPAexGothic", 8.0, (2.4, 4.2, 6.6, 6.6, 1.8, 4.1)),
    ("calc", "IPAexMincho", 9.0, (9, 14, 18, 18, 6, 14)),  # narrow
)
HELDOUT_LOOKS = (
    ("writer", "IPAexGothic", 9.5, (2.2, 3.6, 4.6, 4.6, 1.6, 3.6)),
    ("calc", "IPAexMincho", 11.0, (11, 20, 26, 26, 7, 20)),
    ("calc", "Droid Sans Fallback", 8.5, (9, 18, 22, 22, 6, 16)),
    ("writer", "Droid Sans Fallback", 9.5, (2.6, 4.2, 6.4, 6.4, 2.0, 4.1)),
)
TUNING_PLAN = (
    "juki",
    "municipal",
    "kokuho",
    "zeimu",
    "lists",
    "juki",
    "kokuho",
    "zeimu",
    "lists",
    "municipal",
)
ROWS = 8
NUMERALS = "①②③④⑤⑥⑦⑧⑨"
# Lists of words separated by full-width spaces (生年月日　性別), appended as a paragraph.
WORD_LISTS = (
    ("氏名", "生年月日", "性別", "住所", "個人番号"),
    ("世帯番号", "続柄", "住民となった年月日", "転入前住所", "異動事由"),
    ("課税年度", "所得金額", "控除額", "税額", "納税義務者番号"),
    ("資格取得日", "資格喪失日", "被保険者番号", "保険料額", "給付記録"),
)


def _sentences(text: str) -> list[str]:
    """``text`` cut after each 。 not followed by a closing bracket (the pieces keep their 。)."""
    return [s for s in re.split(r"(?<=。)(?![）」』】)])", text) if s]


def _vary(text: str, rng: random.Random) -> str:
    """``text`` with its long paragraphs cut into sentences (explicit breaks), bullets put before
    them, or a list of words with full-width spaces appended: each at random."""
    paras = [p for p in text.split("\n") if p.strip()]
    if not paras:
        return text
    out: list[str] = []
    for p in paras:
        pieces = _sentences(p) if len(p) > 40 and rng.random() < 0.5 else [p]
        out.extend(pieces)
    bullet = rng.random()
    if len(out) >= 2 and bullet < 0.3:
        out = [p if p[0] in "・" + NUMERALS else f"・{p}" for p in out]
    elif len(out) >= 2 and bullet < 0.55:
        out = [p if p[0] in "・" + NUMERALS else f"{NUMERALS[k % 9]}{p}" for k, p in enumerate(out)]
    if rng.random() < 0.45:
        words = list(rng.choice(WORD_LISTS))
        rng.shuffle(words)
        out.append("　".join(words))
    if rng.random() < 0.25:  # a full-width space inside a sentence, as after a heading word
        k = rng.randrange(len(out))
        cut = out[k].find("、")
        if cut > 0:
            out[k] = out[k][:cut] + "　" + out[k][cut + 1 :]
    return "\n".join(out)


def _underlined(before: str, after: str, rng: random.Random, style: object) -> list[tuple[str, dict]]:
    """``after`` as runs with some words underlined in ``style`` (True: single, "double"): the
    words not in ``before``, a whole paragraph, or a span of 12–60 characters (which often runs
    over a soft wrap)."""
    mode = rng.choice(("diff", "paragraph", "span", "span"))
    mark = {"underline": style}
    if mode == "diff":
        runs = [(t, mark if how else {}) for t, how in changed_spans(before, after)]
        if any(how for _, how in runs):
            return runs
        mode = "span"
    paras = after.split("\n")
    if mode == "paragraph":
        k = rng.randrange(len(paras))
        head = "\n".join(paras[:k]) + ("\n" if k else "")
        tail = ("\n" if k + 1 < len(paras) else "") + "\n".join(paras[k + 1 :])
        return [r for r in ((head, {}), (paras[k], mark), (tail, {})) if r[0]]
    n = len(after)
    length = min(rng.randint(12, 60), max(n - 1, 1))
    start = rng.randrange(0, max(n - length, 1))
    return [
        r
        for r in ((after[:start], {}), (after[start : start + length], mark), (after[start + length :], {}))
        if r[0]
    ]


def underpdf_cases(heldout: bool) -> list[Case]:
    """The set's cases: a look and a table each, 8 rows with varied 変更後 cells underlined."""
    if heldout:
        tables = sorted(HELDOUT_DIR.glob("*.json"))
        plan = [(p.stem, p, look) for p, look in zip(tables, HELDOUT_LOOKS, strict=True)]
    else:
        plan = [(n, TUNING_TABLES[n], look) for n, look in zip(TUNING_PLAN, TUNING_LOOKS, strict=True)]
    cases = []
    for k, (name, path, (maker, font, size, widths)) in enumerate(plan):
        cname = f"{maker}-up-{name}-{k + 1}"
        rng = random.Random(f"piatable-underpdf17-{cname}")
        table = load_table(path)
        # Rows LibreOffice prints otherwise than the truth (brackets, △ □ names).
        table = [r for r in table if not any(c in r["after"] + r["before"] for c in "[△□")]
        start = rng.randrange(0, max(len(table) - ROWS, 0) + 1)
        table = [dict(r) for r in table[start : start + ROWS]]
        for r in table:
            r["after"] = _vary(r["after"], rng)
            if rng.random() < 0.4:
                r["explanation"] = _vary(r["explanation"], rng)
        c = plain_case(cname, table, maker, heldout=heldout, date_style=DATE_STYLES[k % len(DATE_STYLES)])
        style = ("double", True, "mixed")[k % 3]
        runs = {}
        for i, r in enumerate(c.rows):
            if r["after"]:
                how = style if style != "mixed" else rng.choice((True, "double"))
                runs[(i, "after")] = _underlined(r["before"], r["after"], rng, how)
        # Calc: top-aligned, as a centred cell taller than LibreOffice's fitted row spills over
        # the row above (its text printed outside its cell).
        # and a spare line more in each row (LibreOffice fits some rows a line short of their
        # item, and clips its last line).
        valign = "top" if maker == "calc" else c.valign
        spare = {i: 1 for i in range(len(c.rows))} if maker == "calc" else {}
        c = replace(c, font=font, size=size, widths=widths, runs=runs, valign=valign, extra_spare=spare)
        cases.append(replace(c, texts=False))
    return cases


SETS = office_pair("underpdf17", underpdf_cases)


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
