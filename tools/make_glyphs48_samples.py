"""Writer tables whose cells hold list paragraphs, tabs and line-end hyphens (issues 10/11/12,
branch glyphs48), made by LibreOffice Writer.

    python tools/make_glyphs48_samples.py                         # both sets
    python tools/make_glyphs48_samples.py --set office-glyphs48   # or heldout-glyphs48

Rows written for these sets (no new user's text), of the kinds set X showed:

* List Bullet paragraphs: Writer draws the bullet from OpenSymbol (U+F0B7 in its text, a glyph
  whose ToUnicode gives the private-use code); the truth is what is printed, ``•``.
* List Number paragraphs: Writer draws the running number (one list through the document, so
  the after cell's numbers go on from the before cell's: ``4.``–``7.``); the truth holds them.
* A tab inside a cell (``番号法第１９条第７号⇥別表第二``): printed as a gap; the truth writes
  it U+3000 (cells are compared without white space).
* Words with a hyphen (``e-ラーニング``, ``e-Tax``) that may fall at a line's end, where pdfium
  reads the hyphen as U+FFFE / code 2.

The rows give their cells in the truth's form; ``_fill_list_cell`` writes a ``• `` line as a List
Bullet paragraph, a ``N. `` line as a List Number one (the number left to Writer) and U+3000 as
a tab.  ``office-glyphs48`` (tuning) and ``heldout-glyphs48`` (measure only, never tune on it)
each hold two Writer tables drawn by ``make_office_samples.plain_case``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_office_samples import SAMPLES, SIX, Case, plain_case, sets_main
from make_office_samples import truth_row as _row

# A list-number line of a row as written here (``#. text``) and as the truth prints it.
_NUMBER_MARK = "#. "
_NUMBERED = re.compile(r"^(\d+)\. (.*)$")
_BULLETED = re.compile(r"^• (.*)$")
_ITEM_III = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n"

TUNING_ROWS = [
    _row(
        "2024-04-01",
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        "#. 住民異動届の受付\n#. 住民票の写しの交付",
        "#. 住民異動届の受付\n#. 住民票の写しの交付（コンビニ交付を含む。）\n#. 転出届の電子受付",
        "事後",
        "コンビニ交付の開始に伴う追記",
    ),
    _row(
        "2024-04-01",
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑧使用方法",
        "• 住民記録の異動処理\n• 証明書の発行",
        "• 住民記録の異動処理\n• 証明書の発行\n• 転出届の電子受付及び転入予約の処理",
        "事後",
        "電子申請の開始に伴う追加",
    ),
    _row(
        "2024-04-01",
        "Ⅰ基本情報\n６．情報提供ネットワークシステムによる情報連携\n②法令上の根拠",
        "番号法第１９条第７号\u3000別表第二",
        "番号法第１９条第８号\u3000主務省令第２条の表",
        "事前",
        "番号法の改正に伴う修正",
    ),
    _row(
        "2024-10-01",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n具体的な方法",
        "新任職員を対象に集合研修を行う。",
        "全職員を対象に、年１回、e-ラーニングによる個人情報保護研修を行い、受講状況を記録する。未受講者には、e-ラーニングの再受講を求める。",
        "事後",
        "研修方法の見直しに伴う修正",
    ),
    _row(
        "2024-10-01",
        _ITEM_III
        + "３．特定個人情報の使用\n"
        + "リスク２：権限のない者によって不正に使用されるリスク\n具体的な管理方法",
        "• ＩＤとパスワードで認証する。",
        "• 生体認証とＩＤで認証する。\n• 異動した職員のＩＤは\u3000速やかに失効させる。",
        "事後",
        "認証方式の変更に伴う修正",
    ),
    _row(
        "2024-10-01",
        "Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
        "市民課\u3000住民記録係",
        "市民窓口課\u3000住民記録担当",
        "事後",
        "組織改正に伴う修正",
    ),
]

HELDOUT_ROWS = [
    _row(
        "2025-04-01",
        "Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲\nその必要性",
        "#. 住民票の記載を行うため。\n#. 証明書を発行するため。",
        "#. 住民票の記載を行うため。\n#. 証明書を発行するため。\n#. 電子申請を受け付けるため。",
        "事後",
        "電子申請の開始に伴う追記",
    ),
    _row(
        "2025-04-01",
        "Ⅰ基本情報\n５．個人番号の利用\n法令上の根拠",
        "番号法第９条第１項\u3000別表第一の１０の項",
        "番号法第９条第１項\u3000別表の２４の項",
        "事前",
        "番号法の改正に伴う修正",
    ),
    _row(
        "2025-04-01",
        _ITEM_III
        + "７．特定個人情報の保管・消去\n"
        + "リスク１：特定個人情報の漏えい・滅失・毀損リスク\n⑤物理的対策",
        "• サーバ室は施錠している。",
        "• サーバ室は施錠している。\n• 入退室はＩＣカードで記録している。\n• 端末はワイヤーで固定している。",
        "事後",
        "物理的対策の強化に伴う追記",
    ),
    _row(
        "2025-10-01",
        "Ⅳその他のリスク対策\n２．従業者に対する教育・啓発\n具体的な方法",
        "年１回、集合研修を行う。",
        "年２回、e-ラーニングによる研修を行う。e-Taxの利用に関する研修も、e-ラーニングで行う。",
        "事後",
        "研修体制の見直しに伴う修正",
    ),
    _row(
        "2025-10-01",
        "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
        "市民課\u3000電話番号：０１２－３４５－６７８９",
        "市民窓口課\u3000電話番号：０１２－３４５－６７００",
        "事後",
        "組織改正に伴う修正",
    ),
]


def number_lists(rows: list[dict]) -> list[dict]:
    """The rows with each ``#. `` line numbered as Writer numbers one List Number list through
    the document: in printed order, row by row, cell by cell from the left."""
    n = 0
    out = []
    for r in rows:
        r = dict(r)
        for key in SIX:
            lines = r[key].split("\n")
            for k, line in enumerate(lines):
                if line.startswith(_NUMBER_MARK):
                    n += 1
                    lines[k] = f"{n}. {line[len(_NUMBER_MARK) :]}"
            r[key] = "\n".join(lines)
        out.append(r)
    return out


_plain_fill = mos._fill_cell


def _fill_list_cell(cell, text: str, runs, case: Case, justify: bool = False) -> None:  # type: ignore[no-untyped-def]
    """``make_office_samples._fill_cell`` for these rows: a ``• `` line becomes a List Bullet
    paragraph and an ``N. `` line a List Number one (their labels drawn by Writer), U+3000 a tab."""
    if runs is not None or not (_NUMBERED.search(text) or "• " in text or "\u3000" in text):
        _plain_fill(cell, text, runs, case, justify)
        return
    for k, line in enumerate(text.split("\n")):
        style = None
        numbered, bulleted = _NUMBERED.match(line), _BULLETED.match(line)
        if numbered:
            style, line = "List Number", numbered.group(2)
        elif bulleted:
            style, line = "List Bullet", bulleted.group(1)
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if style:
            p.style = cell.part.document.styles[style]
        p.add_run(line.replace("\u3000", "\t"))


mos._fill_cell = _fill_list_cell


# Column widths (cm) of the portrait cases: 16.8 cm between A4's 2 cm margins (set X's W2 kind).
PORTRAIT = (2.0, 3.4, 3.6, 3.6, 1.2, 3.0)
PORTRAIT_HELDOUT = (1.9, 3.6, 3.5, 3.5, 1.3, 3.0)


def _cases(heldout: bool) -> list[Case]:
    rows = HELDOUT_ROWS if heldout else TUNING_ROWS
    prefix = "hg48" if heldout else "g48"
    out = []
    for k in range(2):
        case = plain_case(f"{prefix}-writer-v{k + 1}", rows, "writer", heldout=heldout, date_style="wareki")
        ordered = sorted(case.rows, key=lambda r: r["change_date"])
        # The bullet is drawn in OpenSymbol (U+F0B7 in the PDF's text): left out of the check
        # that every truth cell is printed, as the • of the truth is.
        out.append(replace(case, rows=number_lists(ordered), merge=False, fallback_glyphs="•\uf0b7"))
    # A portrait page with narrow columns (set X's W2): -layout prints a list label in the gap
    # left of its paragraph's text, nearer the cell on the left.
    font, size, widths = (
        ("IPAexMincho", 10.5, PORTRAIT_HELDOUT) if heldout else ("IPAexGothic", 10.0, PORTRAIT)
    )
    case = plain_case(f"{prefix}-writer-v3", rows, "writer", heldout=heldout, date_style="slash")
    ordered = sorted(case.rows, key=lambda r: r["change_date"])
    portrait = dict(portrait=True, font=font, size=size, widths=widths, merge=False)
    out.append(replace(case, rows=number_lists(ordered), fallback_glyphs="•\uf0b7", **portrait))
    return out


SETS = {
    "office-glyphs48": (SAMPLES / "office-glyphs48", lambda: _cases(False)),
    "heldout-glyphs48": (SAMPLES / "heldout-glyphs48", lambda: _cases(True)),
}


def main(argv: list[str] | None = None) -> int:
    return sets_main(argv, __doc__, SETS)


if __name__ == "__main__":
    raise SystemExit(main())
