"""Shared fixtures: paths of the samples and the shared reference folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed_path() -> Path:
    return SAMPLES / "seed" / "input.txt"


def load_expected(case: str) -> list[dict]:
    return json.loads((SAMPLES / case / "expected" / "records.json").read_text("utf-8"))
