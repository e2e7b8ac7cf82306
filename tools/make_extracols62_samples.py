"""Tables with one or two columns beyond the six, in several places (after 説明, first, between
変更後 and 提出時期), printed by LibreOffice Calc (.xlsx), LibreOffice Writer (.docx) and Gnumeric
(``ssconvert``, when installed), with their flattened texts (branch extracols62).

    python tools/make_extracols62_samples.py                            # both sets
    python tools/make_extracols62_samples.py --set office-extracols62   # or heldout-extracols62

Set XXIII's Gnumeric table (``変更箇所No. | 区分 | … | 説明`` and others with 区分 after 説明) read
a 区分 column printed after 説明 into the explanation in row-ordered text (28 rows wrong, no
warning) and a 番号 column into 項目.  Each case here is a run of consecutive rows of the set's
pool printed with the columns of its shape (``TUNING_SHAPES`` / ``HELDOUT_SHAPES``): each shape
names, left to right, the six fields (0 … 5) and extra columns (``kind``: 区分 / 種別 … with a
short closed vocabulary per row, ``num``: 番号 / No. … with ``1`` or ``2-3``, ``dept``: 担当課 …
with a section's name, ``remark``: 備考 with a longer remark that wraps, or empty).  The truth
(``expected/records.json``) is the six fields as written: the extra columns are no field.
``office-extracols62`` (tuning) draws from the tuning tables, labels, words and positions;
``heldout-extracols62`` (measure only, never tune on it) from the held-out tables, with labels,
words, sizes and shapes of its own.  Each case keeps its PDF and the texts of ``TEXTS`` (pages
joined by form feeds).
"""

from __future__ import annotations

import random
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, convert, docx_label_table, made_sets_main, spare_lines, stream_text
from make_pdfs import LABELS

