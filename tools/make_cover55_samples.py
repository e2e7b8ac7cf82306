"""Real-size assessments (40–80 pages) whose covers print their facts in ways the cover20 sets
leave out, for the cover facts (issue 14, branch itemkey55).

    python tools/make_cover55_samples.py                        # both sets
    python tools/make_cover55_samples.py --set office-cover55   # tuning set
    python tools/make_cover55_samples.py --set heldout-cover55  # held-out set: measure only
    python tools/bench_covers.py samples/office-cover55 --kinds pdf,pdftotext,pdftotext-layout,scan300

Each case is a .docx made by python-docx and printed by LibreOffice Writer: a cover in one of
``LAYOUTS``, the 項目一覧 (contents) page, 38–76 body pages and the change table at the end, as
tools/make_cover20_samples.py's long cases are; the cover layouts are new:

- ``inline``: no table, each fact on one line after its label and a colon
  (``公表日：令和６年４月１日``, ``評価実施機関名：…``);
- ``blank``: the official form as one table whose 公表日 value row is left empty (a draft, or a
  date stamped by hand): the truth has no 公表日, and no heading of the contents page after it
  (``項目一覧``) may stand in for one;
- ``stamp``: the official form, the 公表日 printed in the value row with the words that date it
  (``令和６年４月１日公表``), the 様式 stamp right under the table.

Per case, ``SET/NAME/input.pdf`` and ``SET/NAME-TOOL/input.txt`` (the five extractors' texts),
each with ``expected/documents.json`` (``published`` and ``published_raw`` null when the cover
prints no date).  The tuning set draws agencies and affairs from make_cover2_samples' tuning
lists and ``TUNING_AGENCIES`` here, the held-out set from the held-out lists and
``HELDOUT_AGENCIES``.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_cover2_samples as mc2
import make_cover20_samples as mc20
import make_office_samples as mos

ROOT = Path(__file__).resolve().parent.parent
SETS = {name: ROOT / "samples" / name for name in ("office-cover55", "heldout-cover55")}
LAYOUTS = ("inline", "blank", "stamp")
# Agencies named as bodies are (no 〇〇 placeholder, which OCR reads as letters).
TUNING_AGENCIES = ("さつき市長", "北浜県知事", "東山市教育委員会")
HELDOUT_AGENCIES = ("西川市長", "南野町教育委員会", "さくら市長")


def _cover(doc, para, facts: dict, layout: str) -> None:  # type: ignore[no-untyped-def]
    """The cover page of ``layout`` (module docstring)."""
    f = facts
    decl = mc2.DECLARATION[1].format(agency=f["agency"], affair=f["_affair"])
    para(f"特定個人情報保護評価書（{f['form']}）", big=True, center=True)
    para("")
    if layout == "inline":
        for label, value in (
            ("評価書番号", f["_number_printed"]),
            ("評価書名", f["assessment_name"]),
            ("評価実施機関名", f["agency"]),
            ("公表日", f["published_raw"]),
        ):
            para(f"{label}：{value}")
        para("")
        para(mc2.DECLARATION[0])
        para(decl)
    else:
        date = "" if layout == "blank" else f"{f['published_raw']}公表"
        cells = [
            ["評価書番号", "評価書名"],
            [f["_number_printed"], f["assessment_name"]],
            [mc2.DECLARATION[0], ""],
            [decl, ""],
            [mc20.NOTE, ""],
            [mc20.NOTE_TEXT, ""],
            ["評価実施機関名", ""],
            [f["agency"], ""],
            ["公表日", ""],
            [date, ""],
        ]
        mc2.docx_grid(doc, cells, [3.5, 13.5])
    para("")
    para("[令和6年10月 様式4]")


def write_docx(
    path: Path, facts: dict, layout: str, rows: list[dict], font: str, size: float, pages: int
) -> None:
    """The assessment as a .docx: the cover (``layout``), the 項目一覧 page, ``pages`` body pages,
    the change table."""
    doc, para = mc2.new_docx(font, size)
    _cover(doc, para, facts, layout)
    mc2.docx_page_break(doc)
    for line in mc20.CONTENTS:
        para(line, big=line == mc20.CONTENTS[0], center=line == mc20.CONTENTS[0])
    for k in range(pages):
        mc2.docx_page_break(doc)
        for line in mc2.BODY:
            para(line.format(affair=facts["_affair"]))
        para(f"（{k + 1}）" + "本ページは評価書の本文である。" * 8)
    mc2.docx_page_break(doc)
    para("（別添３）変更箇所")
    cells = [list(mos.LABELS)] + [[r[k] for k in mos.SIX] for r in rows]
    mc2.docx_grid(doc, cells, [2.2, 3.0, 3.6, 3.6, 2.2, 2.4])
    doc.save(path)


def cases(heldout: bool) -> list[tuple[str, dict, str, list[dict], str, float, int]]:
    """(name, facts, layout, rows, font, size, body pages) of each layout's case."""
    tag = "h" if heldout else "t"
    pool = mos._row_pool(heldout)
    out = []
    for k, layout in enumerate(LAYOUTS, 1):
        name = f"long-{layout}-{tag}{k}"
        rng = random.Random(f"piatable-cover55-{name}")
        start = rng.randrange(len(pool) - 3)
        drawn = pool[start : start + 3]
        facts = mc20.cover_of(rng, heldout, max(r["change_date"] for r in drawn))
        facts["agency"] = rng.choice(HELDOUT_AGENCIES if heldout else TUNING_AGENCIES)
        if layout == "blank":
            facts["published"] = facts["published_raw"] = None
        rows = mos.printed_rows(drawn, rng.choice(mos.DATE_STYLES))
        fonts = mos.HELDOUT_FONTS if heldout else mos.TUNING_FONTS
        pages = rng.randint(38, 76)
        out.append((name, facts, layout, rows, rng.choice(fonts), rng.choice((10.0, 10.5, 11.0)), pages))
    return out


def build(set_name: str) -> None:
    root = SETS[set_name]
    made = cases(set_name.startswith("heldout"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for name, facts, layout, rows, font, size, pages in made:
            src = work / f"{name}.docx"
            write_docx(src, facts, layout, rows, font, size, pages)
            sources.append(src)
        mos.convert(sources, work)
        settings = [
            (n, f, {"layout": lay, "font": fo, "size_pt": sz, "body_pages": pg})
            for n, f, lay, _r, fo, sz, pg in made
        ]
        mc2.store_cover_set(root, work, settings, set_name)


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
