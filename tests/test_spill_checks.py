"""normalize/spill_checks.py: a flattened-text row whose after cell spilled into the explanation
(or whose before/after values moved one column right) is a column_guess; the right rows these
checks were measured against stay quiet (tools/bench_calibration.py measures them on every
sample)."""

from __future__ import annotations

from tests.test_honest_evidence import text_record

ITEM = ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "⑤使用方法"]
BEFORE = "既存住基システムから個人番号の通知対象者の情報を抽出し、通知カード等の送付先情報を機構へ提供する。"
EXPL = ["行政手続における番号法の改正により、個人番号通知書となったことによる修正"]


def _spill(rec) -> list[str]:
    return [e for e in rec.evidence if "column_guess" in e]


def test_the_after_cells_closing_words_inside_the_explanation():
    rec = text_record(
        {
            "item": ITEM,
            "after": ["評価書の記載内容は適切であり、措置が講じられていることを"],
            "explanation": ["確認した。", "上記を新規追加"],
        }
    )
    assert "column_guess" in rec.flags
    assert any("上記を新規追加" in e for e in _spill(rec))
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
    assert any("read on in the before cell (対象|者の情報" in e for e in _spill(rec)), rec.evidence
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
    assert any("ends open" in e for e in _spill(rec)), rec.evidence
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
    assert any("a value like the after cell's" in e for e in _spill(rec)), rec.evidence
    right = text_record(
        {
            "item": item,
            "before": [],
            "after": ["市民生活部市民課", "上記を新規追加"],
            "explanation": ["市民生活部の新設に伴う追加"],
        }
    )
    assert not any("a value like" in e for e in right.evidence)
