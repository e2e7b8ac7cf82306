"""Tables with a seventh column after 説明 that holds a reason, a legal basis or a remark
(変更理由 / 根拠 / 備考 …), printed by LibreOffice Writer (.docx, landscape and portrait, footnotes
under the table) and Calc (.xlsx, portrait), with their flattened texts (branch reason65).

    python tools/make_reason65_samples.py                         # both sets
    python tools/make_reason65_samples.py --set reason65          # or heldout-reason65

Set XXVI's Writer table with a 変更理由 column and ※ footnotes and its portrait Calc table with a
根拠 column were read right from their PDFs, and in every flattened text (pypdfium2, pdftotext
-raw / plain / -layout, pdfminer, pdfplumber, pypdf, PyMuPDF) the extra column's text was glued
into the explanation at confidence 0.93 with no flag (120 rows).  Each case here is a run of
consecutive rows of the set's pool (long enough to cross a page break) with the six fields and
one extra column after 説明 (``reason``: a sentence or two ending as a reason does, ``…のため``;
``basis``: an article of law, ``番号法第19条第8号``; ``remark``: a remark, some empty), the
paper landscape or portrait, and for Writer two ※ notes under the table.  The truth
(``expected/records.json``) is the six fields as written: the extra column is no field.
``reason65`` (tuning) draws from the tuning tables, labels and words; ``heldout-reason65``
(measure only, never tune on it) from the held-out tables, with labels (理由, 根拠法令, 改正理由,
特記事項 …), words, widths and seeds of its own.  The machinery is ``make_extracols62_samples``'s.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_chromium54_samples import _page_texts
from make_office_samples import EXPECTED_KEYS, SetCase, convert, locate, made_sets_main, squash, stream_text

SETS = {"reason65": False, "heldout-reason65": True}
TEXTS = (*x62.TEXTS, "pymupdf")
PROGRAMS = {"calc": "LibreOffice Calc", "writer": "LibreOffice Writer"}
ROWS = (9, 13)
# The longest cell (characters) a portrait Calc row may hold and fit its page.
CALC_PORTRAIT_CHARS = 160
# name: (maker, column kind, orientation, footnotes under the table)
TUNING_CASES = {
    "writer-reason-land": ("writer", "reason", "landscape", True),
    "writer-basis-port": ("writer", "basis", "portrait", True),
    "calc-basis-port": ("calc", "basis", "portrait", False),
    "calc-reason-land": ("calc", "reason", "landscape", False),
    "writer-remark-port": ("writer", "remark", "portrait", False),
}
HELDOUT_CASES = {
    "writer-reason-port": ("writer", "reason", "portrait", True),
    "calc-basis-port": ("calc", "basis", "portrait", False),
    "writer-basis-land": ("writer", "basis", "landscape", True),
    "calc-reason-port": ("calc", "reason", "portrait", False),
    "writer-remark-land": ("writer", "remark", "landscape", True),
}
TUNING_LABELS = {"reason": ("変更理由",), "basis": ("根拠",), "remark": ("備考",)}
HELDOUT_LABELS = {
    "reason": ("理由", "改正理由", "変更の理由"),
    "basis": ("根拠法令", "根拠条文"),
    "remark": ("特記事項",),
}
TUNING_WORDS = {
    "reason": (
        "番号法の改正に伴い条項がずれたため",
        "組織改編により担当部署の名称が変更となったため",
        "記載誤りがあったため訂正する",
        "システム更改に伴い委託先が変更となったため",
    ),
    "basis": (
        "番号法第19条第8号",
        "住民基本台帳法第30条の9",
        "個人情報保護法第69条第2項",
        "市個人情報保護条例第5条",
    ),
    "remark": (
        "令和5年度第2回個人情報保護審議会にて報告済み",
        "要確認",
        "第三者点検の対象外",
    ),
}
HELDOUT_WORDS = {
    "reason": (
        "関係法令の改正により対象事務が追加されたことによる",
        "実態に合わせて記載を見直したため",
        "所管課の再編に伴うもの",
        "国の通知（令和6年3月）を受けて修正",
    ),
    "basis": (
        "行政手続における特定の個人を識別するための番号の利用等に関する法律第9条第1項",
        "地方税法第294条第3項",
        "番号法別表第二の27の項",
        "国民健康保険法第113条の2",
    ),
    "remark": ("審議会報告予定（次回開催時）", "別紙参照", "所管課にて確認済み"),
}
EMPTY_SHARE = {"reason": 0.1, "basis": 0.15, "remark": 0.35}
TUNING_SHARES = {"reason": 0.15, "basis": 0.12, "remark": 0.11}
HELDOUT_SHARES = {"reason": 0.18, "basis": 0.14, "remark": 0.10}
FOOTNOTES = (
    (
        "※1 変更日は、評価書の記載を変更した日を示す。",
        "※2 提出時期の「事後」は、変更後速やかに提出したものである。",
    ),
    ("※ 変更日欄には決裁日を記載している。", "※ 説明欄の「重要な変更」は、規則第15条に該当するものをいう。"),
)


def _look(name: str, heldout: bool) -> dict:
    cases = HELDOUT_CASES if heldout else TUNING_CASES
    maker, col, orientation, notes = cases[name.split("-", 1)[1]]
    rng = random.Random(f"piatable-reason65{'-heldout' if heldout else ''}-{name}")
    rows = _rows(rng, heldout, ROWS)
    if maker == "calc" and orientation == "portrait":
        # Calc clips a row taller than its page (no row splits): the longest cells left out.
        rows = [r for r in rows if max(len(str(r[k])) for k in x62.FIELDS) <= CALC_PORTRAIT_CHARS]
    words = (HELDOUT_WORDS if heldout else TUNING_WORDS)[col]
    values = tuple(
        "" if rng.random() < EMPTY_SHARE[col] else (words[0] if rng.random() < 0.4 else rng.choice(words[1:]))
        for _ in rows
    )
    label = rng.choice((HELDOUT_LABELS if heldout else TUNING_LABELS)[col])
    return {
        "maker": maker,
        "shape": col,
        "columns": (0, 1, 2, 3, 4, 5, col),
        "extras": {col: {"label": label, "values": values}},
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice(x62.HELDOUT_SIZES if heldout else x62.TUNING_SIZES),
        "paper": "A4",
        "orientation": orientation,
        "footnotes": FOOTNOTES[1 if heldout else 0] if notes else (),
        "valign": rng.choice(("top", "center")),
    }


def _portrait_xlsx(path: Path, look: dict) -> None:
    """The 62 generator's sheet, turned to ``look``'s orientation, its ※ notes under the table."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    x62.write_xlsx(path, look)
    wb = load_workbook(path)
    ws = wb.active
    if look["orientation"] == "portrait":
        ws.page_setup.orientation = "portrait"
        scale = 18.0 / x62.PAGE_CM["A4"]
        for j in range(1, len(look["columns"]) + 1):
            dim = ws.column_dimensions[get_column_letter(j)]
            dim.width = round(dim.width * scale, 1)
    for k, note in enumerate(look["footnotes"]):
        ws.cell(ws.max_row + 2 if k == 0 else ws.max_row + 1, 1, note)
    wb.save(path)


