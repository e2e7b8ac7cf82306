"""``brackets._number_closers`` finds what ``_NUMBER_CLOSER.finditer`` finds (it tries the
pattern only one or two characters before a closing bracket), and ``without_list_numbers``
gives what the pattern's ``sub`` gave."""

from __future__ import annotations

import random

from piatable.normalize.brackets import _NUMBER_CLOSER, _number_closers, without_list_numbers

_ALPHABET = "12３４a)）(（ア イ\nx選Ｚ"


def _old_without_list_numbers(text: str) -> str:
    """The function as it was written with the pattern's ``finditer`` and ``sub``."""
    from piatable.normalize.brackets import _RUN_ON_NUMBER_CLOSER

    numbers = {int(m.group(0)[:-1]) for m in _NUMBER_CLOSER.finditer(text) if m.group(0)[0].isdigit()}
    out = _NUMBER_CLOSER.sub("", text)
    if not numbers:
        return out
    for m in _RUN_ON_NUMBER_CLOSER.finditer(out):
        n = int(m.group(1))
        if n - 1 in numbers:
            numbers.add(n)
    return _RUN_ON_NUMBER_CLOSER.sub(lambda m: "" if int(m.group(1)) in numbers else m.group(0), out)


def test_the_same_matches_as_the_pattern_on_random_texts() -> None:
    rnd = random.Random(13)
    texts = ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 14))) for _ in range(30000)]
    texts += ["＜選択肢＞1)行っている 2)行っていない", "１）１万人未満 ２）…未満３）", "a)b)", "12)3)"]
    for text in texts:
        spans = [m.span() for m in _NUMBER_CLOSER.finditer(text)]
        assert [m.span() for m in _number_closers(text)] == spans, text
        assert without_list_numbers(text) == _old_without_list_numbers(text), text


def test_list_numbers_taken_out() -> None:
    listed = "＜選択肢＞1)行っている 2)行っていない"
    assert without_list_numbers(listed) == "＜選択肢＞行っている 行っていない"
    assert without_list_numbers("（注1)参照") == "（注1)参照"  # 注1 runs into the number: no list
