"""Scanned LibreOffice tables ruled with horizontal rules only (issues 11/12, session 52; set
XIII's h-rule scans): Calc and Writer tables with each row's top and foot ruled and no vertical
rulings at all (``make_office_samples``' ``inner_rule="hrules"``), in Mincho and Gothic at 8–11
pt, scanned at 200–300 dpi and turned, with full-width Latin inside the text (（市町村ＣＳ）,
ＩＳＭＡＰ) and 。／、 next to where a column's text ends.

Made as tools/make_ocr51_samples.py makes its sets (tools/make_ocr40_samples.py's cases, renders
and tesseract reads, imported): one scanned page per case with its truth (``expected/``) and
tesseract's read (``ocr/``).  Tuning and held-out share no row text and no font.

    python tools/make_ocr52_samples.py [--set office-ocr52|heldout-ocr52]

The held-out set (samples/heldout-ocr52) is measured, never tuned on.  Needs LibreOffice,
poppler, tesseract and the fonts (fc-list :lang=ja); CI only reads the committed files.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40

mos = m40.mos
_II, _row = m40._II, m40._row
_I = "Ⅰ基本情報"
_V = "Ⅴ開示請求、問合せ"
SETS = {name: m40.ROOT / "samples" / name for name in ("office-ocr52", "heldout-ocr52")}

# (date printed, six cells).
TUNING_ROWS = (
    (
        "令和５年４月１日",
        _row(
            "2023-04-01",
            f"{_I}\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n①システムの名称",
            "住民基本台帳ネットワークシステム",
            "住民基本台帳ネットワークシステム（市町村ＣＳ）",
            "事後",
            "記載内容の明確化",
        ),
    ),
    (
        "令和５年４月１日",
        _row(
            "2023-04-01",
            f"{_II}\n（１．住民基本台帳ファイル）\n２．基本情報\n③対象となる本人の範囲",
            "区域内の住民（住民基本台帳法第５条に基づき住民基本台帳に記録された住民を指す。）",
            "区域内の住民（住民基本台帳法第５条に基づき住民基本台帳に記録された住民を指す。）\n"
            "※住民基本台帳から消除された者を含む。",
            "事後",
            "記載内容の明確化",
        ),
    ),
    (
        "令和５年７月１日",
        _row(
            "2023-07-01",
            f"{_II}\n（１．住民基本台帳ファイル）\n６．特定個人情報の保管・消去\n①保管場所",
            "入退室管理を行っているサーバー室に設置したサーバー内に保管する。",
            "ガバメントクラウドのデータセンターに保管する。データセンターは、ＩＳＭＡＰのリストに"
            "登録されたクラウドサービス事業者が保有・管理する。",
            "事前",
            "ガバメントクラウドへの移行",
        ),
    ),
)

HELDOUT_ROWS = (
    (
        "令和６年１月１０日",
        _row(
            "2024-01-10",
            f"{_V}\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
            "〒２００－０００２\n××市北町三丁目３番３号\n××市税務部課税課",
            "〒２００－０００２\n××市北町三丁目３番３号\n××市財務部市民税課（ＦＡＸ兼用）",
            "事後",
            "組織の見直しによる変更",
        ),
    ),
    (
        "令和６年１月１０日",
        _row(
            "2024-01-10",
            f"{_II}\n（２．国民健康保険ファイル）\n３．特定個人情報の入手・使用\n⑤本人への明示",
            "国民健康保険法に基づき入手する。",
            "国民健康保険法に基づき入手する。また、ＬＧＷＡＮを経由して情報を受け取る場合がある。",
            "事前",
            "入手経路の追加",
        ),
    ),
    (
        "令和６年４月１日",
        _row(
            "2024-04-01",
            f"{_II}\n（２．国民健康保険ファイル）\n４．特定個人情報ファイルの取扱いの委託\n⑧再委託の有無",
            "再委託しない",
            "再委託する",
            "事前",
            "保守業務の再委託",
        ),
    ),
)

# (case name, program, font, size in points, look) per set: ``dpi``, ``angle`` (degrees,
# counter-clockwise), ``jpeg`` quality.
KINDS = {
    "office-ocr52": (
        ("calc-ipaexmincho-300-t1", "calc", "IPAexMincho", 11.0, {"dpi": 300, "angle": 0.4, "jpeg": 80}),
        ("writer-ipaexgothic-250-t2", "writer", "IPAexGothic", 8.0, {"dpi": 250, "angle": -0.5, "jpeg": 80}),
        ("calc-ipaexgothic-250-t3", "calc", "IPAexGothic", 10.0, {"dpi": 250, "angle": 0.6, "jpeg": 80}),
        (
            "writer-notoserif-300-t5",
            "writer",
            "Noto Serif CJK JP",
            9.0,
            {"dpi": 300, "angle": -0.4, "jpeg": 80},
        ),
        ("writer-takaomincho-250-t6", "writer", "TakaoMincho", 10.0, {"dpi": 250, "angle": 0.3, "jpeg": 80}),
    ),
    "heldout-ocr52": (
        ("calc-ipagothic-250-h1", "calc", "IPAGothic", 10.0, {"dpi": 250, "angle": -0.6, "jpeg": 80}),
        ("writer-ipamincho-300-h2", "writer", "IPAMincho", 9.0, {"dpi": 300, "angle": 0.5, "jpeg": 80}),
    ),
}


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``): ruled across only, the rows' dates printed as
    ``*_ROWS`` give them."""
    heldout = name.startswith("heldout")
    printed = HELDOUT_ROWS if heldout else TUNING_ROWS
    rows = [dict(r, change_date_raw=raw) for raw, r in printed]
    out = []
    for case_name, maker, font, size, look in KINDS[name]:
        case, _ = m40.case_of(case_name, tuple(r for _, r in printed), maker, heldout, seed="ocr52")
        out.append((dataclasses.replace(case, font=font, size=size, rows=rows, inner_rule="hrules"), look))
    return out


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(
        argv, __doc__, SETS, lambda name: m40.build_scans(SETS[name], name, set_cases(name))
    )


if __name__ == "__main__":
    raise SystemExit(main())