def _portrait_docx(path: Path, look: dict) -> None:
    """The 62 generator's document, turned to ``look``'s orientation, its ※ notes under the table."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    x62.write_docx(path, look)
    doc = Document(str(path))
    if look["orientation"] == "portrait":
        sec = doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        table = doc.tables[0]
        for j, s in enumerate(x62._shares(look)):
            w = Cm(round(s * 18.0, 2))
            table.columns[j].width = w
            for cell in table.columns[j].cells:
                cell.width = w
    for note in look["footnotes"]:
        doc.add_paragraph(note)
    doc.save(str(path))


def _pdf(name: str, look: dict, work: Path) -> Path:
    """The case's PDF (LibreOffice), checked to print every field whole (as x62's, a cell split
    by a page break in at most three pieces)."""
    src = work / f"{name}.{'docx' if look['maker'] == 'writer' else 'xlsx'}"
    (_portrait_docx if look["maker"] == "writer" else _portrait_xlsx)(src, look)
    convert([src], work)
    pdf = work / f"{name}.pdf"
    whole = squash("".join(stream_text(pdf)))
    # A cell a page break splits prints in pieces (``locate``): rows cross page breaks here.
    missing = [
        f"row {i} {key}"
        for i, r in enumerate(look["rows"])
        for key in x62.FIELDS
        if str(r[key]).strip() and locate(squash(str(r[key])), whole) is None
    ]
    if missing:
        raise SystemExit(f"{name}: not printed whole: {missing[:3]}")
    return pdf


def _names(heldout: bool) -> list[str]:
    prefix = "hr65" if heldout else "r65"
    return [f"{prefix}-{c}" for c in (HELDOUT_CASES if heldout else TUNING_CASES)]


README = """# {name}: a seventh column after 説明 (変更理由 / 根拠 / 備考 …; branch reason65)

