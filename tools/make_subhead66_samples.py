"""Before / after cells that open with a numbered sub-heading of the form, tall cells that break
over pages, and neighbouring rows of alternating 提出時期, with row-ordered texts (branch subhead66).

    python tools/make_subhead66_samples.py                            # both sets
    python tools/make_subhead66_samples.py --set office-subhead66     # or heldout-subhead66

The last release's unseen tester found three kinds in flattened text:

* a form sub-heading that opens the 変更前 / 変更後 cell (``①システムの名称`` / ``（１）窓口での入手`` /
  ``ア　…`` / ``1. …``, its content on the next lines) read into the 項目 cell by the row-ordered
  readers (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF);
* a tall cell (about 20 lines) of a Writer row that breaks over a page, its continuation (printed
  under the next page's repeated label row) given to the wrong row in pdfminer's text;
* 提出時期 swapped between neighbouring rows in PyMuPDF's text.

Each case is a table of 10–16 rows drawn from the set's pool of sub-headed rows (``SUBHEADED``:
item, the sub-headings of the body and their contents; the item ends with a heading of the same
kind or does not), mixed with rows of the pool tables (``office._four_tables``), some before /
after cells made tall (``TALL_PARAGRAPHS`` paragraphs), 提出時期 alternating 事前 / 事後 from row
to row (no merged cells).  Writer cases (python-docx, rows free to break over pages, the label
row repeated) and Calc cases (openpyxl).  The truth is the six fields as written.
``office-subhead66`` (tuning) and ``heldout-subhead66`` (measure only, never tune on it) draw from
their own pools, seeds, fonts, sizes and widths.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

SETS = {"office-subhead66": False, "heldout-subhead66": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf", "pdfminer")
CASES = 4
ROWS = (10, 16)
# Paragraphs of a tall cell (each wraps to 1–3 lines: about 20 printed lines).
TALL_PARAGRAPHS = (7, 10)
TUNING_WRITER_WIDTHS = ((2.4, 4.8, 6.4, 6.4, 1.7, 4.0), (1.8, 3.2, 4.2, 4.2, 1.2, 2.4))
HELDOUT_WRITER_WIDTHS = ((2.7, 4.2, 6.8, 6.8, 1.8, 3.4), (1.7, 3.0, 4.4, 4.4, 1.3, 2.2))
TUNING_CALC_WIDTHS = ((11, 24, 36, 36, 8, 24), (10, 22, 30, 30, 7, 22))
HELDOUT_CALC_WIDTHS = ((12, 26, 34, 34, 9, 25), (9, 20, 28, 28, 7, 20))

# (item, [(sub-heading, [content paragraphs of before], [content paragraphs of after]), ...]).
# The sub-headings open the body cells; a heading whose before content is empty is one added.
TUNING_SUBHEADED = (
    (
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム１",
        [
            ("①システムの名称", ["住民基本台帳システム"], ["住民記録システム"]),
            (
                "②システムの機能",
                ["住民の異動届の受付及び住民票の発行を行う。"],
                ["住民の異動届の受付、住民票の発行及び転出証明書の交付を行う。"],
            ),
        ],
    ),
    (
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム２",
        [
            ("①システムの名称", ["団体内統合宛名システム"], ["統合宛名管理システム"]),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
        [
            (
                "（１）窓口での入手",
                ["届出書により本人から入手する。"],
                ["届出書又は電子申請により本人から入手する。"],
            ),
            (
                "（２）他機関からの入手",
                ["住民基本台帳ネットワークシステムを通じて入手する。"],
                ["情報提供ネットワークシステムを通じて入手する。"],
            ),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１",
        [
            (
                "①委託内容",
                ["住民基本台帳システムの保守及び運用"],
                ["住民記録システムの保守、運用及び障害対応"],
            ),
            ("②委託先名", ["株式会社○○情報サービス"], ["株式会社△△システムズ"]),
        ],
    ),
    (
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n７．特定個人情報の保管・消去\n⑤物理的対策",
        [
            (
                "ア　入退室管理",
                ["サーバー室への入室は職員証により管理している。"],
                ["サーバー室への入室は生体認証及び職員証により管理している。"],
            ),
            (
                "イ　媒体の管理",
                ["記録媒体は施錠できる保管庫に保管している。"],
                ["記録媒体は施錠できる保管庫に保管し、持出しを記録している。"],
            ),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目",
        [
            (
                "1. 主な記録項目",
                ["識別情報、連絡先、業務関係情報"],
                ["識別情報、連絡先、業務関係情報、地方税関係情報"],
            ),
            ("2. 全ての記録項目", ["別添２を参照"], ["別添２（令和５年改訂）を参照"]),
        ],
    ),
    (
        "Ⅳその他のリスク対策\n１．監査\n②監査",
        [
            (
                "（１）自己点検",
                ["年１回、チェックリストにより点検を行う。"],
                ["年２回、チェックリストにより点検を行う。"],
            ),
        ],
    ),
    (
        "Ⅰ基本情報\n７．評価実施機関における担当部署",
        [
            ("①部署", ["市民部市民課"], ["市民生活部市民窓口課"]),
            ("②所属長の役職名", ["市民課長"], ["市民窓口課長"]),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
        [
            (
                "（１）庁舎内",
                ["鍵付きのサーバー室に設置したサーバー内に保管する。"],
                ["データセンターに設置したサーバー内に保管する。"],
            ),
        ],
    ),
    (
        "Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取扱いに関する問合せ",
        [
            (
                "①連絡先",
                ["○○市市民部市民課（電話 000-000-0000）"],
                ["○○市市民生活部市民窓口課（電話 000-000-0001）"],
            ),
            ("②対応方法", ["問合せの受付時に記録を残す。"], ["問合せの受付時に対応記録を作成し保存する。"]),
        ],
    ),
)
HELDOUT_SUBHEADED = (
    (
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム３",
        [
            ("①システムの名称", ["介護保険システム"], ["介護保険総合システム"]),
            (
                "②システムの機能",
                ["要介護認定及び給付の管理を行う。"],
                ["要介護認定、給付及び保険料賦課の管理を行う。"],
            ),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑤本人への明示",
        [
            (
                "（１）申請時",
                ["申請書の様式に利用目的を記載している。"],
                ["申請書の様式及びホームページに利用目的を記載している。"],
            ),
            ("（２）通知時", [], ["通知書の裏面に利用目的を記載している。"]),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）\n提供先１",
        [
            ("①法令上の根拠", ["番号法第１９条第８号"], ["番号法第１９条第８号及び別表第二"]),
            (
                "②提供先における用途",
                ["児童手当の支給に関する事務"],
                ["児童手当及び特例給付の支給に関する事務"],
            ),
        ],
    ),
    (
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用\nリスク２：権限のない者によって不正に使用されるリスク",
        [
            (
                "ア　ユーザ認証",
                ["ＩＤ及びパスワードにより認証する。"],
                ["ＩＤ、パスワード及び生体認証により認証する。"],
            ),
            (
                "イ　アクセス権限の管理",
                ["異動の都度、権限を見直す。"],
                ["異動の都度及び年１回、権限を見直す。"],
            ),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲",
        [
            (
                "1. 対象者",
                ["予防接種法に基づく予防接種の対象者"],
                ["予防接種法及び新型インフルエンザ等対策特別措置法に基づく対象者"],
            ),
        ],
    ),
    (
        "Ⅰ基本情報\n６．評価実施機関の長",
        [
            ("①氏名", ["○○町長"], ["○○町長（令和５年４月就任）"]),
        ],
    ),
    (
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n①従業者に対する教育・啓発",
        [
            ("（１）研修", ["新規採用職員に研修を行う。"], ["新規採用職員及び異動者に研修を行う。"]),
            (
                "（２）啓発",
                ["年１回、注意喚起の通知を行う。"],
                ["年２回、注意喚起の通知を行い、受講を記録する。"],
            ),
        ],
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n③消去方法",
        [
            (
                "ア　電子データ",
                ["保存期間の経過後、システムにより消去する。"],
                ["保存期間の経過後、システムにより完全に消去する。"],
            ),
            ("イ　紙媒体", ["溶解処理を行う。"], ["専門業者による溶解処理を行い、証明書を受領する。"]),
        ],
    ),
)
# Tall-cell paragraphs (the rest of a long passage, the same in both cells).
TUNING_TALL = (
    "・端末の操作は権限を付与された職員に限る。",
    "・操作履歴を記録し、定期的に確認する。",
    "・不要となった記録媒体は物理的に破壊して廃棄する。",
    "・外部記録媒体の使用は原則として禁止する。",
    "・システムの更新時には作業手順書を作成し、作業後に確認する。",
    "・ウイルス対策ソフトのパターンファイルを毎日更新する。",
    "・委託先には秘密保持契約を締結させ、再委託を原則禁止する。",
    "・委託先の作業は職員が立ち会い、作業記録を提出させる。",
    "・情報セキュリティ研修を年１回以上実施する。",
    "・庁外への持出しは所属長の許可を得た場合に限る。",
    "・個人情報の取扱状況を年１回点検し、結果を記録する。",
    "・パスワードは定期的に変更し、他人に知られないよう管理する。",
)
HELDOUT_TALL = (
    "（ア）端末はワイヤーロックにより固定する。",
    "（イ）画面は離席時に自動でロックする。",
    "（ウ）アクセスログを３年間保存する。",
    "（エ）バックアップは週１回取得し、遠隔地に保管する。",
    "（オ）障害発生時は手順書に基づき復旧する。",
    "（カ）委託先の監査を年１回実施する。",
    "（キ）不正アクセスの検知時は直ちに報告する。",
    "（ク）書類は施錠できる書庫に保管する。",
    "（ケ）職員には守秘義務に関する誓約書を提出させる。",
    "（コ）システムの利用者登録は所属長の申請による。",
)
EXPLANATIONS = (
    "システム更改に伴う修正",
    "組織改正に伴う修正",
    "記載内容の明確化",
    "事務の見直しに伴う変更",
    "重要な変更に当たらない",
)


def _cell(subs: list[tuple[str, list[str], list[str]]], side: int) -> str:
    """A body cell: each sub-heading (with content on that side) on its line, then its content."""
    out = []
    for head, before, after in subs:
        content = (before, after)[side]
        if content:
            out += [head, *content]
    return "\n".join(out)


def subheaded_rows(pool: tuple, rng: random.Random, n: int) -> list[dict]:
    """``n`` rows of sub-headed body cells drawn from ``pool`` (without repeats while it lasts):
    the item as written, or with its last line dropped and that line opening the body instead
    (an item ending with no heading of the body's kind); a row whose before content is empty is an
    addition (its after ends with 上記を新規追加 at times)."""
    picks = rng.sample(pool, min(n, len(pool)))
    rows = []
    for item, subs in picks:
        subs = [s for s in subs if rng.random() < 0.85] or subs[:1]
        before, after = _cell(subs, 0), _cell(subs, 1)
        if rng.random() < 0.15:
            before, after = "", after + "\n上記を新規追加"
        rows.append(
            {
                "item": item,
                "before": before,
                "after": after,
                "explanation": rng.choice(EXPLANATIONS),
            }
        )
    return rows


def _tall(rows: list[dict], rng: random.Random, paragraphs: tuple[str, ...]) -> list[dict]:
    """Two or three rows with before and after cells made tall: ``TALL_PARAGRAPHS`` paragraphs
    of ``paragraphs`` appended to both (the rest of a long passage, unchanged)."""
    out = [dict(r) for r in rows]
    usable = [k for k, r in enumerate(out) if r["before"] and r["after"] and "新規追加" not in r["after"]]
    for k in rng.sample(usable, min(len(usable), rng.choice((2, 3)))):
        extra = rng.sample(paragraphs, rng.randint(*TALL_PARAGRAPHS))
        out[k]["before"] += "\n" + "\n".join(extra)
        out[k]["after"] += "\n" + "\n".join(extra)
    return out


def _alternating(rows: list[dict], rng: random.Random) -> list[dict]:
    """提出時期 alternating from row to row (a run of two now and then), dates rising in
    groups of one to three rows."""
    timing = rng.choice(("事前", "事後"))
    year, month = rng.choice(((2017, 4), (2019, 10), (2021, 1))), 0
    out = []
    group = 0
    for r in rows:
        r = dict(r)
        if group <= 0:
            month += rng.randint(1, 5)
            group = rng.choice((1, 1, 2, 3))
        group -= 1
        y, m = year[0] + (year[1] + month - 1) // 12, (year[1] + month - 1) % 12 + 1
        r["change_date"] = f"{y:04d}-{m:02d}-{rng.choice((1, 10, 15, 20, 28)):02d}"
        r["change_date_raw"] = r["change_date"]
        r["timing"] = timing
        if rng.random() < 0.8:
            timing = "事後" if timing == "事前" else "事前"
        out.append(r)
    return out


def make_case(name: str, table: list[dict], heldout: bool, k: int) -> Case:
    """A case: sub-headed rows among the pool table's rows, tall cells, alternating 提出時期."""
    rng = random.Random(f"piatable-subhead66-{name}")
    n = rng.randint(*ROWS)
    own = subheaded_rows(HELDOUT_SUBHEADED if heldout else TUNING_SUBHEADED, rng, max(5, n * 2 // 3))
    start = rng.randrange(max(len(table) - n, 0) + 1)
    others = [
        {key: r[key] for key in ("item", "before", "after", "explanation")}
        for r in table[start : start + n - len(own)]
    ]
    rows = list(own)
    for r in others:
        rows.insert(rng.randrange(len(rows) + 1), r)
    rows = _tall(rows, rng, HELDOUT_TALL if heldout else TUNING_TALL)
    rows = _alternating(rows, rng)
    maker = ("writer", "calc")[k % 2] if k < 2 else "writer"
    case = office.plain_case(name, rows, maker, heldout=heldout)
    widths = (
        (HELDOUT_WRITER_WIDTHS if heldout else TUNING_WRITER_WIDTHS)
        if maker == "writer"
        else (HELDOUT_CALC_WIDTHS if heldout else TUNING_CALC_WIDTHS)
    )
    return replace(
        case,
        widths=widths[k % 2 if maker == "writer" else k // 2 % 2],
        portrait=maker == "writer" and k == 3,
        repeat_header=True,
        merge=False,
        valign=("top", "center")[k % 2] if maker == "calc" else "top",
        rows_per_page=None,
        fallback_glyphs="○△",
    )


def cases(heldout: bool) -> list[Case]:
    """``CASES`` cases, their pool rows taken in turn from ``office._four_tables``."""
    tables = office._four_tables(heldout)
    out = []
    for k in range(CASES):
        tname, path = tables[(k + 2) % len(tables)]
        table = office._printable(office.load_table(path))
        out.append(make_case(f"{'h' if heldout else ''}sh66-{tname}-{k + 1}", table, heldout, k))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    import shutil
    import tempfile

    root = office.SAMPLES / name
    made_cases = cases(SETS[name])
    with tempfile.TemporaryDirectory() as tmp:
        made = office.render(made_cases, Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            manifest[case.name] = office.write_case_with_texts(root, case, pdf, expected, TEXTS)
            pages = manifest[case.name]["pages"]
            print(f"{name}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-subhead66": "# office-subhead66 (tuning)\n\nWriter and Calc tables (python-docx, openpyxl) whose"
    " 変更前 / 変更後 cells open with a numbered sub-heading of the form (`①システムの名称`, `（１）…`,"
    " `ア　…`, `1. …`), some cells tall (about 20 lines) and breaking over pages under the repeated label"
    " row, 提出時期 alternating 事前 / 事後; their PDFs and row-ordered texts (pypdfium2, pdftotext -raw,"
    " pypdf, PyMuPDF, pdfminer), made by `tools/make_subhead66_samples.py`.\n",
    "heldout-subhead66": "# heldout-subhead66 (held out)\n\nAs office-subhead66, from the held-out pool of"
    " sub-headed rows and tables, fonts, sizes and widths, made by `tools/make_subhead66_samples.py`."
    " Measure on it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
