"""Scanned LibreOffice tables for issues 11 and 12 (session 40): item cells whose circled numbers
are the document's own (⑤使用目的 where the form's current edition prints ⑥), full-width digits,
brackets and colons in Mincho and Gothic text (０００－００００, １９名, （注）), and ＜…＞ headings
inside the text cells (＜市における措置＞).

    python tools/make_ocr40_samples.py                         # both sets
    python tools/make_ocr40_samples.py --set scan-ocr40        # tuning set (samples/scan-ocr40)
    python tools/make_ocr40_samples.py --set heldout-scan-ocr40   # held-out: measure only

Each case is ``SET/NAME/input.jpg`` (one page, rendered by ``pdftoppm`` at 200 or 300 dpi, turned
0.3–1°, JPEG-compressed with Pillow) with ``expected/records.json`` (the table's true cells) and
``ocr/page-1.{tsv,json}`` (tesseract's read, ``tools/ocr_cache.py``'s layout) so that the tests
run everything after tesseract without it.  The tuning set and the held-out set share no row
text; the look (program, font, size, dpi, angle, JPEG quality) is drawn by an RNG seeded with
the case's name.  Needs LibreOffice, poppler and the IPA fonts; CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "scan-ocr40": ROOT / "samples" / "scan-ocr40",
    "heldout-scan-ocr40": ROOT / "samples" / "heldout-scan-ocr40",
}

_II = "Ⅱ特定個人情報ファイルの概要"
_III = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"


_FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _row(*cells: str) -> dict:
    """A true row from its six cells in ``_FIELDS``'s order (the date in ISO form)."""
    return dict(zip(_FIELDS, cells, strict=True))


# Tuning rows: circled numbers of the document's own (the form's numbers: ③ ⑥ ⑥ ②), full-width
# numbers, a ＜…＞ heading in a text cell.
TUNING_ROWS = (
    _row(
        "2022-04-01",
        f"{_II}\n２．基本情報\n②対象となる本人の範囲",
        "区域内に住所を有する者",
        "区域内に住所を有する者及び\n住所を有していた者",
        "事前",
        "記載内容の明確化",
    ),
    _row(
        "2022-04-01",
        f"{_II}\n３．特定個人情報の入手・使用\n⑤使用目的",
        "住民基本台帳の記録を行うため",
        "住民基本台帳の正確な記録を\n行うため",
        "事後",
        "文言の修正",
    ),
    _row(
        "2022-04-01",
        f"{_II}\n６．特定個人情報の保管・消去\n①保管場所",
        "＜市における措置＞\n庁舎内電算室のサーバに保管する。",
        "＜市における措置＞\n庁舎外のデータセンターに保管\nする。",
        "事前",
        "保管場所の変更",
    ),
    _row(
        "2023-10-01",
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名",
        "市民課長\n（電話０００－０００－００００）",
        "市民窓口課長\n（電話０００－１２３－４５６７）",
        "事後",
        "組織改正",
    ),
    _row(
        "2023-10-01",
        f"{_II}\n４．特定個人情報ファイルの取扱いの委託\n⑤委託先名",
        "株式会社サンプル情報\n（取扱者数：１９名）",
        "株式会社みどり電算\n（取扱者数：２５名）",
        "事後",
        "委託先の変更",
    ),
)

# Held-out rows: other headings, other numbers, other texts.
HELDOUT_ROWS = (
    _row(
        "2021-07-01",
        f"{_II}\n３．特定個人情報の入手・使用\n⑥使用の主体",
        "福祉課",
        "福祉総務課",
        "事後",
        "組織改正による課名変更",
    ),
    _row(
        "2021-07-01",
        f"{_II}\n２．基本情報\n⑤事務担当部署",
        "介護保険課（内線２１５）",
        "高齢福祉課（内線３０８）",
        "事後",
        "組織改正",
    ),
    _row(
        "2021-07-01",
        f"{_II}\n６．特定個人情報の保管・消去\n③消去方法",
        "＜中間サーバーにおける措置＞\n中間サーバーはデータセンターに\n設置する。",
        "＜ガバメントクラウドにおける措置＞\nクラウド事業者のデータセンターに\n設置する。",
        "事前",
        "ガバメントクラウドへの移行",
    ),
    _row(
        "2024-01-15",
        f"{_II}\n４．特定個人情報ファイルの取扱いの委託\n⑧再委託の有無",
        "再委託しない",
        "再委託する\n（再委託先：３社）",
        "事前",
        "運用保守の再委託",
    ),
)


def case_of(
    name: str, rows: tuple[dict, ...], maker: str, heldout: bool, seed: str = "ocr40"
) -> tuple[mos.Case, dict]:
    """A case and how it is scanned, drawn from an RNG seeded with ``seed`` and its name."""
    rng = random.Random(f"piatable-{seed}-{name}")
    font = "IPAexMincho" if "mincho" in name else "IPAexGothic"
    if heldout:
        font = "IPAMincho" if "mincho" in name else "IPAGothic"
    widths = rng.choice(mos.widths_of(maker, heldout))
    case = mos.Case(
        name=name,
        rows=mos.printed_rows(
            [dict(r, change_date_raw="") for r in rows], rng.choice(("wareki_fw", "slash", "wareki"))
        ),
        maker=maker,
        font=font,
        size=rng.choice((8.0, 9.0, 10.0, 10.5, 11.0)),
        widths=widths,
        valign="top",
        texts=False,
    )
    look = {
        "dpi": 300 if "300" in name else 200,
        "angle": round(rng.choice((-1, 1)) * rng.uniform(0.3, 1.0), 2),
        "jpeg": rng.choice((55, 65, 75)),
    }
    return case, look


