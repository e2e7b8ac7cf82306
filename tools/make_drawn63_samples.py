"""Samples of a text-layer PDF whose second table page has no text layer: its text drawn as
outlines (Ghostscript ``pdfwrite -dNoOutputFonts``) or the page scanned and put back as an
image (pdftoppm, Pillow's PDF writer), the pages joined again with qpdf.

The source PDFs are committed LibreOffice / Gnumeric samples with their expected records, so
the truth is theirs.  ``samples/office-drawn63`` is for tuning, ``samples/heldout-drawn63`` held
out.  Needs ghostscript, qpdf and poppler-utils; CI reads the committed files.

Run: ``python tools/make_drawn63_samples.py`` (from the repository's root).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# (set, case) of two-page sources: the second page is the one redrawn.
SETS = {
    "office-drawn63": ["office-layout53/l53-calc-1", "office-era17/writer-era-municipal"],
    "heldout-drawn63": ["heldout-writer52/hw52-jidou_teate", "office-plumber50/p50-calc-v1"],
}
# The scanned page: resolution (dpi) and JPEG quality.
SCAN_DPI = 150
SCAN_QUALITY = 60
PAGE = 2


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def outlined_page(src: Path, out: Path) -> None:
    """Page ``PAGE`` of ``src`` printed again with its fonts turned into outlines."""
    _run(
        "gs",
        "-q",
        "-o",
        str(out),
        "-sDEVICE=pdfwrite",
        "-dNoOutputFonts",
        f"-dFirstPage={PAGE}",
        f"-dLastPage={PAGE}",
        str(src),
    )


def scanned_page(src: Path, out: Path, work: Path) -> None:
    """Page ``PAGE`` of ``src`` as a grey JPEG image page."""
    _run(
        "pdftoppm",
        "-r",
        str(SCAN_DPI),
        "-gray",
        "-f",
        str(PAGE),
        "-l",
        str(PAGE),
        "-png",
        str(src),
        str(work / "scan"),
    )
    png = next(work.glob("scan*.png"))
    Image.open(png).convert("L").save(out, "PDF", resolution=SCAN_DPI, quality=SCAN_QUALITY)


def make_case(src_case: Path, folder: Path, how: str) -> None:
    src = src_case / "input.pdf"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        page = work / "page.pdf"
        if how == "outlines":
            outlined_page(src, page)
        else:
            scanned_page(src, page, work)
        _run(
            "qpdf",
            str(src),
            "--pages",
            str(src),
            f"1-{PAGE - 1}",
            str(page),
            "1",
            "--",
            str(folder / "input.pdf"),
        )
    shutil.copytree(src_case / "expected", folder / "expected", dirs_exist_ok=True)


def main(argv: list[str]) -> int:
    for name, sources in SETS.items():
        out = SAMPLES / name
        if out.exists():
            shutil.rmtree(out)
        lines = [
            f"# {name}",
            "",
            "Two-page tables whose second page has no text layer (tools/make_drawn63_samples.py):",
            "",
        ]
        for source in sources:
            for how in ("outlines", "scan"):
                case = f"{Path(source).name}-{how}"
                make_case(SAMPLES / source, out / case, how)
                what = (
                    "text drawn as outlines (gs -dNoOutputFonts)"
                    if how == "outlines"
                    else (f"scanned at {SCAN_DPI} dpi, grey JPEG q{SCAN_QUALITY}")
                )
                lines.append(f"- `{case}`: samples/{source}, page {PAGE} {what}")
        (out / "README.md").write_text("\n".join(lines) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
