"""Inputs whose rows a reader may lose in silence, for the safety nets of branch honest67.

    python tools/make_honest67_samples.py [--set office-honest67|heldout-honest67]

Three kinds, each a Word table (python-docx) exported to PDF by LibreOffice Writer:

* ``vertical``: the 変更日 and 提出時期 columns so narrow that their labels print one character a
  line (縦書き) and each date wraps over three lines (``令和７`` / ``年１月`` / ``２０日``), read
  by pdfplumber's ``extract_text`` (set XXVIII t05's shape: 0 rows, status success, on main);
* ``rowbelow``: a row's text printed as a paragraph right below the table's last ruling (a row
  the sheet left unruled), rendered grey by PyMuPDF at ``dpi`` and read by tesseract (a scan);
* ``footer``: a note below the table (no date, no 事前 / 事後), rendered the same: its ink is
  counted in a note and the input stays a success.

``expected/records.json`` holds the table's rows (a ``rowbelow`` case's unruled row too: it is a
row of the table the reader must not lose in silence).  ``office-honest67`` (tuning) and
``heldout-honest67`` (measure only, never tune on it) differ in rows, dates, wording and dpi.
Needs LibreOffice (soffice), python-docx, pdfplumber and PyMuPDF.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
FONT = "IPAexGothic"

# (date printed, ISO date, item, before, after, timing, explanation)
Row = tuple[str, str, str, str, str, str, str]
TUNING_ROWS: list[Row] = [
    (
        "令和７年１月２０日",
        "2025-01-20",
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
        "市民課",
        "市民窓口課",
        "事後",
        "組織改正に伴う修正",
    ),
    (
        "令和７年１月２０日",
        "2025-01-20",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n⑥事務担当部署",
        "市民生活部市民課",
        "市民部市民窓口課",
        "事後",
        "組織改正に伴う修正",
    ),
    (
        "令和６年４月１日",
        "2024-04-01",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発",
        "新規採用職員に対し研修を実施している。",
        "全職員に対し、年１回研修を実施している。",
        "事前",
        "研修内容の充実",
    ),
]
HELDOUT_ROWS: list[Row] = [
    (
        "令和５年１０月２日",
        "2023-10-02",
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n７．特定個人情報の保管・消去",
        "[ 保管していない ]",
        "[ 保管している ]",
        "事後",
        "記載誤りの訂正",
    ),
    (
        "令和５年１０月２日",
        "2023-10-02",
        "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "総務課",
        "情報政策課",
        "事後",
        "組織改正に伴う修正",
    ),
    (
        "令和４年７月１５日",
        "2022-07-15",
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑤本人への明示",
        "住民基本台帳法に明示されている。",
        "住民基本台帳法及び番号法に明示されている。",
        "事前",
        "根拠法令の追記",
    ),
    (
        "令和４年７月１５日",
        "2022-07-15",
        "Ⅰ基本情報\n５．個人番号の利用\n法令上の根拠",
        "番号法第９条第１項",
        "番号法第９条第１項及び第２項",
        "事後",
        "条例制定に伴う追記",
    ),
]
# (kind, rows taken, dpi, text below the table for footer / the row below for rowbelow)
LOOKS = {
    "office-honest67": (("vertical", 3, 0), ("rowbelow", 2, 200), ("footer", 3, 200)),
    "heldout-honest67": (("vertical", 4, 0), ("rowbelow", 3, 180), ("footer", 4, 180)),
}
FOOTERS = {
    "office-honest67": "※ 上記の変更は全て重要な変更に当たらない。",
    "heldout-honest67": "以上の変更について、住民への周知は市ホームページで行う。",
}


def _docx(path: Path, rows: list[Row], narrow: bool, below: str) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = Document()
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Mm(297), Mm(210)
    for m in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, m, Mm(15))
    d.styles["Normal"].font.name = FONT
    d.styles["Normal"].font.size = Pt(10)
    d.add_paragraph("（別添２）変更箇所")
    t = d.add_table(rows=1 + len(rows), cols=6)
    t.style = "Table Grid"
    if narrow:  # labels one character a line, dates over three lines
        t.autofit = False
        widths = (Mm(12), Mm(55), Mm(70), Mm(70), Mm(7), Mm(45))
        # LibreOffice reads the table grid's column widths (w:gridCol), Word the cells'.
        for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(w.twips)))
        for k, w in enumerate(widths):
            for cell in t.columns[k].cells:
                cell.width = w
    for c, label in zip(t.rows[0].cells, LABELS, strict=True):
        c.text = label
    for r, row in zip(t.rows[1:], rows, strict=True):
        for c, v in zip(r.cells, (row[0], *row[2:]), strict=True):
            c.text = v
    if below:
        d.add_paragraph(below)
    d.save(str(path))


def _record(k: int, row: Row) -> dict[str, object]:
    raw, iso, item, before, after, timing, why = row
    return {
        "row_index": k,
        "page_start": 1,
        "page_end": 1,
        "change_date": iso,
        "change_date_raw": raw,
        "item": item,
        "before": before,
        "after": after,
        "timing": timing,
        "explanation": why,
    }


def make(set_name: str) -> None:
    out = ROOT / "samples" / set_name
    rows = TUNING_ROWS if set_name == "office-honest67" else HELDOUT_ROWS
    for kind, n, dpi in LOOKS[set_name]:
        case = out / f"hn67-{kind}-writer{dpi or ''}".rstrip("-")
        shutil.rmtree(case, ignore_errors=True)
        (case / "expected").mkdir(parents=True)
        table, truth = rows[:n], rows[:n]
        below = ""
        if kind == "rowbelow":  # the last row printed below the grid as a paragraph
            table, extra = rows[: n - 1], rows[n - 1]
            below = "　".join(
                (extra[0], extra[2].replace("\n", "　"), extra[3], extra[4], extra[5], extra[6])
            )
        elif kind == "footer":
            below = FOOTERS[set_name]
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / "input.docx"
            _docx(docx, table, kind == "vertical", below)
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                check=True,
                capture_output=True,
            )
            pdf = Path(tmp) / "input.pdf"
            if kind == "vertical":
                import pdfplumber

                with pdfplumber.open(pdf) as doc:
                    text = "\n".join(p.extract_text() or "" for p in doc.pages)
                (case / "input.txt").write_text(text + "\n", "utf-8")
            else:
                import pymupdf

                with pymupdf.open(pdf) as doc:
                    doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).save(str(case / "input.png"))
        records = [_record(k, r) for k, r in enumerate(truth)]
        (case / "expected" / "records.json").write_text(
            json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        print(case.relative_to(ROOT), file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(LOOKS), action="append")
    for name in ap.parse_args().set or sorted(LOOKS):
        make(name)


if __name__ == "__main__":
    main()