SETS = {"office-extracols62": False, "heldout-extracols62": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pdftotext", "pdftotext-layout", "pdfminer", "pdfplumber", "pypdf")
MAKERS = ("calc", "writer", "gnumeric")
PROGRAMS = {"calc": "LibreOffice Calc", "writer": "LibreOffice Writer", "gnumeric": "Gnumeric ssconvert"}
ROWS = (5, 8)
# Column orders: the six fields as their indices, extra columns by name.
TUNING_SHAPES = {
    "kindafter": (0, 1, 2, 3, 4, 5, "kind"),
    "numremark": ("num", 0, 1, 2, 3, 4, 5, "remark"),
    "kindmid": (0, 1, 2, 3, "kind", 4, 5),
}
HELDOUT_SHAPES = {
    "numkindafter": ("num", 0, 1, 2, 3, 4, 5, "kind"),
    "deptmid": (0, 1, 2, 3, "dept", 4, 5),
    "kindremark": ("kind", 0, 1, 2, 3, 4, 5, "remark"),
    "nummiddept": (0, 1, 2, 3, "num", 4, 5, "dept"),
}
TUNING_LABELS = {"kind": ("区分", "種別"), "num": ("番号", "No."), "dept": ("担当課",), "remark": ("備考",)}
HELDOUT_LABELS = {
    "kind": ("修正区分", "変更区分"),
    "num": ("変更箇所No.", "項番"),
    "dept": ("所管課", "担当部署"),
    "remark": ("備考",),
}
# Values, the first the most common.
TUNING_WORDS = {
    "kind": ("修正", "追加", "削除"),
    "dept": ("総務課", "市民課", "情報政策課"),
    "remark": (
        "庁内の情報セキュリティ委員会にて報告済み（令和5年度第2回）",
        "要確認",
        "評価書の再実施を要しない軽微な変更として整理した",
    ),
}
HELDOUT_WORDS = {
    "kind": ("誤記", "修正", "追加", "訂正"),
    "dept": ("保険年金課", "税務課", "子育て支援課"),
    "remark": (
        "個人情報保護審議会への報告を予定している（次回開催時）",
        "別紙参照",
        "第三者点検の対象外である旨を担当部署に確認した",
    ),
}
FIRST_WORD_SHARE = 0.6
EMPTY_REMARK_SHARE = 0.3
# Each column's share of the width: the six fields' (date, item, before, after, timing,
# explanation), then the extra columns' (their shares taken from the six).
FIELD_SHARES = (0.10, 0.19, 0.25, 0.25, 0.07, 0.14)
EXTRA_SHARES = {"kind": 0.05, "num": 0.045, "dept": 0.07, "remark": 0.12}
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAGothic")
# The printable width of an A4 / A3 landscape page (cm), margins aside.
PAGE_CM = {"A4": 26.7, "A3": 38.0}
# Gnumeric fits no row to its text: the rows get heights from their lines, with spare lines.
GNUMERIC_SPARE_LINES = 1.5


def _words(rng: random.Random, pool: tuple[str, ...], n: int, empty: float = 0.0) -> tuple[str, ...]:
    out = []
    for _ in range(n):
        if rng.random() < empty:
            out.append("")
        else:
            out.append(pool[0] if rng.random() < FIRST_WORD_SHARE else rng.choice(pool[1:]))
    return tuple(out)


def _numbers(rng: random.Random, n: int) -> tuple[str, ...]:
    """Row numbers ``1, 2, 3 …`` or amendment references ``2-3`` (section - item)."""
    if rng.random() < 0.5:
        return tuple(str(i + 1) for i in range(n))
    return tuple(f"{rng.randint(1, 6)}-{rng.randint(1, 9)}" for _ in range(n))


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-extracols62-{name}")
    maker, shape = name.split("-")[1:3]
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    labels = HELDOUT_LABELS if heldout else TUNING_LABELS
    words = HELDOUT_WORDS if heldout else TUNING_WORDS
    rows = _rows(rng, heldout, ROWS)
    columns = shapes[shape]
    extras = {}
    for col in columns:
        if isinstance(col, int):
            continue
        if col == "num":
            values = _numbers(rng, len(rows))
        else:
            values = _words(rng, words[col], len(rows), EMPTY_REMARK_SHARE if col == "remark" else 0.0)
        extras[col] = {"label": rng.choice(labels[col]), "values": values}
    return {
        "maker": maker,
        "shape": shape,
        "columns": columns,
        "extras": extras,
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": "A3" if len(columns) > 7 else "A4",
        "valign": rng.choice(("top", "center")),
    }


def _shares(look: dict) -> list[float]:
    extra = sum(EXTRA_SHARES[c] for c in look["columns"] if isinstance(c, str))
    scale = 1.0 - extra
    return [FIELD_SHARES[c] * scale if isinstance(c, int) else EXTRA_SHARES[c] for c in look["columns"]]


def _labels(look: dict) -> list[str]:
    return [LABELS[c] if isinstance(c, int) else look["extras"][c]["label"] for c in look["columns"]]


FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _cells(look: dict, i: int) -> list[str]:
    r = look["rows"][i]
    return [
        str(r[FIELDS[c]]) if isinstance(c, int) else look["extras"][c]["values"][i] for c in look["columns"]
    ]


def _units(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _height(look: dict, i: int, widths_cm: list[float]) -> float:
    """A row's height in points from its tallest cell's lines (Gnumeric fits none)."""
    lines = 1
    for text, w in zip(_cells(look, i), widths_cm, strict=True):
        per_line = max(int((w * 28.35 - 6) / (look["size"] / 2)), 2)
        lines = max(lines, sum(max(1, -(-_units(p) // per_line)) for p in text.split("\n")))
    return round((lines + GNUMERIC_SPARE_LINES) * look["size"] * 1.45 + 4, 1)


def write_xlsx(path: Path, look: dict) -> None:
    """The table typed in a spreadsheet: a title, the label row (repeated on each page), wrapped
    bordered cells, column widths set, fit to the page's width; Gnumeric's rows get heights."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=look["font"], size=look["size"])
    ws.cell(1, 1, "（別添２）変更箇所").font = font
    widths_cm = [s * PAGE_CM[look["paper"]] for s in _shares(look)]
    for j, label in enumerate(_labels(look), 1):
        c = ws.cell(2, j, label)
        c.font = font
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
    for i in range(len(look["rows"])):
        for j, (col, text) in enumerate(zip(look["columns"], _cells(look, i), strict=True), 1):
            short = col in (0, 4) or col in ("kind", "num")
            if look["maker"] == "calc" and text and not short:
                # Calc fits a row a few lines short of what it prints (make_office_samples):
                # trailing line breaks, which print nothing, give it spare lines.
                text += spare_lines(text)
            c = ws.cell(3 + i, j, text or None)
            c.font = font
            c.alignment = Alignment(
                horizontal="center" if short else "left", vertical=look["valign"], wrap_text=True
            )
            c.border = border
        if look["maker"] == "gnumeric":
            ws.row_dimensions[3 + i].height = _height(look, i, widths_cm)
    for j, w in enumerate(widths_cm, 1):
        ws.column_dimensions[get_column_letter(j)].width = round(w / 0.19, 1)
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if look["paper"] == "A3" else ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    wb.save(path)


def write_docx(path: Path, look: dict) -> None:
    """The table typed in a word processor: a title paragraph, a grid table whose label row
    repeats on each page, A4 / A3 landscape, column widths set."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    long, short = (42.0, 29.7) if look["paper"] == "A3" else (29.7, 21.0)
    sec.page_width, sec.page_height = Cm(long), Cm(short)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = look["font"]
    style.font.size = Pt(look["size"])
    style.element.rPr.rFonts.set(qn("w:eastAsia"), look["font"])
    style.paragraph_format.space_after = Pt(0)
    doc.add_paragraph("（別添２）変更箇所")
    labels = _labels(look)
    table = docx_label_table(doc, labels, len(look["rows"]))
    valign = WD_ALIGN_VERTICAL.CENTER if look["valign"] == "center" else WD_ALIGN_VERTICAL.TOP
    for i in range(len(look["rows"])):
        cells = table.rows[1 + i].cells
        for j, text in enumerate(_cells(look, i)):
            for k, para in enumerate(text.split("\n")):
                p = cells[j].paragraphs[0] if k == 0 else cells[j].add_paragraph()
                p.add_run(para)
            cells[j].vertical_alignment = valign
    width = long - 3.0
    for j, s in enumerate(_shares(look)):
        w = Cm(round(s * width, 2))
        table.columns[j].width = w
        for cell in table.columns[j].cells:
            cell.width = w
    doc.save(path)


def _pdf(name: str, look: dict, work: Path) -> Path:
    src = work / f"{name}.{'docx' if look['maker'] == 'writer' else 'xlsx'}"
    (write_docx if look["maker"] == "writer" else write_xlsx)(src, look)
    programs = {src: "gnumeric"} if look["maker"] == "gnumeric" else {}
    convert([src], work, programs=programs)
    pdf = work / f"{name}.pdf"
    whole = "".join(stream_text(pdf))
    missing = [
        f"row {i} {key}"
        for i, r in enumerate(look["rows"])
        for key in FIELDS
        if "".join(str(r[key]).split()) not in whole
    ]
    if missing:
        raise SystemExit(f"{name}: not printed whole: {missing[:3]}")
    return pdf


def _names(heldout: bool) -> list[str]:
    """Each shape printed by two of the makers in turn (the committed files stay small), Gnumeric
    left out when ``ssconvert`` is missing."""
    prefix = "hx62" if heldout else "x62"
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    names = []
    for i, shape in enumerate(shapes):
        for maker in (MAKERS[i % len(MAKERS)], MAKERS[(i + 1) % len(MAKERS)]):
            if maker != "gnumeric" or shutil.which("ssconvert"):
                names.append(f"{prefix}-{maker}-{shape}")
    return names


README = """# {name}: columns beyond the six, in several places (branch extracols62)

Tables with one or two extra columns (区分 / 種別 … with 修正 / 追加 …, 番号 / No. … with `1` or
`2-3`, 担当課 … with a section's name, 備考 with a remark that wraps) first, between 変更後 and
提出時期, or after 説明, printed by LibreOffice Calc (`*-calc-*`, an .xlsx), LibreOffice Writer
(`*-writer-*`, a .docx) and Gnumeric (`*-gnumeric-*`, `ssconvert` of the .xlsx), each shape by
two of them in turn.  The extra
columns are no field: the truth (`expected/records.json`) is the six fields as written.  Each case
is the PDF and 7 texts (`<case>-<extractor>`: pypdfium2, pdftotext -raw / plain / -layout,
pdfminer, pdfplumber, pypdf); the columns of each case in `cases.json`.

`samples/office-extracols62` (tuning): shapes `kindafter` (区分 after 説明), `numremark` (番号 first,
備考 after 説明), `kindmid` (区分 between 変更後 and 提出時期).
`samples/heldout-extracols62` (held out: measure on it, never tune on it): the held-out tables,
labels (修正区分, 変更区分, 変更箇所No., 項番, 所管課, 担当部署), words (誤記, 訂正, 保険年金課 …) and
shapes (`numkindafter`, `deptmid`, `kindremark`, `nummiddept`).

    python tools/make_extracols62_samples.py
    python tools/eval_office.py samples/office-extracols62 samples/heldout-extracols62 --total
"""


def made_cases(
    work: Path,
    heldout: bool,
    names: Callable[[bool], list[str]],
    look_of: Callable[[str, bool], dict],
    pdf_of: Callable[[str, dict, Path], Path],
    programs: dict[str, str],
) -> Iterator[SetCase]:
    """Each case of ``names(heldout)``: its look (``look_of``), its PDF made in ``work``
    (``pdf_of``), the truth read back from the PDF and the settings (``programs`` by the look's
    maker).  Shared with make_stacked64_samples."""
    for name in names(heldout):
        look = look_of(name, heldout)
        pdf = pdf_of(name, look, work)
        settings = {"program": programs[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, chromium_expected(pdf, look["rows"]), settings


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    return made_cases(work, heldout, _names, _look, _pdf, PROGRAMS)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
