"""Amendment tables set in a document's body text, and PyMuPDF's two reading orders (bodytext54).

    python tools/make_bodytext54_samples.py                            # both sets
    python tools/make_bodytext54_samples.py --set office-bodytext54    # or heldout-bodytext54

Issue 10 (a new user's Writer .odt): paragraphs before the table (a heading, a lead sentence)
and after it (a ``※`` note, ``以上``, a date line such as ``2025年1月15日``, the body's signature, a
second small table: 問合せ先) were read into the first or last row by the text paths.  Writer
cases (.docx, some saved as .odt by Writer first: ``Case.via_odt``) print such paragraphs around
the table, with or without a page-number footer, the table ending mid-page or near the page's
foot (row counts vary); Calc cases (fit to one page wide, as every Calc case is) print the note,
date line and 以上 in rows under the table.  Each case keeps its PDF, the five extractors' texts
and PyMuPDF's ``get_text("text")`` in its default order (``-pymupdf``) and with ``sort=True``
(``-pymupdf-sort``).

``office-bodytext54`` (tuning) from the tuning tables and tuning wordings; ``heldout-bodytext54``
(measure only, never tune on it) from the held-out tables, in the held-out fonts and wordings.
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

# Rows per case: few (the table ends mid-page) to many (it reaches the page's foot or the next page).
ROW_COUNTS = (3, 4, 6, 8)
# (heading, lead sentence) printed above the title of a Writer case.
TUNING_LEADS = (
    (
        "特定個人情報保護評価書（全項目評価書）の変更について",
        "下記のとおり評価書の記載を変更したので、その変更箇所を示す。",
    ),
    ("住民基本台帳に関する事務　全項目評価書", "評価書の変更箇所は次のとおりである。"),
    (),
)
HELDOUT_LEADS = (
    ("特定個人情報保護評価書の一部変更", "本評価書について、以下の箇所を変更した。"),
    (),
)
# What follows the table: (text, "left" / "right") paragraphs, in the order printed.
TUNING_TAILS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("※　変更箇所に下線を付している。", "left"),
        ("以上", "right"),
        ("2025年1月15日", "right"),
        ("○○市長　山田　太郎", "right"),
    ),
    (("令和7年1月15日", "right"), ("○○町長", "right"), ("以上", "right")),
    (("※　変更日は、評価書の記載を変更した日である。", "left"), ("2024/11/5", "right")),
    (("※　上記のほか、軽微な字句の修正を行っている。", "left"), ("以　上", "right")),
)
HELDOUT_TAILS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("※　下線部は変更した箇所を示す。", "left"),
        ("令和６年１２月２日", "right"),
        ("△△県知事　鈴木　一郎", "right"),
        ("以上", "right"),
    ),
    (("2024年3月28日", "right"), ("□□市教育委員会", "right")),
    (
        ("※　提出時期欄の「事後」は、変更後に提出したものである。", "left"),
        ("以上", "right"),
        ("R6.4.1", "right"),
    ),
)
TUNING_TAIL_TABLES = ((("問合せ先", "総務部情報政策課"), ("電話", "012-345-6789")), ())
HELDOUT_TAIL_TABLES = ((("担当", "市民課住民記録係"), ("連絡先", "098-765-4321")), ())
# Kinds of case, in order: Writer .docx, Writer via .odt, Calc (.xlsx via .ods).
TUNING_KINDS = ("writer", "odt", "writer", "calc", "odt", "calc", "writer", "odt")
HELDOUT_KINDS = ("odt", "writer", "calc", "odt", "calc", "writer")


def _case(name: str, table: list[dict], kind: str, k: int, heldout: bool) -> Case:
    rng = random.Random(f"piatable-bodytext54-{name}")
    n = ROW_COUNTS[k % len(ROW_COUNTS)]
    start = rng.randrange(max(len(table) - n, 0) + 1)
    maker = "calc" if kind == "calc" else "writer"
    c = office.plain_case(name, table[start : start + n], maker, heldout=heldout)
    tails = HELDOUT_TAILS if heldout else TUNING_TAILS
    leads = HELDOUT_LEADS if heldout else TUNING_LEADS
    tail_tables = HELDOUT_TAIL_TABLES if heldout else TUNING_TAIL_TABLES
    c = replace(
        c,
        closing=tails[k % len(tails)],
        page_numbers=k % 3 != 2,
        rows_per_page=None,
        fallback_glyphs="○□△",
    )
    if maker == "writer":
        lead = leads[k % len(leads)]
        c = replace(
            c,
            lead=lead[:1],
            caption=lead[1] if len(lead) > 1 else "",
            tail_table=tail_tables[k % len(tail_tables)],
            via_odt=kind == "odt",
            space_after=rng.choice((0.0, 0.0, 3.0)),
            rows=office._long_rows(c.rows, rng, (2,)) if k % 4 == 3 else c.rows,
        )
    return c


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per kind of ``TUNING_KINDS`` / ``HELDOUT_KINDS``, its table cycling through
    ``office._four_tables``, named ``[h]bt54-<kind>-<table>-v<k>``; a case drawn again
    (``redrawn``) takes the table's rows from another start."""
    tables = office._four_tables(heldout)
    cases = []
    for k, kind in enumerate(HELDOUT_KINDS if heldout else TUNING_KINDS):
        tname, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}bt54-{kind}-{tname}-v{k + 1}"
        table = office._printable(office.load_table(path))
        if name in redrawn:
            table = table[len(table) // 2 :] + table[: len(table) // 2]
        cases.append(_case(name, table, kind, k, heldout))
    return cases


SETS = split_sets("bodytext54", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
