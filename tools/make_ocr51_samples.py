"""Scanned LibreOffice tables with set XII's scan kinds (issues 11/12, session 51): other fonts
than the IPA ones (VL Gothic, Takao, Noto Sans CJK JP: tesseract reads their 0 as 9), pages lit
unevenly (one side's paper darkened to ``LIGHT`` of white) and turned, and cells full of
zeros (2019.10.1, 令和元年10月1日, 〒100-0001), △△ placeholders and 電話：.

Made as tools/make_ocr48_samples.py makes its sets (tools/make_ocr40_samples.py's cases, renders
and tesseract reads, imported): one scanned page per case with its truth (``expected/``) and
tesseract's read (``ocr/``).  Tuning and held-out share no row text and no font.

    python tools/make_ocr51_samples.py [--set office-ocr51|heldout-ocr51]

The held-out set (samples/heldout-ocr51) is measured, never tuned on.  Needs LibreOffice,
poppler, tesseract and the fonts (fc-list :lang=ja); CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40

mos = m40.mos
_II, _row = m40._II, m40._row
_V = "Ⅴ開示請求、問合せ"
_VI = "Ⅵ評価実施手続"
SETS = {name: m40.ROOT / "samples" / name for name in ("office-ocr51", "heldout-ocr51")}

# Set XII's c6: the paper darkened from white on one side to this share of white on the other.
LIGHT = 0.45

# (date printed, six cells): the dates printed as set XII prints them, with zeros.
TUNING_ROWS = (
    (
        "2019.10.1",
        _row(
            "2019-10-01",
            f"{_V}\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
            "〒100-0001 ○○市中央一丁目１番１号\n○○市市民部市民課\n電話：03-1234-5100",
            "〒100-0001 ○○市中央一丁目１番１号\n○○市市民生活部市民窓口課\n電話：03-1234-5101",
            "事後",
            "組織改編に伴う変更",
        ),
    ),
    (
        "2019.10.1",
        _row(
            "2019-10-01",
            f"{_II}\n４．特定個人情報ファイルの取扱いの委託\n②委託先名",
            "株式会社△△情報センター",
            "株式会社△△データサービス",
            "事前",
            "委託先の変更",
        ),
    ),
    (
        "令和2年10月10日",
        _row(
            "2020-10-10",
            f"{_VI}\n３．第三者点検\n①実施日",
            "令和元年10月1日",
            "令和2年10月20日",
            "事前",
            "再評価の実施",
        ),
    ),
)

HELDOUT_ROWS = (
    (
        "R6.10.1",
        _row(
            "2024-10-01",
            f"{_V}\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
            "〒100-0010 △△市本町二丁目２番２号\n△△市総務部総務課\n電話：06-1000-2000",
            "〒100-0010 △△市本町二丁目２番２号\n△△市総務部行政情報課\n電話：06-1000-2010",
            "事後",
            "担当課の変更",
        ),
    ),
    (
        "2020.1.10",
        _row(
            "2020-01-10",
            f"{_VI}\n２．国民・住民等からの意見の聴取\n②実施日・期間",
            "令和元年10月1日から令和元年10月30日まで",
            "令和2年1月10日から令和2年2月8日までの30日間",
            "事前",
            "意見聴取期間の変更",
        ),
    ),
)

# (case name, program, font, look) per set: ``dpi``, ``angle`` (degrees, counter-clockwise),
# ``jpeg`` quality, ``light`` (the darkened side's share of white) and ``side`` (which side).
KINDS = {
    "office-ocr51": (
        ("calc-vlgothic-300-t1", "calc", "VL Gothic", {"dpi": 300, "angle": 0.8, "jpeg": 85, "light": LIGHT}),
        ("writer-takao-200-t2", "writer", "TakaoGothic", {"dpi": 200, "angle": -1.2, "jpeg": 80}),
    ),
    "heldout-ocr51": (
        (
            "calc-noto-300-h1",
            "calc",
            "Noto Sans CJK JP",
            {"dpi": 300, "angle": -0.7, "jpeg": 85, "light": 0.5, "side": "left"},
        ),
        (
            "writer-takaomincho-250-h2",
            "writer",
            "TakaoMincho",
            {"dpi": 250, "angle": 1.0, "jpeg": 80, "light": 0.6},
        ),
    ),
}


_PLAIN_SCAN = m40.scan


def darken(img: Image.Image, light: float, side: str = "right") -> Image.Image:
    """``img`` (greyscale) with a linear gradient multiplied in: 1 on one side, ``light`` on
    ``side`` (right, left, top, bottom)."""
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape
    ramp = np.linspace(0.0, 1.0, w if side in ("right", "left") else h, dtype=np.float32)
    if side in ("left", "top"):
        ramp = ramp[::-1]
    factor = 1.0 - (1.0 - light) * ramp
    a = a * (factor[None, :] if side in ("right", "left") else factor[:, None])
    return Image.fromarray(np.clip(a, 0, 255).round().astype(np.uint8), "L")


def scan(pdf: Path, target: Path, look: dict) -> None:
    """``make_ocr40_samples.scan``'s page, darkened by ``darken`` when the look has ``light``."""
    if "light" not in look:
        _PLAIN_SCAN(pdf, target, look)
        return
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.jpg"
        _PLAIN_SCAN(pdf, plain, dict(look, jpeg=95))
        img = darken(Image.open(plain).convert("L"), look["light"], look.get("side", "right"))
    target.parent.mkdir(parents=True, exist_ok=True)
    img.save(target, "JPEG", quality=look["jpeg"], dpi=(look["dpi"], look["dpi"]))


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``), the rows' dates printed as ``*_ROWS`` give them."""
    heldout = name.startswith("heldout")
    printed = HELDOUT_ROWS if heldout else TUNING_ROWS
    rows = [dict(r, change_date_raw=raw) for raw, r in printed]
    out = []
    for case_name, maker, font, look in KINDS[name]:
        case, _ = m40.case_of(case_name, tuple(r for _, r in printed), maker, heldout, seed="ocr51")
        out.append((dataclasses.replace(case, font=font, rows=rows), look))
    return out


def build(name: str) -> None:
    """Folder samples/``name`` made anew: scans, truths, tesseract reads, ``cases.json``."""
    # make_ocr40_samples.build_scans scans with its module's ``scan``: lent this one meanwhile.
    m40.scan = scan
    try:
        m40.build_scans(SETS[name], name, set_cases(name))
    finally:
        m40.scan = _PLAIN_SCAN


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
