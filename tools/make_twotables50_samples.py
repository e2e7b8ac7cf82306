"""Two amendment tables on one page, by LibreOffice Calc and Writer (issues 11 / 12, a new
user's documents): a （別添２）変更箇所 table and, below it on the same page, a （別添３）変更箇所
title line and a second table with its own label row, in the same column widths or (Writer) in
other widths.  Some rows print only 提出時期に係る説明 (every other cell empty), some print a
note in one cell merged across 変更前 and 変更後 (its truth: the note as before, after "").

    python tools/make_twotables50_samples.py                          # both sets
    python tools/make_twotables50_samples.py --set office-twotables50  # or heldout-twotables50

Each case is two ``make_office_samples.Case`` tables written by that tool's own writers
(``write_xlsx`` / ``write_docx``) and joined into one document here: Writer's second body (title
paragraph and table) appended to the first's; Calc's second sheet's cells, merges and row
heights copied under the first table, one blank row between (one sheet has one set of column
widths, so Calc's two tables share theirs).  The truth is the two tables' rows in printed order.
``office-twotables50`` (tuning) draws from the tuning tables' rows; ``heldout-twotables50``
(measure only, never tune on it) from the held-out tables' rows, in the held-out fonts and
widths.  Each case keeps its PDF only (the PDF reader's table finding is the subject).
"""

from __future__ import annotations

import contextlib
import random
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, printed_rows

# Rows per table (both fit one page with the rows' cells short: ``SHORT_ROW_CHARS``).
ROWS_PER_TABLE = (3, 4)
# A pool row is taken when its cells hold at most this many characters in all.
SHORT_ROW_CHARS = 110
# Tuning / held-out cases per maker: (maker, same widths?) of each case in order.
TUNING_PLAN = (("writer", False), ("writer", True), ("calc", True), ("writer", False))
HELDOUT_PLAN = (("writer", False), ("writer", True), ("calc", True))
EXPLANATION_ONLY = (
    "評価書の記載の誤りを訂正するもの。",
    "重要な変更に当たらない。",
)
HELDOUT_EXPLANATION_ONLY = ("記載内容の明確化のため。",)
NOTES = (
    "（記載の整理）\n記載を評価書全体で統一する。",
    "（表記の統一）\n「個人番号」の表記に統一する。",
)
HELDOUT_NOTES = ("（誤記の訂正）\n担当部署の名称の誤りを訂正する。",)


@dataclass
class TwoTables(Case):
    """A document of two tables: ``rows[:split]`` under （別添２）, ``rows[split:]`` under
    （別添３） on the same page; ``second_widths`` the second table's widths (None: the first's);
    ``merge_across`` indexes ``rows`` as a whole."""

    split: int = 0
    second_widths: tuple[float, ...] | None = None

    def parts(self) -> tuple[Case, Case]:
        """The two tables as plain cases (their own rows and merged-across rows)."""
        base = Case(**{f: getattr(self, f) for f in Case.__dataclass_fields__})
        a = [i for i in self.merge_across if i < self.split]
        b = [i - self.split for i in self.merge_across if i >= self.split]
        first = replace(base, rows=self.rows[: self.split], merge_across=tuple(a), appendix="２")
        second = replace(
            base,
            rows=self.rows[self.split :],
            merge_across=tuple(b),
            appendix="３",
            widths=self.second_widths or self.widths,
            extra_spare={i - self.split: n for i, n in self.extra_spare.items() if i >= self.split},
        )
        return first, second


def _append_docx(path: Path, case: TwoTables) -> None:
    """Writer: the first table's document with the second's title and table appended (one empty
    paragraph between); merged-across rows' before and after cells merged in each table."""
    from docx import Document

    first, second = case.parts()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "second.docx"
        office.write_docx(path, first)
        office.write_docx(other, second)
        doc, more = Document(str(path)), Document(str(other))
        body, sect = doc.element.body, doc.element.body[-1]
        sect.addprevious(doc.add_paragraph("")._p)
        for el in list(more.element.body):
            if not el.tag.endswith("sectPr"):
                sect.addprevious(el)
        before = office.SIX.index("before")
        for table, part in zip(doc.tables, (first, second), strict=True):
            for i in part.merge_across:
                table.cell(1 + i, before).merge(table.cell(1 + i, before + 1))
        assert body is doc.element.body
        doc.save(str(path))


