"""Tables whose 項目 is printed over two or three columns (大項目 | 中項目・小項目, or 大項目 | 中項目 |
小項目) under a merged two-row label block (項目 merged across its columns, their own labels in
the row under it, the other labels merged down over both rows), printed by LibreOffice Calc
(.xlsx) and Writer (.docx), with their flattened texts (branch twocol68).

    python tools/make_twocol68_samples.py                          # both sets
    python tools/make_twocol68_samples.py --set office-twocol68    # or heldout-twocol68

Set XXIX's t09 (Calc, 大項目 | 中項目・小項目, dotted dates ``2024.4.1``) read the 大項目 column into
the 変更日 cells from the PDF, in silence (12 rows wrong at 0.963, status success), and the
sub-header row as extra rows.  The truth item is the columns' text joined top to bottom with
line breaks (``Ⅴ開示請求、問合せ⏎２．…⏎①連絡先``): the table's item path as written.  Shapes:
``two`` (each row prints its 大項目), ``merged`` (a 大項目 cell merged down over the rows of one
section: each of them has it), ``three`` (大項目 | 中項目 | 小項目).  The tables and words are
``make_extracols62_samples``'s pool (``make_bikou55_samples._rows``); ``office-twocol68``
(tuning) prints the tuning tables with ``TUNING_SHAPES``; ``heldout-twocol68`` (measure only,
never tune on it) the held-out tables with ``HELDOUT_SHAPES``, other seeds and sub-labels.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import (
    TEN_TEXTS,
    SetCase,
    convert,
    docx_page,
    made_sets_main,
    spare_lines,
    stream_text,
)
from make_pdfs import LABELS

SETS = {"office-twocol68": False, "heldout-twocol68": True}
TEXTS = TEN_TEXTS
PROGRAMS = {"calc": "LibreOffice Calc", "writer": "LibreOffice Writer"}
ROWS = (6, 9)
TUNING_SHAPES = {"two": ("calc", "writer"), "merged": ("calc",)}
HELDOUT_SHAPES = {"three": ("calc", "writer"), "merged": ("writer",), "two": ("calc",)}
# The sub-column labels under 項目, by the number of columns.
TUNING_SUBLABELS = {2: (("大項目", "中項目・小項目"),), 3: (("大項目", "中項目", "小項目"),)}
HELDOUT_SUBLABELS = {
    2: (("大項目", "中項目・小項目"), ("大項目", "中項目／小項目")),
    3: (("大項目", "中項目", "小項目"),),
}
# Width shares of the sub-columns of 項目 (of the item's share, widened by ``ITEM_WIDEN``).
SUB_SHARES = {2: (0.38, 0.62), 3: (0.3, 0.34, 0.36)}
ITEM_WIDEN = 1.5
DOTTED_SHARE = 0.6


def _names(heldout: bool) -> list[str]:
    prefix = "htc68" if heldout else "tc68"
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    return [f"{prefix}-{maker}-{shape}" for shape, makers in shapes.items() for maker in makers]


def _parts(item: str, n: int, left: int = 1) -> list[str]:
    """The item path cut into ``n`` sub-columns: 大項目 (with the ``left`` - 1 headings under it:
    a form keeping 大項目 and 中項目 in the left sub-column, make_subcol72), (中項目,) the rest;
    joined top to bottom with line breaks, the non-empty parts give the path back."""
    path = item.split("\n")
    head = "\n".join(path[:left])
    if n == 2:
        return [head, "\n".join(path[left:])]
    return [head, path[left] if len(path) > left else "", "\n".join(path[left + 1 :])]


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-twocol68-{name}{'-held' if heldout else ''}")
    maker, shape = name.split("-")[1:3]
    rows = _rows(rng, heldout, ROWS)
    if rng.random() < DOTTED_SHARE:
        for r in rows:
            d = dt.date.fromisoformat(r["change_date"])
            r["change_date_raw"] = f"{d.year}.{d.month}.{d.day}"
    if shape == "merged":  # a section's rows together, so that its 大項目 cell is merged over them
        rows.sort(key=lambda r: r["item"].split("\n")[0])
    n = 3 if shape == "three" else 2
    return {
        "maker": maker,
        "shape": shape,
        "parts": n,
        "sublabels": rng.choice((HELDOUT_SUBLABELS if heldout else TUNING_SUBLABELS)[n]),
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice(x62.HELDOUT_SIZES if heldout else x62.TUNING_SIZES),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
    }


def _shares(look: dict) -> list[float]:
    """Width shares of the printed columns: 変更日, the item's sub-columns, the other fields."""
    shares = list(x62.FIELD_SHARES)
    item = shares[1] * look.get("item_widen", ITEM_WIDEN)
    rest = (1.0 - item) / (1.0 - shares[1])
    subs = [item * s for s in look.get("sub_shares") or SUB_SHARES[look["parts"]]]
    return [shares[0] * rest, *subs, *(s * rest for s in shares[2:])]


