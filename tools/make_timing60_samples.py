"""Tables whose 提出時期 is printed other than as 事前 / 事後 (issues 10, 11, branch timing60):
a mark in one of two columns under a two-line header (提出時期 over 事前 | 事後), or the words
事前提出 / 事後提出 (事前に提出, 事後（提出）), with their flattened texts and one scan.

    python tools/make_timing60_samples.py                           # both sets
    python tools/make_timing60_samples.py --set office-timing60     # or heldout-timing60

Set XXI's t05 (Writer, ○ marks in 事前 | 事後 columns) read no timing anywhere and one empty row
from the second label line; its t03 (Calc, 事後提出) read no timing, and its -raw, plain and pypdf
texts no row at all.  Each case here is a run of consecutive rows of the set's pool, printed as
an HTML table

* by headless Chromium (``@page`` A3 or A4 landscape), or
* by LibreOffice Writer (the same HTML opened as a Writer document, ``HTML (StarWriter)``),

in a shape of ``SHAPES``: ``marks`` (two columns under 提出時期, the row's mark in its timing's
column), ``marksboth`` (the same, one row marking both columns and one neither: the truth is no
timing there) and ``words`` (one 提出時期 column printing the timing word with 提出).  Marks,
column labels and words come from the set's lists (``TUNING_*`` / ``HELDOUT_*``, disjoint where
they can be).  The truth (``expected/records.json``) is the six fields as written, the timing the
word.  ``office-timing60`` (tuning) draws from the tuning tables; ``heldout-timing60`` (measure
only, never tune on it) from the held-out tables, with marks, labels, words and sizes of its own.
Each case keeps its PDF and the texts of ``TEXTS`` (pages joined by form feeds, and ``+nl``); the
Chromium ``marks`` case is also scanned (``*-scan``: its pages rendered at 200 dpi in grey by
Ghostscript as an image PDF).
"""

from __future__ import annotations

import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import CHROMIUM_WIDTHS, FONT_DIR, FONT_FILES, _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import build_named, soffice, write_manifest
from make_pdfs import LABELS, chromium_binary, extract_text, print_html

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-timing60": False, "heldout-timing60": True}
TEXTS = (
    "pdftotext",
    "pdftotext+nl",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdfminer",
    "pypdfium2",
    "pypdfium2+nl",
    "pdfplumber",
    "pdfplumber+nl",
    "pdfplumber-layout",
    "pypdf",
    "pypdf+nl",
    "pymupdf",
    "pymupdf+nl",
    "pymupdf-sort",
)
MAKERS = ("chromium", "writer")
SHAPES = ("marks", "marksboth", "words")
ROWS = (5, 8)
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_MARKS = ("○", "●", "✓")
HELDOUT_MARKS = ("◯", "〇", "レ", "＊")
TUNING_COLUMN_LABELS = (("事前", "事後"),)
HELDOUT_COLUMN_LABELS = (("事前提出", "事後提出"), ("事前", "事後"))
# How the words print each timing (the timing word is the key's).
TUNING_WORDS = ("{}提出", "{}に提出")
HELDOUT_WORDS = ("{}（提出）", "{}提出")
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
MARK_PCT = 4.0
SCAN_DPI = 200


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-timing60-{name}")
    shape = name.split("-")[2]
    return {
        "maker": name.split("-")[1],
        "shape": shape,
        "rows": _rows(rng, heldout, ROWS),
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": rng.choice(("A3", "A4")),
        "mark": rng.choice(HELDOUT_MARKS if heldout else TUNING_MARKS),
        "column_labels": rng.choice(HELDOUT_COLUMN_LABELS if heldout else TUNING_COLUMN_LABELS),
        "words": rng.choice(HELDOUT_WORDS if heldout else TUNING_WORDS),
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }


def _marked(look: dict) -> list[tuple[bool, bool]]:
    """(事前 column marked, 事後 column marked) of each row: its timing's, and in ``marksboth``
    the second row marks both and the fourth (or last) neither."""
    out = [(r["timing"] == "事前", r["timing"] == "事後") for r in look["rows"]]
    if look["shape"] == "marksboth":
        out[1] = (True, True)
        out[min(3, len(out) - 1)] = (False, False)
    return out


def _cell(text: str, align: str = "") -> str:
    style = f' style="text-align:{align}"' if align else ""
    return f"<td{style}>{'<br>'.join(html.escape(p) for p in text.split(chr(10)))}</td>"


