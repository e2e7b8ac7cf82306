"""What the pipeline's stream reader made of a flattened text, part by part, for the tests that
check it lost nothing (tests/test_conservation.py).

``stream_parts()`` wraps the real ``lines_to_rows`` and ``rows_to_records`` the pipeline calls,
so one ``extract_document`` gives both the document's result and each part's stream result (its
region's lines and raw rows) with the records made from it: a text is read once, as a user's run
reads it, not once by the pipeline and again by the test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

from piatable import pipeline
from piatable.models import Record
from piatable.normalize.stream import StreamResult


@dataclass
class StreamPart:
    """One part of a flattened text as the pipeline read it: the stream result and its records."""

    stream: StreamResult
    records: list[Record] = field(default_factory=list)


@contextmanager
def stream_parts() -> Iterator[list[StreamPart]]:
    """Yield a list that fills, while the block runs, with a ``StreamPart`` per call of the
    pipeline's ``lines_to_rows`` (one per part of a long text), each with the records that
    ``rows_to_records`` made from its rows.  The real functions run unchanged."""
    parts: list[StreamPart] = []
    real_rows, real_records = pipeline.lines_to_rows, pipeline.rows_to_records

    def lines_to_rows(*args, **kwargs):
        stream = real_rows(*args, **kwargs)
        parts.append(StreamPart(stream))
        return stream

    def rows_to_records(rows, *args, **kwargs):
        records = real_records(rows, *args, **kwargs)
        if parts and parts[-1].stream.rows is rows:
            parts[-1].records = records
        return records

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "lines_to_rows", lines_to_rows)
        mp.setattr(pipeline, "rows_to_records", rows_to_records)
        yield parts
