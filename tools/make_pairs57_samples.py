"""項目, 提出時期 and 説明 merged over two or three rows (each row its own 変更前 / 変更後), read by
layout-mode extractors (issues 10 / 12, branch pairs57, set XVIII kind 4).

    python tools/make_pairs57_samples.py                          # both sets
    python tools/make_pairs57_samples.py --set office-pairs57     # or heldout-pairs57

A change that amends two values under one 項目 is often typed as two rows whose 項目, 提出時期
and 説明 cells are merged (one printed value over both rows), and whose 変更日 is merged over the
run of one date.  Text read by position (``pdftotext -layout``, pdfplumber ``layout=True``, pypdf
layout mode, PyMuPDF ``sort=True``) prints the merged values once, beside the first row; the
second row's before / after lines follow the first's.  Each case is a run of consecutive rows of
the set's pool with one to three such groups, printed

* by LibreOffice Calc (``make_outsider_tables.Case``: an .xlsx typed by hand, row heights set by
  its own cells' lines, A3 or A4 landscape, fit to the page's width), or
* by LibreOffice Writer (the .docx's vertically merged cells),

at 7–9 pt, the merged cells at the top of their rows or centred on them, some with a 7th column
備考 of remarks.  The truth (``expected/records.json``) is each row's six fields, the merged
values on every row they cover.  ``office-pairs57`` (tuning) draws from the tuning tables;
``heldout-pairs57`` (measure only, never tune on it) from the held-out tables, in other fonts and
sizes.  Each case keeps its PDF and the layout texts (``TEXTS``: form-feed and ``+nl`` ones).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from collections.abc import Callable
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
    write_pdf_and_texts,
)
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as OutsiderCase

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-pairs57": False, "heldout-pairs57": True}
TEXTS = (
    "pdftotext-layout",
    "pdftotext-layout+nl",
    "pdfplumber-layout",
    "pdfplumber-layout+nl",
    "pypdf-layout",
    "pypdf-layout+nl",
    "pymupdf-sort",
    "pymupdf-sort+nl",
)
# (maker, look) per case: ``top`` all cells at the top; ``centre`` the merged cells centred on
# their rows, the rest at the top; ``allc`` every cell centred; ``bikou`` top, with a 備考 column.
LOOKS = (
    ("calc", "top"),
    ("calc", "centre"),
    ("calc", "bikou"),
    ("calc", "allc"),
    ("writer", "top"),
    ("writer", "centre"),
)
ROWS = (6, 9)
TUNING_SIZES = (7.0, 8.0, 9.0)
HELDOUT_SIZES = (7.5, 8.5)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAGothic", "IPAPMincho")
TUNING_REMARKS = ("庁内決裁済", "要確認", "軽微な変更", "様式変更")
HELDOUT_REMARKS = ("委員会報告済", "再確認要", "別紙参照")
EMPTY_REMARK_SHARE = 0.4
MERGED = ("item", "timing", "explanation")


def _rows(rng: random.Random, heldout: bool) -> list[dict]:
    """A run of rows of the pool with one to three groups of two or three rows sharing their
    first row's 変更日, 項目, 提出時期 and 説明 (each row keeping its own 変更前 / 変更後)."""
    paths = sorted(HELDOUT_DIR.glob("*.json")) if heldout else list(TUNING_TABLES.values())
    table = _printable(load_table(rng.choice(paths)))
    n = min(rng.randint(*ROWS), len(table))
    first = rng.randrange(len(table) - n + 1)
    style = rng.choice(("slash", "wareki", "seireki"))
    rows = [{**r, "change_date_raw": render_date(r["change_date"], style)} for r in table[first : first + n]]
    starts = sorted(rng.sample(range(n - 1), k=min(rng.randint(1, 3), n - 1)))
    taken: set[int] = set()
    for a in starts:
        size = rng.choice((2, 2, 3))
        group = [i for i in range(a, min(a + size, n)) if i not in taken]
        if len(group) < 2 or group[0] != a:
            continue
        taken.update(group)
        for i in group[1:]:
            for key in (*MERGED, "change_date", "change_date_raw"):
                rows[i][key] = rows[a][key]
    return rows


