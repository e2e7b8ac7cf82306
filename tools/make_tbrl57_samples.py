"""Writer tables whose 提出時期 is printed vertically, rows ending their pages with a numbered
heading (branch tbrl57), and a Chromium table of the characters Skia names by radicals.

    python tools/make_tbrl57_samples.py                          # both sets
    python tools/make_tbrl57_samples.py --set office-tbrl57      # or heldout-tbrl57

Issues 10 / 12 (set XVIII, G): a Word table whose 提出時期 cells are vertical (縦書き, tbRl: 事 over
前) and whose 項目 cells take 2–4 lines, many ending in a numbered heading of the form
(``① 実施日``); the row at the foot of each page then ends its page with the same line, which a
reader took for a footer and dropped.  Each case prints a run of a sample table's rows with two
evaluation-procedure rows (Ⅵ評価実施手続 … ① 実施日, ``TUNING_VI_ROWS``): one placed where it ends
the first page (``pick`` draws the place), one ending the table, on two pages, with a page-number
footer and a page header, in Writer (``timing_vertical``).  Each case keeps its PDF and the
texts of ``office.TBRL57_TEXTS`` (layout and row-ordered texts, with form feeds and ``+nl``).

Issue 10 (set XVIII, I): Chromium (Skia) names some glyphs of Japanese fonts by Kangxi radicals
or by CJK Radicals Supplement forms in its text layer (⼾ for 戸, ⻘ for 青, ⿊ for 黒, ⽇ for 日);
pdfminer, pdfplumber and pypdf give them as named.  One more case per set (``[h]t57-chromium``) is
such a table printed by headless Chromium, its cells holding those characters (``GLYPH_ROWS``),
with the texts of ``CHROMIUM_TEXTS``.

``office-tbrl57`` (tuning) from the tuning tables; ``heldout-tbrl57`` (measure only, never tune on
it) from the held-out tables, in other fonts and with other procedure rows.
"""

from __future__ import annotations

import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, write_json
from make_pdfs import chromium_binary, extract_text, render_html_pdf

ROWS = 7
# Evaluation-procedure rows (items of three lines ending in the same numbered heading), one ending
# each page: (item, before, after, explanation).
TUNING_VI_ROWS = (
    ("Ⅵ評価実施手続\n３．第三者点検\n①実施日", "平成31年2月15日", "令和5年3月22日", "再評価の実施に伴う修正"),
    (
        "Ⅵ評価実施手続\n１．基礎項目評価\n①実施日",
        "令和元年5月1日",
        "令和4年12月1日",
        "しきい値判断の再実施に伴う修正",
    ),
)
HELDOUT_VI_ROWS = (
    (
        "Ⅵ評価実施手続\n３．第三者点検\n①実施日",
        "令和2年8月20日",
        "令和6年1月25日",
        "評価書の再実施による更新",
    ),
    (
        "Ⅵ評価実施手続\n１．基礎項目評価\n①実施日",
        "令和2年6月1日",
        "令和5年11月15日",
        "しきい値判断の時期の更新",
    ),
)
TUNING_LOOKS = (("IPAexMincho", 10.5), ("IPAexGothic", 10.0), ("Noto Serif CJK JP", 10.0))
HELDOUT_LOOKS = (("IPAMincho", 10.5), ("IPAGothic", 11.0), ("Noto Sans CJK JP", 10.0))
HEADERS = ("住民基本台帳に関する事務 全項目評価書", "特定個人情報保護評価書（全項目評価書）")
PAGE_FORMS = ("{P}/{N}", "- {P} -", "{P}")

# The Chromium case: rows whose cells hold characters Skia names by radicals (⼾ 戸, ⻘ 青, ⿊ 黒,
# ⻩ 黄, ⽇ 日, ⽬ 目, ⼈ 人, ⻑ 長, ⺠ 民, ⾒ 見, ⾔ 言, ⾦ 金, ⾨ 門).
GLYPH_ROWS = {
    False: (
        (
            "Ⅰ基本情報\n５．評価実施機関における担当部署\n①部署",
            "市民部市民課",
            "市民生活部戸籍住民課",
            "組織改正に伴う修正",
        ),
        (
            "Ⅰ基本情報\n５．評価実施機関における担当部署\n②所属長の役職名",
            "市民課長",
            "戸籍住民課長",
            "組織改正に伴う修正",
        ),
        (
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n７．特定個人情報の保管・消去\n⑤物理的対策",
            "書類は黒色の鍵付き書庫で保管する。",
            "書類は青色の表示をした鍵付き書庫で保管し、門の出入りを記録する。",
            "記載の明確化\n重要な変更に該当しない",
        ),
        (
            "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑥使用目的",
            "本人確認のため。",
            "本人確認及び見直し後の人数の確認のため。",
            "目的の明確化",
        ),
    ),
    True: (
        (
            "Ⅰ基本情報\n５．評価実施機関における担当部署\n①部署",
            "市民課",
            "戸籍住民課",
            "組織の見直しに伴う変更",
        ),
        (
            "Ⅰ基本情報\n５．評価実施機関における担当部署\n②所属長の役職名",
            "市民課長",
            "戸籍住民課長",
            "組織の見直しに伴う変更",
        ),
        (
            "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n７．特定個人情報の保管・消去\n⑥技術的対策",
            "黄色の表示をした媒体は黒塗りの上で廃棄する。",
            "長期保存の媒体は黒塗りの上で、日を定めて廃棄する。",
            "記載の明確化\n重要な変更に該当しない",
        ),
    ),
}
CHROMIUM_TEXTS = ("pdfplumber", "pdfplumber-layout", "pypdf", "pypdf+nl", "pdfminer", "pdftotext-layout")


