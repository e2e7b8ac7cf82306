"""Group rows inside the amendment table: a row merged across all six columns that names the rows
below it (``【令和５年度】``, ``＜第３回評価書の変更＞``, ``（令和４年度分）``, ``■ 令和5年度``), and
``同上`` cells, with their PDFs and flattened texts (branch fygroup69).

    python tools/make_group_rows69_samples.py                             # both sets
    python tools/make_group_rows69_samples.py --set office-grouprows69    # or heldout-grouprows69

Session 68's unseen tester found the group row's label glued into a neighbouring cell (the previous
row's 説明, the next row's 項目) by the row-ordered readers, unwarned.  A group row is not a record:
the truth has no row for it and its label is no cell's text.

Each case is a table of 8–12 rows of a pool table (``office._four_tables``), dates rising, cut into
two to four groups, each group opened by a group row: Calc (a merged A:F row, bold, at times filled
grey; a manual page break just before one group row in some cases) and Writer (a merged-cell row,
bold).  The label's shape varies (brackets 【】＜＞（）■〔〕, 年度 / 回 / 版, with or without 変更,
full- and half-width digits) and so does where it sits (the first row under the label row, between
rows, right after a page break).  Some 説明 / 項目 cells print ``同上`` (kept as printed).
``office-grouprows69`` (tuning) and ``heldout-grouprows69`` (measure only, never tune on it) draw
their labels' shapes, tables, fonts and widths from their own pools.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

SETS = {"office-grouprows69": False, "heldout-grouprows69": True}
TEXTS = (
    "pypdfium2",
    "pdftotext-raw",
    "pypdf",
    "pdfminer",
    "pdftotext",
    "pdftotext-layout",
    "pymupdf",
    "pdfplumber",
    "pypdfium2+web",
    "pymupdf+web-uni",
)
TUNING_CASES, HELDOUT_CASES = 8, 4
ROWS = (8, 12)
FULL = str.maketrans("0123456789", "０１２３４５６７８９")

# Label shapes: ``{era}`` the era name, ``{y}`` the era's fiscal year, ``{n}`` the group's number
# (第n回 / 第n版), each a (shape, digits full-width?) pool per set.
TUNING_SHAPES = (
    "【{era}{y}年度】",
    "【{era}{y}年度の変更】",
    "＜第{n}回評価書の変更＞",
    "（{era}{y}年度分）",
    "■ {era}{y}年度",
    "【第{n}版】",
    "＜{era}{y}年度変更分＞",
    "【{era}{y}年度再評価】",
)
HELDOUT_SHAPES = (
    "〔{era}{y}年度〕",
    "【第{n}回変更】",
    "＜{era}{y}年度＞",
    "◆{era}{y}年度の変更",
    "（第{n}版）",
    "■第{n}回評価",
)


def fiscal(date: str) -> tuple[str, int]:
    """The era and era year of the fiscal year (April to March) of ``date`` (YYYY-MM-DD)."""
    d = dt.date.fromisoformat(date)
    fy = d.year if d.month >= 4 else d.year - 1
    return ("令和", fy - 2018) if fy >= 2019 else ("平成", fy - 1988)


def label(shape: str, first_row: dict, n: int, full: bool) -> str:
    """A group label of ``shape`` for the group opening with ``first_row``, the ``n``-th group."""
    era, y = fiscal(first_row["change_date"])
    text = shape.format(era=era, y="元" if y == 1 else y, n=n)
    return text.translate(FULL) if full else text


def group_starts(rows: list[dict], rng: random.Random, first: bool, by_year: bool) -> list[int]:
    """Where the groups open among ``rows``: at each change of fiscal year (``by_year``) or at two
    to four places drawn; the first row among them when ``first``."""
    if by_year:
        inner = [
            i
            for i in range(1, len(rows))
            if fiscal(rows[i]["change_date"]) != fiscal(rows[i - 1]["change_date"])
        ]
        if not inner:
            inner = [len(rows) // 2]
    else:
        k = rng.choice((2, 3, 3, 4))
        inner = sorted(rng.sample(range(2, len(rows) - 1), min(k - 1, len(rows) - 3)))
    return ([0] if first else []) + inner


def with_same_as_above(rows: list[dict], rng: random.Random) -> list[dict]:
    """Some 説明 (and now and then 項目) cells after the first printed as ``同上``."""
    out = [dict(r) for r in rows]
    for r in out[1:]:
        if rng.random() < 0.2:
            r["explanation"] = "同上"
        elif rng.random() < 0.06:
            r["item"] = "同上"
    return out


def make_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """One case: ``table``'s rows (8–12, dates rising) in groups, each opened by a group row."""
    rng = random.Random(f"piatable-grouprows69-{name}")
    maker = ("calc", "writer")[k % 2]
    case = office.plain_case(name, table, maker, heldout=heldout)
    n = rng.randint(*ROWS)
    start = rng.randrange(max(len(case.rows) - n, 0) + 1)
    rows = sorted(case.rows[start : start + n], key=lambda r: r["change_date"])
    rows = with_same_as_above(rows, rng)
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    shape = shapes[k % len(shapes)]
    starts = group_starts(rows, rng, first=k % 4 != 3, by_year="{y}" in shape)
    full = rng.random() < 0.6
    groups = {g: label(shape, rows[g], j + 1, full) for j, g in enumerate(starts)}
    # Calc: in some cases a manual page break just before a group row (a group right after a break).
    per_page = None
    if maker == "calc" and k % 4 == 2:
        inner = [g for g in starts if g >= 3]
        per_page = inner[0] if inner else None
    return replace(
        case,
        rows=rows,
        group_rows=groups,
        group_fill=maker == "calc" and rng.random() < 0.5,
        rows_per_page=per_page,
        merge=False,
        real_dates=False,
        repeat_header=True,
    )


