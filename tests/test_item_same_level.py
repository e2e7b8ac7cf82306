"""A short heading and the sub-heading the lexicon prints at its level, glued once their
numbering is read (``②監査`` / ``具体的な内容``): cut where the lexicon pairs them, as the longer
``①自己点検`` / ``具体的なチェック方法`` always was; no near-heading guess (a new user's PDF row
keyed ``…/監査/具体的な内容`` with item_key_fuzzy)."""

from piatable.normalize.item_key import item_key
from piatable.normalize.item_numerals import same_level_split


def test_short_heading_and_its_sub_heading_keep_both():
    key = item_key(["Ⅳその他のリスク対策", "１．監査", "②監査", "具体的な内容"])
    assert key.key == "Ⅳその他のリスク対策/監査/監査/具体的な内容"
    assert not key.fuzzy and not key.dropped
    twin = item_key(["Ⅳその他のリスク対策", "１．監査", "①自己点検", "具体的なチェック方法"])
    assert twin.key == "Ⅳその他のリスク対策/監査/自己点検/具体的なチェック方法"


def test_only_lexicon_pairs_split():
    assert same_level_split("監査具体的な内容") == ("監査", "具体的な内容")
    assert same_level_split("方法具体的な内容") is None
    assert same_level_split("監査の実施") is None
