"""Amendment tables that print their digits and Latin letters in one width throughout, full
(``ＩＳＭＡＰ``, ``ｅＬＴＡＸ``, ``２０２３年``) or half (``ISMAP``, ``eLTAX``, ``2023年``), made by
LibreOffice Calc and Writer (issues 11 / 12, branch width23).

    python tools/make_width23_samples.py                         # both sets
    python tools/make_width23_samples.py --set office-width23     # or heldout-width23

The OCR corrections choose a character's width or spelling; a scan of these tables shows
whether they follow what the document prints (the widths of its other cells, its own spelling
of a stock sentence) or a fixed preference.  Each table draws a width for its before, after and
explanation cells' digits and Latin letters (the whole document in that width, as one typist
writes it), and two or three of its rows get a sentence naming a system (ISMAP, eLTAX, LGWAN …),
a year or a level Ⅳ, in that width.  Looks (Calc / Writer, font, size, page, date style) are
drawn as in ``tools/make_outsider_tables.py``, whose writing and conversion this tool uses.

``office-width23`` takes the tuning tables and sentences; ``heldout-width23`` (measure on it only,
never tune on it) the held-out tables (``samples/heldout/tables``) and other sentences.  Only
the PDFs are kept (the scans are made from them: ``tools/bench_scan.py --no-committed --office
samples/SET --generate 200,300``).
"""

from __future__ import annotations

import argparse
import random

import make_outsider_tables as mot

# Sentences added to a row's after cell (written in the table's width).
TUNING_SENTENCES = (
    "ISMAPに登録されたクラウドサービスを利用する。",
    "eLTAXを経由して2023年10月から受け付ける。",
    "LGWAN-ASPのサービスを利用する（2024年4月）。",
    "情報セキュリティレベルⅣの端末で取り扱う。",
    "AI-OCRによる読取りを行い、職員が確認する。",
    "職員2名で確認し、30日以内に消去する。",
)
HELDOUT_SENTENCES = (
    "ISMAP（政府情報システムのためのセキュリティ評価制度）に登録されたサービスを利用する。",
    "eLTAXで2022年度分から電子申告を受け付ける。",
    "VPN接続によりLGWAN端末から操作する（区分Ⅳ）。",
    "USBメモリは2台に限り使用する。",
    "RPAで入力し、15日ごとに点検する。",
)
_ASCII = [c for c in range(0x21, 0x7F) if chr(c).isalnum() or chr(c) == "-"]
_FULL = str.maketrans({chr(c): chr(c + 0xFEE0) for c in _ASCII})
_HALF = str.maketrans({chr(c + 0xFEE0): chr(c) for c in _ASCII})
BODY = ("before", "after", "explanation")


def in_width(text: str, full: bool) -> str:
    """``text`` with its digits, Latin letters and hyphens in full (``full``) or half width."""
    return text.translate(_FULL if full else _HALF)


def width_cases(prefix: str, pools: tuple, n: int, seed: int, sentences: tuple[str, ...]) -> list[mot.Case]:
    """``n`` cases (module docstring): every other one full width, its body cells written so and
    two or three rows given a sentence of ``sentences``."""
    rng = random.Random(seed)
    cases = mot.draw_cases(prefix, pools, n, seed, rows_per_case=(5, 7))
    for k, case in enumerate(cases):
        full = k % 4 in (0, 3)
        case.name = f"{case.name}-{'full' if full else 'half'}"
        chosen = rng.sample(range(len(case.rows)), min(len(case.rows), rng.choice((2, 3))))
        for i, row in enumerate(case.rows):
            if i in chosen:
                row["after"] = (row["after"] + "\n" if row["after"] else "") + rng.choice(sentences)
            for key in BODY:
                row[key] = in_width(row[key], full)
    return cases


README = """# {name}: tables printing digits and Latin letters in one width (issues 11/12, width23)

Small amendment tables written directly with openpyxl (`*-calc-*`) and python-docx
(`*-writer-*`), converted with `soffice --headless --convert-to pdf`.  Each table prints the
digits and Latin letters of its before, after and explanation cells in one width (`-full`:
ＩＳＭＡＰ, ２０２３年; `-half`: ISMAP, 2023年), and two or three rows name a system, a year or a
level Ⅳ.  Truth in `expected/records.json`; settings per case in `cases.json`.

`samples/office-width23` draws from the tuning tables; `samples/heldout-width23` from
`samples/heldout/tables` with other sentences: measure on it only, never tune on it.

    python tools/make_width23_samples.py
    PIATABLE_OCR_CACHE_TAG=width23 python tools/bench_scan.py --cached --no-committed \\
        --office samples/heldout-width23 --generate 200,300
"""

# Each set: (case prefix, tables drawn from, cases, seed, sentences).
SETS = {
    "office-width23": ("w23", mot.TUNING_POOLS, 6, 2323, TUNING_SENTENCES),
    "heldout-width23": ("hw23", mot.HELDOUT_POOLS, 5, 3323, HELDOUT_SENTENCES),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=tuple(SETS), action="append")
    ns = ap.parse_args(argv)
    for name in ns.set or list(SETS):
        mot.build(mot.SAMPLES / name, width_cases(*SETS[name]), tools=(), readme=README)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
