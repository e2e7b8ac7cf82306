"""normalize/foreign_tails.py: another cell's or row's text left in a cell of flattened text is
warned (issue 12, set XXII kinds #6, #7, #9), and no truth row of the samples is."""

from __future__ import annotations

from normalize.foreign_tails import (
    explanation_echo_doubts,
    explanation_tail_doubts,
    foreign_tail_doubts,
    glued_row_doubts,
    item_sentence_doubts,
    label_piece_doubts,
)
from piatable.models import Record

from .conftest import SAMPLES
from .truth_files import truth_files, verdicts

_ITEM = "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容"


def _rec(item: str = _ITEM, **cells: str) -> Record:
    fields = {"before": "前の記載。", "after": "後の記載。", "explanation": "記載内容の時点修正", **cells}
    return Record("s", 0, 1, 1, None, "", item, item.split("\n"), timing="事後", **fields)


def test_item_sentence_warned() -> None:
    # set XXII t05.pdfplumber: the after cell's last line read into the 項目
    rec = _rec("Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所\n登録事業者とする。")
    assert [d.kind for d in item_sentence_doubts(rec)] == ["column_guess"]
    rec = _rec("Ⅱ特定個人情報ファイルの概要\n２．基本情報\n③対象となる本人の範囲\n※消除者を含む。")
    assert [d.field for d in item_sentence_doubts(rec)] == ["item"]


def test_item_headings_quiet() -> None:
    assert item_sentence_doubts(_rec()) == []
    item = "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n委託事項１"
    assert item_sentence_doubts(_rec(item)) == []


def test_explanation_tail_warned() -> None:
    # set XXII t12.pymupdf-sort-ff: …入退室を記録して / いる。 read into the explanation
    rec = _rec(after="・監視カメラを設置し、入退室を記録して", explanation="記載内容の時点修正\nいる。")
    assert [d.field for d in explanation_tail_doubts(rec)] == ["explanation"]


def test_explanation_own_wrap_quiet() -> None:
    # the explanation's own sentence wrapped (…に伴 / う修正): not a body cell's tail
    rec = _rec(after="・監視カメラを設置し", explanation="組織改編に伴\nう修正")
    assert explanation_tail_doubts(rec) == []
    # the body cell closed: the tail is not its own
    rec = _rec(after="入退室を記録している。", explanation="記載内容の時点修正\nいる。")
    assert explanation_tail_doubts(rec) == []
    # an explanation's later paragraph of its own (なお、…) is long
    rec = _rec(after="・監視カメラを設置し", explanation="記載内容の時点修正\nなお、重要な変更に当たらない")
    assert explanation_tail_doubts(rec) == []


def test_label_pieces_warned() -> None:
    # set XXII t12.pdftotext-layout-crlf: the repeated header row read into a row broken over a page
    rec = _rec(before="保険年金課長\n載", after="総務部情報政策課長\n載")
    assert [d.kind for d in label_piece_doubts(rec)] == ["column_guess"]
    # …係る説明 closing a paragraph: the label's tail glued to the explanation's first line
    rec = _rec(explanation="ガバメントクラウドへ係る説明\nの移行に伴う修正")
    assert [d.field for d in label_piece_doubts(rec)] == ["explanation"]
    rec = _rec(explanation="提出時期に係る説明を改めた。")
    assert label_piece_doubts(rec) == []  # inside a paragraph, not at its end
    rec = _rec(explanation="ガバメントクラウドへの移行に伴う修正\n提出時期に係る説明")
    assert [d.field for d in label_piece_doubts(rec)] == ["explanation"]


def test_label_piece_alone_needs_two_cells() -> None:
    assert label_piece_doubts(_rec(before="保険年金課長\n載")) == []


def test_glued_row_warned() -> None:
    # set XXII t08.pypdf-join0: pages joined with "", the next page's first row glued on
    rec = _rec(
        explanation="委託先の変更に伴う修正\n重要な変更には当たらない2023/2/6 庁舎内のサーバ室に設置する。\n"
        "事後 行政手続における修正"
    )
    assert [d.kind for d in glued_row_doubts(rec)] == ["row_split_guess"]


def test_date_in_sentence_quiet() -> None:
    rec = _rec(after="令和5年4月1日から運用を開始する。", explanation="記載内容の時点修正\n事後に提出")
    assert glued_row_doubts(rec) == []


def _fired(r: dict) -> list[tuple[str, str]]:
    """The four checks' doubts on one truth row (why, the item's last 20 characters)."""
    item = r.get("item") or ""
    rec = Record(
        "t",
        0,
        1,
        1,
        None,
        "",
        item,
        list(r.get("item_path") or item.split("\n")),
        r.get("before") or "",
        r.get("after") or "",
        r.get("timing"),
        r.get("explanation") or "",
    )
    return [(d.why, item[-20:]) for d in foreign_tail_doubts(rec)]


def test_no_truth_row_warned() -> None:
    """The four checks on every truth row of the committed samples (``samples/<set>/<case>``):
    none fires.  Each distinct truth file checked once, its answers counted for every copy
    (tests/truth_files.py)."""
    fires = verdicts(_fired)
    rows, fired = 0, []
    for path, text in truth_files():
        if len(path.relative_to(SAMPLES).parts) != 4:
            continue  # (the files two folders down, as before)
        answers = fires(text)
        rows += len(answers)
        fired += [f for got in answers for f in got]
    assert rows > 10_000
    assert fired == []


def test_explanation_echo_warned() -> None:
    # office-unwarn61 lists-v1, PyMuPDF sort: one of the after cell's three lines in the explanation
    rec = _rec(
        after="100 人以上500 人未満\n100 人以上500 人未満",
        explanation="会計年度任用職員の増員による修正\n100 人以上500 人未満",
    )
    assert [d.field for d in explanation_echo_doubts(rec)] == ["explanation"]
    # the explanation's first paragraph naming the same words is its own
    rec = _rec(after="記載内容の時点修正", explanation="記載内容の時点修正")
    assert explanation_echo_doubts(rec) == []
