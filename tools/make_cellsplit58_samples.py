"""A cell's paragraphs printed apart beside rows under merged 項目 / 提出時期 / 説明, read by
layout-mode extractors (issues 10 / 12, branch cellsplit58).

    python tools/make_cellsplit58_samples.py                             # both sets
    python tools/make_cellsplit58_samples.py --set office-cellsplit58    # or heldout-cellsplit58

Layout text (``pdftotext -layout``, pdfplumber ``layout=True``, pypdf layout mode, PyMuPDF
``sort=True``) prints a blank line between two lines of one cell where the cell's paragraphs
stand apart (a paragraph style's space after, in Writer) or where a line of another column
prints between them (cells centred beside top-aligned ones), and a blank line between the rows
of a change typed as rows under a merged 項目, 提出時期 and 説明 (``make_pairs57_samples``).
Each case prints rows of the set's pool whose 変更前 / 変更後 hold several paragraphs

* ``space``: LibreOffice Writer, every cell's paragraphs 3–6 pt apart, no merged cells;
* ``spacepairs``: Writer, so spaced, with groups of rows under merged 項目 / 提出時期 / 説明;
* ``centre``: Writer or Calc, 変更日 / 項目 at the top, the other cells centred, no merged cells;
* ``pairs``: Calc, groups of rows under merged cells, every cell at the top.

The truth (``expected/records.json``) is each row's six fields, the merged values on every row
they cover.  ``office-cellsplit58`` (tuning) draws from the tuning tables; ``heldout-cellsplit58``
(held out: measure on it, never tune on it) from the held-out tables, in other fonts and sizes.
Each case keeps its PDF and the layout texts (``make_pairs57_samples.TEXTS``: form-feed and
``+nl`` ones).
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_chromium54_samples import _expected as pdf_expected
from make_office_samples import (
    HELDOUT_DIR,
    TUNING_TABLES,
    _printable,
    build_named,
    load_table,
    write_manifest,
)
from make_outsider_tables import SHARES
from make_outsider_tables import Case as OutsiderCase
from make_pairs57_samples import MERGED, TEXTS, _pdf
from make_pairs57_samples import _rows as pair_rows
from make_pdfs import extract_text

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-cellsplit58": False, "heldout-cellsplit58": True}
# (maker, look) per case (module docstring).
LOOKS = (
    ("writer", "space"),
    ("writer", "spacepairs"),
    ("writer", "centre"),
    ("calc", "centre"),
    ("calc", "pairs"),
)
ROWS = (5, 8)
# Runs of the pool drawn for a case; the one with the most multi-paragraph 変更前 / 変更後 is kept.
DRAWS = 12
# Longest 変更前 / 変更後 drawn (characters): a longer cell, centred, may not fit one page.
MAX_CELL = 260
PARA_SPACES = (3.0, 4.0, 6.0)
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (8.5, 9.5)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAGothic", "IPAPMincho")


def _paragraphs(rows: list[dict]) -> int:
    return sum(str(r[k]).count("\n") for r in rows for k in ("before", "after"))


def _plain_rows(rng: random.Random, heldout: bool) -> list[dict]:
    """A run of rows of the pool, the one of ``DRAWS`` with the most paragraphs in 変更前 / 変更後."""
    paths = sorted(HELDOUT_DIR.glob("*.json")) if heldout else list(TUNING_TABLES.values())
    best: list[dict] = []
    for _ in range(DRAWS):
        table = _printable(load_table(rng.choice(paths)))
        table = [r for r in table if max(len(str(r["before"])), len(str(r["after"]))) <= MAX_CELL]
        n = min(rng.randint(*ROWS), len(table))
        first = rng.randrange(len(table) - n + 1)
        run = table[first : first + n]
        if _paragraphs(run) > _paragraphs(best):
            best = run
    style = rng.choice(("slash", "wareki", "seireki"))
    return [{**r, "change_date_raw": render_date(r["change_date"], style)} for r in best]


def _case(name: str, heldout: bool) -> OutsiderCase:
    rng = random.Random(f"piatable-cellsplit58-{name}")
    maker, look = name.split("-")[1], name.split("-")[2]
    paired = look.endswith("pairs")
    rows = pair_rows(rng, heldout) if paired else _plain_rows(rng, heldout)
    return OutsiderCase(
        name=name,
        maker=maker,
        font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        landscape=True,
        valign="top-center" if look == "centre" else "top",
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=SHARES,
        slack_lines=rng.choice((0.0, 0.5, 1.0)),
        pool="",
        rows=rows,
        merge_dates=paired,
        merge_keys=(MERGED if maker == "calc" else (*MERGED, "change_date_raw")) if paired else (),
        merge_within="item" if paired else "",
        paper=rng.choice(("A3", "A4")) if maker == "calc" else "A4",
        para_space=rng.choice(PARA_SPACES) if look.startswith("space") else 0.0,
    )


def _whole_pdf(case: OutsiderCase, work: Path) -> Path:
    """The case printed (``make_pairs57_samples._pdf``), its last rows left out while a row is
    not printed whole (a row broken over a page: the stream text holds the label row inside it)."""
    while True:
        try:
            return _pdf(case, work)
        except SystemExit:
            if len(case.rows) <= 3:
                raise
            case.rows = case.rows[:-1]


def _names(heldout: bool) -> list[str]:
    prefix = "hcs58" if heldout else "cs58"
    return [f"{prefix}-{maker}-{look}" for maker, look in LOOKS]


README = """# {name}: a cell's paragraphs apart, rows under merged cells (issues 10 / 12, cellsplit58)

