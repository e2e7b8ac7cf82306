"""Tables on presentation slides and narrow HTML tables whose 変更日 wraps (issues 10 and 11, wrapdate54).

    python tools/make_slides54_samples.py                          # both sets
    python tools/make_slides54_samples.py --set office-slides54    # or heldout-slides54

Two producers the other sets lack:

* LibreOffice Impress: a .pptx (python-pptx) with one table per slide, the slide's title line
  above it (``（別添３）変更箇所``, then ``変更箇所（2/3）``), the table continued over the slides a few
  rows each, the label row on the first slide and, for some decks, not again; small fonts
  (8 to 10.5 pt) and a 変更日 column too narrow for its date, converted with
  ``soffice --headless --convert-to pdf``.
* Chromium: an HTML table (``--print-to-pdf``) with a 変更日 column of 10 to 13 mm.

The dates are printed in one style per case (2024/11/1, 2024.11.1, 令和6年11月1日, R6.11.1,
平成31年4月1日 for the dates before May 2019, full-width digits), so that they wrap in their
column (``2024/11/`` over ``1``, ``令和6年11`` over ``月1日``).  Cells of 変更前 (additions) or
変更後 (deletions) hold a placeholder (○○, －, ―, 該当なし) instead of being empty.

``office-slides54`` (tuning) takes rows of the tuning tables; ``heldout-slides54`` (measure only,
never tune on it) rows of the held-out tables, in other widths, fonts and placeholders.  Each case
keeps its PDF and eight extractors' texts (pdftotext plain / -raw / -layout, pdfminer, pypdfium2,
pdfplumber, pypdf, PyMuPDF).  Needs LibreOffice Impress, Chromium and the ``office`` extra
(python-pptx).
"""

from __future__ import annotations

import html
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from flatten import render_date
from make_pdfs import LABELS, TEXT_FIELDS, _expected_with_pages, chromium_binary, extract_text

ROOT = Path(__file__).resolve().parent.parent
TEXTS = (*office.PYPDF_TEXTS, "pdfplumber")
ROWS = 6
# Date styles: flatten.render_date's, and two it lacks (dots, full-width slashes).
STYLES = ("slash", "dot", "wareki", "short", "fw_slash", "wareki_fw", "seireki")
FULL = str.maketrans("0123456789/.", "０１２３４５６７８９／．")
TUNING_PLACEHOLDERS = ("○○", "－", "該当なし")
HELDOUT_PLACEHOLDERS = ("―", "○○", "－")
# Impress: (font, size pt, column widths in cm on a 33.9 cm slide, rows per slide, label row
# on every slide).
TUNING_DECKS = (
    ("IPAexGothic", 9.0, (1.5, 5.0, 8.0, 8.0, 1.6, 6.5), 3, True),
    ("IPAexMincho", 10.0, (1.7, 4.6, 8.4, 8.4, 1.6, 6.0), 2, False),
    ("IPAexGothic", 10.5, (1.9, 5.2, 7.6, 7.6, 1.8, 6.4), 3, False),
    ("IPAexMincho", 8.0, (1.3, 5.4, 8.2, 8.2, 1.5, 6.2), 4, True),
)
HELDOUT_DECKS = (
    ("IPAGothic", 9.5, (1.6, 4.8, 8.2, 8.2, 1.7, 6.2), 3, False),
    ("IPAPMincho", 8.5, (1.4, 5.6, 7.8, 7.8, 1.6, 6.6), 2, True),
    ("IPAPGothic", 10.0, (1.8, 4.4, 8.6, 8.6, 1.5, 6.0), 3, False),
)
# Chromium: (font, size pt, column widths in mm).
TUNING_PAGES = (
    ("IPAexGothic", 9.0, (12, 30, 40, 40, 10, 34)),
    ("IPAexMincho", 10.0, (13, 28, 42, 42, 10, 32)),
)
HELDOUT_PAGES = (
    ("IPAGothic", 9.0, (11, 31, 41, 39, 10, 33)),
    ("IPAMincho", 10.5, (14, 27, 40, 42, 11, 31)),
)


