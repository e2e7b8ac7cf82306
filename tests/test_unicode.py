from piatable.normalize.unicode import clean_text, fold_halfwidth_kana, has_cid


def test_kangxi_and_compatibility_repaired_but_printed_forms_kept():
    assert clean_text("項⽬") == "項目"
    assert clean_text("①Ⅱ※ＬＧＷＡＮ") == "①Ⅱ※ＬＧＷＡＮ"
    assert clean_text("\ufeff変更\u200b箇所") == "変更箇所"
    # Half-width katakana is printed by some forms: kept in cells, folded for keys only.
    assert clean_text("ｼｽﾃﾑ") == "ｼｽﾃﾑ"
    assert fold_halfwidth_kana(clean_text("ｼｽﾃﾑ")) == "システム"


def test_cid_detected():
    assert has_cid("(cid:123)(cid:45)")
    assert not has_cid("変更箇所")


def test_cjk_radicals_supplement_repaired_like_kangxi():
    # ⺠ U+2EA0, ⻑ U+2ED1, ⻄ U+2EC4, ⻘ U+2ED8, ⻝ U+2EDD: one glyph, two code points in the font.
    assert clean_text("住\u2ea0基本台帳") == "住民基本台帳"
    assert clean_text("課\u2ed1") == "課長"
    assert clean_text("\u2ec4日本\u2ed8森\u2edd品") == "西日本青森食品"
    assert clean_text("\u2e9f子") == "母子"  # the one with an NFKC mapping still maps
    assert "\u2e80" not in clean_text("\u2e81") and clean_text("\u2e81") == "厂"