def cases(heldout: bool) -> list[Case]:
    """The set's cases, their rows taken in turn from ``office._four_tables``."""
    tables = office._four_tables(heldout)
    count = HELDOUT_CASES if heldout else TUNING_CASES
    out = []
    for k in range(count):
        tname, path = tables[k % len(tables)]
        table = office._printable(office.load_table(path))
        out.append(make_case(f"{'h' if heldout else ''}gr69-{tname}-{k + 1}", table, heldout, k))
    return out


def made(work: Path, heldout: bool) -> Iterator[office.SetCase]:
    """The set's cases rendered in ``work``: (name, PDF, truth, ``cases.json`` entry with the labels)."""
    made_cases = cases(heldout)
    rendered = office.render(made_cases, work)
    for case in made_cases:
        _, pdf, expected = rendered[case.name]
        labels = {str(g): t for g, t in case.group_rows.items()}
        pages = max(r["page_end"] for r in expected)
        entry = office.settings_of(case) | {"rows": len(expected), "pages": pages, "group_rows": labels}
        yield case.name, pdf, expected, entry


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, ``cases.json`` and README."""
    office.build_made_set(office.SAMPLES / name, lambda work: made(work, SETS[name]), TEXTS, README[name])


README = {
    "office-grouprows69": "# office-grouprows69 (tuning)\n\nCalc and Writer tables (openpyxl, python-docx)"
    " whose rows are cut into groups by group rows (a row merged across all six columns naming the rows"
    " below it: `【令和５年度】`, `＜第３回評価書の変更＞`, `（令和４年度分）`, `■ 令和5年度`),"
    " some 説明 / 項目 cells printing `同上`; their PDFs and flattened texts (pypdfium2, pdftotext -raw,"
    " pypdf, pdfminer, pdftotext, pdftotext -layout, PyMuPDF, pdfplumber and two viewer copies), made by"
    " `tools/make_group_rows69_samples.py`.  A group row is not a record: the truth has no row for it"
    " (each case's labels are in `cases.json`).\n",
    "heldout-grouprows69": "# heldout-grouprows69 (held out)\n\nAs office-grouprows69, from the held-out"
    " tables, label shapes, fonts, sizes and widths, made by `tools/make_group_rows69_samples.py`."
    " Measure on it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
