"""Calc and Writer tables with a 提出時期 printed in vertical text, items numbered ⑴ and cells opening
(ア)(イ), periods in cells, one-kanji era dates and the column order 項目｜前｜後｜日｜時期｜説明, with
their PDFs and row-ordered texts (branch roworder72).

    python tools/make_roworder72_samples.py                              # both sets
    python tools/make_roworder72_samples.py --set office-roworder72       # or heldout-roworder72

Set XXXIII's row-ordered texts (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF, pdf.js) read a Calc
table whose 提出時期 cells are vertical (``Alignment(textRotation=255)``: 事 over 前) and whose
説明 cells shrink to fit one line to no row right (n09); paired a PyMuPDF text's before / after
with the wrong rows (n10: items ending ``⑴保管場所``, cells opening ``(ア)``); read
``平30.8.13`` / ``令6.8.9`` dates to no row (w03); and moved a period's ``…まで`` line between
cells (w05).  Each case is a table of 6–9 rows of the pool (``make_bikou55_samples._rows``) with
its own mix of those kinds: ``vertical`` (Calc: text rotation 255, labels 変更日 / 提出時期 turned
90°, 説明 shrunk to one line in some; Writer: the cells' text direction ``tbRl``), ``paren``
(two rows' items end in ⑴ and their cells open (ア) / (イ)), ``period`` (two rows' before
and after are periods ``…から`` / ``…まで``), ``era`` (dates ``平30.8.13``), ``order`` (the
columns 項目｜変更前｜変更後｜変更日｜提出時期｜説明).  The truth (``expected/records.json``) is the six
fields as written.  ``office-roworder72`` (tuning) and ``heldout-roworder72`` (measure only,
never tune on it) draw tables, kinds, date styles, fonts and sizes from their own pools.
"""

from __future__ import annotations

import random
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracol67_samples as x67
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import made_sets_main

