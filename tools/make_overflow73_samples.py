"""Amendment tables whose one-line cells print past their rulings (Calc, wrap off) and Word tables
holding tables nested in their 変更前 / 変更後 cells (branch overflow73).

    python tools/make_overflow73_samples.py                            # both sets
    python tools/make_overflow73_samples.py --set office-overflow73    # or heldout-overflow73
    python tools/make_overflow73_samples.py --score [--set NAME]       # read them and score

Set XXXIV's n09 printed 説明 cells with wrap off at a 60 % print scale: each one line ran on past
the table's right border into empty, unruled columns of the print area, and the PDF read them cut
at the rule, unwarned.  Its n08 nested one-column boxed tables in both 変更前 and 変更後 of a Word
row: both were read into 変更前.  Here:

* ``calc`` cases (openpyxl → LibreOffice Calc): print scale ``scale`` %, and per case the cells
  whose wrap is off: ``explanation`` past the table's right border (print area wider than the
  table), ``item`` over an empty 変更前 beside it, ``after`` right-aligned over an empty 変更前
  (left overflow), ``timing`` (a long 提出時期 text over an empty explanation);
* ``writer`` cases (python-docx → LibreOffice Writer): nested tables of 1–3 columns, bordered or
  not, in 変更前 only, 変更後 only or both.

The truth is the cells' text (a nested table's rows one line each, its cells' texts joined).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import convert, docx_page

ROOT = Path(__file__).resolve().parent.parent
SETS = ("office-overflow73", "heldout-overflow73")
LABELS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
INFO_FLAGS = {"ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy"}

ITEMS = (
    "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲",
    "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
    "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n①入手元",
    "Ⅲリスク対策\n７．特定個人情報の保管・消去\n①保管場所",
    "Ⅰ基本情報\n５．個人番号の利用\n法令上の根拠",
    "Ⅳその他のリスク対策\n１．監査\n②監査",
    "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転\n提供先１",
)
LONG_ITEMS = (
    "Ⅱ特定個人情報ファイルの概要　３．特定個人情報の入手・使用　⑤本人への明示",
    "Ⅰ基本情報　７．評価実施機関における担当部署　②所属長の役職名",
    "Ⅲリスク対策　４．特定個人情報ファイルの取扱いの委託　委託先による取扱い",
)
BEFORES = (
    "身体障害者手帳の交付を申請した者",
    "健康管理システム（予防接種台帳）",
    "総務課　情報公開係",
    "番号法第９条第１項　別表第一第９４項",
    "委託先において、個人情報の取扱いを定期的に確認する。",
    "10万人以上30万人未満",
)
AFTERS = (
    "身体障害者手帳、療育手帳又は精神障害者保健福祉手帳の交付を申請した者及びその保護者",
    "健康管理システム（予防接種台帳・ワクチン接種記録システム連携）",
    "総務部　行政管理課",
    "番号法第９条第１項　別表第一第９４項及び第９５項",
    "委託先において、個人情報の取扱いを四半期ごとに確認し、結果を報告させる。",
    "30万人以上",
)
EXPLAINS = (
    "児童手当法の一部改正（令和６年１０月施行）に伴う修正",
    "組織改編に伴う担当部署名の変更重要な変更には当たらない",
    "システム改修に伴う記載の追加（重要な変更に当たらない）",
    "法改正に伴う条項ずれの修正であり、重要な変更には当たらない",
    "対象人数の増加（令和５年４月１日時点の住民基本台帳人口による）",
)
SHORT_EXPLAINS = ("記載の修正", "誤記の訂正", "組織改編", "法改正")
LONG_TIMINGS = ("事後（重要な変更に当たらないため）", "事前（しきい値判断の結果に変更なし）")
NESTED = (
    ("［○］特定個人情報ファイルの全体", "［　］特定個人情報ファイルの一部"),
    ("［○］基礎項目評価書", "［　］重点項目評価書", "［　］全項目評価書"),
    ("千鳥浦市役所　総務課", "〒８１２－３４５６　千鳥浦市中央一丁目１番地"),
    ("予防接種予診票の集計及びデータ化業務", "上記を新規追加"),
)
NESTED_COLS = (("［○］", "電子記録媒体"), ("［　］", "紙"), ("［○］", "その他（クラウド）"))
NESTED3 = (("１", "住民基本台帳", "月次"), ("２", "地方税関係", "随時"), ("３", "児童手当", "年次"))

# name -> parameters.  calc: (scale, wrap-off kinds, rows, landscape); writer: (where, columns,
# bordered, rows).
TUNING = {
    "ov73-calc-expl60": ("calc", 60, ("explanation",), 9, True),
    "ov73-calc-expl78": ("calc", 78, ("explanation",), 8, True),
    "ov73-calc-item70": ("calc", 70, ("item",), 8, True),
    "ov73-calc-left100": ("calc", 100, ("after_left",), 7, True),
    "ov73-calc-mix75": ("calc", 75, ("explanation", "item", "timing"), 10, True),
    "ov73-calc-port65": ("calc", 65, ("explanation", "after_left"), 8, False),
    "ov73-writer-both1": ("writer", "both", 1, True, 8),
    "ov73-writer-after2": ("writer", "after", 2, True, 7),
    "ov73-writer-before3n": ("writer", "before", 3, False, 7),
}
HELDOUT = {
    "hov73-calc-expl65": ("calc", 65, ("explanation",), 10, True),
    "hov73-calc-mix80": ("calc", 80, ("explanation", "after_left"), 9, True),
    "hov73-calc-item100": ("calc", 100, ("item", "timing"), 8, True),
    "hov73-calc-port60": ("calc", 60, ("timing", "explanation", "item"), 9, False),
    "hov73-writer-both2": ("writer", "both", 2, False, 8),
    "hov73-writer-both1n": ("writer", "both", 1, False, 9),
    "hov73-writer-before1": ("writer", "before", 1, True, 7),
}
# The printable width of an A4 page (Calc's default margins of 0.75 in), in points, and the table's
# column widths (Calc's character units: 7 pt each at 100 %, measured) by orientation.
PRINTABLE_PT = {True: 734.0, False: 487.0}
WIDTHS = {True: (10, 20, 26, 26, 7, 14), False: (8, 16, 20, 20, 6, 12)}


def _points(width: float) -> float:
    return 7.0 * width


def _key(field: str) -> str:
    return "change_date_raw" if field == "change_date" else field


def _rows(rng: random.Random, n: int) -> list[dict]:
    """``n`` truth rows: dated in groups, each cell's text from the pools."""
    out = []
    year, month, day = 2019 + rng.randrange(5), 1 + rng.randrange(12), 1 + rng.randrange(28)
    for i in range(n):
        if i and rng.random() < 0.4:
            month = month % 12 + 1
        out.append(
            {
                "change_date_raw": f"{year}.{month}.{day}",
                "item": rng.choice(ITEMS),
                "before": rng.choice(BEFORES),
                "after": rng.choice(AFTERS),
                "timing": rng.choice(("事前", "事後")),
                "explanation": rng.choice(SHORT_EXPLAINS),
            }
        )
    return out


