"""Writer tables whose rows break over pages under a repeated header row, their cells of several
paragraphs, with row-ordered texts (issues 10 and 12, branch paragraphs65).

    python tools/make_paragraphs65_samples.py                               # both sets
    python tools/make_paragraphs65_samples.py --set office-paragraphs65     # or heldout-paragraphs65

Session 64's unseen set XXVI (t07: a Writer table, rows allowed to break across pages, the label
row repeated at each page's top) read worse in pypdfium2's and ``pdftotext -raw``'s texts once
paragraphs64's wrap widths came in (13 → 6 rows right): a row starting at a page's foot goes on
at the next page's top under the repeated labels, so its before / after cells print a few lines
on one page and the rest on the next, and a cell's lines on the two pages are no one run of
wrapped lines.  Each case here is a python-docx table (Writer's Table Grid, ruled) of 15–25 rows
of the set's pool, rows free to break over pages (Writer's default), the label row repeated
(``w:tblHeader``); some before / after cells are made long of other rows' paragraphs
(``_long_distinct_rows``), some before cells hold two paragraphs of their own beside an after
cell of one, and some rows are a 所属長 / 評価実施機関の長 cell of a title and a name parted
by spaces (``市民課長 山田 太郎``: ``TITLE_NAMES``), the kind a row-ordered text may cut at the
wrong space.  The truth (``expected/records.json``) is the six fields as written.  Each case is
the PDF and the texts of ``TEXTS``.  ``office-paragraphs65`` (tuning) draws from the tuning
tables; ``heldout-paragraphs65`` (measure only, never tune on it) from the held-out tables, with
their own fonts, sizes, widths and names.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

SETS = {"office-paragraphs65": False, "heldout-paragraphs65": True}
TEXTS = ("pypdfium2", "pypdfium2+nl", "pdftotext-raw")
CASES = 4
ROWS = (15, 25)
# Writer widths (cm) of the six columns: A4 landscape (25.7 cm between the margins), then portrait
# (17 cm: a wider table runs off the page, and pdftotext leaves out what is off it).
TUNING_WIDTHS = ((2.4, 4.6, 6.4, 6.4, 1.8, 4.1), (1.8, 3.0, 4.2, 4.2, 1.2, 2.6))
HELDOUT_WIDTHS = ((2.6, 4.0, 6.9, 6.9, 1.7, 3.4), (1.6, 2.8, 4.4, 4.4, 1.3, 2.5))
# (before, after) of a title-and-name cell (所属長 / 評価実施機関の長), spaces between the parts.
TUNING_TITLE_NAMES = (
    ("市民課長 山田 太郎", "市民生活課長 佐藤 花子"),
    ("保険年金課長 鈴木 一郎", "国保年金課長 高橋 次郎"),
    ("○○市長 田中 三郎", "○○市長 伊藤 四郎"),
)
HELDOUT_TITLE_NAMES = (
    ("税務課長　中村　健一", "課税課長　小林　誠"),
    ("健康推進課長 加藤 良子", "健康推進課長 吉田 直樹"),
    ("○○町長 渡辺 浩", "○○町長 山本 修一"),
)
TITLE_ITEMS = (
    "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長",
    "Ⅰ基本情報\n６．評価実施機関の長",
)


def _two_paragraph_befores(rows: list[dict], rng: random.Random) -> list[dict]:
    """Some rows with a before cell of two paragraphs (its own and another row's), beside an
    after cell of one: the shape whose second paragraph row-ordered text may read into the
    after cell."""
    pool = [p for r in rows for p in r["before"].split("\n") if len(p) >= 14]
    out = []
    for r in rows:
        r = dict(r)
        if r["before"] and r["after"] and "\n" not in r["before"] and pool and rng.random() < 0.3:
            extra = rng.choice(pool)
            if extra not in r["before"] and extra not in r["after"]:
                r["before"] = r["before"] + "\n" + extra
        out.append(r)
    return out


def _title_rows(rows: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """The rows with two or three title-and-name rows put in among them (each taking the date and
    提出時期 of the row it follows)."""
    names = HELDOUT_TITLE_NAMES if heldout else TUNING_TITLE_NAMES
    out = list(rows)
    for before, after in rng.sample(names, rng.choice((2, 3))):
        at = rng.randrange(1, len(out) + 1)
        base = dict(out[at - 1])
        base.update(
            item=rng.choice(TITLE_ITEMS),
            before=before,
            after=after,
            explanation=rng.choice(("人事異動による変更", "所属長の変更", "評価実施機関の長の変更")),
        )
        out.insert(at, base)
    return out


def make_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """A Writer case: rows of ``table`` (15–25), long and two-paragraph cells, title-and-name
    rows, the label row repeated, rows breaking over pages."""
    rng = random.Random(f"piatable-paragraphs65-{name}")
    n = rng.randint(*ROWS) - 3
    start = rng.randrange(max(min(len(table) - n, 8), 0) + 1)
    case = office.plain_case(name, table[start : start + n], "writer", heldout=heldout)
    rows = office._long_distinct_rows(case.rows, rng)
    rows = _two_paragraph_befores(rows, rng)
    rows = _title_rows(rows, rng, heldout)
    widths = (HELDOUT_WIDTHS if heldout else TUNING_WIDTHS)[k % 2]
    return replace(
        case,
        rows=rows,
        widths=widths,
        portrait=k % 2 == 1,
        repeat_header=True,
        merge=k == 2,
        valign=("top", "center", "top")[k % 3],
        fallback_glyphs="○",
    )


def cases(heldout: bool) -> list[Case]:
    """``CASES`` cases, their tables taken in turn from ``office._four_tables``."""
    tables = office._four_tables(heldout)
    out = []
    for k in range(CASES):
        tname, _ = tables[(k + 1) % len(tables)]
        # The table's rows, then the next tables' (the pool tables hold 6–20 printable rows).
        table = [
            r
            for j in range(len(tables))
            for r in office._printable(office.load_table(tables[(k + 1 + j) % len(tables)][1]))
        ]
        out.append(make_case(f"{'h' if heldout else ''}pg65-{tname}-{k + 1}", table, heldout, k))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    import shutil
    import tempfile

    root = office.SAMPLES / name
    made_cases = cases(SETS[name])
    with tempfile.TemporaryDirectory() as tmp:
        made = office.render(made_cases, Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            expected = _pages_in_order(expected)
            manifest[case.name] = office.write_case_with_texts(root, case, pdf, expected, TEXTS)
            pages = manifest[case.name]["pages"]
            print(f"{name}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


def _pages_in_order(expected: list[dict]) -> list[dict]:
    """The truth with each row's pages kept between its neighbours': ``office.expected_records``
    finds a row's page by its text, and a row of short cells printed again further on (``提供先３``
    with an empty before cell) can be found on a later page than the rows after it; the row is
    printed between them.  Only ``page_start`` / ``page_end`` change, never a cell."""
    out = [dict(r) for r in expected]
    for k, r in enumerate(out):
        nxt = out[k + 1]["page_start"] if k + 1 < len(out) else r["page_end"]
        prev = out[k - 1]["page_end"] if k else r["page_start"]
        r["page_start"] = max(prev, min(r["page_start"], nxt))
        r["page_end"] = max(r["page_start"], min(r["page_end"], nxt if k + 1 < len(out) else r["page_end"]))
    return out


README = {
    "office-paragraphs65": "# office-paragraphs65 (tuning)\n\nWriter tables (python-docx, Table Grid) of"
    " 15–25 rows whose rows break over pages under the repeated label row, long and two-paragraph"
    " 変更前 / 変更後 cells and title-and-name cells (`市民課長 山田 太郎`), their PDFs and row-ordered"
    " texts (pypdfium2, pypdfium2 +nl, pdftotext -raw), made by `tools/make_paragraphs65_samples.py`.\n",
    "heldout-paragraphs65": "# heldout-paragraphs65 (held out)\n\nAs office-paragraphs65, from the held-out"
    " tables, fonts, sizes, widths and names, made by `tools/make_paragraphs65_samples.py`. Measure on it,"
    " never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
