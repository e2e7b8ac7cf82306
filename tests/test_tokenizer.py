"""The shared SudachiPy tokenizer (real dictionary)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from piatable.normalize.tokenizer import SudachiTokenizer


def test_tokenizer_is_safe_from_several_threads():
    """OCR reads pages side by side; one SudachiPy tokenizer refuses concurrent calls, so the
    shared one takes turns instead of raising 'Tokenizer is already in use'."""
    tok = SudachiTokenizer()
    texts = [f"特定個人情報ファイルの概要{k}について確認する" * 20 for k in range(1000)]
    with ThreadPoolExecutor(4) as ex:
        got = list(ex.map(lambda t: [m.surface() for m in tok.tokenize(t)], texts))
    assert all("".join(g) == t for g, t in zip(got, texts, strict=True))
    assert "ファイル" in got[0]


def test_path_cost_prefers_the_printed_reading():
    tok = SudachiTokenizer()
    assert tok.path_cost("戸籍謄本等") < tok.path_cost("戸籍膳本等") - 2000
