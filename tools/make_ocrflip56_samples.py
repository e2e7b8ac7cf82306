"""Scans of faded toner, grey photocopies with specks and 3° skew (issues 11 and 12, session 56).

Set XVIII's scans showed a phrase "correction" that reversed a stock sentence (重要な変更に
該当しな / い written 重要な変更に該当する / い on a faded 300 dpi and a grey 150 dpi scan) and a
3° skew only undone by 2° (``max_skew_deg``).  Each case is a LibreOffice Calc or Writer table
scanned grey (``tools/make_scan54_samples.py`` renders, skews and saves) and then:
``fade`` (the ink's darkness kept to this share: worn toner), ``photocopy`` (paper this grey,
with ``specks`` dark dots per 10,000 px², a copier's dust), or a 3° ``angle``.  Tuning rows are
those of the tuning tables whose explanation closes with a stock sentence (…該当しない), in
narrow explanation columns where it wraps; held-out rows come from ``samples/heldout/tables`` in
other fonts, measured, never tuned on.  Scans have no extractor texts.

    python tools/make_ocrflip56_samples.py [--set office-ocrflip56|heldout-ocrflip56]

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-ocrflip56", "heldout-ocrflip56")}

# (case name, program, font, size pt, table, row indices, date style, look): the look as
# ``make_scan54_samples.KINDS`` has it, plus ``fade`` / ``photocopy`` and ``specks`` (above).
KINDS = {
    "office-ocrflip56": (
        ("fade-calc-gothic-9pt-300-t1", "calc", "IPAexGothic", 9.0, "juki", (0, 2, 5), "wareki",
         {"dpi": 300, "angle": 0.3, "save": "png", "fade": 0.4}),
        ("copy-writer-mincho-10pt-200-t2", "writer", "IPAexMincho", 10.0, "zeimu", (0, 4, 8), "wareki_fw",
         {"dpi": 200, "save": "png", "photocopy": 232, "specks": 4.0}),
        ("skew3-calc-mincho-10pt-240-t3", "calc", "IPAexMincho", 10.0, "juki", (6, 8, 1), "slash",
         {"dpi": 240, "angle": 3.0, "save": "jpeg", "jpeg": 70}),
        ("copy-calc-gothic-9pt-150-t4", "calc", "IPAexGothic", 9.0, "kokuho", (1, 9, 2), "wareki",
         {"dpi": 150, "angle": -0.4, "save": "png", "photocopy": 215, "specks": 2.0, "fade": 0.6}),
    ),
    "heldout-ocrflip56": (
        ("fade-calc-ipamincho-10pt-300-h1", "calc", "IPAMincho", 10.0, "kaigo_hoken.json", (0, 1, 2),
         "wareki", {"dpi": 300, "angle": -0.3, "save": "png", "fade": 0.45}),
        ("skew3-writer-ipagothic-10pt-240-h2", "writer", "IPAGothic", 10.0, "jidou_teate.json", (0, 1, 2),
         "slash", {"dpi": 240, "angle": -3.0, "save": "jpeg", "jpeg": 70}),
        ("copy-calc-ipagothic-10pt-200-h3", "calc", "IPAGothic", 10.0, "koseki_fuhyo.json", (0, 1, 2),
         "wareki_fw", {"dpi": 200, "angle": 0.5, "save": "png", "photocopy": 228, "specks": 3.0}),
    ),
}  # fmt: skip


def worn(img: Image.Image, look: dict, rng: np.random.Generator) -> Image.Image:
    """``img`` (grey) with the look's faded ink, grey paper and specks."""
    a = np.asarray(img, dtype=np.float32)
    if "fade" in look:
        a = 255.0 - (255.0 - a) * look["fade"]
    if "photocopy" in look:
        a = a * (look["photocopy"] / 255.0)
        n = int(a.size * look.get("specks", 0.0) / 10_000)
        ys, xs = rng.integers(0, a.shape[0] - 2, n), rng.integers(0, a.shape[1] - 2, n)
        for dy in (0, 1):
            for dx in (0, 1):
                keep = rng.random(n) < 0.6
                a[ys[keep] + dy, xs[keep] + dx] = rng.uniform(60, 150, int(keep.sum()))
    return Image.fromarray(np.clip(a, 0, 255).round().astype(np.uint8), "L")


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The table cases of set ``name`` (``KINDS``)."""
    heldout = name.startswith("heldout")
    out = []
    for case_name, maker, font, size, table, picks, style, look in KINDS[name]:
        rng = random.Random(f"piatable-ocrflip56-{case_name}")
        path = mos.TUNING_TABLES.get(table) or mos.HELDOUT_DIR / table
        rows = mos.load_table(path)
        case = mos.Case(
            name=case_name,
            rows=mos.printed_rows([rows[i] for i in picks], style),
            maker=maker,
            font=font,
            size=size,
            widths=rng.choice(mos.widths_of(maker, heldout)),
            texts=False,
        )
        out.append((case, look))
    return out


def worn_scan(case: mos.Case, pdf: Path, folder: Path, look: dict) -> Path:
    """``make_scan54_samples.write_scan`` with each page ``worn`` (seeded by the case's name)."""
    target = folder / f"input{s54.SUFFIX[look['save']]}"
    rng = np.random.default_rng(sum(map(ord, case.name)))
    s54.save([worn(p, look, rng) for p in s54.pages_of(pdf, look)], target, look)
    return target


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan, its truth and the set's ``cases.json``."""
    mos.write_manifest(root, s54.build_scans(root, name, set_cases(name), worn_scan))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