def _with_vi(c: Case, at: int, heldout: bool) -> list[dict]:
    """The case's rows with a procedure row after row ``at`` and another at the end, each
    dated as the row before it."""
    first, last = HELDOUT_VI_ROWS if heldout else TUNING_VI_ROWS

    def row(vi: tuple[str, str, str, str], dated: dict) -> dict:
        item, before, after, why = vi
        return {**dated, "item": item, "before": before, "after": after, "timing": "事前", "explanation": why}

    return [*c.rows[: at + 1], row(first, c.rows[at]), *c.rows[at + 1 :], row(last, c.rows[-1])]


def _variants(name: str, table: list[dict], k: int, heldout: bool) -> list[Case]:
    """The case of a table drawn with its first procedure row after each of its rows in turn
    (``[h]t57-<table>-a<at>``): ``pick`` keeps the one whose pages both end with a procedure row."""
    rng = random.Random(f"piatable-tbrl57-{name}-{heldout}")
    start = rng.randrange(max(len(table) - ROWS, 0) + 1)
    c = office.plain_case(name, table[start : start + ROWS], "writer", heldout=heldout)
    font, size = (HELDOUT_LOOKS if heldout else TUNING_LOOKS)[k % 3]
    look = replace(
        c,
        font=font,
        size=size,
        merge=False,
        valign="top",
        repeat_header=True,
        timing_vertical=True,
        page_numbers=True,
        page_number_format=PAGE_FORMS[k % len(PAGE_FORMS)],
        page_header=(HEADERS[k % len(HEADERS)], "right"),
        fallback_glyphs="○□△",
    )
    return [
        replace(look, name=f"{name}-a{at}", rows=_with_vi(look, at, heldout))
        for at in range(len(look.rows) - 1)
    ]


def pick(variants: list[Case], work: Path) -> list[Case]:
    """Per table, the first variant printed on two pages whose first page ends with the first
    procedure row (the G shape: both pages' last line the same numbered heading, printed
    nowhere else); a table with none keeps its first variant."""
    made = office.render(variants, work)
    chosen: dict[str, Case] = {}
    for case in variants:
        table = case.name.rsplit("-a", 1)[0]
        expected = made[case.name][2]
        at = int(case.name.rsplit("-a", 1)[1]) + 1
        shaped = (
            expected[-1]["page_end"] == 2
            and expected[at]["page_end"] == 1
            and expected[at + 1]["page_start"] == 2
        )
        if shaped and table not in chosen:
            chosen[table] = replace(case, name=table)
    firsts = {c.name.rsplit("-a", 1)[0]: c for c in reversed(variants)}
    return [chosen.get(t) or replace(c, name=t) for t, c in reversed(firsts.items())]


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A case per table of ``office._four_tables`` (three for the held-out set), named
    ``[h]t57-<table>`` (``pick``); a case drawn again (``redrawn``) takes the table's next run
    of rows."""
    variants = []
    for k, (name, path) in enumerate(office._four_tables(heldout)[: 3 if heldout else 4]):
        case_name = f"{'h' if heldout else ''}t57-{name}"
        table = office._printable(office.load_table(path))
        if case_name in redrawn:
            table = table[ROWS:] + table[:ROWS]
        variants.extend(_variants(case_name, table, k, heldout))
    with tempfile.TemporaryDirectory() as tmp:
        return pick(variants, Path(tmp))


def build_chromium(root: Path, heldout: bool) -> None:
    """The Chromium case of a set: ``GLYPH_ROWS`` printed by headless Chromium, its PDF and
    the texts of ``CHROMIUM_TEXTS``, each a case folder with its expected records."""
    if chromium_binary() is None:
        raise RuntimeError("chromium is not installed")
    date = ("令和6年4月1日", "2024-04-01") if heldout else ("令和5年4月1日", "2023-04-01")
    records = [
        {
            "change_date_raw": date[0],
            "change_date": date[1],
            "item": item,
            "before": before,
            "after": after,
            "timing": "事後",
            "explanation": why,
        }
        for item, before, after, why in GLYPH_ROWS[heldout]
    ]
    name = f"{'h' if heldout else ''}t57-chromium"
    folder = root / name
    (folder / "expected").mkdir(parents=True, exist_ok=True)
    font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    expected = render_html_pdf(folder / "input.pdf", records, font=font, size=10.0 if heldout else 9.0)
    write_json(folder / "expected" / "records.json", expected)
    for tool in CHROMIUM_TEXTS:
        tfolder = root / f"{name}-{tool}"
        (tfolder / "expected").mkdir(parents=True, exist_ok=True)
        (tfolder / "input.txt").write_text(extract_text(folder / "input.pdf", tool), "utf-8")
        write_json(tfolder / "expected" / "records.json", expected)
    print(f"{root.name}/{name}: {len(expected)} rows (Chromium)")


SETS = split_sets("tbrl57", _cases)


def main(argv: list[str] | None = None) -> int:
    code = build_redrawn(SETS, __doc__, argv)
    ns = office.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        build_chromium(SETS[name][0], name.startswith("heldout"))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
