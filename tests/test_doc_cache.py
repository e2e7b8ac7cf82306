"""The run's cache of the pipeline's results (tests/doc_cache.py) gives the pipeline's own
answer, and never a kept one while the code is patched."""

from __future__ import annotations

import pytest

from piatable import pipeline
from piatable.pipeline import extract_document

from . import doc_cache
from .conftest import SAMPLES

SEED = SAMPLES / "seed" / "input.txt"


def test_a_kept_result_is_the_pipelines_and_a_fresh_copy():
    real = getattr(pipeline.read_document, "__wrapped__", pipeline.read_document)
    first = extract_document(SEED)
    first.records.clear()  # a test changing its result changes nothing for the next
    again, fresh = extract_document(SEED), real(SEED)
    assert again.records
    assert [r.to_dict() for r in again.records] == [r.to_dict() for r in fresh.records]
    assert (again.status, again.notes, again.kind) == (fresh.status, fresh.notes, fresh.kind)


def test_a_patched_pipeline_is_run_not_answered_from_the_cache():
    extract_document(SEED)  # kept (when the cache is on)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "rows_to_records", lambda rows, *a, **k: [])
        assert doc_cache.OFF or not doc_cache._pristine()
        assert extract_document(SEED).records == []
    assert extract_document(SEED).records