def _cells(look: dict, i: int) -> list[str]:
    r = look["rows"][i]
    return [
        str(r["change_date_raw"]),
        *_parts(r["item"], look["parts"], look.get("left_lines", 1)),
        *(str(r[k]) for k in x62.FIELDS[2:]),
    ]


def _runs(look: dict) -> list[tuple[int, int]]:
    """Rows (first, end) whose 大項目 cell is one merged cell: runs of one 大項目 in the merged
    shape, each row alone otherwise."""
    tops = [_parts(r["item"], look["parts"], look.get("left_lines", 1))[0] for r in look["rows"]]
    if look["shape"] != "merged":
        return [(i, i + 1) for i in range(len(tops))]
    runs, start = [], 0
    for i in range(1, len(tops) + 1):
        if i == len(tops) or tops[i] != tops[start]:
            runs.append((start, i))
            start = i
    return runs


def write_xlsx(path: Path, look: dict) -> None:
    """The table typed in a spreadsheet: a title, the two-row label block (項目 merged across its
    sub-columns, the others merged down; repeated on each page), wrapped bordered cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=look["font"], size=look["size"])
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    n = look["parts"]
    ncols = 5 + n
    flat = look.get("flat", False)  # the sub-labels in the one label row, no label over them
    two_rows = bool(look["sublabels"]) and not flat  # no sub-labels: one row, 項目 merged across
    top = 4 if two_rows else 3
    ws.cell(1, 1, "（別添２）変更箇所").font = font
    for j in range(1, ncols + 1):
        for r in range(2, top):
            c = ws.cell(r, j)
            c.font, c.alignment, c.border = font, centre, border
    item_label = look.get("item_label", LABELS[1])
    subs = list(look["sublabels"]) if flat else [item_label, *([None] * (n - 1))]
    heads = [LABELS[0], *subs, *LABELS[2:]]
    for j, label in enumerate(heads, 1):
        if label is None:
            continue
        ws.cell(2, j, label)
        if j != 2 and two_rows:
            ws.merge_cells(start_row=2, start_column=j, end_row=3, end_column=j)
    if not flat:
        ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=1 + n)
    for k, sub in enumerate(look["sublabels"] if two_rows else ()):
        ws.cell(3, 2 + k, sub)
    for i in range(len(look["rows"])):
        for j, text in enumerate(_cells(look, i), 1):
            short = j == 1 or j == ncols - 1
            if text and not short and j > 1 + n:
                text += spare_lines(text)
            c = ws.cell(top + i, j, text or None)
            c.font = font
            c.alignment = Alignment(
                horizontal="center" if short else "left", vertical=look["valign"], wrap_text=True
            )
            c.border = border
    for a, b in _runs(look):
        if b - a > 1:
            ws.merge_cells(start_row=top + a, start_column=2, end_row=top - 1 + b, end_column=2)
    for j, w in enumerate(_shares(look), 1):
        ws.column_dimensions[get_column_letter(j)].width = round(w * x62.PAGE_CM[look["paper"]] / 0.19, 1)
    ws.print_title_rows = f"2:{top - 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    wb.save(path)


def write_docx(path: Path, look: dict) -> None:
    """The table typed in a word processor: a title paragraph, a grid table under the two-row
    label block (repeated on each page), A4 landscape, column widths set."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.oxml.ns import qn
    from docx.shared import Cm

    doc = docx_page(look, landscape=True)
    n = look["parts"]
    ncols = 5 + n
    flat = look.get("flat", False)  # the sub-labels in the one label row, no label over them
    h = 2 if look["sublabels"] and not flat else 1  # no sub-labels: one row, 項目 merged across
    table = doc.add_table(rows=h + len(look["rows"]), cols=ncols)
    table.style = "Table Grid"
    table.autofit = False
    table.cell(0, 0).merge(table.cell(h - 1, 0)).text = LABELS[0]
    if flat:
        for k, sub in enumerate(look["sublabels"]):
            table.cell(0, 1 + k).text = sub
    else:
        table.cell(0, 1).merge(table.cell(0, n)).text = look.get("item_label", LABELS[1])
        for k, sub in enumerate(look["sublabels"]):
            table.cell(1, 1 + k).text = sub
    for j, label in enumerate(LABELS[2:], 1 + n):
        table.cell(0, j).merge(table.cell(h - 1, j)).text = label
    for r in range(h):
        trpr = table.rows[r]._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    valign = WD_ALIGN_VERTICAL.CENTER if look["valign"] == "center" else WD_ALIGN_VERTICAL.TOP
    firsts = {a for a, _ in _runs(look)}
    for i in range(len(look["rows"])):
        trpr = table.rows[h + i]._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))
        cells = table.rows[h + i].cells
        for j, text in enumerate(_cells(look, i)):
            if j == 1 and i not in firsts:
                continue
            for k, para in enumerate(text.split("\n")):
                p = cells[j].paragraphs[0] if k == 0 else cells[j].add_paragraph()
                p.add_run(para)
            cells[j].vertical_alignment = valign
    for a, b in _runs(look):
        if b - a > 1:
            table.cell(h + a, 1).merge(table.cell(h - 1 + b, 1))
    for j, s in enumerate(_shares(look)):
        w = Cm(round(s * 26.7, 2))
        table.columns[j].width = w
        for cell in table.columns[j].cells:
            cell.width = w
    doc.save(path)


