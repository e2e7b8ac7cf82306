from __future__ import annotations

import pytest

from piatable.normalize.dates import is_date_head, is_date_line, parse_date


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2023/2/6", "2023-02-06"),
        ("2023/02/06", "2023-02-06"),
        ("２０２３／２／６", "2023-02-06"),
        ("2023年2月6日", "2023-02-06"),
        ("2023.2.6", "2023-02-06"),
        ("令和5年2月6日", "2023-02-06"),
        ("令和５年２月６日", "2023-02-06"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月1日", "2019-04-01"),
        ("R5.2.6", "2023-02-06"),
        ("H31.4.1", "2019-04-01"),
        ("Ｒ５．２．６", "2023-02-06"),
        ("平成27年10月5日", "2015-10-05"),
    ],
)
def test_parse_date(raw, iso):
    assert is_date_line(raw)
    assert parse_date(raw) == iso


def test_impossible_date_is_none_but_still_a_date_line():
    assert is_date_line("2023/2/30")
    assert parse_date("2023/2/30") is None


def test_not_dates():
    for text in ("平成26年11月20日総務省令第85号", "事後", "2023", "第85号"):
        assert not is_date_line(text)


def test_date_heads_wrap():
    assert is_date_head("令和5年2月")
    assert is_date_head("2023/2/")
    assert not is_date_head("2023/2/6")