def _calc(
    path: Path, rng: random.Random, scale: int, kinds: tuple[str, ...], n: int, landscape: bool
) -> list[dict]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    rows = _rows(rng, n)
    wb = Workbook()
    ws = wb.active
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = scale
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="IPAexGothic", size=10)
    ws.cell(1, 1, "（別添２）変更箇所").font = Font(name="IPAexGothic", size=12, bold=True)
    widths = WIDTHS[landscape]
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + c)].width = w
    # Empty columns after the table up to the page's width (the print area's), so that a line
    # overflowing the table's right border is printed on the page.
    spare = PRINTABLE_PT[landscape] * 100 / scale - sum(map(_points, widths)) - 20
    extra = max(0, min(12, int(spare // _points(5))))
    for c in range(7, 7 + extra):
        ws.column_dimensions[chr(64 + c)].width = 5
    for c, label in enumerate(LABELS, start=1):
        cell = ws.cell(3, c, label)
        cell.font, cell.border = font, box
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for i, rec in enumerate(rows):
        r = 4 + i
        which = kinds[i % len(kinds)] if i % 2 == 0 or len(kinds) > 1 else None
        wrapped_off: dict[int, str] = {}
        if which == "explanation":
            rec["explanation"] = rng.choice(EXPLAINS)
            wrapped_off[6] = "left"
        elif which == "item":
            rec["item"], rec["before"] = rng.choice(LONG_ITEMS), ""
            wrapped_off[2] = "left"
        elif which == "after_left":
            rec["before"], rec["after"] = "", rng.choice(AFTERS[1:4])
            wrapped_off[4] = "right"
        elif which == "timing":
            rec["timing_raw"], rec["explanation"] = rng.choice(LONG_TIMINGS), ""
            rec["timing"] = rec["timing_raw"][:2]
            wrapped_off[5] = "left"
        height = 16.0
        for c, key in enumerate(FIELDS, start=1):
            value = rec.get("timing_raw", rec["timing"]) if key == "timing" else rec[_key(key)]
            cell = ws.cell(r, c, value or None)
            cell.font, cell.border = font, box
            if c in wrapped_off:
                cell.alignment = Alignment(wrap_text=False, horizontal=wrapped_off[c], vertical="top")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                # Calc fits no row to wrapped text loaded from a .xlsx: the height set here (10 pt
                # characters, the column's width in them, 14 pt a line).
                per_line = max(1, int(_points(widths[c - 1]) / 10.5))
                lines = sum(-(-len(part) // per_line) or 1 for part in str(value or "").split("\n"))
                height = max(height, 14.0 * lines + 2)
        ws.row_dimensions[r].height = height
    ws.print_area = f"A1:{chr(70 + extra)}{3 + n}"
    wb.save(path)
    return rows


def _nested(cell, lines: list[tuple[str, ...]], bordered: bool, size: float) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Pt

    cell.text = ""
    table = cell.add_table(rows=len(lines), cols=len(lines[0]))
    if bordered:
        table.style = "Table Grid"
    for k, parts in enumerate(lines):
        for j, text in enumerate(parts):
            para = table.rows[k].cells[j].paragraphs[0]
            para.add_run(text).font.size = Pt(size)


def _writer(path: Path, rng: random.Random, where: str, cols: int, bordered: bool, n: int) -> list[dict]:
    from docx.shared import Mm

    rows = _rows(rng, n)
    doc = docx_page({"font": "IPAexGothic", "size": 9}, landscape=True)
    table = doc.add_table(rows=1 + n, cols=6)
    table.style = "Table Grid"
    for c, label in enumerate(LABELS):
        table.rows[0].cells[c].text = label
    sides = {"both": ("before", "after"), "before": ("before",), "after": ("after",)}[where]
    for i, rec in enumerate(rows):
        cells = table.rows[1 + i].cells
        nest = i % 3 != 2
        for c, key in enumerate(FIELDS):
            value = rec[_key(key)]
            if key in sides and nest:
                if cols == 1:
                    lines = [(t,) for t in rng.choice(NESTED)]
                elif cols == 2:
                    lines = list(NESTED_COLS[: 2 + rng.randrange(2)])
                else:
                    lines = list(NESTED3[: 2 + rng.randrange(2)])
                _nested(cells[c], lines, bordered, 9)
                rec[key] = "\n".join("".join(p) for p in lines)
            else:
                cells[c].text = value
    widths = (Mm(24), Mm(52), Mm(62), Mm(62), Mm(16), Mm(40))
    for row in table.rows:
        for c, w in enumerate(widths):
            row.cells[c].width = w
    doc.save(path)
    return rows


def build(name: str, spec: tuple, out: Path) -> None:
    """One case: the office file made, converted to ``out/<name>/input.pdf``, and its truth."""
    rng = random.Random(name)
    folder = out / name
    (folder / "expected").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if spec[0] == "calc":
            src = work / f"{name}.xlsx"
            rows = _calc(src, rng, *spec[1:])
        else:
            src = work / f"{name}.docx"
            rows = _writer(src, rng, *spec[1:])
        convert([src], work, direct=frozenset([src]))
        shutil.copy(work / f"{name}.pdf", folder / "input.pdf")
    records = [
        {
            "change_date": _iso(r["change_date_raw"]),
            "change_date_raw": r["change_date_raw"],
            **{k: r[k] for k in FIELDS[1:]},
            "timing_raw": r.get("timing_raw", ""),
        }
        for r in rows
    ]
    text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    (folder / "expected" / "records.json").write_text(text, "utf-8")


def _iso(raw: str) -> str:
    """``2022.1.9`` → ``2022-01-09``."""
    y, m, d = (int(v) for v in raw.split("."))
    return f"{y:04d}-{m:02d}-{d:02d}"


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


def score(folder: Path) -> tuple[int, int, int, int]:
    """(rows right, truth rows, wrong rows unwarned, right rows warned) of one case: rows compared
    in order, every field but the date's value squashed of whitespace."""
    from piatable.pipeline import read_document

    doc = read_document(str(folder / "input.pdf"))
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    right = unwarned = warned_right = 0
    for k, w in enumerate(want):
        r = doc.records[k] if k < len(doc.records) else None
        ok = r is not None and _squash(r.change_date_raw) == _squash(w["change_date_raw"])
        ok = ok and all(_squash(getattr(r, f)) == _squash(w[f]) for f in FIELDS[1:])
        ok = ok and (not w["timing_raw"] or _squash(r.timing_raw) == _squash(w["timing_raw"]))
        warned = r is not None and (bool(set(r.flags) - INFO_FLAGS) or r.confidence < 0.5)
        right += ok
        unwarned += not ok and r is not None and not warned
        warned_right += ok and warned
    unwarned += max(0, len(doc.records) - len(want))  # extra rows count as wrong (warned or not)
    return right, len(want), unwarned, warned_right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=SETS, action="append")
    ap.add_argument("--score", action="store_true", help="read the made samples and score them")
    args = ap.parse_args()
    for name in args.set or SETS:
        cases = HELDOUT if name.startswith("heldout") else TUNING
        out = ROOT / "samples" / name
        total = [0, 0, 0, 0]
        for case, spec in cases.items():
            if args.score:
                got = score(out / case)
                total = [a + b for a, b in zip(total, got, strict=True)]
                print(
                    f"{case:28s} rows right {got[0]}/{got[1]}  wrong unwarned {got[2]}  right warned {got[3]}"
                )
            else:
                build(case, spec, out)
                print(f"made {out / case}")
        if args.score:
            print(
                f"{name}: rows right {total[0]}/{total[1]}, wrong unwarned {total[2]}, "
                f"right warned {total[3]}"
            )


if __name__ == "__main__":
    main()
