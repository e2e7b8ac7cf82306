from piatable.normalize.unicode import clean_text, has_cid


def test_kangxi_and_compatibility_repaired_but_printed_forms_kept():
    assert clean_text("項⽬") == "項目"
    assert clean_text("①Ⅱ※ＬＧＷＡＮ") == "①Ⅱ※ＬＧＷＡＮ"
    assert clean_text("\ufeff変更\u200b箇所") == "変更箇所"
    assert clean_text("ｼｽﾃﾑ") == "システム"


def test_cid_detected():
    assert has_cid("(cid:123)(cid:45)")
    assert not has_cid("変更箇所")
