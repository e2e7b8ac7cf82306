"""Right rows warned too often (issue 12, branch rightwarn58): a tuning set of the kinds of right
rows set XIX warned, and a held-out set of plain tables, each with the texts of extractors as
their users write them (pages joined by line ends, ``+nl``).

    python tools/make_rightwarn58_samples.py office     # samples/office-rightwarn58 (tuning)
    python tools/make_rightwarn58_samples.py heldout    # samples/heldout-rightwarn58 (held out)

Tuning (``office-rightwarn58``), rows of the tuning tables with three of set XIX's shapes added:

- a date item (``①実施日``) whose old date is later than its row's 変更日 and whose new date is
  later still, under a merged 変更日 (row-ordered texts warned every row of its page);
- an added row (empty before, after closing with 上記を新規追加) and a row of one numbered list
  per cell (``①…②…`` / ``①…②…``): close before/after cuts of row-ordered text;
- a numbered list (``①…`` to ``⑥…``) in a top-aligned Writer row long enough to break over a
  page (its ``③…`` went to the next page's first row, unwarned).

Held out (``heldout-rightwarn58``): a Calc table (top-aligned, merged cells) and a Writer table
(centred) of the held-out tables.  Measure on it, never tune on it.

Measured (``tools/eval_office.py samples/office-rightwarn58 samples/heldout-rightwarn58
--total``), main 4ba9fe6c → branch rightwarn59: tuning wrong rows warned 75/77 → 74/76 (wrong
rows unwarned 2 → 2), right rows warned 86/151 → 65/152; held out unchanged, 72/75 and 20/122.
Branch rightwarn58's tip (33e51c22) had left four wrong 提出時期 of Calc's two-pass texts
(⑧再委託の許諾方法) unwarned that only a page-level date doubt raised by the ①実施日 row had
warned: now warned by ``plan_values.inherited_shares`` (Writer's -raw ones by
``normalize/timing_span.py``, on that branch already).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos

TEXTS = (
    "pdftotext-layout",
    "pdftotext-raw",
    "pypdfium2+nl",
    "pdfplumber+nl",
    "pdfplumber-layout+nl",
    "pypdf+nl",
    "pymupdf+nl",
    "pdfminer",
)
SETS = ("office", "heldout")

LIST_BEFORE = "①住民異動届を受け付け、住民記録システムに入力する。\n②入力した内容を審査し、住民票に記載する。"
LIST_AFTER = (
    "①住民異動届を受け付け、住民記録システムに入力する。\n②入力した内容を審査し、住民票に記載する。\n"
    "③異動の内容を住基ネット及び庁内連携システムに送信する。\n④転出証明書情報を転入地市区町村へ送信する。\n"
    "⑤転入通知を受け付け、転出元市区町村へ通知する。\n⑥個人番号カードの継続利用の手続を行う。"
)
SHAPES = [
    {
        "item": "Ⅵ評価実施手続\n１．基礎項目評価\n①実施日",
        "before": "令和元年11月5日",
        "after": "令和5年11月20日",
        "timing": "事後",
        "explanation": "評価の再実施に伴う修正",
    },
    {
        "item": "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n"
        "システム２\n②システムの機能",
        "before": "",
        "after": "・統合宛名番号の付番\n・中間サーバーとの符号の取得連携\n上記を新規追加",
        "timing": "事後",
        "explanation": "記載の明確化",
    },
    {
        "item": "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
        "before": "①サーバー室は入退室管理を行っている。\n②バックアップは別の施設に保管している。",
        "after": "①ガバメントクラウドにおける保管については、"
        "クラウドサービス事業者が提供するデータセンターに保管する。\n②バックアップは別リージョンに保管する。",
        "timing": "事後",
        "explanation": "ガバメントクラウドへの移行に伴う修正",
    },
    {
        "item": "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑧使用方法",
        "before": LIST_BEFORE,
        "after": LIST_AFTER,
        "timing": "事後",
        "explanation": "事務の流れの見直しに伴う修正",
    },
]


def _with_shapes(rows: list[dict], at: int) -> list[dict]:
    """``rows`` with ``SHAPES`` put in after row ``at``, each under that row's date (a run of one
    date, as the shapes' tables print them)."""
    base = rows[at]
    added = [base | s for s in SHAPES]
    return [*rows[: at + 1], *added, *rows[at + 1 :]]


def _held(*names: str) -> list[dict]:
    return [r for name in names for r in mos._printable(mos.load_table(mos.HELDOUT_DIR / f"{name}.json"))]


def office_cases() -> list[mos.Case]:
    """A Writer table (top, merged dates) and a Calc table (top, merged) of the tuning tables."""
    juki = mos._printable(mos.load_table(mos.TUNING_TABLES["juki"]))
    writer = mos.plain_case("rw58-writer-top", juki[:10], "writer", heldout=False, date_style="wareki")
    writer = replace(writer, rows=_with_shapes(writer.rows, 4), valign="top", merge=True)
    zeimu = mos._printable(mos.load_table(mos.TUNING_TABLES["zeimu"]))
    calc = mos.plain_case("rw58-calc-top", zeimu[:8], "calc", heldout=False, date_style="wareki")
    calc = replace(calc, rows=_with_shapes(calc.rows, 2), valign="top", merge=True, rows_per_page=None)
    return [writer, calc]


def heldout_cases() -> list[mos.Case]:
    """A Calc table (top, merged) and a Writer table (centred) of the held-out tables."""
    calc = mos.plain_case("rw58h-calc", _held("jidou_teate", "koseki_fuhyo"), "calc", heldout=True)
    calc = replace(calc, valign="top", merge=True)
    writer = mos.plain_case("rw58h-writer", _held("yobou_sesshu", "kaigo_hoken"), "writer", heldout=True)
    writer = replace(writer, valign="center", merge=False)
    return [calc, writer]


def build(which: str) -> None:
    """``samples/office-rightwarn58`` or ``samples/heldout-rightwarn58`` made anew."""
    made_cases = office_cases() if which == "office" else heldout_cases()
    root = mos.SAMPLES / f"{which}-rightwarn58"
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render(made_cases, Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            manifest[case.name] = mos.write_case_with_texts(root, case, pdf, expected, TEXTS)
            pages = manifest[case.name]["pages"]
            print(f"{root.name}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    mos.write_manifest(root, manifest)


if __name__ == "__main__":
    for name in sys.argv[1:] or SETS:
        build(name)
