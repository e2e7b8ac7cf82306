"""Tables whose 提出時期 is printed as check boxes, one per option, the row's option ticked
(branch checkbox68, set XXIX t11: python-docx → Writer, ``■事前`` over ``□事後``, no row right from
any input), made by LibreOffice Writer (python-docx) and Calc (openpyxl, the marks typed in the
cell).

    python tools/make_checkbox68_samples.py                          # both sets
    python tools/make_checkbox68_samples.py --set office-checkbox68  # or heldout-checkbox68

Each case is a run of consecutive rows of one of the set's tables, its 提出時期 cell printed in
the case's ``STYLE``: the ticked option's mark and the open option's (before or after the word),
the options on two lines or on one (a full-width space between).  One case per set ticks both
options in one row and none in another: the truth is no timing there (``""``).  The truth's
timing is the ticked word, decided here from what was printed (never by piatable).  Each case
keeps its PDF and the texts of ``TEXTS``; one case per set is also scanned (``*-scan``: its pages
rendered at 200 dpi in grey by Ghostscript as an image PDF).  ``heldout-checkbox68`` (measure
only, never tune on it) draws other tables, glyphs and layouts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import (
    SAMPLES,
    _four_tables,
    _printable,
    _rng,
    build_set,
    load_table,
    plain_case,
    set_arguments,
    write_json,
    write_manifest,
)
from make_pdfs import extract_text

SETS = ("office-checkbox68", "heldout-checkbox68")
# Texts written beside build_set's (pdftotext plain, -raw, -layout, pdfminer, pypdfium2).
TEXTS = ("pdfplumber", "pdfplumber-layout", "pypdf", "pymupdf", "pymupdf-sort")
ROWS = (6, 8)
SCAN_DPI = 200
# (maker, ticked mark, open mark, mark after the word, options on one line, both/none rows):
# ``"wrap"`` as the ticked mark puts the ticked word in 【】 and the open one bare.
TUNING_STYLES = (
    ("writer", "■", "□", False, False, False),
    ("calc", "☑", "☐", False, False, False),
    ("writer", "●", "○", False, True, False),
    ("calc", "✓", "", False, False, False),
    ("writer", "(○)", "( )", False, False, True),
)
HELDOUT_STYLES = (
    ("writer", "◉", "○", False, False, False),
    ("calc", "☒", "☐", False, True, False),
    ("writer", "■", "□", True, False, False),
    ("calc", "✔", "", True, False, False),
    ("calc", "wrap", "", False, True, True),
    ("writer", "［○］", "［　］", False, False, False),
)
USE = {False: "tuning", True: "held out: measured only, never tune on it (other tables, glyphs, layouts)"}
README = """{name} ({use})

