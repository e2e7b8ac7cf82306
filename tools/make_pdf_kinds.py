"""Small text-layer PDFs of the kinds of drawing that fooled the PDF reader (issue 11), each with
the records it must give.

Every case is a ruled amendment table (rows of ``samples/tables/*.json`` and the hand-written
tables, six rows from an offset that differs per case) drawn with reportlab the way Excel
prints: IPAex Gothic 9 pt, cells wrapped at their width.  One kind of drawing is then added:

- strokes that are not rulings: an underline under a whole line, under part of a line, a double
  underline, a strike-through (the struck text is still printed, so it is still read), a
  highlight box behind text, a white box over empty paper in a cell;
- text that is not visible: white text, text of render mode 3, text under an opaque white box
  or an image painted after it, text clipped away (the expected records leave it out);
- text turned 90° or 270° in the 提出時期 or 変更日 cells;
- Word's gaps between Japanese and digits or Latin letters (no space characters), and
  full-width spaces at a soft wrap.

    python tools/make_pdf_kinds.py tests/data/kinds     # writes NAME.pdf + NAME.expected.json
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from make_pdfs import LABELS, register_fonts  # noqa: E402

FONT, SIZE, LEADING, PAD = "IPAexGothic", 9.0, 12.0, 3.0
WIDTHS = (62.0, 150.0, 170.0, 170.0, 46.0, 150.0)
KEYS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


@dataclass
class Line:
    text: str
    soft: bool


@dataclass
class Table:
    """The rows drawn, and per (row, column) the cell box and its printed lines' positions."""

    records: list[dict]
    boxes: dict[tuple[int, int], tuple[float, float, float, float]] = field(default_factory=dict)
    lines: dict[tuple[int, int], list[tuple[str, float, float]]] = field(default_factory=dict)


def wrap(text: str, width: float) -> list[Line]:
    """Lines of ``text`` wrapped per character at ``width`` points (a U+3000 may end a line)."""
    out: list[Line] = []
    for para in text.split("\n"):
        cur = ""
        lines: list[str] = []
        for ch in para:
            if cur and pdfmetrics.stringWidth(cur + ch, FONT, SIZE) > width and ch != "\u3000":
                lines.append(cur)
                cur = ""
            cur += ch
        lines.append(cur)
        out.extend(Line(t, i + 1 < len(lines)) for i, t in enumerate(lines))
    return out


def truth(offset: int, n: int = 5) -> list[dict]:
    """``n`` records of the ground-truth tables from ``offset`` (one-line dates, short cells)."""
    pool: list[dict] = []
    for folder in (ROOT / "samples" / "tables", ROOT / "tests" / "data" / "tables"):
        for p in sorted(folder.glob("*.json")):
            data = json.loads(p.read_text("utf-8"))
            for r in data.get("records", []) if isinstance(data, dict) else data:
                if r.get("timing") in ("事前", "事後") and all(
                    len(str(r.get(k) or "")) <= 90 for k in ("item", "before", "after", "explanation")
                ):
                    pool.append(r)
    return [dict(pool[(offset + k * 7) % len(pool)]) for k in range(n)]


def draw_table(c: canvas.Canvas, records: list[dict], cell_text: Callable | None = None) -> Table:
    """The title, label row and ``records`` as a ruled table; ``cell_text(r, col, line)`` may
    draw a line itself (return True) instead of the plain ``drawString``."""
    _, height = landscape(A4)
    x0 = 30.0
    xs = [x0]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    c.setFont(FONT, 10)
    c.drawString(x0 + 6, height - 40, "（別添２）変更箇所")
    top = height - 52
    c.setLineWidth(0.6)
    table = Table(records)
    rows = [dict(zip(KEYS, LABELS, strict=True))] + [{k: str(r.get(k) or "") for k in KEYS} for r in records]
    for ri, row in enumerate(rows):
        cells = [wrap(row[k], WIDTHS[ci] - 2 * PAD) for ci, k in enumerate(KEYS)]
        n = max(len(cl) for cl in cells)
        h = n * LEADING + 2 * PAD + 2
        c.line(x0, top, xs[-1], top)
        for x in xs:
            c.line(x, top, x, top - h)
        for ci, lines in enumerate(cells):
            table.boxes[(ri - 1, ci)] = (xs[ci], top - h, xs[ci + 1], top)
            placed = []
            for li, ln in enumerate(lines):
                y = top - PAD - SIZE - li * LEADING
                x = xs[ci] + PAD
                placed.append((ln.text, x, y))
                if ri and cell_text and cell_text(c, ri - 1, ci, li, ln.text, x, y):
                    continue
                c.setFont(FONT, SIZE)
                c.drawString(x, y, ln.text)
            table.lines[(ri - 1, ci)] = placed
        top -= h
    c.line(x0, top, xs[-1], top)
    return table


