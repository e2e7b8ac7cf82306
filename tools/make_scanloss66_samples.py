"""Scans that lost rows with the status success and no note (branch scanloss66).

    python tools/make_scanloss66_samples.py [--set office-scanloss66|heldout-scanloss66]

Last release's unseen tester found two kinds of scan whose rows went without a word:

* ``joined``: two assessments' filings joined into one file (``pdfunite``), each with its cover
  page (特定個人情報保護評価書（…）, 評価書番号 / 評価書名 / 評価実施機関名 / 公表日, as
  ``make_scan_covers.cover_of`` prints them) on a page of its own before its amendment table: a
  Calc-made filing (.xlsx, the cover a sheet of its own printed first) and a Writer-made one
  (.docx, the cover then a page break), or two of one program;
* ``twotables``: a Writer page holding two amendment tables, the second after a paragraph
  (``split_heading``: 【令和６年度以前の変更】, a note) and with its own column labels, the first
  table starting mid-page after body paragraphs (``lead``) or a cover box above it.

Each filing is made by ``make_office_samples`` (python-docx / openpyxl, exported by LibreOffice),
rendered grey by pypdfium2 at ``dpi`` (150–200) and damaged as a scanner does
(``make_scans.damage``: turned, soft, noisy, specks, JPEG), saved as an image-only PDF, a
multi-page TIFF or (one page) a PNG.  ``expected/records.json`` holds both tables' rows in
print order, pages counted in the joined file.

``office-scanloss66`` (tuning) draws from the tuning tables' rows, fonts and covers;
``heldout-scanloss66`` (measure only, never tune on it) from the held-out ones, with other
seeds, resolutions, headings and layouts.  Needs LibreOffice, poppler (pdfunite) and the fonts.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_scan_covers as covers
import make_scans

SETS = {name: mos.SAMPLES / name for name in ("office-scanloss66", "heldout-scanloss66")}

# (kind, makers, rows per table, look).  ``joined``: one filing per maker; ``twotables``: one
# Writer page of two tables (rows: first, second).
LOOKS = {
    "office-scanloss66": (
        ("joined", ("calc", "writer"), (7, 6), {"dpi": 180, "save": "pdf"}),
        ("joined", ("writer", "calc"), (4, 5), {"dpi": 200, "save": "tif"}),
        (
            "twotables",
            ("writer",),
            (3, 3),
            {"dpi": 180, "save": "png", "heading": "【令和６年度以前の変更】", "lead": 3},
        ),
        (
            "twotables",
            ("writer",),
            (2, 3),
            {
                "dpi": 200,
                "save": "png",
                "heading": "※以下は、令和５年度までに行った変更である。",
                "lead": 0,
                "cover": True,
            },
        ),
        (
            "twotables",
            ("writer",),
            (3, 2),
            {"dpi": 150, "save": "pdf", "heading": "【令和５年度以前の変更】", "lead": 2},
        ),
    ),
    "heldout-scanloss66": (
        ("joined", ("writer", "calc"), (6, 5), {"dpi": 190, "save": "pdf"}),
        ("joined", ("calc", "calc"), (5, 4), {"dpi": 160, "save": "tif"}),
        (
            "twotables",
            ("writer",),
            (2, 3),
            {"dpi": 190, "save": "png", "heading": "【令和４年度以前の変更箇所】", "lead": 4},
        ),
        (
            "twotables",
            ("writer",),
            (3, 2),
            {"dpi": 170, "save": "pdf", "heading": "（以下、過去の変更）", "lead": 1, "cover": True},
        ),
    ),
}
# Body paragraphs printed above a table (a filing's lead: what the table is).
LEADS = (
    "Ⅵ　評価実施手続",
    "本評価書は、特定個人情報保護評価に関する規則に基づき、以下のとおり変更を行った。",
    "変更の内容は、次の変更箇所の表のとおりである。なお、軽微な変更は事後に提出している。",
    "評価書の記載事項のうち、変更した箇所を以下に示す。",
    "（参考）評価の再実施の要否については、別途検討した。",
)
SEP = ("slash", "wareki", "wareki_fw", "short", "seireki")


def _filing(name: str, maker: str, n: int, heldout: bool, rng: random.Random) -> tuple[mos.Case, dict]:
    """A filing of ``n`` rows by ``maker`` with its cover on a page of its own; its facts."""
    pool = mos._row_pool(heldout)
    start = rng.randrange(len(pool) - n)
    case = mos.plain_case(name, [dict(r) for r in pool[start : start + n]], maker, heldout, rng.choice(SEP))
    title, cells, facts = covers.cover_of(rng, heldout)
    case = replace(
        case,
        texts=False,
        merge=False,
        rows_per_page=None,
        cover_title=title,
        cover=cells,
        cover_own_page=True,
        fallback_glyphs="○□△",
    )
    return case, facts


def _two_tables(name: str, rows: tuple[int, int], heldout: bool, look: dict, rng: random.Random) -> mos.Case:
    """A Writer page whose table is cut after ``rows[0]`` rows by ``look['heading']``, the rest
    printed as a second table with its own labels; ``look['lead']`` body paragraphs (or a cover
    box, ``look['cover']``) above the first."""
    pool = mos._row_pool(heldout)
    n = sum(rows)
    start = rng.randrange(len(pool) - n)
    case = mos.plain_case(
        name, [dict(r) for r in pool[start : start + n]], "writer", heldout, rng.choice(SEP)
    )
    lead = tuple(rng.sample(LEADS, look["lead"])) if look["lead"] else ()
    extra: dict = {}
    if look.get("cover"):
        title, cells, _ = covers.cover_of(rng, heldout)
        extra = {"cover_title": title, "cover": cells, "cover_own_page": False}
    return replace(
        case,
        texts=False,
        merge=False,
        lead=lead,
        split_after=rows[0],
        split_heading=look["heading"],
        split_labels=True,
        fallback_glyphs="○□△",
        **extra,
    )


def _pages(pdf: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(str(pdf)).pages)


def _scan(pdf: Path, folder: Path, look: dict, seed: str) -> tuple[Path, int]:
    """``pdf``'s pages rendered at ``look['dpi']``, damaged, saved as ``look['save']``."""
    rng = random.Random(f"piatable-scanloss66-damage-{seed}")
    dpi = look["dpi"]
    pages = make_scans.rasterise(pdf, dpi)
    damaged = [
        make_scans.damage(
            g,
            dpi,
            make_scans.Damage(
                angle=round(rng.uniform(-0.9, 0.9), 2),
                noise=round(rng.uniform(2.0, 5.0), 1),
                jpeg=rng.choice((45, 55, 65)),
                seed=rng.randint(0, 999),
            ),
        )
        for g in pages
    ]
    suffix = look["save"] if len(damaged) > 1 or look["save"] != "png" else "png"
    if suffix == "png" and len(damaged) > 1:
        suffix = "pdf"
    target = folder / f"input.{suffix}"
    make_scans.save(damaged, target, dpi, 40)
    return target, len(damaged)


