"""Render ground-truth amendment tables as PDFs, the way Excel and Word print them.

Ground truth: ``samples/seed/expected/records.json`` and ``samples/tables/*.json`` (same keys).
Each case writes ``samples/pdf/<case>/input.pdf`` and ``expected/records.json`` where the
expected records are what is *printed*: a cell clipped by a fixed row height keeps only its
visible lines.  With ``--extractors`` it also writes the text of each PDF as five common
extractors give it (``samples/extractors/<case>-<tool>/input.txt``, same expected records).

    python tools/make_pdfs.py                 # committed cases + extractor texts
    python tools/make_pdfs.py --long out.pdf  # an 80-page assessment ending in the table
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
MINCHO = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"

NO_LINE_START = set("、。，．,.）)］]｝}〕〉》」』】ーァィゥェォッャュョぁぃぅぇぉっゃゅょ々・：；？！")
NO_LINE_END = set("（(［[｛{〔〈《「『【")
LABELS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
TEXT_FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
EXPECTED_KEYS = (
    "row_index",
    "page_start",
    "page_end",
    "change_date",
    "change_date_raw",
    "item",
    "item_path",
    "before",
    "after",
    "timing",
    "explanation",
)


def register_fonts() -> None:
    if "IPAexGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexGothic", GOTHIC))
        pdfmetrics.registerFont(TTFont("IPAexMincho", MINCHO))


def load_truth() -> list[tuple[str, list[dict]]]:
    """(name, records) of every ground-truth table: the seed, ``samples/tables/*.json`` and the
    hand-written tables of ``tests/data/tables/*.json``."""
    out = [("seed", json.loads((SAMPLES / "seed" / "expected" / "records.json").read_text("utf-8")))]
    seen = {"seed"}
    for folder in (SAMPLES / "tables", ROOT / "tests" / "data" / "tables"):
        for p in sorted(folder.glob("*.json")) if folder.exists() else []:
            if p.stem not in seen:
                seen.add(p.stem)
                out.append((p.stem, _records_of(p)))
    return [(name, recs) for name, recs in out if recs]


def _records_of(p: Path) -> list[dict]:
    data = json.loads(p.read_text("utf-8"))
    if isinstance(data, dict):
        data = data.get("records", [])
    return list(data)


# --------------------------------------------------------------------------- wrapping


@dataclass(slots=True)
class WrappedLine:
    text: str
    soft: bool  # the break after this line is a soft wrap


_TOKEN = re.compile(r"[A-Za-z0-9]+[ ]?|[ ]|.", re.S)


def wrap(text: str, font: str, size: float, width: float, kinsoku: bool) -> list[WrappedLine]:
    """Lines of ``text`` wrapped at ``width`` points: per character for Japanese, per word for
    half-width words; with ``kinsoku`` a line never starts with 、。） nor ends with （「."""
    out: list[WrappedLine] = []
    sw = pdfmetrics.stringWidth
    for para in text.split("\n"):
        cur = ""
        lines: list[str] = []
        for tok in _TOKEN.findall(para):
            if sw(cur + tok.rstrip(" "), font, size) <= width:
                cur += tok
                continue
            if not cur:
                # A word wider than the cell: split it by character.
                for ch in tok:
                    if sw(cur + ch, font, size) > width and cur:
                        lines.append(cur)
                        cur = ""
                    cur += ch
                continue
            if kinsoku and tok[0] in NO_LINE_START and len(cur) > 1:
                tok, cur = cur[-1] + tok, cur[:-1]
            elif kinsoku and cur[-1] in NO_LINE_END and len(cur) > 1:
                tok, cur = cur[-1] + tok, cur[:-1]
            lines.append(cur)
            cur = tok
        lines.append(cur)
        for i, ln in enumerate(lines):
            out.append(WrappedLine(ln, i + 1 < len(lines)))
    return out


def visible_text(lines: list[WrappedLine]) -> str:
    """The cell's text as a reader gets it from the printed lines: soft wraps joined, paragraphs
    on their own lines, lines stripped, empty lines dropped."""
    paras: list[str] = []
    joining = False
    for ln in lines:
        t = ln.text.strip(" 　") if not joining else ln.text.rstrip(" 　")
        if joining and paras:
            paras[-1] += t
        elif t:
            paras.append(t)
        joining = ln.soft and bool(paras)
    return "\n".join(p.strip() for p in paras if p.strip())


# --------------------------------------------------------------------------- table styles


@dataclass(slots=True)
class Style:
    name: str
    pagesize: tuple[float, float]
    widths: tuple[float, ...]  # column widths in points
    font: str = "IPAexGothic"
    size: float = 9.0
    leading: float = 1.25  # line pitch in font sizes
    pad: float = 2.5
    margin: float = 36.0
    excel: bool = True  # Excel: rows do not split, fixed heights clip; Word: rows grow and split
    max_lines: int | None = 28  # Excel's fixed row height in lines (None: rows fit their text)
    valign: str = "center"  # top / center / bottom
    merge: bool = False  # merge equal consecutive date / timing / explanation cells
    repeat_header: bool = True
    kinsoku: bool = False
    title: str = "（別添２）変更箇所"
    page_numbers: bool = True
    line_width: float = 0.5
    # "stroke": cell borders as stroked rectangles; "fill": each side a thin filled rectangle
    # drawn through a scaled coordinate system (as some PDF makers do).
    borders: str = "stroke"
    # Overflowing lines of a fixed-height cell: left out (False) or drawn under a clipping path
    # at the cell (True; only with top alignment, where the first lines show).
    clip: bool = False
    # Column labels spread over their cells (distributed alignment, 均等割り付け).
    distributed_labels: bool = False


@dataclass(slots=True)
class Cell:
    lines: list[WrappedLine]
    rows: int = 1  # rows covered (merged vertically)
    shown: int | None = None  # lines actually printed (None: all)


@dataclass(slots=True)
class Doc:
    """A canvas with page bookkeeping for the renderers."""

    c: canvas.Canvas
    style: Style
    page: int = 1
    cover_pages: int = 0
    facts: dict = field(default_factory=dict)

    def new_page(self) -> None:
        if self.style.page_numbers:
            w, _ = self.style.pagesize
            self.c.setFont(self.style.font, 9)
            self.c.drawCentredString(w / 2, 18, f"- {self.page} -")
        self.c.showPage()
        self.page += 1


def _fields(rec: dict) -> list[str]:
    return [str(rec.get(f) or "") for f in TEXT_FIELDS]


def _box(c: canvas.Canvas, st: Style, x: float, y: float, w: float, h: float) -> None:
    """A cell border."""
    if st.borders == "stroke":
        c.rect(x, y, w, h)
        return
    t = st.line_width
    for x0, y0, sx, sy in ((x, y, w, t), (x, y + h - t, w, t), (x, y, t, h), (x + w - t, y, t, h)):
        c.saveState()
        c.translate(x0, y0)
        c.scale(sx / 10, sy / 10)
        c.rect(0, 0, 10, 10, stroke=0, fill=1)
        c.restoreState()


def _draw_lines(c: canvas.Canvas, lines: list[str], x: float, top: float, height: float, st: Style) -> None:
    """Lines inside a cell box starting ``top`` (PDF y of its top edge) of ``height`` points."""
    pitch = st.size * st.leading
    block = pitch * len(lines)
    if st.valign == "top":
        y0 = top - st.pad
    elif st.valign == "bottom":
        y0 = top - height + st.pad + block
    else:
        y0 = top - (height - block) / 2
    c.setFont(st.font, st.size)
    for i, ln in enumerate(lines):
        baseline = y0 - pitch * i - st.size * 0.88 - (pitch - st.size) / 2
        c.drawString(x + st.pad, baseline, ln.rstrip(" "))


def _header(d: Doc, top: float) -> float:
    """The column-label row, labels centred; returns the y of its bottom edge."""
    st = d.style
    c = d.c
    label_lines = [
        wrap(lab, st.font, st.size, w - 2 * st.pad, False) for lab, w in zip(LABELS, st.widths, strict=False)
    ]
    pitch = st.size * st.leading
    n = max(len(ls) for ls in label_lines)
    h = n * pitch + 2 * st.pad
    c.setLineWidth(st.line_width)
    c.setFont(st.font, st.size)
    x = st.margin
    for w, ls in zip(st.widths, label_lines, strict=False):
        _box(c, st, x, top - h, w, h)
        y0 = top - (h - pitch * len(ls)) / 2
        for i, ln in enumerate(ls):
            baseline = y0 - pitch * i - st.size * 0.88 - (pitch - st.size) / 2
            if st.distributed_labels and len(ln.text) > 1:
                # 均等割り付け: the characters spread over the cell's width.
                inner = w - 4 * st.pad
                step = (inner - st.size) / (len(ln.text) - 1)
                for k, ch in enumerate(ln.text):
                    c.drawString(x + 2 * st.pad + k * step, baseline, ch)
            else:
                c.drawCentredString(x + w / 2, baseline, ln.text)
        x += w
    return top - h


def _asdict(st: Style) -> dict:
    return {f: getattr(st, f) for f in st.__slots__}  # type: ignore[attr-defined]


def _page_top(d: Doc, first: bool) -> float:
    st = d.style
    _, h = st.pagesize
    top = h - st.margin
    if first or st.excel:
        d.c.setFont(st.font, 11)
        if first:
            d.c.drawString(st.margin, top - 11, st.title)
            top -= 22
    if first or st.repeat_header:
        top = _header(d, top)
    return top


def render_table(d: Doc, records: list[dict]) -> list[dict]:
    """Draw the table from the current page on; returns the expected (printed) records."""
    st = d.style
    inner = [w - 2 * st.pad for w in st.widths]
    pitch = st.size * st.leading
    cells = [
        [Cell(wrap(t, st.font, st.size, iw, st.kinsoku)) for t, iw in zip(_fields(r), inner, strict=False)]
        for r in records
    ]

    def line_count(row: list[Cell]) -> int:
        n = max([len(cl.lines) for cl in row if cl.rows == 1] + [1])
        return min(n, st.max_lines) if st.max_lines is not None else n

    _, page_h = st.pagesize
    budget = (page_h - 2 * st.margin - 60) * 0.8
    # Merge equal consecutive date / timing / explanation cells (Excel), when the group fits a page.
    if st.merge:
        base = [line_count(row) * pitch + 2 * st.pad for row in cells]
        i = 0
        while i < len(records):
            j = i + 1
            while (
                j < len(records)
                and _fields(records[j])[0] == _fields(records[i])[0]
                and j - i < 3
                and sum(base[i : j + 1]) <= budget
            ):
                j += 1
            if j - i > 1:
                for col in (0, 4, 5):
                    if _fields(records[i])[col] and all(
                        _fields(records[k])[col] == _fields(records[i])[col] for k in range(i, j)
                    ):
                        cells[i][col].rows = j - i
                        for k in range(i + 1, j):
                            cells[k][col] = Cell([], rows=0)
            i = j
    bottom_limit = st.margin + 10
    expected: list[dict] = [dict(r) for r in records]
    top = _page_top(d, True)
    # Row heights (Excel: fixed, capped; a merged group never splits across pages).
    heights = [line_count(row) * pitch + 2 * st.pad for row in cells]
    # Merged cells need their span tall enough for their own lines (up to the cap).
    for i, row in enumerate(cells):
        for cl in row:
            if cl.rows > 1:
                need = len(cl.lines) * pitch + 2 * st.pad
                have = sum(heights[i : i + cl.rows])
                if need > have:
                    heights[i + cl.rows - 1] += need - have
    i = 0
    rows_on_page = 0
    while i < len(records):
        group = max([cl.rows for cl in cells[i]] + [1])
        group_end = i + group
        gh = sum(heights[i:group_end])
        if st.excel:
            if top - gh < bottom_limit and rows_on_page:
                d.new_page()
                top = _page_top(d, False)
                rows_on_page = 0
            for k in range(i, group_end):
                _draw_excel_row(d, cells, heights, k, top, expected)
                expected[k]["page_start"] = expected[k]["page_end"] = d.page
                top -= heights[k]
            rows_on_page += group
            i = group_end
        else:
            top = _draw_word_row(d, cells[i], top, expected[i], bottom_limit)
            i += 1
    d.new_page()
    for k, e in enumerate(expected):
        e["row_index"] = k
        e["item_path"] = [p for p in e["item"].split("\n") if p.strip()]
    return [{k: e.get(k) for k in EXPECTED_KEYS} for e in expected]


def _draw_excel_row(
    d: Doc, cells: list[list[Cell]], heights: list[float], k: int, top: float, expected: list[dict]
) -> None:
    st = d.style
    c = d.c
    pitch = st.size * st.leading
    x = st.margin
    c.setLineWidth(st.line_width)
    for col, (w, cl) in enumerate(zip(st.widths, cells[k], strict=False)):
        if cl.rows == 0:
            x += w
            continue
        h = sum(heights[k : k + cl.rows])
        capacity = int((h - 2 * st.pad + 0.01) // pitch)
        shown = cl.lines[:capacity]
        _box(c, st, x, top - h, w, h)
        if st.clip and len(shown) < len(cl.lines):
            # Every line goes into the file; a clipping path at the cell hides the overflow.
            c.saveState()
            path = c.beginPath()
            path.rect(x, top - h, w, h)
            c.clipPath(path, stroke=0, fill=0)
            _draw_lines(c, [ln.text for ln in cl.lines], x, top, h, st)
            c.restoreState()
        else:
            _draw_lines(c, [ln.text for ln in shown], x, top, h, st)
        text = visible_text(shown) if len(shown) < len(cl.lines) else None
        for r in range(k, k + cl.rows):
            if text is not None:
                expected[r][TEXT_FIELDS[col]] = text
        x += w


def _draw_word_row(d: Doc, row: list[Cell], top: float, exp: dict, bottom_limit: float) -> float:
    """A Word row: grows to its text; what does not fit continues on the next page."""
    st = d.style
    c = d.c
    pitch = st.size * st.leading
    top_style = Style(**{**_asdict(st), "valign": "top"})
    remaining = [list(cl.lines) for cl in row]
    if int((top - bottom_limit - 2 * st.pad) // pitch) < 2:
        d.new_page()
        top = _page_top(d, False)
    exp["page_start"] = d.page
    while True:
        avail = int((top - bottom_limit - 2 * st.pad) // pitch)
        need = max(len(r) for r in remaining) or 1
        n = min(need, avail)
        h = n * pitch + 2 * st.pad
        x = st.margin
        c.setLineWidth(st.line_width)
        for w, lines in zip(st.widths, remaining, strict=False):
            _box(c, st, x, top - h, w, h)
            _draw_lines(c, [ln.text for ln in lines[:n]], x, top, h, top_style)
            x += w
        remaining = [r[n:] for r in remaining]
        top -= h
        exp["page_end"] = d.page
        if not any(remaining):
            return top
        d.new_page()
        top = _page_top(d, False)


# --------------------------------------------------------------------------- documents


def _filler_page(d: Doc, k: int) -> None:
    c = d.c
    st = d.style
    w, h = st.pagesize
    c.setFont("IPAexMincho", 10.5)
    y = h - st.margin - 12
    c.drawString(st.margin, y, f"Ⅱ　特定個人情報ファイルの概要（その{k}）")
    y -= 24
    body = (
        "本評価書は、特定個人情報の取扱いについて、そのリスクを分析し、リスクを軽減するための"
        "適切な措置を講じていることを確認するものである。住民基本台帳ネットワークシステムとの"
        "接続及び中間サーバー・プラットフォームの利用については、別に定める手順による。"
    )
    lines = wrap(body * 3, "IPAexMincho", 10.5, w - 2 * st.margin, True)
    for _i in range(4):
        c.rect(st.margin, y - 150, w - 2 * st.margin, 148)
        yy = y - 14
        for ln in lines[:8]:
            c.drawString(st.margin + 4, yy, ln.text)
            yy -= 16
        y -= 160
        if y < 200:
            break
    d.new_page()


def write_cover(d: Doc, facts: dict) -> None:
    """The cover of the assessment form: a label row 評価書番号 / 評価書名 over their values,
    then labelled boxes with the value below the label."""
    c = d.c
    w, h = d.style.pagesize
    c.setLineWidth(0.5)
    c.setFont("IPAexGothic", 16)
    c.drawCentredString(w / 2, h - 80, "特定個人情報保護評価書（全項目評価書）")
    c.setFont("IPAexGothic", 10.5)
    y = h - 110
    split = 160
    c.rect(60, y - 20, split - 60, 20)
    c.rect(split, y - 20, w - 60 - split, 20)
    c.drawCentredString((60 + split) / 2, y - 14, "評価書番号")
    c.drawCentredString((split + w - 60) / 2, y - 14, "評価書名")
    c.rect(60, y - 50, split - 60, 30)
    c.rect(split, y - 50, w - 60 - split, 30)
    c.drawCentredString((60 + split) / 2, y - 39, facts["number"])
    c.drawString(split + 8, y - 39, facts["name"])
    y -= 70
    boxes = (
        (
            "個人のプライバシー等の権利利益の保護の宣言",
            "当市は、住民基本台帳に関する事務における特定個人情報ファイルの取扱いに当たり、",
        ),
        ("特記事項", "特になし"),
        ("評価実施機関名", facts["agency"]),
        ("個人情報保護委員会　承認日　【行政機関等のみ】", ""),
        ("公表日", facts["published"]),
    )
    for label, value in boxes:
        c.rect(60, y - 50, w - 120, 50)
        c.drawString(70, y - 16, label)
        if value:
            c.drawString(80, y - 38, value)
        y -= 60
    d.new_page()


def write_contents(d: Doc, appendix: str) -> None:
    c = d.c
    w, h = d.style.pagesize
    c.setFont("IPAexGothic", 12)
    c.drawCentredString(w / 2, h - 80, "項目一覧")
    c.setFont("IPAexGothic", 10.5)
    items = [
        "Ⅰ　基本情報",
        "（別添１）事務の内容",
        "Ⅱ　特定個人情報ファイルの概要",
        "Ⅲ　特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "Ⅳ　その他のリスク対策",
        "Ⅴ　開示請求、問合せ",
        "Ⅵ　評価実施手続",
        appendix,
    ]
    y = h - 130
    for it in items:
        c.drawString(80, y, it)
        y -= 22
    d.new_page()


def render_pdf(
    path: Path,
    records: list[dict],
    style: Style,
    *,
    cover: dict | None = None,
    filler: int = 0,
    trailing: int = 0,
    encrypt: str | None = None,
) -> list[dict]:
    register_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=style.pagesize, encrypt=encrypt, pageCompression=1, invariant=1)
    c.setTitle(path.stem)
    d = Doc(c, style)
    if cover:
        write_cover(d, cover)
        write_contents(d, style.title)
        for k in range(filler):
            _filler_page(d, k + 1)
    expected = render_table(d, records)
    for k in range(trailing):
        _filler_page(d, filler + k + 1)
    c.save()
    return expected


# --------------------------------------------------------------------------- cases


def _asciify(records: list[dict]) -> list[dict]:
    """The same rows with full-width letters and digits half-width and a few ASCII phrases."""
    fw = str.maketrans(
        {chr(0xFF10 + i): str(i) for i in range(10)} | {chr(0xFF21 + i): chr(65 + i) for i in range(26)}
    )
    out = []
    for k, r in enumerate(records):
        r = dict(r)
        for f in ("before", "after", "explanation"):
            r[f] = r[f].translate(fw)
        if k % 3 == 0 and r["after"]:
            r["after"] = r["after"] + "\nLGWAN-ASP service (ID and password) ver.2.1"
        out.append(r)
    return out


def _blank(records: list[dict]) -> list[dict]:
    out = []
    for k, r in enumerate(records):
        r = dict(r)
        if k % 3 == 0:
            r["before"] = ""
        elif k % 3 == 1:
            r["after"] = ""
        out.append(r)
    return out


def _share(records: list[dict]) -> list[dict]:
    """Consecutive rows with equal dates / timings / explanations (as tables that merge them)."""
    out = [dict(r) for r in records]
    for k in range(1, len(out), 3):
        out[k]["change_date_raw"] = out[k - 1]["change_date_raw"]
        out[k]["change_date"] = out[k - 1]["change_date"]
        out[k]["explanation"] = out[k - 1]["explanation"]
        out[k]["timing"] = out[k - 1]["timing"]
    return out


LAND = landscape(A4)
EXCEL_WIDTHS = (62, 130, 215, 215, 50, 130)  # 802 - 2*36 = 770 wide


def word_style() -> Style:
    """The Word look of the seed tables: A4 portrait, 8 pt IPAex Mincho, top-aligned rows that
    grow and split, kinsoku, titled （別添3） (make_scans.py scans it too)."""
    return Style(
        "word",
        A4,
        (50, 90, 130, 130, 36, 87),
        font="IPAexMincho",
        size=8,
        excel=False,
        max_lines=None,
        valign="top",
        kinsoku=True,
        title="（別添3）変更箇所",
    )


def cases(truth: list[tuple[str, list[dict]]]) -> dict[str, tuple[list[dict], Style]]:
    out: dict[str, tuple[list[dict], Style]] = {}
    for k, (name, recs) in enumerate(truth):
        # The seed in both styles; each further table in one (alternating), to keep the
        # committed samples small.
        if k == 0 or k % 2 == 1:
            out[f"excel-{name}"] = (
                _share(recs),
                Style("excel", LAND, EXCEL_WIDTHS, size=9, max_lines=28, valign="center", merge=True),
            )
        if k == 0 or k % 2 == 0:
            out[f"word-{name}"] = (recs, word_style())
    name, recs = truth[0]
    out["excel-small-top"] = (
        recs,
        Style("excel", LAND, (56, 150, 200, 200, 44, 120), size=8, max_lines=22, valign="top"),
    )
    out["excel-large-bottom"] = (
        _blank(recs),
        Style("excel", LAND, (70, 120, 220, 220, 56, 124), size=10.5, max_lines=18, valign="bottom"),
    )
    out["word-noheader"] = (
        recs,
        Style(
            "word",
            A4,
            (50, 95, 125, 125, 36, 92),
            size=9,
            excel=False,
            max_lines=None,
            valign="top",
            repeat_header=False,
            kinsoku=True,
        ),
    )
    out["excel-filled-borders"] = (
        _share(recs),
        Style(
            "excel",
            LAND,
            (60, 136, 212, 212, 48, 132),
            size=9.5,
            max_lines=26,
            valign="center",
            merge=True,
            borders="fill",
            repeat_header=False,
            distributed_labels=True,
        ),
    )
    out["excel-clipped-overflow"] = (
        recs,
        Style("excel", LAND, (58, 140, 206, 206, 46, 134), size=9, max_lines=16, valign="top", clip=True),
    )
    out["excel-ascii"] = (
        _asciify(recs),
        Style("excel", LAND, (66, 140, 210, 210, 48, 126), size=9, max_lines=40, valign="center"),
    )
    return out


LONG_FACTS = {
    "number": "123",
    "name": "住民基本台帳に関する事務 全項目評価書",
    "agency": "サンプル市長",
    "published": "令和5年3月31日",
}


def make_long(
    path: Path, pages: int = 80, trailing: int = 0, records: list[dict] | None = None
) -> list[dict]:
    """An assessment of about ``pages`` pages: cover, contents, filler, then the table (and
    ``trailing`` pages of ruled form text after it)."""
    recs = records if records is not None else [r for _, rs in load_truth() for r in rs]
    style = Style(
        "excel", LAND, EXCEL_WIDTHS, size=9, max_lines=28, valign="center", title="（別添3）変更箇所"
    )
    # Render once to learn how many pages the table takes, then fill up to ``pages``.
    render_pdf(path, recs, style, cover=LONG_FACTS, filler=0, trailing=trailing)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    have = len(doc)
    doc.close()
    filler = max(pages - have, 1)
    return render_pdf(path, recs, style, cover=LONG_FACTS, filler=filler, trailing=trailing)


EXTRACTORS = ("pdftotext", "pdftotext-raw", "pdftotext-layout", "pdfminer", "pypdfium2")


# Typographic spaces a ``+web-uni`` copy writes for the spaces, in turn.
WEB_SPACES = ("\u2002", "\u2003", "\u2009", "\u202f", "\u205f", "\u2007")


def web_copy(text: str, kind: str = "") -> str:
    """``text`` as copied from a web viewer of the PDF (set XXV's ``webcopy`` texts, made from
    pypdfium2's text): no form feeds (each a line end), every line end CR LF, and every space
    U+00A0 (``kind`` ""); ``bom``: the same after a UTF-8 BOM; ``uni``: each space one of
    ``WEB_SPACES`` in turn; ``zw``: each space a zero-width space U+200B; ``hint``: NBSP spaces
    and a zero-width space after each 、 and 。 (a viewer's break hints); ``ideo``: each space a
    full-width space U+3000.  Raises KeyError for another ``kind``."""
    text = text.replace("\f", "\n")
    if kind == "uni":
        pieces = text.split(" ")
        text = pieces[0] + "".join(WEB_SPACES[i % len(WEB_SPACES)] + p for i, p in enumerate(pieces[1:]))
    else:
        space = {"": "\u00a0", "bom": "\u00a0", "hint": "\u00a0", "zw": "\u200b", "ideo": "\u3000"}[kind]
        text = text.replace(" ", space)
    if kind == "hint":
        text = text.replace("、", "、\u200b").replace("。", "。\u200b")
    text = text.replace("\n", "\r\n")
    return "\ufeff" + text if kind == "bom" else text


def extract_text(pdf: Path, tool: str) -> str:
    """The text ``tool`` gives of ``pdf``, pages joined by form feeds (str).

    ``TOOL+nl`` is the same text with pages joined by line ends, as most library users write it
    (``"\\n".join(page.extract_text() for page in pdf.pages)``; ``pdftotext -nopgbrk``): no form
    feed marks where a page ends. Session 55's unseen set XVII held such texts, none of ours did.
    ``TOOL+j0``: pages joined with ``""`` (set XX's pypdf texts).
    ``TOOL+web`` (``+web-bom``, ``+web-uni``, ``+web-zw``, ``+web-hint``, ``+web-ideo``): the text
    as a web viewer's copy gives it (``web_copy``).
    """
    if "+web" in tool:
        base, _, kind = tool.partition("+web")
        return web_copy(extract_text(pdf, base), kind.removeprefix("-"))
    if tool.endswith("+nl"):
        return extract_text(pdf, tool.removesuffix("+nl")).replace("\f", "\n")
    if tool.endswith("+nn"):
        # Pages joined by a blank line (a pypdfium2 user's ``"\\n\\n".join(get_text_range() of each
        # page)``, session 61's unseen set, XXIII): no form feed, a blank line where a page ends.
        return extract_text(pdf, tool.removesuffix("+nn")).replace("\f", "\n\n")
    if tool.endswith("+flat"):
        # The text with its line ends lost (copied into one field: each page's lines joined with
        # nothing), pages joined by form feeds (session 61's unseen set, XXIII).
        pages = extract_text(pdf, tool.removesuffix("+flat")).split("\f")
        return "\f".join("".join(page.splitlines()) for page in pages)
    if tool == "pdfminer-nolaparams":
        # pdfminer with no layout analysis (``extract_text_to_fp(..., laparams=None)``, ``pdf2txt.py
        # -n``): the characters in content-stream order, no line ends at all, a form feed after each
        # page: a whole table on one line (session 61's unseen set, XXIII).
        import io

        from pdfminer.high_level import extract_text_to_fp

        out = io.StringIO()
        with open(pdf, "rb") as f:
            extract_text_to_fp(f, out, laparams=None)
        return out.getvalue()
    if tool.endswith("+j0"):
        # Pages joined with nothing between them (``"".join(p.extract_text() for p in pages)``,
        # set XX's pypdf texts): a page's last line runs on into the next page's first.
        return extract_text(pdf, tool.removesuffix("+j0")).replace("\f", "")
    if tool.startswith("pdftotext"):
        flags = {"pdftotext": [], "pdftotext-raw": ["-raw"], "pdftotext-layout": ["-layout"]}[tool]
        return subprocess.run(
            ["pdftotext", *flags, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
        ).stdout.decode("utf-8")
    if tool.startswith("pdfminer"):
        # ``extract_text`` with the default LAParams (``boxes_flow=0.5``), or boxes ordered by
        # position only (``-noflow``: ``boxes_flow=None``) or with horizontal position weighed
        # more (``-flowneg``: ``boxes_flow=-0.5``).
        from pdfminer.high_level import extract_text as pm
        from pdfminer.layout import LAParams

        flow = {"pdfminer": 0.5, "pdfminer-noflow": None, "pdfminer-flowneg": -0.5}[tool]
        return pm(str(pdf), laparams=LAParams(boxes_flow=flow))
    if tool == "pdfplumber-x1":
        # pdfplumber's ``extract_text(x_tolerance=1)`` (set XXI's ``plumbx1`` texts): characters
        # more than a point apart are split by a space, pages joined by form feeds.
        import pdfplumber

        with pdfplumber.open(str(pdf)) as doc:
            return "\f".join(page.extract_text(x_tolerance=1) or "" for page in doc.pages)
    if tool in ("pdfplumber", "pdfplumber-layout"):
        # What a pdfplumber user holds: each page's ``extract_text()`` (default tolerances;
        # ``layout=True`` for the layout-preserving text), pages joined by form feeds.
        import pdfplumber

        layout = tool == "pdfplumber-layout"
        with pdfplumber.open(str(pdf)) as doc:
            return "\f".join(page.extract_text(layout=layout) or "" for page in doc.pages)
    if tool in ("pypdf", "pypdf-layout"):
        # What a pypdf user holds: each page's ``extract_text()`` (default, not layout mode, or
        # ``extraction_mode="layout"``), pages joined by form feeds.
        import pypdf

        mode = "layout" if tool == "pypdf-layout" else "plain"
        return "\f".join(page.extract_text(extraction_mode=mode) for page in pypdf.PdfReader(str(pdf)).pages)
    if tool in ("pymupdf", "pymupdf-sort"):
        # PyMuPDF's ``page.get_text("text")`` (its default), or with ``sort=True`` (blocks sorted
        # top to bottom, left to right), pages joined by form feeds.
        import pymupdf

        sort = tool == "pymupdf-sort"
        with pymupdf.open(str(pdf)) as doc:
            return "\f".join(page.get_text("text", sort=sort) for page in doc)
    if tool == "pymupdf-flags0":
        # PyMuPDF's ``page.get_text("text", flags=0)`` (no ligature, whitespace or image flags:
        # set XXI's users), pages joined by form feeds.
        import pymupdf

        with pymupdf.open(str(pdf)) as doc:
            return "\f".join(page.get_text("text", flags=0) for page in doc)
    if tool == "pymupdf-words":
        # PyMuPDF's ``page.get_text("words")`` made into lines as its users do: words whose tops
        # fall in one 3 pt band, left to right, joined by a space (cells of one printed line side
        # by side, as pdfplumber prints them), pages joined by form feeds.
        import pymupdf

        with pymupdf.open(str(pdf)) as doc:
            return "\f".join(_word_lines(page.get_text("words")) for page in doc)
    if tool == "mutool":
        # MuPDF's command line (``mutool draw -F txt``): its own reading order, a form feed
        # after each page.
        return subprocess.run(
            ["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(pdf)], check=True, capture_output=True
        ).stdout.decode("utf-8")
    if tool == "pymupdf-blocks":
        # PyMuPDF's ``page.get_text("blocks")``: each block's text (its lines, each ending in a
        # line break) in the order PyMuPDF gives, a blank line between blocks, pages joined by
        # form feeds.
        import pymupdf

        with pymupdf.open(str(pdf)) as doc:
            return "\f".join("\n".join(b[4] for b in page.get_text("blocks") if b[6] == 0) for page in doc)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        parts = []
        for page in doc:
            tp = page.get_textpage()
            parts.append(tp.get_text_range())
            tp.close()
            page.close()
        return "\f".join(parts)
    finally:
        doc.close()


def _word_lines(words: list[tuple]) -> str:
    """PyMuPDF words ``(x0, y0, x1, y1, text, block, line, word)`` as text lines: grouped by
    their top in 3 pt bands, each band's words left to right joined by one space."""
    lines: dict[int, list[tuple[float, str]]] = {}
    for w in words:
        lines.setdefault(round(w[1] / 3), []).append((w[0], w[4]))
    return "\n".join(" ".join(t for _, t in sorted(ws)) for _, ws in sorted(lines.items()))


def write_json(path: Path, data: Iterable) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(list(data), ensure_ascii=False, indent=1) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--long", type=Path, help="write only an 80-page assessment PDF here")
    ap.add_argument("--pages", type=int, default=80)
    ap.add_argument("--no-extractors", action="store_true")
    ns = ap.parse_args(argv)
    if ns.long:
        exp = make_long(ns.long, ns.pages)
        write_json(ns.long.with_suffix(".expected.json"), exp)
        return 0
    truth = load_truth()
    pdf_root = SAMPLES / "pdf"
    ext_root = SAMPLES / "extractors"
    made = cases(truth)
    # Cases no longer made (a table renamed or dropped) go.
    keep = {*made, "chromium-seed", *(f"chromium-{n}-middle" for n, _ in truth[2:3])}
    for root, names in ((pdf_root, keep), (ext_root, {f"{c}-{t}" for c in keep for t in EXTRACTORS})):
        for folder in root.iterdir() if root.exists() else []:
            if folder.is_dir() and folder.name not in names:
                shutil.rmtree(folder)
    jobs: list[tuple[str, list[dict], Style | None]] = [(c, r, st) for c, (r, st) in made.items()]
    html_cases = {"chromium-seed": (truth[0][1], GOTHIC, 9.0, "top")}
    if len(truth) > 2:
        html_cases[f"chromium-{truth[2][0]}-middle"] = (truth[2][1], MINCHO, 8.5, "middle")
    if chromium_binary():
        jobs += [(case, v[0], None) for case, v in html_cases.items()]
    for case, recs, style in jobs:
        target = pdf_root / case / "input.pdf"
        if style is None:
            _, font, size, valign = html_cases[case]
            expected = render_html_pdf(target, recs, font, size, valign)
        else:
            expected = render_pdf(target, recs, style)
        write_json(pdf_root / case / "expected" / "records.json", expected)
        if ns.no_extractors:
            continue
        for tool in EXTRACTORS:
            folder = ext_root / f"{case}-{tool}"
            if folder.exists():
                shutil.rmtree(folder)
            (folder / "expected").mkdir(parents=True)
            (folder / "input.txt").write_text(extract_text(target, tool), "utf-8")
            write_json(folder / "expected" / "records.json", expected)
        print(f"{case}: {len(expected)} rows", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- another producer

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def chromium_binary() -> str | None:
    return next((b for b in map(shutil.which, CHROMIUM) if b), None)


def render_html_pdf(
    path: Path, records: list[dict], font: str = GOTHIC, size: float = 9.0, valign: str = "top"
) -> list[dict]:
    """The table as an HTML page printed to PDF by headless Chromium (Skia): a producer with its
    own line breaking, kinsoku and glyph spacing.  Rows do not split across pages; the label
    row repeats.  Returns the expected records (the text is never clipped; pages from where
    each row's text landed)."""
    import html

    binary = chromium_binary()
    if binary is None:
        raise RuntimeError("chromium is not installed")
    rows = []
    for r in records:
        cells = [str(r.get(f) or "") for f in TEXT_FIELDS]
        rows.append(
            "<tr>" + "".join(f"<td>{html.escape(c).replace(chr(10), '<br>')}</td>" for c in cells) + "</tr>"
        )
    head = "".join(f"<th>{lab}</th>" for lab in LABELS)
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: T; src: url(file://{font}); }}
@page {{ size: A4 landscape; margin: 12mm; }}
body {{ font-family: T; font-size: {size}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td, th {{ border: 0.5pt solid #000; vertical-align: {valign}; padding: 2pt; line-break: strict; }}
th {{ font-weight: normal; }}
tr {{ break-inside: avoid; }}
</style></head><body><p>（別添２）変更箇所</p><table>
<colgroup><col style="width:8%"><col style="width:17%"><col style="width:28%"><col style="width:28%">
<col style="width:6%"><col style="width:13%"></colgroup>
<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></body></html>"""
    print_html(doc, path, binary)
    return _expected_with_pages(path, records)


def print_html(doc: str, pdf: Path, binary: str, timeout: int = 180) -> None:
    """The HTML page ``doc`` printed to ``pdf`` by headless Chromium ``binary`` (no header or
    footer line); raises CalledProcessError / TimeoutExpired as subprocess.run does."""
    import tempfile

    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "table.html"
        page.write_text(doc, "utf-8")
        subprocess.run(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )


def _expected_with_pages(path: Path, records: list[dict]) -> list[dict]:
    """The records with row_index, item_path and the pages their text was printed on."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            texts.append(re.sub(r"\s+", "", tp.get_text_range()))
            tp.close()
            page.close()
    finally:
        doc.close()
    out = []
    at = 0
    for k, r in enumerate(records):
        e = dict(r)
        keys = [
            re.sub(r"\s+", "", str(r.get(f) or ""))[:16] for f in ("before", "after", "explanation", "item")
        ]
        key = next((x for x in keys if len(x) >= 4), "")
        while at < len(texts) - 1 and key not in texts[at]:
            at += 1
        e["row_index"] = k
        e["page_start"] = e["page_end"] = at + 1
        e["item_path"] = [p for p in e["item"].split("\n") if p.strip()]
        out.append({f: e.get(f) for f in EXPECTED_KEYS})
    return out


# --------------------------------------------------------------------------- damaged text layers

KANGXI = {"目": "\u2f6c", "日": "\u2f47", "月": "\u2f49", "人": "\u2f08"}


def kangxi(records: list[dict]) -> list[dict]:
    """The rows with 目 日 月 人 printed from Kangxi radical code points (as some PDF makers do)."""
    table = str.maketrans(KANGXI)
    out = []
    for r in records:
        r = dict(r)
        for f in ("item", "before", "after", "explanation"):
            r[f] = r[f].translate(table)
        out.append(r)
    return out


def strip_tounicode(src: Path, dst: Path) -> None:
    """A copy whose fonts lost their ToUnicode maps: the text layer holds glyph ids only
    (pdfminer prints them as (cid:NN)).  The key is renamed in place so offsets stay valid."""
    dst.write_bytes(src.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"))


if __name__ == "__main__":
    sys.exit(main())
