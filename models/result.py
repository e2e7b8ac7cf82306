"""What one input gave: its records, a status, errors and notes, and the facts of its cover."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .record import Record

Status = Literal["success", "partial", "failure", "skipped"]


@dataclass(slots=True)
class DocumentResult:
    """What one input gave: records, a status, and (stage, page, message) errors and notes."""

    source: str
    records: list[Record] = field(default_factory=list)
    status: Status = "success"
    kind: str = ""
    pages: int = 0
    errors: list[tuple[str, int | None, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Facts of the assessment from its cover page, when the input holds it (PDF).
    documents: dict = field(default_factory=dict)