def date_text(iso: str, style: str) -> str:
    """``iso`` printed in ``style``: render_date's styles, ``dot`` (2024.11.1) and ``fw_slash``
    (２０２４／１１／１)."""
    if style == "dot":
        return render_date(iso, "slash").replace("/", ".")
    if style == "fw_slash":
        return render_date(iso, "slash").translate(FULL)
    return render_date(iso, style)


def _rows(table: list[dict], rng: random.Random, style: str, placeholders: tuple[str, ...]) -> list[dict]:
    """``ROWS`` rows from ``table`` with dates in ``style``; an empty 変更前 or 変更後 (or one
    row in three) takes a placeholder."""
    table = office._printable(table)
    start = rng.randrange(max(len(table) - ROWS, 1))
    out = []
    for k, r in enumerate(office.printed_rows(table[start : start + ROWS], "slash")):
        r["change_date_raw"] = date_text(r["change_date"], style)
        for key in ("before", "after"):
            if not r[key].strip():
                r[key] = rng.choice(placeholders)
        if k % 3 == 1 and r["before"] not in placeholders and r["after"] not in placeholders:
            r["before"] = rng.choice(placeholders)
        out.append(r)
    return out


def _tables(heldout: bool) -> list[list[dict]]:
    paths = sorted(office.HELDOUT_DIR.glob("*.json")) if heldout else list(office.TUNING_TABLES.values())
    return [office.load_table(p) for p in paths]


def _set_font(run, font: str, size: float) -> None:  # type: ignore[no-untyped-def]
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.name = font
    rpr = run._r.get_or_add_rPr()
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        rpr.append(ea)
    ea.set("typeface", font)


def write_pptx(path: Path, rows: list[dict], deck: tuple, appendix: str) -> None:
    """The deck: a slide per ``per`` rows, its title line above a table of those rows."""
    from pptx import Presentation
    from pptx.util import Cm, Pt

    font, size, widths, per, every_header = deck
    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(33.87), Cm(19.05)
    chunks = [rows[i : i + per] for i in range(0, len(rows), per)]
    for n, chunk in enumerate(chunks):
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        box = slide.shapes.add_textbox(Cm(1.0), Cm(0.6), Cm(30), Cm(1.2))
        title = f"（別添{appendix}）変更箇所" if n == 0 else f"変更箇所（{n + 1}/{len(chunks)}）"
        run = box.text_frame.paragraphs[0].add_run()
        run.text = title
        _set_font(run, font, size + 4)
        header = n == 0 or every_header
        lines = ([list(LABELS)] if header else []) + [[r[f] for f in TEXT_FIELDS] for r in chunk]
        shape = slide.shapes.add_table(len(lines), 6, Cm(1.0), Cm(2.2), Cm(sum(widths)), Cm(0.8 * len(lines)))
        table = shape.table
        table.first_row = header
        for j, w in enumerate(widths):
            table.columns[j].width = Cm(w)
        for i, line in enumerate(lines):
            for j, value in enumerate(line):
                cell = table.cell(i, j)
                cell.margin_left = cell.margin_right = Pt(2)
                tf = cell.text_frame
                tf.word_wrap = True
                for k, part in enumerate(str(value).split("\n")):
                    para = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                    run = para.add_run()
                    run.text = part
                    _set_font(run, font, size)
    prs.save(str(path))


def write_html(path: Path, rows: list[dict], page: tuple) -> None:
    """An A4 landscape page: the title and a fixed-layout table, label row repeated."""
    font, size, widths = page

    def cell(value: object) -> str:
        return "<td>" + html.escape(str(value or "")).replace("\n", "<br>") + "</td>"

    body = "".join("<tr>" + "".join(cell(r.get(f)) for f in TEXT_FIELDS) + "</tr>" for r in rows)
    cols = "".join(f'<col style="width:{w}mm">' for w in widths)
    head = "".join(f"<th>{lab}</th>" for lab in LABELS)
    path.write_text(
        f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4 landscape; margin: 12mm; }}