def _shifted(records: list[dict], pages: int, first: int) -> list[dict]:
    """``records`` numbered on from ``first``, their pages counted ``pages`` on."""
    shift = {"page_start": pages, "page_end": pages}
    return [
        r | {"row_index": first + k} | {key: r[key] + d for key, d in shift.items()}
        for k, r in enumerate(records)
    ]


def build(name: str) -> None:
    """Folder ``SETS[name]`` made anew: each case's scan, its truth and ``cases.json``."""
    root = SETS[name]
    heldout = name.startswith("heldout")
    prefix = "hsl66" if heldout else "sl66"
    plans = []
    cases: list[mos.Case] = []
    for k, (kind, makers, rows, look) in enumerate(LOOKS[name], 1):
        cname = f"{prefix}-{kind}-{'-'.join(makers)}{look['dpi']}"
        rng = random.Random(f"piatable-scanloss66-{cname}-{k}")
        if kind == "joined":
            parts = [
                _filing(f"{cname}-part{j}", m, n, heldout, rng)
                for j, (m, n) in enumerate(zip(makers, rows, strict=True))
            ]
            cases += [c for c, _ in parts]
            plans.append((cname, kind, [c.name for c, _ in parts], [f for _, f in parts], look))
        else:
            c = replace(_two_tables(cname, rows, heldout, look, rng), name=f"{cname}-part0")
            cases.append(c)
            plans.append((cname, kind, [c.name], [], look))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = mos.render(cases, work)
        if root.exists():
            shutil.rmtree(root)
        manifest: dict[str, dict] = {}
        for cname, kind, parts, facts, look in plans:
            folder = root / cname
            folder.mkdir(parents=True)
            pdfs = [made[p][1] for p in parts]
            expected: list[dict] = []
            offset = 0
            for pdf, p in zip(pdfs, parts, strict=True):
                expected += _shifted(made[p][2], offset, len(expected))
                offset += _pages(pdf)
            if len(pdfs) > 1:
                joined = work / f"{cname}.pdf"
                subprocess.run(["pdfunite", *map(str, pdfs), str(joined)], check=True)
            else:
                joined = pdfs[0]
            target, pages = _scan(joined, folder, look, cname)
            mos.write_json(folder / "expected" / "records.json", expected)
            if facts:
                mos.write_json(folder / "expected" / "documents.json", facts)
            case0 = next(c for c in cases if c.name == parts[0])
            manifest[cname] = (
                mos.settings_of(case0)
                | {"kind": kind, "makers": [next(c for c in cases if c.name == p).maker for p in parts]}
                | {"table_rows": [len(made[p][2]) for p in parts]}
                | look
                | {"rows": len(expected), "pages": pages}
            )
            size = target.stat().st_size // 1024
            print(f"{name}/{cname}: {len(expected)} rows, {pages} pages, {size} KB", file=sys.stderr)
        mos.write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=name, never=NEVER if heldout else ""), "utf-8")


NEVER = "\nHeld out: measure on it, never tune on it.\n"
README = """# {name}: scans that lost rows without a word (branch scanloss66)

LibreOffice Calc and Writer filings rendered by pypdfium2 and damaged as a scanner does
(tools/make_scanloss66_samples.py): two filings, each with its cover page, joined by `pdfunite`
into one scan (`joined`), and a Writer page holding two amendment tables, the second after a
heading paragraph with its own column labels, the first after body paragraphs or a cover box
(`twotables`).
{never}
    python tools/make_scanloss66_samples.py --set {name}
    python tools/eval_office.py samples/{name} --cases
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
