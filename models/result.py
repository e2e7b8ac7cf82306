"""What one input gave: its records, a status, errors and notes, and the facts of its cover."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .record import Record

Status = Literal["success", "partial", "failure", "skipped"]


@dataclass(slots=True)
class DocumentResult:
    """What one input gave (``piatable.extract_document``): its records, a status, errors, notes.

    ``status``: ``success``; ``partial`` (some text of the table could not be placed, or pages
    needed OCR that is missing: the notes say which); ``failure`` (nothing could be read:
    ``errors`` says why); ``skipped``.  ``errors``: (stage, page or None, one line naming the
    file).  ``notes``: one line each.  ``kind``: the reader used (``text``, ``text-layout``,
    ``pdf``, ``pdf-ocr``, ``scan``); ``pages``: pages in the input; ``documents``: the cover
    facts (評価書番号, 評価書名, 評価実施機関名, 公表日) when found.
    """

    source: str
    records: list[Record] = field(default_factory=list)
    status: Status = "success"
    kind: str = ""
    pages: int = 0
    errors: list[tuple[str, int | None, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Facts of the assessment from its cover page, when the input holds it (PDF).
    documents: dict = field(default_factory=dict)
