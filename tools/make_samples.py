"""Generated flattened-text samples: each ground-truth table of samples/tables/ printed in many ways.

    python tools/make_samples.py [--out samples/gen] [CASE ...]

Every case renders one table (tools/flatten.py) with its own column widths, date style, page
furniture, encoding and line ends, and writes ``<out>/<case>/input.txt`` and
``<out>/<case>/expected/records.json``.  Everything is fixed by the case list below, so the output
is the same byte for byte on every run; a case is named after what it varies.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import Style, encode, render, wrap

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "samples" / "tables"
OUT = ROOT / "samples" / "gen"


def _para(text: str, width: int) -> list[str]:
    return [ln for p in text.split("\n") for ln in wrap(p, 2 * width)]


def assessment_pages(name: str, agency: str, width: int = 30) -> list[list[str]]:
    """Cover, contents and one section of a 全項目評価書: form text that comes before the table."""
    cover = [
        "特定個人情報保護評価書（全項目評価書）",
        "評価書番号 評価書名",
        f"1 {name} 全項目評価書",
        "個人のプライバシー等の権利利益の保護の宣言",
        *_para(
            f"{agency}は、{name}における特定個人情報ファイルの取扱いに当たり、特定個人情報ファイルの"
            "取扱いが個人のプライバシー等の権利利益に影響を及ぼしかねないことを認識し、特定個人情報の"
            "漏えいその他の事態を発生させるリスクを軽減させるために適切な措置を講じ、もって個人の"
            "プライバシー等の権利利益の保護に取り組んでいることを宣言する。",
            width,
        ),
        "特記事項",
        "評価実施機関名",
        f"{agency}長",
        "個人情報保護委員会 承認日 【行政機関等のみ】",
        "公表日",
        "令和5年3月1日",
        "[令和4年4月 様式4]",
    ]
    contents = [
        "項目一覧",
        "Ⅰ 基本情報",
        "（別添1） 事務の内容",
        "Ⅱ 特定個人情報ファイルの概要",
        "（別添2） 特定個人情報ファイル記録項目",
        "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "Ⅳ その他のリスク対策",
        "Ⅴ 開示請求、問合せ",
        "Ⅵ 評価実施手続",
        "（別添3） 変更箇所",
    ]
    section = [
        "Ⅵ 評価実施手続",
        "１．基礎項目評価",
        "①実施日",
        "令和4年12月1日",
        "②しきい値判断結果",
        "[ 基礎項目評価及び全項目評価の実施が義務付けられる ]",
        "２．国民・住民等からの意見の聴取",
        "①方法",
        *_para("市ホームページへの掲載及び担当課窓口での閲覧により意見を募集した。", width),
        "②実施日・期間",
        "令和4年12月5日から令和5年1月4日まで",
        "３．第三者点検",
        "①実施日",
        "令和5年1月25日",
        "②方法",
        f"{agency}個人情報保護審議会による点検",
        "③結果",
        *_para("評価書の記載内容は適切であると認められた。", width),
    ]
    return [cover, contents, section]


@dataclass(frozen=True)
class Case:
    name: str
    table: str
    style: Style
    encoding: str = "utf-8"
    newline: str = "\n"


def cases() -> list[Case]:
    juki = assessment_pages("住民基本台帳に関する事務", "○○市")
    zeimu = assessment_pages("個人住民税の賦課に関する事務", "△△町")
    s = Style
    return [
        # The seed's own look: widths 12/20, blank lines, the header at the end of the first page.
        Case("seed_w12_b20_seedlike", "seed", s(header_at="end", rows_per_page=6, share_timing=True)),
        Case(
            "seed_w16_b24_reiwa_cp932_crlf",
            "seed",
            s(16, 24, 16, date_style="wareki", page_number="dash"),
            "cp932",
            "\r\n",
        ),
        Case(
            "seed_w10_b14_short_nolines",
            "seed",
            s(10, 14, 10, date_style="short", blank_lines=False, title="変更箇所", rows_per_page=4),
        ),
        Case(
            "seed_w14_b26_wareki_fw_datewrap_utf16",
            "seed",
            s(14, 26, 14, date_style="wareki_fw", date_w=12, labels="split", page_number="slash"),
            "utf-16",
        ),
        Case("seed_layout_w12_b20", "seed", s(layout=True, form_feed=True, page_number="dash")),
        Case(
            "juki_w12_b20_wareki_slashpages",
            "juki",
            s(
                date_style="wareki",
                title_every_page=True,
                page_number="slash",
                number_at="top",
                rows_per_page=5,
            ),
        ),
        Case(
            "juki_w16_b16_equal_slash0_bom_crlf",
            "juki",
            s(16, 16, 14, date_style="slash0", title="（別添3）変更箇所"),
            "utf-8-sig",
            "\r\n",
        ),
        Case(
            "juki_w10_b18_clip8_share",
            "juki",
            s(10, 18, 10, date_style="wareki", max_lines=8, share_timing=True, blank_lines=False),
        ),
        Case(
            "juki_whole_assessment_ff",
            "juki",
            s(13, 22, 13, date_style="wareki", title="（別添3）変更箇所", form_feed=True, prefix=juki),
        ),
        Case(
            "juki_layout_w14_b22_middle",
            "juki",
            s(
                14,
                22,
                12,
                date_style="wareki",
                layout=True,
                valign="middle",
                blank_lines=False,
                rows_per_page=5,
            ),
        ),
        Case(
            "kokuho_w12_b20_wareki_fw_split",
            "kokuho",
            s(date_style="wareki_fw", labels="split", title="(別添２)変更箇所", page_number="dash"),
        ),
        Case(
            "kokuho_w14_b24_seireki_crlf",
            "kokuho",
            s(14, 24, 16, date_style="seireki", header_at="end", share_timing=True),
            "utf-8",
            "\r\n",
        ),
        Case(
            "kokuho_w10_b26_datewrap_cp932",
            "kokuho",
            s(10, 26, 12, date_style="wareki", date_w=10, blank_lines=False),
            "cp932",
        ),
        Case(
            "kokuho_w11_b15_nolines_end",
            "kokuho",
            s(11, 15, 11, date_style="slash", blank_lines=False, header_at="end", page_number="slash"),
        ),
        Case("kokuho_layout_w12_b18", "kokuho", s(12, 18, 14, date_style="wareki", layout=True)),
        Case(
            "zeimu_w12_b20_short_ff",
            "zeimu",
            s(date_style="short", form_feed=True, page_number="dash", title="（別添３）変更箇所"),
        ),
        Case(
            "zeimu_w16_b26_slash0_utf16",
            "zeimu",
            s(16, 26, 16, date_style="slash0", rows_per_page=8),
            "utf-16",
        ),
        Case(
            "zeimu_w13_b18_clip10_cp932_crlf",
            "zeimu",
            s(13, 18, 13, date_style="wareki", max_lines=10, share_timing=True),
            "cp932",
            "\r\n",
        ),
        Case(
            "zeimu_whole_assessment_cp932",
            "zeimu",
            s(12, 20, 12, date_style="wareki", title="（別添3）変更箇所", page_number="dash", prefix=zeimu),
            "cp932",
        ),
        Case(
            "juki_w12_b22_merged_dates_labels_wrapped",
            "juki",
            s(12, 22, 12, date_style="wareki", merge_dates=True, labels="wrapped", rows_per_page=7),
        ),
        Case(
            "kokuho_w15_b25_merged_dates_slash_ff",
            "kokuho",
            s(15, 25, 15, date_style="slash", merge_dates=True, form_feed=True, page_number="slash"),
        ),
        Case(
            "seed_layout_chars_w12_b20",
            "seed",
            s(layout=True, layout_chars=True, gap=2, valign="middle", form_feed=True),
        ),
        Case(
            "kokuho_layout_chars_w14_b20",
            "kokuho",
            s(14, 20, 12, date_style="wareki", layout=True, layout_chars=True, blank_lines=False),
            "cp932",
        ),
        Case(
            "juki_columns_boxes_w12_b20_wareki_ff",
            "juki",
            s(date_style="wareki", column_order=True, merge_dates=True, form_feed=True, rows_per_page=4),
        ),
        Case(
            "zeimu_columns_w14_b22_slash_nolines",
            "zeimu",
            s(14, 22, 12, date_style="slash", column_order=True, blank_lines=False, page_number="dash"),
        ),
        Case("zeimu_layout_w12_b24", "zeimu", s(12, 24, 12, date_style="slash", layout=True, form_feed=True)),
    ]


TABLE_FILES = {
    "seed": "seed.json",
    "juki": "zenkoumoku_juki.json",
    "kokuho": "kiso_kokuho.json",
    "zeimu": "zenkoumoku_zeimu.json",
}


def build(case: Case, out: Path) -> Path:
    """Write one case under ``out``; returns its folder."""
    rows = json.loads((TABLES / TABLE_FILES[case.table]).read_text("utf-8"))
    rendered = render(rows, case.style)
    folder = out / case.name
    (folder / "expected").mkdir(parents=True, exist_ok=True)
    (folder / "input.txt").write_bytes(encode(rendered.text, case.encoding, case.newline))
    (folder / "expected" / "records.json").write_text(
        json.dumps(rendered.records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="cases to build (default: all)")
    ap.add_argument("--out", type=Path, default=OUT)
    ns = ap.parse_args(argv)
    todo = [c for c in cases() if not ns.names or c.name in ns.names]
    unknown = set(ns.names) - {c.name for c in todo}
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for case in todo:
        folder = build(case, ns.out)
        print(f"{folder.relative_to(ns.out.parent) if ns.out.is_absolute() else folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
