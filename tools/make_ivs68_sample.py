"""Write tests/data/ivs68/ivs_writer.pdf: a Writer table (python-docx → LibreOffice) whose cells
hold characters beyond the Basic Multilingual Plane: an ideographic variation sequence (辻 +
U+E0100) and CJK Extension B kanji (𠮷).  pdfium gives each as two UTF-16 code units
(``normalize/surrogates.py``).

Usage: python tools/make_ivs68_sample.py [OUT_DIR]  (needs python-docx and soffice).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document

LABELS = ["変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明"]
ROWS = [
    [
        "令和6年4月1日",
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
        "市民課長　辻\U000e0100太郎",
        "市民課長　𠮷田花子",
        "事後",
        "人事異動に伴う修正\n重要な変更に当たらない",
    ],
    [
        "令和6年4月1日",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目",
        "[○]その他住民票関係情報",
        "[○]その他住民票関係情報\n[○]4情報",
        "事前",
        "記載の明確化",
    ],
]


def main(out_dir: Path) -> Path:
    """Write the .docx, convert it with LibreOffice, return the PDF's path."""
    doc = Document()
    doc.add_paragraph("（別添２）変更箇所")
    table = doc.add_table(rows=len(ROWS) + 1, cols=len(LABELS))
    table.style = "Table Grid"
    for c, label in enumerate(LABELS):
        table.cell(0, c).text = label
    for r, row in enumerate(ROWS, 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "ivs_writer.docx"
        doc.save(docx)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
            check=True,
            capture_output=True,
        )
    return out_dir / "ivs_writer.pdf"


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/data/ivs68")))
