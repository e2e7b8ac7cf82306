"""Every text sample is a text to piatable: `make run` reads all of samples/ and fails on a failed
input (session 58: three texts of control codes, refused as binary files, broke it)."""

from __future__ import annotations

from piatable.errors import NotAnInput
from piatable.extract.text_decoding import decode_bytes

from .conftest import SAMPLES


def test_no_text_sample_is_refused_as_a_binary_file():
    texts = sorted(SAMPLES.rglob("input.txt"))
    assert len(texts) > 5000  # the sets are there
    refused = []
    for path in texts:
        try:
            decode_bytes(path.read_bytes(), str(path))
        except NotAnInput as exc:
            refused.append(str(exc))
    assert not refused, refused[:5]
