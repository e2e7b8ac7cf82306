"""Tables whose label row repeats on every page, with a numbering column and a 備考 column
(issues 10 / 12, branch thead56; set XVII FAULTS.md kinds 2 and 5).

    python tools/make_thead56_samples.py                          # both sets
    python tools/make_thead56_samples.py --set office-thead56     # or heldout-thead56

Set XVII's Chromium table repeated its ``<thead>`` on every page, and texts without form feeds
(pypdfium2 / pypdf pages joined by line ends) glued the repeated ``No.`` label, or a row number
and the next row's date, to the explanation above; a ``-layout`` text read the 備考 column into
the explanation.  Each case here is a run of consecutive rows of the set's pool, long enough to
break over pages, printed

* by LibreOffice Calc (``make_outsider_tables.Case``, A4 landscape, the label row as print
  titles, so repeated on every page),
* by headless Chromium (an HTML table with ``<thead>``, repeated on every page), or
* by LibreOffice Writer (``make_office_samples.Case``, the heading row repeated, no extra column),

with the extra columns of the case's kind (``tail``: 備考, ``lead``: a numbering column, ``both``),
drawn as in ``make_bikou55_samples`` (its remarks, labels and fonts; the tuning set from the
tuning pools, the held-out one from the held-out pools).  Every case keeps its PDF and the texts
of ``TEXTS``: the library extractors both with form feeds and with pages joined by line ends
(``TOOL+nl``, as their users write it).  The truth (``expected/records.json``) is the six fields
as written.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_bikou55_samples as bikou
import make_office_samples as office
from make_pdfs import extract_text

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-thead56": False, "heldout-thead56": True}
LIBRARY = ("pypdfium2", "pypdf", "pymupdf", "pdfplumber")
TEXTS = (
    "pdftotext",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdfminer",
    "pypdf-layout",
    *LIBRARY,
    *(f"{t}+nl" for t in LIBRARY),
)
KINDS = ("lead", "both", "tail")
# Rows a case prints: enough for two or three pages at these sizes.
ROWS = (10, 15)
TUNING_SIZES = (10.0, 11.0, 12.0)
HELDOUT_SIZES = (10.5, 12.0)
WRITER_ROWS = 9
REDRAWS = 4


def _rows(rng: random.Random, heldout: bool) -> list[dict]:
    """``make_bikou55_samples._rows`` drawn again and joined until the case holds ``ROWS[0]`` rows
    or more (the held-out tables are short), at most ``ROWS[1]``."""
    want, rows = rng.randint(*ROWS), []
    while len(rows) < want:
        rows += bikou._rows(rng, heldout, ROWS)
    return rows[:want]


def _look(name: str, heldout: bool) -> dict:
    """``make_bikou55_samples._look`` of the case, with more rows, a larger size and A4 paper so
    that the table breaks over pages under its repeated label row."""
    look = bikou._look(name.split("-r")[0], heldout)
    rng = random.Random(f"piatable-thead56-{name}")
    rows = _rows(rng, heldout)
    return {
        **look,
        "rows": rows,
        "remarks": bikou._remarks(rng, len(rows), heldout) if look["tail"] else (),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": "A4",
    }


def _writer(name: str, heldout: bool, k: int, work: Path) -> tuple[Path, list[dict], dict]:
    tables = office._four_tables(heldout)
    _table_name, path = tables[k % len(tables)]
    rng = random.Random(f"piatable-thead56-{name}")
    table = office._printable(office.load_table(path))
    start = rng.randrange(max(len(table) - WRITER_ROWS, 0) + 1)
    case = office.plain_case(name, table[start : start + WRITER_ROWS], "writer", heldout=heldout)
    case = replace(case, rows=office._long_rows(case.rows, rng, (2, 3)), repeat_header=True, merge=False)
    _src, pdf, expected = office.render([case], work)[name]
    return pdf, expected, office.settings_of(case)


def _table_pdf(name: str, heldout: bool, work: Path) -> tuple[Path, list[dict], dict]:
    """A Calc or Chromium case's PDF, truth and settings; a look whose cells are not printed whole
    (Calc clips a cell taller than its row) is drawn again, up to ``REDRAWS`` times."""
    for k in range(REDRAWS + 1):
        look = _look(name if k == 0 else f"{name}-r{k}", heldout)
        try:
            if "-calc-" in name:
                return bikou._calc_pdf(name, look, work)
            return bikou._chromium_pdf(look, work, name)
        except (ValueError, SystemExit) as e:
            print(f"{name}: drawn again ({e})", file=sys.stderr)
    raise SystemExit(f"{name}: not printed whole after {REDRAWS} draws")


def _names(heldout: bool) -> list[str]:
    prefix = "ht56" if heldout else "t56"
    made = [f"{prefix}-{maker}-{kind}" for maker in ("calc", "chromium") for kind in KINDS]
    return made + [f"{prefix}-writer-v{k}" for k in range(2)]


README = """# {name}: label rows repeated on every page, numbering and 備考 columns (branch thead56)

Tables long enough to break over pages under their repeated label row: LibreOffice Calc (print
titles), headless Chromium (`<thead>`) and LibreOffice Writer (heading row repeated), the first
two with a numbering column (No. / 番号 / 連番, `*-lead`), a 備考 column (`*-tail`) or both
(`*-both`).  Each case is the PDF and its texts (`<case>-<extractor>`), the library extractors
also with pages joined by line ends (`+nl`, no form feeds).  Settings per case in `cases.json`.

`samples/office-thead56` (tuning) draws from the tuning pools (with it, `samples/xvii56` holds four
texts of the spent set XVII, copied by hand); `samples/heldout-thead56` (held
out: measure on it, never tune on it) from the held-out ones.

    python tools/make_thead56_samples.py
    python tools/eval_office.py samples/office-thead56 samples/heldout-thead56 --total
"""


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in _names(heldout):
            if "-writer-" in name:
                pdf, truth, settings = _writer(name, heldout, int(name[-1]), work)
            else:
                pdf, truth, settings = _table_pdf(name, heldout, work)
            folder = root / name
            (folder / "expected").mkdir(parents=True)
            shutil.copy(pdf, folder / "input.pdf")
            (folder / "expected" / "records.json").write_text(
                json.dumps(truth, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
            for tool in TEXTS:
                tf = root / f"{name}-{tool}"
                (tf / "expected").mkdir(parents=True)
                (tf / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                shutil.copy(folder / "expected" / "records.json", tf / "expected" / "records.json")
            manifest[name] = {k: v for k, v in settings.items() if k != "rows"}
            pages = truth[-1]["page_end"] if truth else 0
            print(
                f"{root.name}/{name}: {len(truth)} rows, {pages} pages, {pdf.stat().st_size // 1024} KB",
                file=sys.stderr,
            )
    (root / "cases.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, default=str) + "\n", "utf-8"
    )
    (root / "README.md").write_text(README.format(name=root.name), "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return office.build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