Layout text prints a blank line between two lines of one cell where the cell's paragraphs stand
apart (Writer: a paragraph style's space after, `space`, `spacepairs`) or where a line of another
column prints between them (`centre`: 変更日 / 項目 at the top, the other cells centred, Writer
and Calc), and between the rows of a change typed as rows under a merged 項目, 提出時期 and 説明
(`spacepairs`: Writer; `pairs`: Calc, every cell at the top).  Rows drawn for 変更前 / 変更後 of
several paragraphs.  The truth (`expected/records.json`) is each row's six fields, a merged value
on every row it covers.  Each case is the PDF and the layout texts `<case>-<extractor>`
(pdftotext -layout, pdfplumber `layout=True`, pypdf layout mode, PyMuPDF `sort=True`, each also
with pages joined by line ends: `+nl`); settings per case in `cases.json`.

`samples/office-cellsplit58` (tuning) draws from the tuning tables; `samples/heldout-cellsplit58`
(held out: measure on it, never tune on it) from the held-out tables, in other fonts and sizes.

    python tools/make_cellsplit58_samples.py
    python tools/eval_office.py samples/office-cellsplit58 samples/heldout-cellsplit58 --total
"""


def build(name: str) -> None:
    """Write sample set ``name`` (a key of ``SETS``) under samples/, replacing it."""
    heldout = SETS[name]
    root = ROOT / "samples" / name
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for case_name in _names(heldout):
            case = _case(case_name, heldout)
            pdf = _whole_pdf(case, work)
            truth = pdf_expected(pdf, case.rows)
            folder = root / case_name
            (folder / "expected").mkdir(parents=True)
            shutil.copy(pdf, folder / "input.pdf")
            records = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
            (folder / "expected" / "records.json").write_text(records, "utf-8")
            for tool in TEXTS:
                tf = root / f"{case_name}-{tool}"
                (tf / "expected").mkdir(parents=True)
                (tf / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                (tf / "expected" / "records.json").write_text(records, "utf-8")
            manifest[case_name] = {k: v for k, v in asdict(case).items() if k != "rows"}
            print(f"{name}/{case_name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)
    write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=name), "utf-8")


def main(argv: list[str] | None = None) -> int:
    return build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
