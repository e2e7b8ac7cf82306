"""Scanned assessments with a cover: LibreOffice tables (.xlsx / .docx → PDF) whose first page
prints the cover facts (評価書番号, 評価書名, 評価実施機関名, 公表日) above the table or on a page of
its own, rendered to page images and damaged as a scanner would (turned, noisy, JPEG).

    python tools/make_scan_covers.py                 # both sets
    python tools/make_scan_covers.py --set scan8     # tuning set (samples/scan8)
    python tools/make_scan_covers.py --set heldout-scan8   # held-out set: measure only

Each case is ``SET/NAME/input.{jpg,pdf}`` (one page: a JPEG; more: an image-only PDF) with
``expected/records.json`` (the table's true cells) and ``expected/documents.json`` (the cover
facts printed).  The tuning set draws its rows, agencies and names from the tuning tables, the
held-out set from the held-out ones and other names; the look (program, font, size, widths,
dpi, angle, noise) is drawn by an RNG seeded with the case's name.  Needs LibreOffice and the
IPA fonts (see tools/make_office_samples.py); CI only reads the committed files.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scans
from flatten import render_date

ROOT = Path(__file__).resolve().parent.parent
SETS = {"scan8": ROOT / "samples" / "scan8", "heldout-scan8": ROOT / "samples" / "heldout-scan8"}

TUNING_AGENCIES = ("サンプル市長", "みどり町長", "東山市教育委員会", "北浜県知事")
HELDOUT_AGENCIES = ("さくら村長", "西川市長", "南原県後期高齢者医療広域連合長")
TUNING_AFFAIRS = ("住民基本台帳に関する事務", "国民健康保険に関する事務", "個人住民税の賦課に関する事務")
HELDOUT_AFFAIRS = ("児童手当の支給に関する事務", "介護保険に関する事務")
FORM_NAMES = ("全項目評価書", "基礎項目評価書", "重点項目評価書")


def cover_of(rng: random.Random, heldout: bool) -> tuple[str, tuple[tuple[str, str], ...], dict]:
    """The cover's title, its (label, value) cells and the facts it prints."""
    form = rng.choice(FORM_NAMES)
    number = str(rng.randint(1, 40))
    name = rng.choice(HELDOUT_AFFAIRS if heldout else TUNING_AFFAIRS) + " " + form
    agency = rng.choice(HELDOUT_AGENCIES if heldout else TUNING_AGENCIES)
    year, month, day = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    published = render_date(iso, rng.choice(("wareki", "slash", "wareki_fw")))
    cells = (("評価書番号", number), ("評価書名", name), ("評価実施機関名", agency), ("公表日", published))
    facts = {
        "assessment_number": number,
        "assessment_name": name,
        "agency": agency,
        "published_raw": published,
        "published": iso,
        "form": form,
    }
    return f"特定個人情報保護評価書（{form}）", cells, facts


def scan_case(name: str, heldout: bool, own_page: bool, maker: str) -> tuple[mos.Case, dict, dict]:
    """A table of 3–5 rows with a cover, and how it is scanned."""
    rng = random.Random(f"piatable-scan8-{name}")
    pool = mos._row_pool(heldout)
    n = rng.randint(3, 5)
    start = rng.randrange(len(pool) - n)
    rows = mos.printed_rows(pool[start : start + n], rng.choice(mos.DATE_STYLES))
    title, cells, facts = cover_of(rng, heldout)
    fonts = mos.HELDOUT_FONTS if heldout else mos.TUNING_FONTS
    widths = rng.choice(mos.widths_of(maker, heldout))
    case = mos.Case(
        name=name,
        rows=rows,
        maker=maker,
        font=rng.choice(fonts),
        size=rng.choice((10.0, 10.5, 11.0)),
        widths=widths,
        valign=rng.choice(("top", "center")),
        appendix=rng.choice(("２", "3")),
        texts=False,
        cover_title=title,
        cover=cells,
        cover_own_page=own_page,
    )
    look = {
        "dpi": rng.choice((150, 200)),
        "angle": round(rng.uniform(-1.0, 1.0), 2),
        "noise": round(rng.uniform(2.0, 4.0), 1),
        "jpeg": rng.choice((40, 50)),
        "seed": rng.randint(0, 999),
    }
    return case, facts, look


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict, dict]]:
    """Tuning: six cases; held-out: four.  Covers above the table and on their own page, by Calc
    and by Writer."""
    tag = "h" if heldout else "t"
    kinds = [("calc", False), ("writer", False), ("calc", True), ("writer", True)]
    if not heldout:
        kinds += [("calc", False), ("writer", True)]
    return [
        scan_case(f"{m}-{'page' if own else 'above'}-{tag}{k}", heldout, own, m)
        for k, (m, own) in enumerate(kinds, 1)
    ]


def build(name: str) -> None:
    root = SETS[name]
    made_cases = set_cases(name.startswith("heldout"))
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render([c for c, _, _ in made_cases], Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        for case, facts, look in made_cases:
            _, pdf, expected = made[case.name]
            folder = root / case.name
            pages = make_scans.rasterise(pdf, look["dpi"])
            damaged = [
                make_scans.damage(
                    g,
                    look["dpi"],
                    make_scans.Damage(
                        angle=look["angle"], noise=look["noise"], jpeg=look["jpeg"], seed=look["seed"] + k
                    ),
                )
                for k, g in enumerate(pages)
            ]
            target = folder / ("input.jpg" if len(damaged) == 1 else "input.pdf")
            make_scans.save(damaged, target, look["dpi"], look["jpeg"])
            mos.write_json(folder / "expected" / "records.json", expected)
            mos.write_json(folder / "expected" / "documents.json", facts)
            manifest[case.name] = (
                mos.settings_of(case) | look | {"pages": len(damaged), "rows": len(expected)}
            )
            print(
                f"{name}/{case.name}: {len(expected)} rows, {len(damaged)} pages, "
                f"{target.stat().st_size // 1024} KB",
                file=sys.stderr,
            )
        mos.write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