def _append_xlsx(path: Path, case: TwoTables) -> None:
    """Calc: the first table's sheet with the second's cells (values and styles), merges and
    row heights copied under it, one blank row between."""
    from copy import copy

    from openpyxl import load_workbook

    first, second = case.parts()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "second.xlsx"
        office.write_xlsx(path, first)
        office.write_xlsx(other, second)
        wb, more = load_workbook(path), load_workbook(other)
        ws, src = wb.active, more.active
        shift = ws.max_row + 1
        for row in src.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                d = ws.cell(c.row + shift, c.column, c.value)
                if c.has_style:
                    d.font, d.border, d.alignment = copy(c.font), copy(c.border), copy(c.alignment)
                    d.fill, d.number_format = copy(c.fill), c.number_format
        for r in src.merged_cells.ranges:
            ws.merge_cells(
                start_row=r.min_row + shift,
                start_column=r.min_col,
                end_row=r.max_row + shift,
                end_column=r.max_col,
            )
        for k, dim in src.row_dimensions.items():
            if dim.height:
                ws.row_dimensions[k + shift].height = dim.height
        wb.save(path)


@contextlib.contextmanager
def two_table_writers() -> Iterator[None]:
    """``make_office_samples.render`` writes a ``TwoTables`` case as one document of two
    tables while this is open (its writers are looked up by name at each call)."""
    plain_xlsx, plain_docx = office.write_xlsx, office.write_docx

    def xlsx(path: Path, case: Case) -> None:
        (_append_xlsx if isinstance(case, TwoTables) else plain_xlsx)(path, case)  # type: ignore[arg-type]

    def docx(path: Path, case: Case) -> None:
        (_append_docx if isinstance(case, TwoTables) else plain_docx)(path, case)  # type: ignore[arg-type]

    office.write_xlsx, office.write_docx = xlsx, docx
    try:
        yield
    finally:
        office.write_xlsx, office.write_docx = plain_xlsx, plain_docx


def _short(pool: list[dict]) -> list[dict]:
    return [
        r
        for r in pool
        if sum(len(r[k]) for k in ("item", "before", "after", "explanation")) <= SHORT_ROW_CHARS
    ]


def _rows(pool: list[dict], rng: random.Random, n: int, style: str) -> list[dict]:
    start = rng.randrange(len(pool) - n + 1)
    return printed_rows(pool[start : start + n], style)


def _case(name: str, maker: str, same: bool, heldout: bool) -> TwoTables:
    """Two short tables of one date style; table 1 gets an explanation-only row, the Calc
    tables and one Writer table in two a merged-across note row."""
    rng = random.Random(f"piatable-twotables50-{name}")
    pool = _short(_pool(heldout))
    style = rng.choice(office.DATE_STYLES[:5])
    one = _rows(pool, rng, rng.choice(ROWS_PER_TABLE), style)
    two = _rows(pool, rng, rng.choice(ROWS_PER_TABLE), style)
    phrases = HELDOUT_EXPLANATION_ONLY if heldout else EXPLANATION_ONLY
    at = rng.randrange(1, len(one) + 1)
    empty = {k: "" for k in (*office.SIX, "change_date")}
    one.insert(at, dict(empty, explanation=rng.choice(phrases)))
    across: tuple[int, ...] = ()
    if maker == "calc" or rng.random() < 0.5:
        k = rng.randrange(1, len(two))
        two[k] = dict(two[k], before=rng.choice(HELDOUT_NOTES if heldout else NOTES), after="")
        across = (len(one) + k,)
    widths = rng.choice(office.widths_of(maker, heldout))
    others = [w for w in office.widths_of(maker, heldout) if w != widths]
    second = (
        None if same or maker == "calc" else tuple(round(x * rng.uniform(0.85, 1.15), 1) for x in others[0])
    )
    return TwoTables(
        name=name,
        rows=one + two,
        maker=maker,
        font=rng.choice(office.HELDOUT_FONTS if heldout else office.TUNING_FONTS),
        size=rng.choice(office.HELDOUT_SIZES if heldout else office.TUNING_SIZES),
        widths=widths,
        repeat_header=True,
        merge_across=across,
        fallback_glyphs="○□",
        texts=False,
        split=len(one),
        second_widths=second,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """One case per entry of the plan, named ``[h]t50-<maker>-v<k>`` (k counts over the plan)."""
    plan = HELDOUT_PLAN if heldout else TUNING_PLAN
    tag = f"{'h' if heldout else ''}t50"
    out: list[Case] = []
    for k, (maker, same) in enumerate(plan, 1):
        name = f"{tag}-{maker}-v{k}"
        if name in redrawn:
            name += "-r"
            if name in redrawn:
                continue
        out.append(_case(name, maker, same, heldout))
    return out


SETS = split_sets("twotables50", _cases)


def main(argv: list[str] | None = None) -> int:
    with two_table_writers():
        return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
