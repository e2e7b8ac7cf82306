"""Text whose one-line cells come first: LibreOffice Calc's drawing order, as pypdfium2 and
``pdftotext -raw`` give it (a page's dates and timings, then each row's wrapped cells)."""

from __future__ import annotations

from piatable.pipeline import extract_document

DATES_FIRST = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
2023/2/6 事後
2022/10/17 事前
Ⅱ特定個人情報ファイルの概要
３．特定個人情報の入手・使用
②入手方法
[○]紙
[○]その他（住基ネット）
[○]紙
[○]その他（住基ネット、サービス検索・電子
申請機能）
サービス検索・電子申請機能の
利用に伴う修正
Ⅰ基本情報
７．評価実施機関における担当部
署
①部署
市民課 市民窓口課 組織改正による部署名の変更
"""

TIMINGS_FIRST = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
事前
事後
2019年5月1日 Ⅰ基本情報
７．評価実施機関における担当部
署
①部署
市民課 市民窓口課 組織改正による部署名の変更
2020年4月1日 Ⅰ基本情報
７．評価実施機関における担当部
署
②所属長の役職名
市民課長 市民窓口課長 組織改正による役職名の変更
"""


def _rows(tmp_path, text):
    path = tmp_path / "calc.txt"
    path.write_text(text, "utf-8")
    result = extract_document(path)
    assert any("before its wrapped cells" in n for n in result.notes)
    return result.records


def test_dates_and_timings_first(tmp_path):
    rows = _rows(tmp_path, DATES_FIRST)
    assert [(r.change_date, r.timing) for r in rows] == [("2023-02-06", "事後"), ("2022-10-17", "事前")]
    assert rows[0].item == "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"
    assert rows[0].before == "[○]紙\n[○]その他（住基ネット）"
    assert rows[0].explanation == "サービス検索・電子申請機能の利用に伴う修正"
    assert (rows[1].before, rows[1].after, rows[1].explanation) == (
        "市民課",
        "市民窓口課",
        "組織改正による部署名の変更",
    )


def test_timings_first_dates_beside_the_items(tmp_path):
    rows = _rows(tmp_path, TIMINGS_FIRST)
    assert [(r.change_date, r.timing) for r in rows] == [("2019-05-01", "事前"), ("2020-04-01", "事後")]
    # Two rows are too few to learn the columns' widths from; the rows and their dates are
    # what this order decides (cells: measured on samples/office by tools/eval_text.py).
    assert [r.item[:5] for r in rows] == ["Ⅰ基本情報", "Ⅰ基本情報"]
