"""Damaged headings of a 項目 path named by the forms' structure around them (normalize/item_anchor.py):
the heading after them, their circled number, glued tails cut, attachments' titles."""

from __future__ import annotations

from piatable.normalize.item_anchor import (
    attachment_title,
    numbered_children,
    numbered_lists,
    similarity,
)
from piatable.normalize.item_key import item_key


def test_a_heading_misread_beyond_near_known_is_named_by_the_heading_under_it():
    k = item_key("Ⅱ特定個人情報ファイルの概要\n９．特和個人本報の入手入用\n②入手方法る")
    assert k.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    assert k.unknown == ()
    assert "特和個人本報の入手入用→特定個人情報の入手・使用" in k.fuzzy


def test_without_an_anchor_a_damaged_heading_stays_as_printed():
    # No heading after it and no circled number: nothing fixes which heading it is.
    k = item_key("Ⅱ特定個人情報ファイルの概要\n９．特和個人本報の入手入用")
    assert k.key == "Ⅱ特定個人情報ファイルの概要/特和個人本報の入手入用"
    assert k.unknown == ("特和個人本報の入手入用",)


def test_the_circled_number_anchors_a_short_misread_item():
    k = item_key("Ⅰ関連情報\n７．評価実施機関における担当部署\n①部寺5")
    assert k.key == "Ⅰ関連情報/評価実施機関における担当部署/部署"
    assert k.fuzzy == ("部寺5→部署",)
    # ② is 所属長の役職名 there, which 部寺 is nothing like: no heading named.
    other = item_key("Ⅰ関連情報\n７．評価実施機関における担当部署\n②部寺5")
    assert other.path[-1] != "部署" and other.unknown


def test_numbered_children_come_from_the_lexicon():
    assert numbered_children()[("評価実施機関における担当部署", "①")] == {"部署"}
    assert "使用の主体" in numbered_children()[("特定個人情報の入手・使用", "⑦")]


def test_a_tail_glued_to_a_heading_is_cut_when_the_heading_under_it_agrees():
    k = item_key(
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用他個\n"
        "リスク４：特定個人情報ファイルが不正に複製されるリスク\nリスクに対する措置の内容"
    )
    assert k.path[1] == "特定個人情報の使用"
    assert "他個" in k.dropped


def test_another_cells_line_glued_into_a_wrapped_heading_is_left_out():
    k = item_key(
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・定している。・届出書等の紙媒体は、施錠\n①保管場所"
    )
    assert k.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の保管・消去/保管場所"
    assert any("届出書" in d for d in k.dropped)


def test_a_section_heading_read_without_its_numeral_is_named_by_the_heading_after_it():
    k = item_key("特定押特者ファイルの電\n３．特定個人情報の入手・使用\n⑦使用の主体\n使用者数")
    assert k.key == "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/使用の主体/使用者数"
    assert k.section == "Ⅱ"
    # Another cell's sentence before the heading is no section heading.
    other = item_key("住民票の写しを交付する\n３．特定個人情報の入手・使用\n②入手方法")
    assert other.section == "Ⅱ" and other.path[0] == "住民票の写しを交付する"


def test_similarity_prefers_a_heading_read_whole_with_text_after_it():
    assert similarity("特定個人情報の保管・定している。", "特定個人情報の保管・消去") == 1.0
    assert similarity("部寺5", "部署") == 0.5
    assert similarity("住民票", "特定個人情報ファイルの概要") < 0.5


def test_an_attachment_title_with_the_next_cells_text_glued():
    assert attachment_title("特定個人情報ファイル記録項目意見なし") == (
        "特定個人情報ファイル記録項目",
        "意見なし",
    )
    assert attachment_title("ファイル記録項目○○") == ("ファイル記録項目", "○○")
    assert attachment_title("事務の内容") == ("事務の内容", "")
    k = item_key("（別紙２）特定個人情報ファイル記録項目意見なし")
    assert k.key == "別紙2特定個人情報ファイル記録項目" and k.dropped == ("意見なし",) and k.fuzzy


def test_an_unnumbered_name_after_a_numbered_list_heading_is_body_text():
    assert "特定個人情報ファイル名" in numbered_lists()
    glued = item_key("Ⅰ関連情報\n２．特定個人情報ファイル名国民健康保険情報ファイル")
    assert glued.key == "Ⅰ関連情報/特定個人情報ファイル名"
    assert glued.dropped == ("国民健康保険情報ファイル",)
    # A numbered entry ((1) …ファイル) is the item's own heading, kept.
    listed = item_key("Ⅱ特定個人情報ファイルの概要\n１．特定個人情報ファイル名\n（１）住民基本台帳ファイル")
    assert listed.path[-1] == "住民基本台帳ファイル"


def test_a_section_numeral_before_its_heading_with_another_cells_line_inside():
    k = item_key(
        "Ⅲ特定個人情報ファイルの取\n外は情報の複製ができない仕組みとしてい扱いプロセスにおけるリスク\nる。\n"
        "３．特定個人情報の使用\nリスク４：特定個人情報ファイルが不正に複製されるリスク\nリスクに対する措置の内容"
    )
    assert k.path[0] == "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"
    assert k.path[-1] == "リスクに対する措置の内容"
    assert k.fuzzy
    # Text that prints too little of any of the numeral's headings stays as printed.
    k = item_key("Ⅲ取扱いに関する独自の対策\n３．特定個人情報の使用")
    assert k.path[0] == "Ⅲ取扱いに関する独自の対策"
