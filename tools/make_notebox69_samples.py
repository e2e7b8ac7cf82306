"""A note box drawn over an amendment table (set XXX's kind; branch cover69, task B: the
reproduction only, no fix yet).

    python tools/make_notebox69_samples.py                           # both sets
    python tools/make_notebox69_samples.py --set office-notebox69    # or heldout-notebox69
    python tools/eval_office.py samples/office-notebox69

Filings paste a text box with a note (「※下線部が変更箇所」, 「注：…」) onto the table's page, and it
may stand over the table's cells.  Each case is a .docx made from a plain Writer case of
``make_office_samples`` with one VML text box (``v:shape`` with a ``v:textbox``; Word's legacy
shape, which Writer imports as a drawing with its own text) anchored to the title paragraph and
placed on the page over a body cell (the 変更後, 変更前 or 説明 column of one of the first rows), with
or without a white fill and a border, exported by LibreOffice Writer.  The box's text is no
cell's: the truth is the table's rows alone.  Before branch cover69 the PDF reader read the box's
characters into the cell under it, interleaved with the cell's own (``下市線民部生が活変部更市箇民所課長``
for 市民生活部市民課長, confidence 0.963, no flag).

Per case: ``NAME/input.pdf`` and ``NAME-TOOL/input.txt`` for each of ``TEXTS``, each with
``expected/records.json``; ``cases.json`` says where each box was drawn.  ``office-notebox69``
(tuning) from the tuning tables and notes; ``heldout-notebox69`` (measure only) from the held-out
ones.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_pdfs import EXTRACTORS

SETS = {"office-notebox69": False, "heldout-notebox69": True}
TEXTS = (*EXTRACTORS, "pdfplumber")
NOTES = {
    False: ("※下線部が変更箇所", "注：下線は変更箇所を示す", "※令和6年4月1日施行分"),
    True: ("※網掛けは今回の変更", "注）金額は税込み"),
}
# Cases per set: (column the box stands over, body row it stands on (0-based), filled white).
PLAN = {
    False: (("after", 1, True), ("before", 0, False), ("explanation", 2, True), ("after", 0, False)),
    True: (("after", 2, True), ("before", 1, True)),
}
_W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
# The landscape A4 page's left margin (2 cm) and the top of the body under the title and label
# rows (points), for placing the box roughly over a body row, a row being about ROW_PT tall.
PAGE_LEFT_PT = 56.7
BODY_TOP_PT = 95.0
ROW_PT = 62.0
CM_PT = 28.35


def _box_xml(text: str, left: float, top: float, width: float, filled: bool, k: int) -> str:
    """A VML text box run (page-relative position and size in points)."""
    fill = 'fillcolor="white" filled="t"' if filled else 'filled="f"'
    return (
        f'<w:r {_W}><w:pict><v:shape id="note{k}" o:spid="_x0000_s10{k:02d}" type="#_x0000_t202"'
        f' style="position:absolute;margin-left:{left:.1f}pt;margin-top:{top:.1f}pt;width:{width:.1f}pt;'
        "height:24pt;z-index:251659264;mso-position-horizontal-relative:page;"
        f'mso-position-vertical-relative:page" {fill} strokecolor="black" strokeweight="0.75pt">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"
    )


def _add_box(path: Path, case: office.Case, column: str, row: int, text: str, filled: bool) -> None:
    """The note box put over ``column`` of body row ``row`` of the Writer file ``path``."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document(str(path))
    title = next(p for p in doc.paragraphs if p.text.startswith("（別添") and p.text.endswith("変更箇所"))
    j = office.SIX.index(column)
    left = PAGE_LEFT_PT + sum(case.widths[:j]) * CM_PT + 6
    width = min(case.widths[j] * CM_PT - 4, 9 * len(text) + 10)
    top = BODY_TOP_PT + row * ROW_PT + 10
    title._p.append(parse_xml(_box_xml(text, left, top, width, filled, row + j)))
    doc.save(path)


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts, truth and ``cases.json``."""
    heldout = SETS[name]
    root = office.SAMPLES / name
    tables = office._four_tables(heldout)
    tag = "h" if heldout else "t"
    planned = []
    for k, (column, row, filled) in enumerate(PLAN[heldout]):
        case_name = f"{tag}nb69-{column}-r{row}-{'fill' if filled else 'clear'}-v{k + 1}"
        rng = random.Random(f"piatable-notebox69-{case_name}")
        table = office._printable(office.load_table(tables[k % len(tables)][1]))
        first = rng.randrange(max(len(table) - 6, 0) + 1)
        case = office.plain_case(case_name, table[first : first + 6], "writer", heldout)
        case = replace(case, merge=False, valign="top")
        planned.append((case, column, row, NOTES[heldout][k % len(NOTES[heldout])], filled))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for case, column, row, text, filled in planned:
            src = work / f"{case.name}.docx"
            office.write_docx(src, case)
            _add_box(src, case, column, row, text, filled)
            sources.append(src)
        office.convert(sources, work)
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        for case, column, row, text, filled in planned:
            pdf = work / f"{case.name}.pdf"
            expected = office.expected_records(pdf, case)
            office.write_pdf_and_texts(root, case.name, pdf, expected, TEXTS)
            manifest[case.name] = office.settings_of(case) | {
                "rows": len(expected),
                "pages": max(r["page_end"] for r in expected),
                "note_box": {"text": text, "column": column, "row": row, "filled": filled},
            }
            print(f"{name}/{case.name}: {len(expected)} rows", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-notebox69": "# office-notebox69 (tuning)\n\nWriter tables with a note box (a VML text box,"
    " filled white or clear) drawn over a body cell; their PDFs and texts, made by"
    " `tools/make_notebox69_samples.py`. The truth is the table's rows: the box's text is no cell's.\n",
    "heldout-notebox69": "# heldout-notebox69 (held out)\n\nAs office-notebox69, from the held-out"
    " tables and notes, made by `tools/make_notebox69_samples.py`. Measure on it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