# (program, font, dpi) of the four looks every scanned set has (Calc and Writer, Mincho and
# Gothic, 200 and 300 dpi); some sets take fewer or more.
KINDS = (
    ("calc", "mincho", 200),
    ("writer", "mincho", 300),
    ("calc", "gothic", 300),
    ("writer", "gothic", 200),
)


def kind_cases(
    kinds: tuple[tuple[str, str, int], ...],
    rows: tuple[dict, ...],
    heldout: bool,
    seed: str = "ocr40",
    date_style: str | None = None,
) -> list[tuple[mos.Case, dict]]:
    """One case of ``rows`` per (program, font, dpi) of ``kinds``, named
    ``<program>-<font>-<dpi>-<t|h><k>`` (``case_of`` draws the rest of its look with ``seed``);
    with ``date_style`` (``mos.printed_rows``' styles: ``slash``, ``wareki`` …) every change date
    is printed in that style (tools/make_ocr47_samples.py, make_ocr48_samples.py)."""
    tag = "h" if heldout else "t"
    out = [
        case_of(f"{maker}-{font}-{dpi}-{tag}{k}", rows, maker, heldout, seed=seed)
        for k, (maker, font, dpi) in enumerate(kinds, 1)
    ]
    if date_style is None:
        return out
    dated = mos.printed_rows([dict(r, change_date_raw="") for r in rows], date_style)
    return [(dataclasses.replace(case, rows=dated), look) for case, look in out]


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """Calc and Writer, Mincho and Gothic, 200 and 300 dpi: four tuning cases, two held-out."""
    if heldout:
        return kind_cases((("calc", "mincho", 300), ("writer", "gothic", 200)), HELDOUT_ROWS, True)
    return kind_cases(KINDS, TUNING_ROWS, False)


def scan(pdf: Path, target: Path, look: dict) -> None:
    """The PDF's first page rendered by pdftoppm at ``look['dpi']``, turned by ``look['angle']``
    degrees and saved as a greyscale JPEG of quality ``look['jpeg']``."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(look["dpi"]), "-f", "1", "-l", "1", "-png", str(pdf), str(stem)],
            check=True,
        )
        img = Image.open(sorted(Path(tmp).glob("page*.png"))[0]).convert("L")
        img = img.rotate(look["angle"], resample=Image.BICUBIC, expand=False, fillcolor=255)
        target.parent.mkdir(parents=True, exist_ok=True)
        img.save(target, "JPEG", quality=look["jpeg"], dpi=(look["dpi"], look["dpi"]))


def write_ocr(target: Path) -> None:
    """Tesseract's read of the scan, in ``tools/ocr_cache.py``'s layout under ``ocr/``."""
    from ocr_cache import save_scans

    from piatable.extract.ocr.pages import scan_image_file
    from piatable.settings import Settings

    scans = scan_image_file(target, Settings().ocr)
    ocr = target.parent / "ocr"
    if ocr.exists():
        shutil.rmtree(ocr)
    save_scans(ocr, scans, len(scans))


def jpeg_scanner(pdf: Path, folder: Path, look: dict, back: Path) -> Path:
    """``scan``'s greyscale JPEG of the PDF's first page as ``folder / input.jpg``; the file
    written (``back``, the next case's PDF, unused: ``build_scans``' scanner signature)."""
    target = folder / "input.jpg"
    scan(pdf, target, look)
    return target


def build_scans(
    root: Path,
    name: str,
    made_cases: list[tuple[mos.Case, dict]],
    scanner: Callable[[Path, Path, dict, Path], Path] = jpeg_scanner,
) -> None:
    """Folder ``root`` made anew from ``made_cases`` (a case and its look, as ``case_of`` gives):
    each case's scan (``scanner(pdf, folder, look, back)`` writes it and gives its path;
    ``back`` is the next case's PDF, for a page showing through), truth, tesseract read, and
    the set's ``cases.json``."""
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render([c for c, _ in made_cases], Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        names = [c.name for c, _ in made_cases]
        for k, (case, look) in enumerate(made_cases):
            _, pdf, expected = made[case.name]
            folder = root / case.name
            target = scanner(pdf, folder, look, made[names[(k + 1) % len(names)]][1])
            write_ocr(target)
            mos.write_json(folder / "expected" / "records.json", expected)
            manifest[case.name] = mos.settings_of(case) | look | {"rows": len(expected)}
            size = target.stat().st_size // 1024
            print(f"{name}/{case.name}: {len(expected)} rows, {size} KB", file=sys.stderr)
        mos.write_manifest(root, manifest)


def make_sets(argv: list[str] | None, doc: str | None, sets: dict[str, Path], cases_of) -> int:
    """Make the sets of ``sets`` named with ``--set`` (each by default) from ``cases_of(heldout)``
    (a generator's ``set_cases``); 0."""
    for name in mos.set_arguments(argv, doc, sets).set:
        build_scans(sets[name], name, cases_of(name.startswith("heldout")))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