def text_width(t: str) -> float:
    return pdfmetrics.stringWidth(t, FONT, SIZE)


def expected_of(records: list[dict]) -> list[dict]:
    return [{k: r.get(k) for k in FIELDS} for r in records]


# --------------------------------------------------------------------------- the kinds


def underline(kind: str) -> Callable:
    """Changed words of 変更後 underlined: ``whole`` (the first line), ``part`` (a few
    characters), ``double`` (two strokes) or ``strike`` (a stroke through 変更前)."""

    def extra(c: canvas.Canvas, t: Table) -> None:
        c.setLineWidth(0.5)
        for r in range(len(t.records)):
            col = 2 if kind == "strike" else 3
            lines = t.lines.get((r, col)) or []
            if not lines or not lines[0][0]:
                continue
            text, x, y = lines[0]
            if kind == "part":
                a = min(2, len(text) - 1)
                x, text = x + text_width(text[:a]), text[a : a + 6]
            w = text_width(text)
            if kind == "strike":
                c.line(x, y + SIZE * 0.35, x + w, y + SIZE * 0.35)
            else:
                c.line(x, y - 1.2, x + w, y - 1.2)
                if kind == "double":
                    c.line(x, y - 2.6, x + w, y - 2.6)

    return extra


def boxes(kind: str) -> Callable:
    """Filled shapes that are no rulings: ``white`` over the empty lower part of each 変更前
    cell, ``highlight`` (light yellow) behind the first line of each 変更後 cell."""

    def extra(c: canvas.Canvas, t: Table) -> None:
        for r in range(len(t.records)):
            if kind == "white":
                x0, y0, x1, _y1 = t.boxes[(r, 2)]
                lines = t.lines[(r, 2)]
                low = lines[-1][2] - 4
                if low - y0 > 6:
                    c.setFillColorRGB(1, 1, 1)
                    c.rect(x0 + 8, y0 + 2, x1 - x0 - 30, min(low - y0 - 3, 14), stroke=0, fill=1)
            else:
                text, x, y = t.lines[(r, 3)][0]
                c.setFillColorRGB(1, 1, 0.6)
                c.rect(x - 1, y - 2.5, text_width(text) + 2, SIZE + 3, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
                c.setFont(FONT, SIZE)
                c.drawString(x, y, text)
        c.setFillColorRGB(0, 0, 0)

    return extra


HIDDEN_LINE = "旧規定：番号法第９条第２項による"


def hidden(kind: str) -> Callable:
    """A line under each 変更前 cell's text that is not visible: ``white`` text, ``mode3``
    (invisible render mode), ``box`` (black text, then an opaque white box over it), ``image``
    (an opaque picture over it) or ``clip`` (drawn outside a clipping path)."""

    def extra(c: canvas.Canvas, t: Table) -> None:
        for r in range(len(t.records)):
            x0, y0, x1, y1 = t.boxes[(r, 2)]
            lines = t.lines[(r, 2)]
            x, y = x0 + PAD, lines[-1][2] - LEADING
            if y < y0 + 2:
                continue
            c.saveState()
            if kind == "clip":
                p = c.beginPath()
                p.rect(x0, y + SIZE + 1, x1 - x0, y1 - y - SIZE - 1)
                c.clipPath(p, stroke=0, fill=0)
            t_obj = c.beginText(x, y)
            t_obj.setFont(FONT, SIZE)
            if kind == "white":
                t_obj.setFillColorRGB(1, 1, 1)
            if kind == "mode3":
                t_obj.setTextRenderMode(3)
            t_obj.textOut(HIDDEN_LINE[: max(4, int((x1 - x0 - 2 * PAD) // SIZE) - 1)])
            c.drawText(t_obj)
            c.restoreState()
            w = text_width(HIDDEN_LINE[: max(4, int((x1 - x0 - 2 * PAD) // SIZE) - 1)])
            if kind == "box":
                c.setFillColorRGB(1, 1, 1)
                c.rect(x - 1, y - 3, w + 2, SIZE + 4, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            elif kind == "image":
                c.drawImage(_grey_image(), x - 1, y - 3, w + 2, SIZE + 4)

    return extra


def _grey_image() -> ImageReader:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 8), (235, 235, 235)).save(buf, "PNG")
    buf.seek(0)
    return ImageReader(buf)


def turned(column: int, angle: int) -> Callable:
    """The cells of ``column`` drawn turned by ``angle`` (90: reading upwards, 270: downwards),
    centred in the cell."""

    def cell_text(c: canvas.Canvas, r: int, ci: int, li: int, text: str, x: float, y: float) -> bool:
        if ci != column:
            return False
        box = TABLE_BOXES.get((r, ci))
        if box is None:
            return False
        x0, y0, x1, y1 = box
        w = text_width(text)
        c.saveState()
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        c.translate(cx, cy)
        c.rotate(angle)
        c.setFont(FONT, SIZE)
        c.drawString(-w / 2, -SIZE / 2 + 1.5, text)
        c.restoreState()
        return True

    return cell_text


TABLE_BOXES: dict[tuple[int, int], tuple[float, float, float, float]] = {}

WORD_ROWS = [
    {
        "change_date_raw": "平成29年7月1日",
        "change_date": "2017-07-01",
        "item": "Ⅰ基本情報\n①部署",
        "before": "ＩＴ推進課",
        "after": "DX推進課（令和2年4月組織改正）",
        "timing": "事後",
        "explanation": "組織改正に伴う修正",
    },
    {
        "change_date_raw": "令和3年10月1日",
        "change_date": "2021-10-01",
        "item": "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲",
        "before": "住民基本台帳に記録された者",
        "after": "住民基本台帳に記録された者及びLGWAN接続端末の利用者",
        "timing": "事前",
        "explanation": "システム更改に伴う修正",
    },
]


def word_gaps(c: canvas.Canvas, r: int, ci: int, li: int, text: str, x: float, y: float) -> bool:
    """Word's spacing: a quarter-em gap between Japanese and digits or Latin letters, drawn as
    separate pieces with no space character."""
    c.setFont(FONT, SIZE)
    for piece in re.findall(r"[A-Za-z0-9.]+|[^A-Za-z0-9.]+", text):
        c.drawString(x, y, piece)
        x += text_width(piece) + SIZE * 0.25
    return True


SPACED = {
    "change_date_raw": "2019/4/1",
    "change_date": "2019-04-01",
    "item": "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目",
    "before": "主な記録項目：氏名　住所　生年月日　性別",
    "after": "記録項目：氏名　住所　生年月日　性別　個人番号　電話番号",
    "timing": "事後",
    "explanation": "記録項目の追加に伴う修正",
}


@dataclass
class Kind:
    name: str
    offset: int
    extra: Callable | None = None  # draws on top of the table
    cell_text: Callable | None = None
    rows: list[dict] | None = None


KINDS = [
    Kind("underline_whole_line", 0, underline("whole")),
    Kind("underline_part", 3, underline("part")),
    Kind("underline_double", 5, underline("double")),
    Kind("strike_through", 8, underline("strike")),
    Kind("white_box_empty_paper", 11, boxes("white")),
    Kind("highlight_behind_text", 13, boxes("highlight")),
    Kind("hidden_white_text", 2, hidden("white")),
    Kind("hidden_render_mode3", 4, hidden("mode3")),
    Kind("hidden_under_white_box", 6, hidden("box")),
    Kind("hidden_under_image", 9, hidden("image")),
    Kind("hidden_clipped", 12, hidden("clip")),
    Kind("turned_timing_270", 1, cell_text=turned(4, 270)),
    Kind("turned_timing_90", 7, cell_text=turned(4, 90)),
    Kind("turned_date_90", 10, cell_text=turned(0, 90)),
    Kind("word_gaps", 0, cell_text=word_gaps, rows=WORD_ROWS),
    Kind("ideographic_space_wrap", 0, rows=[SPACED, *WORD_ROWS]),
]


def short_dates(records: list[dict]) -> list[dict]:
    """Dates written short (R5.2.6, H30.4.1), so that a turned date fits its row's height."""
    out = []
    for r in records:
        y, m, d = (int(v) for v in r["change_date"].split("-"))
        era = f"R{y - 2018}" if (y, m) >= (2019, 5) else f"H{y - 1988}"
        out.append({**r, "change_date_raw": f"{era}.{m}.{d}"})
    return out


def make(kind: Kind, out: Path) -> None:
    register_fonts()
    records = kind.rows or truth(kind.offset)
    if kind.name == "turned_date_90":
        records = short_dates(records)
    pdf = out / f"{kind.name}.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(A4), invariant=1)
    TABLE_BOXES.clear()
    if kind.cell_text is not None and kind.cell_text is not word_gaps:
        # Turned text is centred in its cell: learn the boxes first on a throw-away canvas.
        scratch = canvas.Canvas(io.BytesIO(), pagesize=landscape(A4))
        TABLE_BOXES.update(draw_table(scratch, records).boxes)
    table = draw_table(c, records, kind.cell_text)
    if kind.extra is not None:
        kind.extra(c, table)
    c.showPage()
    c.save()
    (out / f"{kind.name}.expected.json").write_text(
        json.dumps(expected_of(records), ensure_ascii=False, indent=1) + "\n", "utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", nargs="*", help="kind names")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for k in KINDS:
        if not args.only or k.name in args.only:
            make(k, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