body {{ font-family: "{font}"; font-size: {size}pt; }}
table {{ border-collapse: collapse; width: {sum(widths)}mm; table-layout: fixed; }}
td, th {{ border: 0.5pt solid #000; vertical-align: top; padding: 2pt; }}
th {{ font-weight: normal; }}
tr {{ break-inside: avoid; }}
</style></head><body><p>（別添２）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>""",
        "utf-8",
    )


def _check_printed(pdf: Path, rows: list[dict], name: str) -> None:
    """Stops when a cell is not printed in full (a cell clipped off a slide would make a wrong
    truth)."""
    whole = "".join(office.stream_text(pdf))
    for i, r in enumerate(rows):
        for key in TEXT_FIELDS:
            want = unicodedata.normalize("NFKC", office.squash(r[key]))
            if want and office.locate(want, unicodedata.normalize("NFKC", whole), 0, 6) is None:
                raise SystemExit(f"{name}: row {i} {key} {r[key][:30]!r} not printed in full")


def _convert(src: Path, pdf: Path) -> None:
    if src.suffix == ".pptx":
        office.convert([src], src.parent)
        shutil.move(src.parent / f"{src.stem}.pdf", pdf)
        return
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    subprocess.run(
        [*cmd, f"--print-to-pdf={pdf}", src.as_uri()], check=True, capture_output=True, timeout=120
    )


def cases(heldout: bool) -> list[tuple[str, list[dict], str, tuple]]:
    """(name, rows, "impress" or "chromium", look) of each case of a set."""
    tables = _tables(heldout)
    places = HELDOUT_PLACEHOLDERS if heldout else TUNING_PLACEHOLDERS
    tag = "hs54" if heldout else "s54"
    out = []
    looks = [("impress", d) for d in (HELDOUT_DECKS if heldout else TUNING_DECKS)]
    looks += [("chromium", p) for p in (HELDOUT_PAGES if heldout else TUNING_PAGES)]
    for k, (maker, look) in enumerate(looks):
        name = f"{tag}-{maker}-{k + 1}"
        rng = random.Random(f"piatable-slides54-{name}")
        style = STYLES[(k * 3 + heldout) % len(STYLES)]
        out.append((name, _rows(tables[k % len(tables)], rng, style, places), maker, look))
    return out


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows, maker, look in cases(heldout):
            src = Path(tmp) / f"{name}.{'pptx' if maker == 'impress' else 'html'}"
            pdf = Path(tmp) / f"{name}.pdf"
            if maker == "impress":
                write_pptx(src, rows, look, "３" if len(name) % 2 else "２")
            else:
                write_html(src, rows, look)
            _convert(src, pdf)
            _check_printed(pdf, rows, name)
            expected = _expected_with_pages(pdf, rows)
            folder = root / name
            (folder / "expected").mkdir(parents=True)
            shutil.copy(pdf, folder / "input.pdf")
            office.write_json(folder / "expected" / "records.json", expected)
            for tool in TEXTS:
                tfolder = root / f"{name}-{tool}"
                (tfolder / "expected").mkdir(parents=True)
                (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                office.write_json(tfolder / "expected" / "records.json", expected)
            program = (
                "LibreOffice Impress (.pptx)" if maker == "impress" else "Chromium --print-to-pdf (.html)"
            )
            manifest[name] = {
                "program": program,
                "look": list(look),
                "dates": sorted({r["change_date_raw"] for r in rows}),
            }
            manifest[name] |= {"rows": len(expected), "pages": expected[-1]["page_end"] if expected else 0}
            print(f"{root.name}/{name}: {len(expected)} rows ({program})", file=sys.stderr)
    office.write_manifest(root, manifest)


SETS = {"office-slides54": False, "heldout-slides54": True}


def main(argv: list[str] | None = None) -> int:
    ns = office.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        build(office.SAMPLES / name, SETS[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
