"""normalize/spill_checks.py: a flattened-text row whose after cell spilled into the explanation
(or whose before/after values moved one column right) is a column_guess; the right rows these
checks were measured against stay quiet (tools/bench_calibration.py measures them on every
sample)."""

from __future__ import annotations

from tests.text_checks import evidence_of, text_record

ITEM = ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "⑤使用方法"]
BEFORE = "既存住基システムから個人番号の通知対象者の情報を抽出し、通知カード等の送付先情報を機構へ提供する。"
EXPL = ["行政手続における番号法の改正により、個人番号通知書となったことによる修正"]


def test_the_after_cells_closing_words_inside_the_explanation():
    rec = text_record(
        {
            "item": ITEM,
            "after": ["評価書の記載内容は適切であり、措置が講じられていることを"],
            "explanation": ["確認した。", "上記を新規追加"],
        }
    )
    assert "column_guess" in rec.flags
    assert any("上記を新規追加" in e for e in evidence_of(rec))
    right = text_record(
        {"item": ITEM, "after": ["評価書の記載内容は適切である。", "上記を新規追加"], "explanation": EXPL}
    )
    assert "column_guess" not in right.flags


def test_a_sentence_cut_between_after_and_explanation_that_the_before_cell_reads_whole():
    rec = text_record(
        {
            "item": ITEM,
            "before": [BEFORE],
            "after": ["既存住基システムから個人番号の通知対象"],
            "explanation": ["者の情報を抽出し、個人番号通知書等の送付先情報を機構へ提供する。", *EXPL],
        }
    )
    assert any("read on in the before cell (対象|者の情報" in e for e in evidence_of(rec)), rec.evidence
    right = text_record(
        {
            "item": ITEM,
            "before": [BEFORE],
            "after": ["既存住基システムから個人番号の通知対象者の情報を抽出し、個人番号通知書等を提供する。"],
            "explanation": EXPL,
        }
    )
    assert "column_guess" not in right.flags


def test_an_open_after_cell_and_an_explanation_opening_with_a_sentences_end():
    rec = text_record(
        {
            "item": ITEM,
            "before": ["・紙で受領し、課税資料として取り込む。"],
            "after": ["・電子データで受信し、課税資料として"],
            "explanation": ["取り込む。", "電子データの受信開始に伴う修正"],
        }
    )
    assert any("ends open" in e for e in evidence_of(rec)), rec.evidence
    right = text_record(
        {
            "item": ITEM,
            "before": ["・紙で受領し、課税資料として取り込む。"],
            "after": ["・電子データで受信し、課税資料として取り込む。"],
            "explanation": ["電子データの受信開始に伴う修正。なお、重要な変更には当たらない。", "追記"],
        }
    )
    assert "column_guess" not in right.flags


def test_before_and_after_values_read_one_column_right():
    item = ["Ⅰ基本情報", "７．評価実施機関における担当部署", "①部署"]
    rec = text_record(
        {"item": item, "before": [], "after": ["市民部市民課"], "explanation": ["市民生活部市民課"]}
    )
    assert any("a value like the after cell's" in e for e in evidence_of(rec)), rec.evidence
    right = text_record(
        {
            "item": item,
            "before": [],
            "after": ["市民生活部市民課", "上記を新規追加"],
            "explanation": ["市民生活部の新設に伴う追加"],
        }
    )
    assert not any("a value like" in e for e in right.evidence)


def test_a_piece_of_the_before_cell_printed_beside_the_after_cell():
    """``-layout`` text: the before cell's wrapped ``○○市本`` read into the after cell."""
    item = ["Ⅴ開示請求、問合せ", "２．特定個人情報ファイルの取扱いに関する問合せ", "①連絡先"]
    before = ["○○市総務部総務課 〒123-4567", "町一丁目１番１号 電話 0123-45-6789"]
    after = ["○○市本 ○○市総務部行政管理課 〒123-4567 ○○市本町一丁目１番１号 電話 0123-45-6700"]
    rec = text_record({"item": item, "before": before, "after": after})
    assert any("a piece of the before cell's text (○○市本|町一丁目)" in e for e in evidence_of(rec)), (
        rec.evidence
    )
    right = text_record(
        {
            "item": item,
            "before": ["○○市総務部総務課 〒123-4567 ○○市本町一丁目１番１号"],
            "after": ["○○市総務部行政管理課 〒123-4567 ○○市本町一丁目１番１号"],
        }
    )
    assert "column_guess" not in right.flags


def test_two_dates_in_one_body_cell_beside_an_empty_one():
    item = ["Ⅱしきい値判断項目", "１．対象人数", "いつ時点の計数か"]
    rec = text_record({"item": item, "before": ["平成28年8月25日令和2年11月20日"], "after": []})
    assert any("holds two dates" in e for e in evidence_of(rec)), rec.evidence
    right = text_record({"item": item, "before": ["平成28年8月25日"], "after": ["令和2年11月20日"]})
    assert not any("two dates" in e for e in right.evidence)


def test_a_reason_in_the_before_cell_beside_a_stock_explanation():
    """pdftotext -raw of a Calc 削除 row (a new user's table): the explanation's first paragraph
    (…を行わなくなったため) was read into the before cell at 0.90 with no flag, leaving the
    explanation only its stock sentence."""
    before = "住民異動届の内容と本人確認情報とを突合し、記載内容の正確性を確認する。"
    rec = text_record(
        {
            "item": ITEM,
            "before": [before, "事務の見直しにより突合を行わなくなったため"],
            "after": ["削除"],
            "explanation": ["重大な変更に該当しない"],
        }
    )
    assert any("ends as a reason ends" in e for e in evidence_of(rec)), rec.evidence
    right = text_record(
        {
            "item": ITEM,
            "before": [before],
            "after": ["削除"],
            "explanation": ["事務の見直しにより突合を行わなくなったため", "重大な変更に該当しない"],
        }
    )
    assert not any("ends as a reason ends" in e for e in evidence_of(right))


def test_a_purpose_ending_as_a_reason_beside_a_stock_explanation_is_not_doubted():
    """A 使用目的 cell states a purpose (…を行うため) beside another body cell of its own text and a
    stock explanation: what the table prints (a new user's tables: 6 right rows warned, no wrong
    one, before the check asked for a deletion's or addition's reason standing after a sentence)."""
    item = ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "④使用目的"]
    for before, after in (
        (["住民基本台帳の記録を行うため"], ["住民基本台帳の正確な記録を行うため"]),
        (
            ["住民異動届の内容を確認する。", "住民基本台帳の記録を行うため"],
            ["住民基本台帳の正確な記録を行うため"],
        ),
        (["住民基本台帳の記録を行うため"], ["削除"]),
    ):
        rec = text_record(
            {"item": item, "before": before, "after": after, "explanation": ["重大な変更に該当しない"]}
        )
        assert not any("ends as a reason ends" in e for e in evidence_of(rec)), (before, after, rec.evidence)
