"""One-page PDFs whose text layer is not the printed text, made by real Ghostscript passes over
real Chromium / LibreOffice PDFs of the committed sets (issues 11 / 12, branch garbled58, set XIX
kind 8).

    python tools/make_garbled58_samples.py                          # both sets
    python tools/make_garbled58_samples.py --set office-garbled58   # or heldout-garbled58

A PDF sent through Ghostscript on its way to the filing keeps its look but may lose what its
characters are: ``gs -sDEVICE=pdfwrite`` (10.00) over a Chromium PDF rebuilds the CID fonts'
ToUnicode maps wrongly (kana as Latin-1 letters: ``{おいv``, ``ÿ別添２Ā``); a PostScript printing
route (``gs -sDEVICE=ps2write`` then ``ps2pdf``, as a "print to PDF" driver does) re-encodes the
fonts so that the layer holds glyph codes (control characters, Latin-1 letters, Dingbats).  Each
case is a one-page PDF of a committed set (``SOURCES``: the PDF drawn by Chromium or LibreOffice,
its true records) passed through one such route (``ROUTES``), with the texts of ``TEXTS``
taken from the result; a case is kept only when
``pdftotext`` of the result is really broken (``_broken``: less than half its characters
Japanese, or a twentieth or more of characters no Japanese table prints).  The truth is the
source case's ``expected/records.json`` (the page prints the same table).  ``office-garbled58``
(tuning) draws from tuning sets, ``heldout-garbled58`` (measure only, never tune on it) from
held-out sets.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_office_samples import build_named, write_manifest
from make_pdfs import extract_text

from piatable.errors import NotAnInput
from piatable.extract.layer_quality import japanese_count, strange_count
from piatable.extract.text_decoding import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# set → (source case under samples/, route)
SOURCES = {
    "office-garbled58": (
        ("office-chromium54/cr54-em-kokuho", "pdfwrite"),
        ("office-chromium54/cr54-mx-kokuho", "ps2write"),
        ("office-chromium54/cr54-em-municipal", "pdfwrite"),
    ),
    "heldout-garbled58": (
        ("heldout-chromium54/hcr54-long-jidou_teate", "pdfwrite"),
        ("heldout-chromium54/hcr54-em-jidou_teate", "ps2write"),
    ),
}
ROUTES = {
    "pdfwrite": "gs -sDEVICE=pdfwrite",
    "ps2write": "gs -sDEVICE=ps2write, then ps2pdf",
}
# The texts kept beside each PDF: what users of these extractors would hand piatable (``+nl``:
# pages joined by line ends, as library users join them).
TEXTS = ("pdftotext-layout", "pypdfium2", "pypdfium2+nl")
# A text layer is broken when less than this share of its characters is Japanese ...
BROKEN_JAPANESE_SHARE = 0.5
# ... or at least this share are characters no Japanese table prints.
BROKEN_STRANGE_SHARE = 0.05


def _refused(text: str) -> bool:
    """Whether piatable refuses ``text`` as a binary file (control codes: the ps2write route's
    pypdfium2 / pdftotext texts).  Such texts are left out: the sets are read whole by `make run`,
    whose run fails on a failed input, and a refused text measures nothing."""
    try:
        decode_bytes(text.encode("utf-8"), "text")
    except NotAnInput:
        return True
    return False


def _gs(args: list[str]) -> None:
    subprocess.run(["nice", "gs", "-q", "-dBATCH", "-dNOPAUSE", *args], check=True)


def _route(src: Path, out: Path, route: str, work: Path) -> None:
    if route == "pdfwrite":
        _gs(["-sDEVICE=pdfwrite", f"-sOutputFile={out}", str(src)])
    else:
        ps = work / "print.ps"
        _gs(["-sDEVICE=ps2write", f"-sOutputFile={ps}", str(src)])
        subprocess.run(["nice", "ps2pdf", str(ps), str(out)], check=True)


def _broken(pdf: Path) -> bool:
    """``pdftotext`` of ``pdf`` is not the printed text (the thresholds above)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    if not flat:
        return False
    return japanese_count(flat) < BROKEN_JAPANESE_SHARE * len(flat) or strange_count(
        flat
    ) >= BROKEN_STRANGE_SHARE * len(flat)


def build(name: str) -> None:
    root = SAMPLES / name
    shutil.rmtree(root, ignore_errors=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for source, route in SOURCES[name]:
            src = SAMPLES / source
            case = f"{'h' if name.startswith('heldout') else ''}g58-{route}-{src.name.split('-', 2)[-1]}"
            out = work / f"{case}.pdf"
            _route(src / "input.pdf", out, route, work)
            if not _broken(out):
                print(f"{case}: text layer not broken, left out")
                continue
            (root / case / "expected").mkdir(parents=True)
            shutil.copy(out, root / case / "input.pdf")
            shutil.copy(src / "expected" / "records.json", root / case / "expected" / "records.json")
            texts = []
            for tool in TEXTS:
                text = extract_text(out, tool)
                if _refused(text):
                    print(f"{case}-{tool}: refused as a binary file (control codes), left out")
                    continue
                folder = root / f"{case}-{tool}"
                (folder / "expected").mkdir(parents=True)
                (folder / "input.txt").write_text(text, "utf-8")
                shutil.copy(src / "expected" / "records.json", folder / "expected" / "records.json")
                texts.append(tool)
            manifest[case] = {"source": f"samples/{source}", "route": ROUTES[route], "texts": texts}
    write_manifest(root, manifest)
    held = "Held out: measure on it, never tune on it.\n\n" if name.startswith("heldout") else ""
    (root / "README.md").write_text(
        f"# {name}\n\n{held}One-page PDFs whose text layer is not the printed text (Ghostscript passes over\n"
        "Chromium PDFs of the committed sets): made by tools/make_garbled58_samples.py, whose docstring\n"
        "says how; cases.json names each case's source and route.\n",
        "utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    return build_named(argv, __doc__, SOURCES, build)


if __name__ == "__main__":
    raise SystemExit(main())
