"""Amendment tables with page furniture and text between tables (issues 10/11/14, pagemark55).

    python tools/make_pagemark55_samples.py                             # both sets
    python tools/make_pagemark55_samples.py --set office-pagemark55     # or heldout-pagemark55

Kinds the unseen set showed (office-made PDFs and 14 extractors' texts of them):

* ``bare``: a Writer table without rulings (the label row's foot only, pandoc's look) running
  over pages, a page number centred in the footer (``3``, ``- 3 -``, ``3/5``, ``P.3``): read
  into the last cell of the page;
* ``sheet``: a Calc sheet whose page header (the right header, ``（別添２）``) prints on every page,
  a manual page break every few rows: glued to the last row of the page before;
* ``split``: a Writer table cut in two by a heading paragraph (``２．送付先情報ファイル``), the second
  part a table of its own with its label row: the heading read into a row's explanation or its
  digit into the next row's date;
* ``glued``: as ``split``, the second table printing no label row of its own and no rulings
  (the heading stands right above the next row's date: read into it, ``R2.10.1２``);
* ``lead``: a Writer table after body text (it starts mid-page), a page header with text
  (``特定個人情報保護評価書（全項目評価書）``) and a footer ``1/3``.

Each case keeps its PDF, the five extractors' texts, pdfplumber (plain and ``layout=True``),
pypdf (plain and ``extraction_mode="layout"``), PyMuPDF (default, ``sort=True``, blocks) and
``pdftotext -layout`` in CP932 with CRLF (``make_office_samples.PAGEMARK_TEXTS``).
``office-pagemark55`` (tuning) from the tuning tables' rows; ``heldout-pagemark55`` (measure
only, never tune on it) from the held-out tables' rows, fonts, headings and furniture words.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

# Page-number forms (``{P}`` page, ``{N}`` pages), and the furniture words, tuning / held out.
TUNING_NUMBERS = ("{P}", "- {P} -", "{P}/{N}", "P.{P}")
HELDOUT_NUMBERS = ("{P}", "{P} / {N}", "- {P} -", "ページ {P}")
TUNING_HEADS = ("（別添２）", "特定個人情報保護評価書（全項目評価書）")
HELDOUT_HEADS = ("別紙２", "特定個人情報保護評価書（基礎項目評価書）")
TUNING_SPLITS = ("２．送付先情報ファイル", "２　住民基本台帳ファイル")
HELDOUT_SPLITS = ("３．宛名管理ファイル", "（２）課税台帳ファイル")
TUNING_LEADS = ("特定個人情報保護評価書の変更について", "次のとおり評価書の記載を変更した。")
HELDOUT_LEADS = ("評価書の再実施に伴う変更箇所",)
# Kinds, in order (a case each; the held-out set draws fewer).
TUNING_KINDS = ("bare", "bare", "sheet", "sheet", "split", "split", "lead", "glued", "glued")
HELDOUT_KINDS = ("bare", "sheet", "split", "lead", "bare", "sheet", "split", "glued")


def _case(name: str, table: list[dict], kind: str, k: int, heldout: bool) -> Case:
    rng = random.Random(f"piatable-pagemark55-{name}")
    numbers = HELDOUT_NUMBERS if heldout else TUNING_NUMBERS
    heads = HELDOUT_HEADS if heldout else TUNING_HEADS
    n = rng.choice((7, 9, 11)) if kind != "sheet" else rng.choice((6, 8))
    start = rng.randrange(max(len(table) - n, 0) + 1)
    maker = "calc" if kind == "sheet" else "writer"
    c = office.plain_case(name, table[start : start + n], maker, heldout=heldout)
    c = replace(
        c,
        page_numbers=True,
        page_number_format=numbers[k % len(numbers)],
        fallback_glyphs="○□△",
        merge=False,
    )
    if kind == "bare":
        return replace(
            c,
            inner_rule="none",
            rows=office._long_rows(c.rows, rng, (2, 3)),
            repeat_header=k % 2 == 0,
            valign="top",
        )
    if kind == "sheet":
        return replace(
            c,
            page_header=(heads[0], "right"),
            rows_per_page=rng.choice((2, 3)),
            repeat_header=True,
            real_dates=False,  # a number-formatted date too wide for its column prints ###
            page_footer=heads[1] if k % 2 else "",
        )
    if kind in ("split", "glued"):
        splits = HELDOUT_SPLITS if heldout else TUNING_SPLITS
        return replace(
            c,
            split_labels=kind == "split",
            inner_rule="none" if kind == "glued" else c.inner_rule,
            rows=office._long_rows(c.rows, rng, (2,)),
            split_after=rng.randint(2, max(2, len(c.rows) - 2)),
            split_heading=splits[k % len(splits)],
            page_header=(heads[0], "right") if k % 2 else ("", "right"),
        )
    leads = HELDOUT_LEADS if heldout else TUNING_LEADS
    return replace(
        c,
        lead=leads,
        rows=office._long_rows(c.rows, rng, (2,)),
        page_header=(heads[1], "center"),
        page_number_format="{P}/{N}",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per kind of ``TUNING_KINDS`` / ``HELDOUT_KINDS``, its table cycling through
    ``office._four_tables``, named ``[h]pm55-<kind>-<table>-v<k>``; a case drawn again
    (``redrawn``) takes its rows from another start."""
    tables = office._four_tables(heldout)
    cases = []
    for k, kind in enumerate(HELDOUT_KINDS if heldout else TUNING_KINDS):
        tname, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}pm55-{kind}-{tname}-v{k + 1}"
        table = office._printable(office.load_table(path))
        if name in redrawn:
            table = table[len(table) // 2 :] + table[: len(table) // 2]
        cases.append(_case(name, table, kind, k, heldout))
    return cases


SETS = split_sets("pagemark55", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