Tables whose 提出時期 cell prints both options as check boxes and ticks the row's (■事前 / □事後,
☑ / ☐, ● / ○, ✓, (○) / ( ) …; held out: ◉ / ○, ☒ / ☐, marks after the word, ✔, 【事前】 事後,
［○］ / ［　］), on two lines or one, by LibreOffice Writer (python-docx) and Calc (openpyxl), with
every extractor's texts and one scan, made by `tools/make_checkbox68_samples.py` (branch
checkbox68; set XXIX t11).  The truth's timing is the ticked word; a row ticking both options or
none has no timing (`""`).  Settings per case in `cases.json`.
"""


def _option(word: str, mark: str, after: bool) -> str:
    if mark == "wrap-on":
        return f"【{word}】"
    if mark == "wrap-off":
        return word
    return f"{word}{mark}" if after else f"{mark}{word}"


def printed_choice(ticked: set[str], style: tuple) -> str:
    """The 提出時期 cell of a row ticking ``ticked`` (a set of 事前 / 事後) in ``style``."""
    _, on, off, after, one_line, _ = style
    if on == "wrap":
        on, off = "wrap-on", "wrap-off"
    parts = [_option(w, on if w in ticked else off, after) for w in ("事前", "事後")]
    return ("\u3000" if one_line else "\n").join(parts)


def _cases(heldout: bool) -> list[tuple]:
    """(case, style, truth timings) of the set: a case per style, on the set's tables in turn."""
    styles = HELDOUT_STYLES if heldout else TUNING_STYLES
    tables = _four_tables(heldout)
    out = []
    for k, style in enumerate(styles):
        table, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}cb68-{style[0]}-{k}-{table}"
        rng = _rng(f"checkbox68-{name}")
        pool = _printable(load_table(path))
        n = min(rng.choice(ROWS), len(pool))
        first = rng.randrange(len(pool) - n + 1)
        style_of_dates = "wareki" if style[0] == "calc" else None  # Calc: long western dates clipped
        case = plain_case(name, pool[first : first + n], style[0], heldout, style_of_dates)
        rows, truth = [], []
        for i, r in enumerate(case.rows):
            ticked = {r["timing"]}
            if style[5] and i == 1:
                ticked = {"事前", "事後"}
            elif style[5] and i == min(3, len(case.rows) - 1):
                ticked = set()
            rows.append({**r, "timing": printed_choice(ticked, style)})
            truth.append(next(iter(ticked)) if len(ticked) == 1 else "")
        out.append((replace(case, rows=rows, merge=False), style, truth))
    return out


def _retruth(folder: Path, truth: list[str]) -> None:
    """Set the timing of ``folder``'s expected records to the ticked words (``truth`` by row)."""
    path = folder / "expected" / "records.json"
    records = json.loads(path.read_text("utf-8"))
    for rec in records:
        rec["timing"] = truth[rec["row_index"]]
    write_json(path, records)


def _scan(pdf: Path, out: Path) -> None:
    """``pdf``'s pages rendered at ``SCAN_DPI`` in grey by Ghostscript (``pdfimage8``: an image
    PDF, no text layer) and written again by its ``pdfwrite``."""
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "image.pdf"
        gs = ["gs", "-q", "-dNOPAUSE", "-dBATCH"]
        subprocess.run([*gs, "-sDEVICE=pdfimage8", f"-r{SCAN_DPI}", "-o", str(image), str(pdf)], check=True)
        subprocess.run([*gs, "-sDEVICE=pdfwrite", "-o", str(out), str(image)], check=True)


def build(root: Path, heldout: bool, keep: Path | None) -> None:
    made = _cases(heldout)
    build_set(root, [c for c, _, _ in made], keep)
    manifest = json.loads((root / "cases.json").read_text("utf-8"))
    for k, (case, style, truth) in enumerate(made):
        folder = root / case.name
        pdf = folder / "input.pdf"
        truth_file = folder / "expected" / "records.json"
        for tool in TEXTS:
            tfolder = root / f"{case.name}-{tool}"
            (tfolder / "expected").mkdir(parents=True, exist_ok=True)
            (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            (tfolder / "expected" / "records.json").write_bytes(truth_file.read_bytes())
        if k == 0:
            sfolder = root / f"{case.name}-scan"
            (sfolder / "expected").mkdir(parents=True, exist_ok=True)
            _scan(pdf, sfolder / "input.pdf")
            (sfolder / "expected" / "records.json").write_bytes(truth_file.read_bytes())
        for sub in root.iterdir():
            if sub.name == case.name or sub.name.startswith(f"{case.name}-"):
                _retruth(sub, truth)
        manifest[case.name] |= {
            "timing_style": dict(zip(("ticked", "open", "after_word", "one_line"), style[1:5], strict=True)),
            "both_or_none_rows": style[5],
        }
    write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=root.name, use=USE[heldout]), "utf-8")


def main(argv: list[str] | None = None) -> int:
    ns = set_arguments(argv, __doc__, SETS, keep=True)
    for name in ns.set:
        build(SAMPLES / name, name.startswith("heldout"), ns.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
