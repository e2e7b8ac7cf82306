"""Explanation boxes of column-ordered text holding several rows' explanations (pdfminer, plain
pdftotext of Writer tables at a narrow explanation column): where they are cut."""

from piatable.models import CellLine
from piatable.normalize.boxes import Box
from piatable.normalize.merged_explanations import explanation_cuts, split_merged_explanations


def _box(*texts: str) -> Box:
    return Box([CellLine(t, 1, k) for k, t in enumerate(texts)])


def test_an_explanation_whose_last_word_the_wrap_cut_still_ends_there():
    # writer-bottom1 (pdfminer): three explanations, the second ending 修 / 正.
    box = _box(
        "郵送による届出の受",
        "付開始に伴う追記",
        "再評価に伴う第三者",
        "点検の実施による修",
        "正",
        "研修体制の見直しに",
        "よる追記",
    )
    assert explanation_cuts(box) == [2, 5]


def test_no_explanation_opens_with_a_particle():
    box = _box(
        "行政手続における特",
        "定の個人を識別する",
        "ための番号の利用等",
        "に関する法律の改正",
        "により、通知カード",
        "が廃止されたことによる修正",
    )
    assert explanation_cuts(box) == []


def test_a_noun_ending_an_explanation_is_a_cut_when_a_box_is_cut():
    box = _box("研修内容の充実", "番号法の改正（令", "和5年法律第48", "号）に伴う条項ず", "れの修正")
    assert explanation_cuts(box) == [1]


def test_a_cut_after_a_running_connective_is_dropped_when_the_count_asks_it():
    # writer-long-t1 (pdfminer): a page two explanation cells short; the cuts are three, one of
    # them after …に伴う, which runs on into 使用者数の増加: the two others are taken.
    one = _box("支所における窓口", "業務の開始に伴う", "使用者数の増加", "重大な変更に該当", "しない")
    three = _box(
        "庁内連携システム",
        "の導入に伴う修正",
        "中間サーバーへの",
        "副本登録の開始に",
        "伴う追加",
        "番号法の改正に伴",
        "う条項の修正",
    )
    pieces = split_merged_explanations([one, three], 2, {})
    assert pieces is not None
    assert ["".join(cl.text for cl in b.lines) for b, _ in pieces] == [
        "支所における窓口業務の開始に伴う使用者数の増加重大な変更に該当しない",
        "庁内連携システムの導入に伴う修正",
        "中間サーバーへの副本登録の開始に伴う追加",
        "番号法の改正に伴う条項の修正",
    ]
    # The box whose weak cut was dropped is a guess; the others are cut where each ends.
    assert [how for _, how in pieces] == ["split_guess", "split", "split", "split"]


def test_cuts_neither_all_nor_strong_as_many_as_the_cells_missing_decide_nothing():
    one = _box("支所における窓口", "業務の開始に伴う", "使用者数の増加")
    assert split_merged_explanations([one], 2, {}) is None
    # Every cut taken when all of them match the count.
    assert split_merged_explanations([one], 1, {}) is not None