def _pdf(name: str, look: dict, work: Path) -> Path:
    src = work / f"{name}.{'docx' if look['maker'] == 'writer' else 'xlsx'}"
    (write_docx if look["maker"] == "writer" else write_xlsx)(src, look)
    convert([src], work)
    pdf = work / f"{name}.pdf"
    whole = "".join(stream_text(pdf))
    missing = [
        f"row {i} {key}"
        for i, r in enumerate(look["rows"])
        for key in x62.FIELDS
        if "".join(str(r[key]).split()) not in whole and key != "item"
    ]
    if missing:
        raise SystemExit(f"{name}: not printed whole: {missing[:3]}")
    return pdf


README = """# {name}: 項目 printed over two or three columns (branch twocol68)

Tables whose 項目 is printed over columns — 大項目 | 中項目・小項目 (`*-two`), the same with the
大項目 cell merged down over a section's rows (`*-merged`), or 大項目 | 中項目 | 小項目
(`*-three`) — under a two-row label block (項目 merged across its columns, their own labels in
the row under it, the other labels merged down over both rows), dates often dotted
(`2024.4.1`), printed by LibreOffice Calc (`*-calc-*`) and Writer (`*-writer-*`), as set XXIX's
t09 prints its own.  The truth (`expected/records.json`) is the six fields, the item the
columns' text joined top to bottom with line breaks (the path as written).  Each case is the PDF
and 10 texts; the shape of each case in `cases.json`.

`samples/office-twocol68` (tuning): shapes `two`, `merged`.
`samples/heldout-twocol68` (held out: measure on it, never tune on it): shapes `three`,
`merged` (Writer), `two` (Calc), other tables, seeds and sub-labels.

    python tools/make_twocol68_samples.py
    python tools/eval_office.py samples/office-twocol68 samples/heldout-twocol68 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    """Each case: its PDF, the truth with pages (found by each row's other cells: a merged 大項目
    is printed once for its rows, and Writer prints a row's sub-columns in its own order), the
    settings."""
    for name in _names(heldout):
        look = _look(name, heldout)
        pdf = _pdf(name, look, work)
        seen = [{**r, "item": ""} for r in look["rows"]]
        expected = chromium_expected(pdf, seen)
        for e, r in zip(expected, look["rows"], strict=True):
            e["item"] = r["item"]
            e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
        settings = {"program": PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, expected, settings


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "data" / "twocol68"


def make_fixture() -> Path:
    """tests/data/twocol68/unnamed.pdf (Calc): 変更前の記載 merged over two ruled columns, the
    left one holding where the text stood (``別紙１`` / ``本文``) under no label of its own, for
    the safety net's test (tests/test_sub_columns68.py): its text kept in 変更前, the rows
    flagged, the input partial."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    FIXTURE.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    font = Font(name="IPAexGothic", size=10)
    ws.cell(1, 1, "（別添２）変更箇所").font = font
    heads = [LABELS[0], LABELS[1], LABELS[2], None, *LABELS[3:]]
    rows = [
        (
            "2024/4/1",
            "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
            "別紙１",
            "庁舎内のサーバ室に保管する。",
            "ガバメントクラウド上に保管する。",
            "事後",
            "ガバメントクラウドへの移行に伴う修正",
        ),
        (
            "2024/4/1",
            "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
            "本文",
            "市民生活部市民課",
            "市民生活部市民窓口課",
            "事後",
            "組織改編による修正",
        ),
        (
            "2024/10/1",
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\n①事務外利用",
            "別紙２",
            "アクセス権限を付与している。",
            "アクセス権限を付与し、操作ログを確認している。",
            "事前",
            "記載内容の明確化",
        ),
    ]
    for j, h in enumerate(heads, 1):
        c = ws.cell(2, j, h)
        c.font, c.border = font, border
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=2, start_column=3, end_row=2, end_column=4)
    for i, row in enumerate(rows):
        for j, v in enumerate(row, 1):
            c = ws.cell(3 + i, j, v)
            c.font, c.border, c.alignment = font, border, wrap
    for col, w in zip("ABCDEFG", (11, 30, 7, 26, 26, 7, 22), strict=True):
        ws.column_dimensions[col].width = w
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    src = FIXTURE / "unnamed.xlsx"
    wb.save(src)
    convert([src], FIXTURE)
    src.unlink()
    return FIXTURE / "unnamed.pdf"


if __name__ == "__main__":
    if sys.argv[1:] == ["--fixture"]:
        print(make_fixture())
        raise SystemExit(0)
    raise SystemExit(main())
