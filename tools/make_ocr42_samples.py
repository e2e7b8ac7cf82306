"""Scanned LibreOffice tables whose cells print lone digits and short Latin words between
Japanese text, each document in one convention: half width (週1回, 第3条, USBメモリ, ID) or full
width (週１回, 第３条, ＵＳＢメモリ, ＩＤ), item cells naming their entry as the forms print it
(委託事項２, full width, in every document), with ＜…における措置＞ titles (issues 11 and 12, session 42:
a lone digit between kanji reads in the other width, and full- / half-width confusions cost about
3 points of scanned cells on the unseen set).

    python tools/make_ocr42_samples.py                          # both sets
    python tools/make_ocr42_samples.py --set scan-ocr42         # tuning set (samples/scan-ocr42)
    python tools/make_ocr42_samples.py --set heldout-scan-ocr42 # held-out: measure only

Each case is ``SET/NAME/input.jpg`` (one page, ``pdftoppm`` at 200 or 300 dpi, turned 0.3–1°,
JPEG) with ``expected/records.json`` and ``ocr/page-1.{tsv,json}`` (tesseract's read), made as
``tools/make_ocr40_samples.py`` makes its own.  The font is named in the case (IPAex, IPA
monospaced and IPA P proportional, Gothic and Mincho); the tuning and held-out sets share no row
text and no (program, font) pair.  Needs LibreOffice, poppler and the IPA fonts; CI only reads
the committed files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr40_samples as m40
import make_office_samples as mos

SETS = {name: m40.ROOT / "samples" / name for name in ("scan-ocr42", "heldout-scan-ocr42")}
_I = "Ⅰ基本情報"
_II, _III, _row = m40._II, m40._III, m40._row
_FULL = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def _rows(template: tuple[tuple[str, ...], ...], full: bool) -> tuple[dict, ...]:
    """Rows whose ``{…}`` parts (lone digits, Latin words) are printed full width when ``full``,
    else half width; the rest of the text as written."""

    def fill(text: str) -> str:
        out, rest = [], text
        while "{" in rest:
            head, _, tail = rest.partition("{")
            part, _, rest = tail.partition("}")
            out += [head, part.translate(_FULL) if full else part]
        return "".join(out) + rest

    return tuple(_row(date, *(fill(c) for c in cells)) for date, *cells in template)


TUNING = (
    (
        "2023-04-01",
        f"{_II}\n３．特定個人情報の入手・使用\n⑧使用方法",
        "バックアップは週{1}回取得する。",
        "バックアップは日次で取得し、\n月{1}回外部に保管する。",
        "事後",
        "運用の見直し",
    ),
    (
        "2023-04-01",
        f"{_III}\n６．特定個人情報の保管・消去",
        "＜市における措置＞\n{USB}メモリの使用を禁止する。",
        "＜市における措置＞\n{USB}メモリは{ID}で管理する。",
        "事前",
        "記録媒体の管理",
    ),
    (
        "2023-10-01",
        f"{_II}\n４．特定個人情報ファイルの取扱いの委託\n委託事項２",
        "年{4}回点検する。",
        "年{6}回点検し、第{3}四半期に報告する。",
        "事後",
        "契約の変更",
    ),
    (
        "2023-10-01",
        f"{_I}\n２．システム\nシステム５",
        "{PC}端末で操作する。",
        "シンクライアント端末で操作する。\n{VPN}接続は行わない。",
        "事前",
        "端末の更新",
    ),
    (
        "2024-04-01",
        f"{_III}\n３．特定個人情報の使用",
        "＜中間サーバーにおける措置＞\n操作は{2}名で行う。",
        "＜中間サーバーにおける措置＞\n操作は{2}名で行い、{7}日以内に\n記録を確認する。",
        "事後",
        "手順の明記",
    ),
    (
        "2024-04-01",
        f"{_II}\n５．特定個人情報の提供・移転\n提供先８",
        "番号法第{9}条",
        "番号法第{9}条第{2}項",
        "事前",
        "根拠の明記",
    ),
)

HELDOUT = (
    (
        "2022-07-01",
        f"{_II}\n２．基本情報\n⑥事務担当部署",
        "税務課（{3}階）",
        "市民税課（{5}階）",
        "事後",
        "組織改正",
    ),
    (
        "2022-07-01",
        f"{_III}\n７．特定個人情報の保管・消去",
        "＜ガバメントクラウドにおける措置＞\nログは{1}年間保存する。",
        "＜ガバメントクラウドにおける措置＞\nログは{5}年間保存し、{AI}による\n分析は行わない。",
        "事前",
        "保存期間の変更",
    ),
    (
        "2023-01-10",
        f"{_II}\n３．特定個人情報の入手・使用\n④入手に係る妥当性",
        "窓口で{1}件ずつ確認する。",
        "{QR}コードで{1}件ずつ確認する。",
        "事後",
        "確認方法の追加",
    ),
    (
        "2023-01-10",
        f"{_I}\n６．他の評価実施機関\n他の機関４",
        "月{2}回照会する。",
        "隔週{1}回照会し、{CSV}で記録する。",
        "事後",
        "照会頻度の変更",
    ),
    (
        "2024-10-01",
        f"{_III}\n４．特定個人情報ファイルの取扱いの委託",
        "＜庁内システムにおける措置＞\n再委託は{1}社に限る。",
        "＜庁内システムにおける措置＞\n再委託は{2}社に限る。",
        "事前",
        "委託先の追加",
    ),
)

# (program, font, dpi, full-width convention) of each case.
TUNING_KINDS = (
    ("writer", "IPAexMincho", 300, False),
    ("calc", "IPAexGothic", 200, False),
    ("writer", "IPAGothic", 200, True),
    ("calc", "IPAMincho", 300, True),
    ("writer", "IPAPGothic", 200, False),
    ("calc", "IPAPMincho", 200, True),
)
HELDOUT_KINDS = (
    ("writer", "IPAMincho", 200, False),
    ("calc", "IPAGothic", 300, False),
    ("writer", "IPAexGothic", 300, True),
    ("calc", "IPAexMincho", 200, True),
)


def set_cases(heldout: bool) -> list[tuple[mos.Case, dict]]:
    """Each (program, font, dpi, convention) of the set, its look drawn from an RNG seeded with
    its name: size, column widths, date style, angle and JPEG quality."""
    kinds = HELDOUT_KINDS if heldout else TUNING_KINDS
    template = HELDOUT if heldout else TUNING
    tag = "h" if heldout else "t"
    out = []
    for k, (maker, font, dpi, full) in enumerate(kinds, 1):
        name = f"{maker}-{font.lower()}-{dpi}-{'fw' if full else 'hw'}-{tag}{k}"
        rng = random.Random(f"piatable-ocr42-{name}")
        widths = rng.choice(mos.widths_of(maker, heldout))
        rows = [dict(r, change_date_raw="") for r in _rows(template, full)]
        case = mos.Case(
            name=name,
            rows=mos.printed_rows(rows, rng.choice(("wareki_fw", "slash", "wareki"))),
            maker=maker,
            font=font,
            size=rng.choice((9.0, 10.0, 10.5, 11.0)),
            widths=widths,
            valign="top",
            texts=False,
        )
        look = {
            "dpi": dpi,
            "angle": round(rng.choice((-1, 1)) * rng.uniform(0.3, 1.0), 2),
            "jpeg": rng.choice((55, 65, 75)),
        }
        out.append((case, look))
    return out


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return m40.make_sets(argv, __doc__, SETS, set_cases)


if __name__ == "__main__":
    raise SystemExit(main())
