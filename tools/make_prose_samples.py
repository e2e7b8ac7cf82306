"""Pages of an assessment's body (prose, no table) made by LibreOffice Writer and flattened by
the text extractors: ``samples/prose23/<name>/<extractor>.txt``.

Two documents of Japanese prose as the assessments print around their amendment table (the
declaration before it, the third-party review after it), each made with python-docx, converted
by LibreOffice and read by ``pdftotext -layout``, ``pdftotext -raw`` and pypdfium2.  Tests join
them with a table's committed text by form feeds, as a whole assessment's text holds them
(break22: prose pages around a table gave made-up rows or ran into the last row).

    python tools/make_prose_samples.py            # writes samples/prose23
    python tools/make_prose_samples.py --heldout  # writes samples/heldout-prose23 (never tuned on)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_office_samples import convert
from make_pdfs import extract_text

SAMPLES = Path(__file__).parent.parent / "samples"
EXTRACTORS = ("pdftotext-layout", "pdftotext-raw", "pypdfium2")

DOCS = {
    "declaration": (
        "特定個人情報保護評価書（全項目評価書）",
        [
            "本評価書は、番号法第２８条の規定に基づき、特定個人情報ファイルを取り扱う事務について、"
            "その取扱いが個人のプライバシー等の権利利益に与える影響を予測した上で、特定個人情報の"
            "漏えいその他の事態を発生させるリスクを分析し、そのようなリスクを軽減するための適切な"
            "措置を講じていることを宣言するものである。",
            "当市は、住民基本台帳に関する事務において、個人番号を含む特定個人情報を取り扱うに当たり、"
            "その適正な取扱いを確保するため、職員に対する研修を毎年実施するとともに、委託先に対しても"
            "契約において安全管理措置を義務付け、定期的に実地の確認を行っている。",
            "なお、本評価書の記載事項については、事務の内容に変更が生じた場合には速やかに見直しを"
            "行い、必要に応じて再評価を実施することとする。",
        ],
    ),
    "review": (
        "第三者点検の結果及び住民等からの意見の聴取",
        [
            "第三者点検においては、評価書の記載内容が適切であるか、またリスク対策が十分であるかに"
            "ついて、個人情報保護審議会の委員による点検を受けた。その結果、特段の指摘事項はなかった"
            "が、今後とも職員に対する教育を継続し、情報セキュリティの確保に努めるよう意見が付された。",
            "令和４年１０月１日から令和４年１０月３１日までの間、評価書案を公示し、広く住民の意見を"
            "求めたところ、提出された意見はなかった。",
            "評価実施機関においては、これらの結果を踏まえ、特定個人情報の取扱いに関する規程を改め、"
            "事務の手順書に反映することとした。",
        ],
    ),
}
# Held out: other prose, set otherwise (a numbered list, an indented note, a short page).
HELDOUT_DOCS = {
    "summary": (
        "１．評価の概要",
        [
            "（１）本市は、国民健康保険に関する事務において、被保険者の資格の得喪及び保険料の賦課"
            "徴収に当たり、個人番号を利用している。",
            "（２）情報提供ネットワークシステムを通じた情報連携により、他の行政機関から所得情報等を"
            "入手しており、入手した情報は業務システムにおいて厳格に管理している。",
            "　※委託先における取扱いについては、再委託を原則として禁止し、やむを得ない場合には"
            "事前に書面による承認を要することとしている。",
            "（３）今回の再評価においては、システムの標準化に伴う変更点を中心に点検を行い、"
            "リスク対策の見直しを行った。",
        ],
    ),
}


def make_docx(title: str, paragraphs: list[str], path: Path) -> None:
    """A Writer document: the title, then the paragraphs, two pages of them (page break)."""
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.add_page_break()
    for text in reversed(paragraphs):
        doc.add_paragraph(text)
    doc.save(str(path))


def main() -> None:
    heldout = "--heldout" in sys.argv[1:]
    docs = HELDOUT_DOCS if heldout else DOCS
    out_dir = SAMPLES / ("heldout-prose23" if heldout else "prose23")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = []
        for name, (title, paragraphs) in docs.items():
            make_docx(title, paragraphs, work / f"{name}.docx")
            files.append(work / f"{name}.docx")
        convert(files, work)
        for name in docs:
            for tool in EXTRACTORS:
                out = out_dir / name / f"{tool}.txt"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(extract_text(work / f"{name}.pdf", tool), "utf-8")


if __name__ == "__main__":
    main()
