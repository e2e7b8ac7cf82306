"""Scanned LibreOffice tables with marks that are not rulings and headings numbered the
document's own way (issue 11, session 70; set XXXI's t09, t03, t02 scans).

* ``streaks``: dark lines of dirt on a feeder's glass, straight down the image from its top
  edge, of ragged darkness, through the table's text (t09: "the item column is ruled as 2
  columns", 0 of 13 rows right);
* ``show``: the sheet's other side showing through, mirrored and faint (t03: its rulings split
  変更前 and 変更後, 4 of 13 rows right);
* every case numbers some item headings otherwise than the current form (②委託先名 where the
  form prints ⑥, ⑨再委託の有無 for ⑦), as older editions and many documents do; tesseract reads
  the Gothic fonts' circled numbers as ``@``, which the form's numbering then filled in wrongly.

Made as tools/make_ocr40_samples.py makes its sets (LibreOffice Calc / Writer from .xlsx /
.docx by ``make_office_samples``, one page rendered by pdftoppm at 200 dpi, turned a little,
damaged here, a greyscale JPEG; truth and tesseract's read committed):
``python tools/make_ocr70_samples.py [--set scan-ocr70|heldout-scan-ocr70]``.  The held-out set
shares no row text with the tuning set, and is measured, never tuned on.  Needs LibreOffice,
poppler and the IPAex fonts; CI only reads the committed files.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40

mos = m40.mos
_I = "Ⅰ基本情報"
_II, _III, _row = m40._II, m40._III, m40._row
_V = "Ⅴ開示請求、問合せ"
_ITAKU = f"{_II}\n４．特定個人情報ファイルの取扱いの委託"
SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr70", "heldout-scan-ocr70")}

TUNING_ROWS = (
    _row(
        "2023-04-01",
        f"{_ITAKU}\n委託事項２\n②委託先名",
        "株式会社北日本システムサービス",
        "株式会社東日本情報テクノロジー",
        "事前",
        "委託先の変更に伴う修正",
    ),
    _row(
        "2023-04-01",
        f"{_I}\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム１\n①システムの名称",
        "住民基本台帳システム",
        "住民記録システム（標準準拠システム）",
        "事後",
        "標準準拠システムへの移行",
    ),
    _row(
        "2023-10-01",
        f"{_ITAKU}\n委託事項１\n⑨再委託の有無",
        "再委託しない",
        "再委託する",
        "事前",
        "委託契約の見直しに伴う修正",
    ),
    _row(
        "2023-10-01",
        f"{_III}\n７．特定個人情報の保管・消去\n⑤物理的対策",
        "・監視カメラを設置している。\n・入退室管理を行っている。",
        "・監視カメラを設置している。\n・クラウド事業者による物理的対策を確認している。",
        "事後",
        "ガバメントクラウドへの移行に伴う修正",
    ),
    _row(
        "2024-02-01",
        f"{_II}\n３．特定個人情報の入手・使用\n⑧使用方法",
        "住民異動の届出に基づき住民票を作成する。",
        "住民異動の届出に基づき住民票を作成し、写しを交付する。",
        "事後",
        "記載内容の明確化",
    ),
    _row(
        "2024-02-01",
        f"{_V}\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "青葉台市総務部総務課",
        "青葉台市総務部行政管理課",
        "事後",
        "組織改編に伴う修正",
    ),
)

HELDOUT_ROWS = (
    _row(
        "2022-07-01",
        f"{_ITAKU}\n委託事項１\n③委託先名",
        "株式会社南海データセンター",
        "株式会社西日本電算サービス",
        "事前",
        "契約更新に伴う委託先の変更",
    ),
    _row(
        "2022-07-01",
        f"{_I}\n７．評価実施機関における担当部署\n②所属長の役職名",
        "市民課長",
        "市民生活部長",
        "事後",
        "組織改編に伴う変更",
    ),
    _row(
        "2022-11-15",
        f"{_II}\n６．特定個人情報の保管・消去\n①保管場所",
        "庁舎内のサーバ室に設置したサーバに保管する。",
        "ガバメントクラウド上のデータベースに保管する。",
        "事前",
        "保管場所の変更",
    ),
    _row(
        "2022-11-15",
        f"{_III}\n７．特定個人情報の保管・消去\n⑥技術的対策",
        "・ウイルス対策ソフトを導入している。",
        "・ウイルス対策ソフトを導入し、定義ファイルを毎日更新している。",
        "事後",
        "対策の具体化",
    ),
    _row(
        "2023-03-01",
        f"{_II}\n２．基本情報\n④記録される項目",
        "・識別情報：個人番号\n・連絡先等情報：４情報",
        "・識別情報：個人番号\n・連絡先等情報：４情報、電話番号",
        "事後",
        "記録項目の追加",
    ),
)

# (program, font, damage) of each case; all at 200 dpi.
TUNING_KINDS = (("calc", "gothic", "streaks"), ("writer", "gothic", "show"), ("calc", "mincho", "both"))
HELDOUT_KINDS = (("writer", "gothic", "streaks"), ("calc", "gothic", "show"), ("writer", "mincho", "both"))
DPI = 200


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """One case per kind (TUNING_KINDS, HELDOUT_KINDS): the rows of the set, drawn as
    ``make_ocr40_samples.case_of`` draws them, and the damage in the look."""
    rows, kinds = (HELDOUT_ROWS, HELDOUT_KINDS) if heldout else (TUNING_ROWS, TUNING_KINDS)
    tag = "h" if heldout else "t"
    out = []
    for k, (maker, font, damage) in enumerate(kinds, 1):
        case, look = m40.case_of(f"{maker}-{font}-{damage}-{tag}{k}", rows, maker, heldout, seed="ocr70")
        rng = random.Random(f"piatable-ocr70-{case.name}")
        look = look | {"dpi": DPI, "damage": damage, "seed": rng.randint(0, 9999)}
        out.append((case, look))
    return out


def _render(pdf: Path, dpi: int) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-png", str(pdf), str(stem)],
            check=True,
        )
        return np.asarray(
            Image.open(sorted(Path(tmp).glob("page*.png"))[0]).convert("L"), dtype=np.uint8
        ).copy()


def _show_through(img: np.ndarray, back: np.ndarray, rng: random.Random) -> np.ndarray:
    """``img`` with ``back`` (another page) mirrored and faint behind it, as a thin sheet's
    other side shows through: black there prints at grey 205–220."""
    back = np.asarray(Image.fromarray(np.fliplr(back)).resize((img.shape[1], img.shape[0])), dtype=np.float32)
    alpha = rng.uniform(0.14, 0.2)
    faint = 255 - (255 - back) * alpha
    return np.minimum(img.astype(np.float32), faint).astype(np.uint8)


def _streaks(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """``img`` with two to four dark streaks from the top edge down (a feeder's dirty glass):
    straight in the image, 2–4 px wide, of ragged darkness along them; one may stop short."""
    out = img.astype(np.float32)
    h, w = out.shape
    for _ in range(rng.randint(2, 4)):
        x = int(rng.uniform(0.12, 0.9) * w)
        width = rng.randint(2, 4)
        base = rng.uniform(25, 90)
        ragged = np.convolve(
            np.random.default_rng(rng.randint(0, 999)).normal(0, 40, h), np.ones(25) / 25, "same"
        )
        tone = np.clip(base + ragged, 0, 160)
        end = h if rng.random() < 0.7 else int(rng.uniform(0.6, 0.95) * h)
        for dx in range(width):
            col = out[:end, x + dx]
            out[:end, x + dx] = np.minimum(col, tone[:end] + (40 if dx in (0, width - 1) else 0))
    return np.clip(out, 0, 255).astype(np.uint8)


def scan70(pdf: Path, back: Path, target: Path, look: dict) -> None:
    """The PDF's first page at ``look['dpi']`` with ``look['damage']`` (``streaks``, ``show`` or
    ``both``; ``back``: the PDF whose page shows through), turned by ``look['angle']`` degrees
    (the page on the glass; streaks stay straight down the image), noise, a greyscale JPEG."""
    rng = random.Random(look["seed"])
    img = _render(pdf, look["dpi"])
    if look["damage"] in ("show", "both"):
        img = _show_through(img, _render(back, look["dpi"]), rng)
    page = Image.fromarray(img).rotate(look["angle"], resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = np.asarray(page, dtype=np.uint8)
    if look["damage"] in ("streaks", "both"):
        img = _streaks(img, rng)
    noisy = img.astype(np.float32) + np.random.default_rng(look["seed"]).normal(0, 4, img.shape)
    target.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(
        target, "JPEG", quality=look["jpeg"], dpi=(look["dpi"], look["dpi"])
    )


def scanner70(pdf: Path, folder: Path, look: dict, back: Path) -> Path:
    """``scan70``'s JPEG as ``folder / input.jpg`` (``make_ocr40_samples.build_scans``' scanner)."""
    target = folder / "input.jpg"
    scan70(pdf, back, target, look)
    return target


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    for name in mos.set_arguments(argv, __doc__, SETS).set:
        m40.build_scans(SETS[name], name, set_cases(name.startswith("heldout")), scanner70)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