def _case(name: str, heldout: bool) -> OutsiderCase:
    rng = random.Random(f"piatable-pairs57-{name}")
    maker, look = name.split("-")[1], name.split("-")[2]
    rows = _rows(rng, heldout)
    pool = HELDOUT_REMARKS if heldout else TUNING_REMARKS
    remarks = tuple("" if rng.random() < EMPTY_REMARK_SHARE else rng.choice(pool) for _ in rows)
    centred = {key: "center" for key in (*MERGED, "change_date_raw")}
    return OutsiderCase(
        name=name,
        maker=maker,
        font=rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        size=rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        landscape=True,
        valign="center" if look == "allc" else "top",
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=SHARES,
        slack_lines=rng.choice((0.0, 0.5, 1.0)),
        pool="",
        rows=rows,
        merge_dates=True,
        # (Writer: the 変更日 merged over each group's rows; Calc: over each run of one date.)
        merge_keys=MERGED if maker == "calc" else (*MERGED, "change_date_raw"),
        merge_within="item",
        key_valigns=centred if look == "centre" else {},
        tail_label="備考" if look == "bikou" else "",
        tail_values=remarks if look == "bikou" else (),
        paper=rng.choice(("A3", "A4")) if maker == "calc" else "A4",
    )


def _pdf(case: OutsiderCase, work: Path) -> Path:
    """The case printed (``make_outsider_tables.print_case``); SystemExit if a row is not printed whole."""
    pdf, missing = print_case(case, work)
    if missing:
        raise SystemExit(f"{case.name}: not printed whole")
    return pdf


def _names(heldout: bool) -> list[str]:
    prefix = "hp57" if heldout else "p57"
    return [f"{prefix}-{maker}-{look}" for maker, look in LOOKS]


README = """# {name}: 項目 / 提出時期 / 説明 merged over two or three rows (issues 10 / 12, branch pairs57)

Amendment tables in which a change amending two or three values under one 項目 is typed as rows
whose 項目, 提出時期 and 説明 cells (and 変更日, over each run of one date) are merged, each row
keeping its own 変更前 / 変更後 (set XVIII's table J).  Printed by LibreOffice Calc
(`*-calc-*`: .xlsx typed by hand, row heights from each row's own cells) and Writer (`*-writer-*`:
vertically merged cells of a .docx), 7–9 pt, the merged cells at the top of their rows (`top`,
`bikou`: with a 7th column 備考 of remarks), centred on them (`centre`), or every cell centred
(`allc`).  The truth (`expected/records.json`) is each row's six fields, a merged value on every
row it covers.  Each case is the PDF and the layout texts `<case>-<extractor>` (pdftotext
-layout, pdfplumber `layout=True`, pypdf layout mode, PyMuPDF `sort=True`, each also with pages
joined by line ends: `+nl`); settings per case in `cases.json`.

`samples/office-pairs57` (tuning) draws from the tuning tables; `samples/heldout-pairs57` (held
out: measure on it, never tune on it) from the held-out tables, in other fonts and sizes.

    python tools/make_pairs57_samples.py
    python tools/eval_office.py samples/office-pairs57 samples/heldout-pairs57 --total
"""


def build_set(
    root: Path,
    names: list[str],
    make_case: Callable[[str], OutsiderCase],
    print_pdf: Callable[[OutsiderCase, Path], Path],
    readme: str,
) -> None:
    """Write a sample set under ``root`` (replacing it): for each case name, ``make_case(name)``
    printed by ``print_pdf(case, work folder)``, its PDF with the records it prints
    (``make_chromium54_samples._expected``) and the ``TEXTS`` of it with the same records
    (``make_office_samples.write_pdf_and_texts``); ``cases.json`` holds each case's settings but
    its rows, ``README.md`` is ``readme`` with ``{name}`` the set's folder name.  Used by this
    generator and ``make_cellsplit58_samples``."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in names:
            case = make_case(name)
            pdf = print_pdf(case, work)
            truth = pdf_expected(pdf, case.rows)
            write_pdf_and_texts(root, name, pdf, truth, TEXTS)
            manifest[name] = {k: v for k, v in asdict(case).items() if k != "rows"}
            print(f"{root.name}/{name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)
    write_manifest(root, manifest)
    (root / "README.md").write_text(readme.format(name=root.name), "utf-8")


def build(name: str) -> None:
    """Write sample set ``name`` (a key of ``SETS``) under samples/, replacing it."""
    heldout = SETS[name]
    build_set(ROOT / "samples" / name, _names(heldout), lambda n: _case(n, heldout), _pdf, README)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