SETS = {"office-roworder72": False, "heldout-roworder72": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf")
PROGRAMS = x67.PROGRAMS
ROWS = (6, 9)
TUNING_CASES, HELDOUT_CASES = 10, 6
KINDS = ("vertical", "paren", "period", "era", "order")
# Kinds each case draws: ``vertical`` in every Calc case (the kind set XXXIII read worst) and in
# this share of the Writer ones.
VERTICAL_SHARE = 0.6
OTHER_KINDS = 2
SHRINK_SHARE = 0.7
# Items ending ⑴ only: LibreOffice draws ⑴⑵⑶ in a fallback font whose text reads every one of them
# as one code point (⑴ in pypdfium2, ⑵ in pdfminer: set XXXIII n10), which no reader can undo.
PAREN_ITEMS = (
    ("Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n⑴保管場所", "⑴消去方法"),
    ("Ⅰ基本情報\n５．評価実施機関における担当部署\n⑴部署", "⑴所属長の役職名"),
    ("Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑴入手元", "⑴使用目的"),
)
TUNING_PAREN_CELLS = (
    (
        "(ア)紙による申請書の受付\n(イ)窓口での聞取り",
        "(ア)紙又は電子申請による申請書の受付\n(イ)窓口での聞取り",
    ),
    ("(ア)公営住宅管理システムの運用保守", "(ア)公営住宅管理システムの運用保守\n(イ)家賃収納データの作成"),
    ("(ア)生活福祉課長", "(ア)福祉総務課長"),
)
HELDOUT_PAREN_CELLS = (
    ("(ア)庁舎内のサーバ室\n(イ)書庫", "(ア)ガバメントクラウド\n(イ)書庫"),
    ("(ア)就学援助システムの保守", "(ア)就学援助システムの保守及び運用\n(イ)帳票の印刷"),
    ("(ア)健康推進課", "（削除）"),
)
PERIOD_ITEM = "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間"
TUNING_PERIODS = (
    ("令和2年7月1日から\n令和2年7月30日まで", "令和3年4月1日～令和6年3月31日"),
    ("平成30年12月1日から\n平成30年12月31日まで", "（令和6年8月5日～9月4日）"),
)
HELDOUT_PERIODS = (
    ("令和4年1月11日から\n令和4年2月9日まで", "令和5年10月2日～令和5年10月31日"),
    ("平成31年2月4日から\n平成31年3月5日まで", "（令和7年1月10日～2月8日）"),
)
TUNING_SIZES, HELDOUT_SIZES = (8.0, 9.0, 10.0), (8.5, 9.5)


def _names(heldout: bool) -> list[str]:
    n = HELDOUT_CASES if heldout else TUNING_CASES
    prefix = "hro72" if heldout else "ro72"
    return [f"{prefix}-{('calc', 'writer')[k % 2]}-{k + 1}" for k in range(n)]


def _kanji_era(iso: str) -> str:
    """``平30.8.13`` / ``令6.8.9``: the era's first kanji, the year, month and day (set XXXIII w03)."""
    y, m, d = (int(x) for x in iso.split("-"))
    era, year = ("令", y - 2018) if (y, m) >= (2019, 5) else ("平", y - 1988)
    return f"{era}{year}.{m}.{d}"


def _kinds(rng: random.Random, maker: str) -> list[str]:
    kinds = ["vertical"] if maker == "calc" or rng.random() < VERTICAL_SHARE else []
    rest = [k for k in KINDS if k != "vertical"]
    return kinds + rng.sample(rest, OTHER_KINDS + (0 if kinds else 1))


def _with_kinds(rows: list[dict], kinds: list[str], rng: random.Random, heldout: bool) -> list[dict]:
    rows = [dict(r) for r in rows]
    if "era" in kinds:
        for r in rows:
            r["change_date_raw"] = _kanji_era(r["change_date"])
    at = rng.sample(range(len(rows)), min(len(rows), 4))
    if "paren" in kinds:
        cells = HELDOUT_PAREN_CELLS if heldout else TUNING_PAREN_CELLS
        for k, (item, cell) in zip(
            at[:2], zip(rng.sample(PAREN_ITEMS, 2), rng.sample(cells, 2), strict=True), strict=False
        ):
            head, tail = item
            rows[k].update(
                item=rng.choice((head, head.rsplit("\n", 1)[0] + "\n" + tail)), before=cell[0], after=cell[1]
            )
    if "period" in kinds:
        periods = HELDOUT_PERIODS if heldout else TUNING_PERIODS
        for k, (a, b) in zip(at[2:], periods, strict=False):
            rows[k].update(item=PERIOD_ITEM, before=a, after=b)
    return rows


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-roworder72-{name}")
    maker = name.split("-")[1]
    kinds = _kinds(rng, maker)
    rows = [r for r in _rows(rng, heldout, ROWS) if max(len(r[f]) for f in ("before", "after")) <= 200]
    rows = _with_kinds(rows, kinds, rng, heldout)
    shrink = "vertical" in kinds and maker == "calc" and rng.random() < SHRINK_SHARE
    if shrink:
        rows = [{**r, "explanation": r["explanation"].replace("\n", "　")} for r in rows]
    return {
        "maker": maker,
        "kinds": kinds,
        "columns": (1, 2, 3, 0, 4, 5) if "order" in kinds else (0, 1, 2, 3, 4, 5),
        "two_rows": False,
        "extras": {},
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
        "vertical": "vertical" in kinds,
        "shrink": shrink,
    }


def _xlsx(path: Path, look: dict) -> None:
    """``make_extracol67``'s sheet; with ``vertical`` the 提出時期 cells stacked (rotation 255), the
    labels 変更日 / 提出時期 turned 90°, and with ``shrink`` the 説明 cells shrunk to one line."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment

    x67.write_xlsx(path, look)
    if not look["vertical"]:
        return
    wb = load_workbook(path)
    ws = wb.active
    cols = list(look["columns"])
    timing, date, reason = cols.index(4) + 1, cols.index(0) + 1, cols.index(5) + 1
    for j in (timing, date):
        ws.cell(2, j).alignment = Alignment(horizontal="center", vertical="center", textRotation=90)
    for i, r in enumerate(look["rows"]):
        ws.cell(3 + i, timing).alignment = Alignment(horizontal="center", vertical="center", textRotation=255)
        if look["shrink"]:
            c = ws.cell(3 + i, reason)
            c.value = r["explanation"] or None
            c.alignment = Alignment(horizontal="left", vertical="center", shrink_to_fit=True, wrap_text=False)
    wb.save(path)


def _docx(path: Path, look: dict) -> None:
    """``make_extracol67``'s document; with ``vertical`` the 提出時期 cells (and its label) set in
    vertical text (``w:textDirection tbRl``, Word's 縦書き)."""
    from docx import Document
    from docx.oxml.ns import qn

    x67.write_docx(path, look)
    if not look["vertical"]:
        return
    doc = Document(path)
    j = list(look["columns"]).index(4)
    for row in doc.tables[0].rows:
        tcpr = row.cells[j]._tc.get_or_add_tcPr()
        tcpr.append(tcpr.makeelement(qn("w:textDirection"), {qn("w:val"): "tbRl"}))
    doc.save(path)


def _pdf(name: str, look: dict, work: Path) -> Path:
    return x67.printed_pdf(name, look, work, _xlsx, _docx)


def _cases(work: Path, heldout: bool):
    """``make_extracols62.made_cases``-shaped cases: name, PDF, truth and settings."""
    for name in _names(heldout):
        look = _look(name, heldout)
        pdf = _pdf(name, look, work)
        truth = chromium_expected(pdf, look["rows"])
        settings = {"program": PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, truth, settings


README = """# {name}: vertical 提出時期, ⑴ / (ア) items and cells, periods, one-kanji eras (roworder72)

Tables printed by LibreOffice Calc (`*-calc-*`) and Writer (`*-writer-*`), each with a mix of the
kinds set XXXIII read worst in row-ordered text (`kinds` in `cases.json`): `vertical` (the 提出時期
cells in vertical text: Calc rotation 255 with 変更日 / 提出時期 labels turned 90° and, where
`shrink`, 説明 shrunk to one line; Writer text direction tbRl), `paren` (items ending ⑴, cells
opening (ア) / (イ)), `period` (`令和2年7月1日から` / `令和2年7月30日まで`, `…～…`), `era`
(`平30.8.13`), `order` (項目｜変更前｜変更後｜変更日｜提出時期｜説明).  The truth
(`expected/records.json`) is the six fields as written.  Each case is the PDF and its row-ordered
texts (pypdfium2, `pdftotext -raw`, pypdf, PyMuPDF).

`samples/office-roworder72` (tuning); `samples/heldout-roworder72` (held out: measure on it,
never tune on it): other tables, cells, periods, fonts and sizes.

    python tools/make_roworder72_samples.py
    python tools/eval_office.py samples/office-roworder72 samples/heldout-roworder72 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default), each case's PDF by LibreOffice and
    its texts (``TEXTS``); 0."""
    return made_sets_main(argv, __doc__, SETS, partial(_cases), TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
