"""Table PDFs stamped with a watermark drawn as text (issue 11, branch watermark56).

    python tools/make_watermark56_samples.py            # samples/office-watermark56
    python tools/make_watermark56_samples.py --heldout  # samples/heldout-watermark56

A municipality stamps its published assessment with a large, light word over every page (set
XVIII's D: a diagonal 35%-grey 「公表用」 at 110 pt over a Calc page).  Each case is a Calc or
Writer table (``make_office_samples.plain_case``) printed plain, then stamped four ways:

- ``lo``: LibreOffice's own PDF export option ``Watermark`` (the filter data of
  ``calc_pdf_Export`` / ``writer_pdf_Export``), from the same document;
- ``diag``: a reportlab page of one diagonal light-grey word laid over every page with pypdf
  (``merge_page``), as set XVIII's was;
- ``flat``: a horizontal light-grey word, laid over with ``qpdf --overlay``;
- ``steep``: a word turned 45° (the reader's limit for turned text) at a smaller size.

Words, sizes and angles come from the set's pools by an RNG seeded with the case's name; the
held-out set draws from other tables, words and sizes.  Beside each stamped PDF: the texts of
``pdftotext -layout`` and pypdf's (pages joined by line ends), to see what the watermark does
to texts.  The truth of every variant is the plain table's.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_pdfs import extract_text

WORDS = {False: ("公表用", "複製禁止", "SAMPLE"), True: ("写し", "取扱注意", "DRAFT")}
SIZES = {False: (110, 80, 60), True: (96, 72, 54)}
TEXTS = ("pdftotext-layout", "pypdf+nl")
GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"


def _table(*names: str, heldout: bool) -> list[dict]:
    where = mos.HELDOUT_DIR if heldout else None
    out = []
    for name in names:
        path = where / f"{name}.json" if where else mos.TUNING_TABLES[name]
        out += mos._printable(mos.load_table(path))
    return out


def cases(heldout: bool) -> list[mos.Case]:
    if heldout:
        return [
            mos.plain_case(
                "hw56-calc", _table("koseki_fuhyo", heldout=True), "calc", heldout=True, date_style="wareki"
            ),
            mos.plain_case("hw56-writer", _table("jidou_teate", heldout=True), "writer", heldout=True),
        ]
    return [
        mos.plain_case("ow56-calc", _table("kokuho", heldout=False), "calc", heldout=False),
        mos.plain_case("ow56-writer", _table("municipal", heldout=False), "writer", heldout=False),
    ]


def stamp_page(width: float, height: float, word: str, size: float, angle: float, grey: float) -> bytes:
    """One page of ``width`` × ``height`` pt holding ``word`` at ``size`` pt, turned ``angle``°
    about the page's centre, filled ``grey`` (0 black, 1 white) at 35% opacity (reportlab)."""
    from reportlab.lib.colors import Color
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Gothic", GOTHIC))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height))
    c.setFillColor(Color(grey, grey, grey, alpha=0.35))
    c.setFont("Gothic", size)
    c.translate(width / 2, height / 2)
    c.rotate(angle)
    c.drawCentredString(0, -size / 3, word)
    c.save()
    return buf.getvalue()


def overlay(pdf: Path, out: Path, word: str, size: float, angle: float, grey: float, qpdf: bool) -> None:
    """``pdf`` with the stamp laid over every page: pypdf's ``merge_page`` or ``qpdf --overlay``."""
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    box = reader.pages[0].mediabox
    stamp = stamp_page(float(box.width), float(box.height), word, size, angle, grey)
    if qpdf:
        page = out.with_suffix(".stamp.pdf")
        page.write_bytes(stamp)
        subprocess.run(["qpdf", str(pdf), "--overlay", str(page), "--repeat=1", "--", str(out)], check=True)
        page.unlink()
        return
    writer = pypdf.PdfWriter(clone_from=str(pdf))
    for pg in writer.pages:
        pg.merge_page(pypdf.PdfReader(io.BytesIO(stamp)).pages[0])
    writer.write(str(out))


def lo_watermark(src: Path, out: Path, word: str, maker: str) -> None:
    """``src`` (.ods/.xlsx/.docx) exported by LibreOffice with its PDF option ``Watermark``."""
    flt = "calc_pdf_Export" if maker == "calc" else "writer_pdf_Export"
    opts = json.dumps({"Watermark": {"type": "string", "value": word}}, ensure_ascii=False)
    with tempfile.TemporaryDirectory() as d:
        mos._soffice_run([src], f"pdf:{flt}:{opts}", Path(d), Path(d) / "profile")
        shutil.move(Path(d) / f"{src.stem}.pdf", out)


def build(heldout: bool) -> None:
    name = "heldout-watermark56" if heldout else "office-watermark56"
    root = mos.SAMPLES / name
    made_cases = cases(heldout)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = mos.render(made_cases, work)
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case in made_cases:
            src, pdf, expected = made[case.name]
            ods = work / "ods" / f"{src.stem}.ods"
            rng = random.Random(f"piatable-watermark56-{case.name}")
            words, sizes = WORDS[heldout], SIZES[heldout]
            looks = {
                "lo": {"word": rng.choice(words)},
                "diag": {
                    "word": rng.choice(words),
                    "size": rng.choice(sizes),
                    "angle": rng.choice((25, 30, 35)),
                    "grey": 0.6,
                },
                "flat": {"word": rng.choice(words), "size": rng.choice(sizes), "angle": 0, "grey": 0.75},
                "steep": {"word": rng.choice(words), "size": min(sizes), "angle": 45, "grey": 0.6},
            }
            for look, how in looks.items():
                folder = root / f"{case.name}-{look}"
                (folder / "expected").mkdir(parents=True)
                out = folder / "input.pdf"
                if look == "lo":
                    lo_watermark(ods if ods.exists() else src, out, how["word"], case.maker)
                else:
                    flat = look == "flat"
                    overlay(pdf, out, how["word"], how["size"], how["angle"], how["grey"], qpdf=flat)
                mos.write_json(folder / "expected" / "records.json", expected)
                manifest[folder.name] = mos.settings_of(case) | how | {"rows": len(expected)}
                for tool in TEXTS:
                    tfolder = root / f"{folder.name}-{tool}"
                    (tfolder / "expected").mkdir(parents=True)
                    (tfolder / "input.txt").write_text(extract_text(out, tool), "utf-8")
                    mos.write_json(tfolder / "expected" / "records.json", expected)
            print(f"{name}/{case.name}: {len(expected)} rows", file=sys.stderr)
    mos.write_manifest(root, manifest)


if __name__ == "__main__":
    build("--heldout" in sys.argv)