Tables with one column beyond the six, after 説明: a reason (変更理由 / 理由 / 改正理由 …, a
sentence ending ``…のため``), a legal basis (根拠 / 根拠法令 / 根拠条文, ``番号法第19条第8号``) or
a remark (備考 / 特記事項), printed by LibreOffice Writer (`*-writer-*`, a .docx, landscape or
portrait, ※ notes under the table) and Calc (`*-calc-*`, an .xlsx, portrait or landscape), each
long enough to cross a page break, as set XXVI's Writer table with a 変更理由 column and its
portrait Calc table with a 根拠 column print theirs.  The extra column is no field: the truth
(`expected/records.json`) is the six fields as written.  Each case is the PDF and 8 texts
(`<case>-<extractor>`: pypdfium2, pdftotext -raw / plain / -layout, pdfminer, pdfplumber, pypdf,
PyMuPDF); the columns of each case in `cases.json`.

`samples/reason65` (tuning): 変更理由 / 根拠 / 備考, the tuning tables and words.
`samples/heldout-reason65` (held out: measure on it, never tune on it): 理由 / 改正理由 / 変更の理由,
根拠法令 / 根拠条文, 特記事項, the held-out tables, words, widths and seeds.

    python tools/make_reason65_samples.py
    python tools/eval_office.py samples/reason65 samples/heldout-reason65 --total
"""


def _expected(pdf: Path, rows: list[dict]) -> list[dict]:
    """The truth with pages, as ``make_chromium54_samples._expected`` gives it, but a cell's
    opening and tail found in up to three pieces (``locate``): a row split by a page break prints
    the repeated label row inside its cells."""
    pages = _page_texts(pdf)
    whole = "".join(pages)
    starts = [sum(len(p) for p in pages[:k]) for k in range(len(pages))]

    def page_of(pos: int) -> int:
        return max(k for k, s in enumerate(starts) if s <= pos) + 1

    out, cursor = [], 0
    for k, r in enumerate(rows):
        cells = [squash(r[f]) for f in ("item", "before", "after", "explanation") if r[f].strip()]
        at = locate(cells[0][:12], whole, cursor)
        if at is None:
            raise ValueError(f"{pdf.name} row {k}: {cells[0][:12]!r} not printed")
        tail = locate(max(cells, key=len)[-12:], whole, at[0])
        e = {**r, "row_index": k, "page_start": page_of(at[0])}
        e["page_end"] = max(page_of(tail[1]), e["page_start"]) if tail else e["page_start"]
        e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
        out.append({f: e.get(f) for f in EXPECTED_KEYS})
        cursor = at[0]
    return out


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    x62.EXTRA_SHARES.update(HELDOUT_SHARES if heldout else TUNING_SHARES)
    for name in _names(heldout):
        look = _look(name, heldout)
        pdf = _pdf(name, look, work)
        settings = {"program": PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, _expected(pdf, look["rows"]), settings


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