def _html(look: dict) -> str:
    marks = look["shape"].startswith("marks")
    widths = list(look["widths"])
    if marks:  # the 提出時期 share split in two, at least MARK_PCT each
        each = max(widths[4] / 2, MARK_PCT)
        widths[5] -= 2 * each - widths[4]
        widths = [*widths[:4], each, each, widths[5]]
    cols = "".join(f'<col style="width:{w:.2f}%">' for w in widths)
    body = []
    for r, (pre, post) in zip(look["rows"], _marked(look), strict=True):
        cells = [_cell(r[f]) for f in ("change_date_raw", "item", "before", "after")]
        if marks:
            cells += [_cell(look["mark"] if on else "", "center") for on in (pre, post)]
        else:
            cells.append(_cell(look["words"].format(r["timing"])))
        cells.append(_cell(r["explanation"]))
        body.append(f"<tr>{''.join(cells)}</tr>")
    if marks:
        first = "".join(f'<th rowspan="2">{html.escape(lab)}</th>' for lab in LABELS[:4])
        first += f'<th colspan="2">{LABELS[4]}</th><th rowspan="2">{LABELS[5]}</th>'
        head = f"<tr>{first}</tr><tr>{''.join(f'<th>{lab}</th>' for lab in look['column_labels'])}</tr>"
    else:
        head = "<tr>" + "".join(f"<th>{html.escape(lab)}</th>" for lab in LABELS) + "</tr>"
    font = (FONT_DIR / FONT_FILES[look["font"]]).as_uri()
    family = look["font"] if look["maker"] == "writer" else "W"
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({font}); }}
@page {{ size: {look["paper"]} landscape; margin: 12mm; }}
body {{ font-family: '{family}'; font-size: {look["size"]}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
td, th {{ border: 0.5pt solid #000; padding: 2pt; line-break: strict; vertical-align: {look["valign"]}; }}
th {{ font-weight: normal; }}
tr {{ break-inside: avoid; }}
</style></head><body><p>（別添２）変更箇所</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%"><colgroup>{cols}</colgroup>
<thead>{head}</thead><tbody>{"".join(body)}</tbody></table></body></html>"""


def _print(look: dict, pdf: Path) -> str:
    """``look``'s table printed to ``pdf`` by its maker; the program's name."""
    page = _html(look)
    if look["maker"] == "chromium":
        binary = chromium_binary()
        if binary is None:
            raise SystemExit("chromium is missing")
        print_html(page, pdf, binary)
        return "Chromium --headless --print-to-pdf"
    src = pdf.with_suffix(".html")
    src.write_text(page, "utf-8")
    profile = Path(tempfile.gettempdir()) / "lo-timing60-samples"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(pdf.parent),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return "LibreOffice Writer (HTML (StarWriter) import, writer_pdf_Export)"


def _truth(look: dict, pdf: Path) -> list[dict]:
    out = chromium_expected(pdf, look["rows"])
    for e, (pre, post) in zip(out, _marked(look), strict=True):
        if look["shape"] == "marksboth" and pre == post:
            e["timing"] = ""  # both columns marked, or neither: no timing (an empty cell's "")
    return out


def _scan(pdf: Path, out: Path) -> None:
    """``pdf``'s pages rendered at ``SCAN_DPI`` in grey by Ghostscript (``pdfimage8``: an image
    PDF, no text layer) and written again by its ``pdfwrite`` (compressed, producer named)."""
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "image.pdf"
        gs = ["gs", "-q", "-dNOPAUSE", "-dBATCH"]
        subprocess.run([*gs, "-sDEVICE=pdfimage8", f"-r{SCAN_DPI}", "-o", str(image), str(pdf)], check=True)
        subprocess.run([*gs, "-sDEVICE=pdfwrite", "-o", str(out), str(image)], check=True)


def _names(heldout: bool) -> list[str]:
    prefix = "ht60" if heldout else "t60"
    return [f"{prefix}-{maker}-{shape}" for maker in MAKERS for shape in SHAPES]


README = """# {name}: 提出時期 as marks in two columns, or as 事前提出 / 事後提出 (branch timing60)

Tables printed from HTML by headless Chromium (`*-chromium-*`) and LibreOffice Writer
(`*-writer-*`, the HTML opened as a Writer document): `*-marks` print 提出時期 over two columns
(事前 | 事後, or 事前提出 | 事後提出) and each row's mark (○ ● ✓ / ◯ 〇 レ ＊) in its timing's
column; `*-marksboth` the same with one row marking both columns and one neither (truth: no
timing); `*-words` one 提出時期 column printing 事前提出 / 事後に提出 / 事後（提出） ….  The truth
(`expected/records.json`) is the six fields as written, the timing the word.  Each case is the PDF
and 15 texts (`<case>-<extractor>`: pdftotext plain (and `+nl`), -raw, -layout, pdfminer,
pypdfium2 (and `+nl`), pdfplumber (and `+nl`, `layout=True`), pypdf (and `+nl`), PyMuPDF (and
`+nl`, `sort=True`)); `*-chromium-marks-scan` is that PDF's pages rendered at 200 dpi in grey by
Ghostscript (`pdfimage8`, then `pdfwrite`).  Settings per case in `cases.json`.

`samples/office-timing60` (tuning) draws from the tuning tables, marks and words;
`samples/heldout-timing60` (held out: measure on it, never tune on it) from the held-out tables,
with marks, column labels, words and sizes of its own.

    python tools/make_timing60_samples.py
    python tools/eval_office.py samples/office-timing60 samples/heldout-timing60 --total
"""


def _write(folder: Path, name: str, data: str | bytes, records: str) -> None:
    (folder / "expected").mkdir(parents=True)
    path = folder / name
    path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, "utf-8")
    (folder / "expected" / "records.json").write_text(records, "utf-8")


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in _names(heldout):
            look = _look(name, heldout)
            pdf = Path(tmp) / f"{name}.pdf"
            program = _print(look, pdf)
            truth = _truth(look, pdf)
            records = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
            _write(root / name, "input.pdf", pdf.read_bytes(), records)
            for tool in TEXTS:
                _write(root / f"{name}-{tool}", "input.txt", extract_text(pdf, tool), records)
            if look["maker"] == "chromium" and look["shape"] == "marks":
                scan = Path(tmp) / f"{name}-scan.pdf"
                _scan(pdf, scan)
                _write(root / f"{name}-scan", "input.pdf", scan.read_bytes(), records)
            manifest[name] = {"program": program, **{k: v for k, v in look.items() if k != "rows"}}
            manifest[name]["rows"] = len(truth)
            print(f"{root.name}/{name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)
    write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=root.name), "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
