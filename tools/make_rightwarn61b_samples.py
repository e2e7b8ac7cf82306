"""A held-out set for branch rightwarn61b (issue 12): 変更日 cells with a number or edition line
above the date in a narrow column, and a place column (頁/行) between 項目 and 変更前, with the
flattened texts where their shapes reach other cells.

    python tools/make_rightwarn61b_samples.py      # samples/heldout-rightwarn61b

The branch's checks were made on set XXII and the held-out sets ``heldout-datecell60`` /
``heldout-numkind60`` (tuned on this session); this set, made after them and never tuned on,
measures them on tables of their own: the ``*-num-*`` / ``*-ban-*`` cases print prefixes none of
those sets print (``第N号``, ``Ｎｏ．N``, ``改定N``, ``Ver N``: ``NUMBERS``) above dates in a narrow
変更日 column, by LibreOffice Calc (``make_datecell60_samples._calc_pdf``) and headless Chromium
(``make_kindcol59_samples._chromium_pdf``); the ``*-place-*`` cases print a place column of
labels and reference shapes none of ``heldout-place61``'s (``PLACE_LABELS``, ``PLACE_REFS``) by
headless Chromium (``make_place61_samples._html``).  Rows come from the held-out tables, drawn
with this set's own seeds.  The truth (``expected/records.json``) is the six fields as written.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_datecell60_samples as datecell
import make_place61_samples as place
from flatten import render_date
from make_chromium54_samples import _expected as chromium_expected
from make_kindcol59_samples import _chromium_pdf
from make_office_samples import write_manifest
from make_pdfs import chromium_binary, extract_text, print_html

ROOT = Path(__file__).resolve().parent.parent
NAME = "heldout-rightwarn61b"
DATE_CASES = ("hr61-calc-num-narrow", "hr61-chromium-num-narrow", "hr61-calc-ban-narrow")
PLACE_CASES = ("hr61-chromium-place-a", "hr61-chromium-place-break")
DATE_TEXTS = (
    "pypdf",
    "pypdf+nl",
    "pypdfium2",
    "pypdfium2+nl",
    "pdftotext-raw",
    "pymupdf+nl",
    "pdfplumber+nl",
    "pdftotext-layout",
)
PLACE_TEXTS = (
    "pdfplumber-layout",
    "pdfplumber-layout+nl",
    "pypdf-layout",
    "pdftotext-layout",
    "pdftotext-layout+nl",
)
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
PLACE_LABELS = ("該当箇所", "頁")
PLACE_REFS = ("{p}頁 {l}行目", "{p}ページ {l}行")


def _number(rng: random.Random, k: int, n: int, style: str) -> str:
    """The line above a row's date: a number (``num``) or an edition (``ban``), this set's own."""
    if style == "num":
        return rng.choice((f"第{k + 1}号", f"Ｎｏ．{k + 1}".translate(FULL), f"Ver {k + 1}"))
    return rng.choice((f"改定{n - k + 1}", f"第{n - k + 1}版".translate(FULL)))


def _date_look(name: str) -> dict:
    look = datecell._look(name.replace("hr61", "hd60"), True)
    rng = random.Random(f"piatable-rightwarn61b-{name}")
    rows = datecell._rows(rng, True, datecell.ROWS)
    style = name.split("-")[2]
    how = rng.choice(("wareki", "seireki", "slash"))
    for k, r in enumerate(rows):
        r["change_date_raw"] = f"{_number(rng, k, len(rows), style)}\n{render_date(r['change_date'], how)}"
    look.update(rows=rows, size=rng.choice((8.0, 10.5)), shape=f"{style}-narrow")
    return look


def _place_look(name: str) -> dict:
    look = place._look(name.replace("hr61", "hp61").replace("-place", ""), True)
    rng = random.Random(f"piatable-rightwarn61b-{name}")
    ref = rng.choice(PLACE_REFS)
    look.update(
        label=rng.choice(PLACE_LABELS),
        places=tuple(ref.format(p=rng.randint(2, 40), l=rng.randint(1, 30)) for _ in look["rows"]),
        size=rng.choice((8.5, 10.0)),
    )
    return look


def _case(root: Path, name: str, pdf: Path, truth: list[dict], texts: tuple[str, ...]) -> None:
    folder = root / name
    (folder / "expected").mkdir(parents=True)
    shutil.copy(pdf, folder / "input.pdf")
    records = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    (folder / "expected" / "records.json").write_text(records, "utf-8")
    for tool in texts:
        tf = root / f"{name}-{tool}"
        (tf / "expected").mkdir(parents=True)
        (tf / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
        (tf / "expected" / "records.json").write_text(records, "utf-8")
    print(f"{root.name}/{name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)


README = """# heldout-rightwarn61b: number / edition lines above narrow dates, a place column (rightwarn61b)

Held out (measure on it, never tune on it), made by `tools/make_rightwarn61b_samples.py` after the
branch's checks were written.  `*-num-*` / `*-ban-*`: each 変更日 cell prints a number or edition
line (`第N号`, `Ｎｏ．N`, `Ver N`, `改定N`, `第N版`) above its date in a narrow column, by
LibreOffice Calc and headless Chromium; texts of pypdf, pypdfium2 (form feeds and `+nl`),
pdftotext -raw / -layout, PyMuPDF and pdfplumber `+nl`.  `*-place-*`: a place column (`該当箇所` /
`頁`, references `3頁 5行目` / `3ページ 5行`) between 項目 and 変更前, by headless Chromium; layout texts
of pdfplumber, pypdf and pdftotext.  The truth is the six fields as written.

    python tools/eval_office.py samples/heldout-rightwarn61b --total
"""


def build(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in DATE_CASES:
            look = _date_look(name)
            make = datecell._calc_pdf if "-calc-" in name else _chromium_pdf
            pdf, truth, settings = make(name, look, work)
            _case(root, name, pdf, truth, DATE_TEXTS)
            manifest[name] = {k: v for k, v in settings.items() if k not in ("shares", "widths", "rows")}
        for name in PLACE_CASES:
            look = _place_look(name)
            pdf = work / f"{name}.pdf"
            print_html(place._html(look), pdf, binary)
            _case(root, name, pdf, chromium_expected(pdf, look["rows"]), PLACE_TEXTS)
            manifest[name] = {"program": "Chromium --headless --print-to-pdf"} | {
                k: v for k, v in look.items() if k != "rows"
            }
    write_manifest(root, manifest)
    (root / "README.md").write_text(README, "utf-8")


if __name__ == "__main__":
    build(ROOT / "samples" / NAME)
