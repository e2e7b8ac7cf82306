"""Heuristic thresholds, named and gathered in one place, validated.

Widths are in display units (full-width character = 2) for text input; geometric tolerances are
in multiples of the median glyph height so that one default serves points, OCR pixels converted to
points, and character cells.  ``--set section.key=value`` on the command line changes them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .errors import SettingsError


@dataclass(slots=True)
class RejoinSettings:
    # A line this many display units short of its column width still counts as full: kinsoku
    # pushes one or two characters to the next line, and Excel's pixel widths round.
    full_slack_units: float = 4.0
    # Characters of context each side of a break handed to the tokenizer.
    tokenizer_context: int = 8


@dataclass(slots=True)
class StreamSettings:
    # Penalty per line placed in a column narrower than the line.
    over_width_penalty: float = 12.0
    # Penalty when a cell ends on a full line whose text runs on into the next cell.
    split_word_penalty: float = 5.0
    # Bonus when the first lines of before and after open with the same words.
    shared_opening_bonus: float = 6.0
    # Characters of a shared opening that count as evidence.
    shared_opening_min_chars: int = 6
    # Bonus per item paragraph that looks like a heading of the form; penalty for a body marker.
    heading_bonus: float = 1.5
    body_marker_in_item_penalty: float = 3.0
    # Weight of before/after line-count balance when nothing else decides.
    balance_weight: float = 0.15
    # Minimum number of date-led blocks with a timing before a region counts as a table.
    min_rows: int = 1


@dataclass(slots=True)
class GridSettings:
    # Gap between words (in median glyph heights) that separates two columns when no ruling
    # does: two cell paddings can be as little as half an em.
    column_gap_em: float = 0.5
    # Vertical tolerance (in median glyph heights) for words on one line.
    line_tolerance_em: float = 0.4
    # A line wraps when it reaches the cell's right edge within this many glyph heights.
    wrap_edge_em: float = 1.3
    # The break after a line is a soft wrap when the next line's first character (or half-width
    # word) would not have fitted before the column's wrap edge, give or take this many ems.
    wrap_fit_em: float = 0.2
    # A gap wider than this between two half-width words is a space (never between Japanese).
    space_gap_em: float = 0.25
    # Beside a Japanese character (PDF only): a gap this wide is a space, this wide a full-width one.
    cjk_space_em: float = 0.2
    full_width_space_em: float = 0.8
    # Room (in half-width characters) left at the end of a full line of space-separated text
    # that shows it was broken at a space.
    space_room_units: float = 0.5
    # Label pieces within this many ems (vertically) of a full label belong to the header row.
    header_band_em: float = 2.5
    # Ruling segments: at most this thick, at least this long; positions within this merge.
    ruling_thickness_em: float = 0.3
    min_ruling_em: float = 1.0
    ruling_merge_em: float = 0.3
    # A horizontal ruling closes a cell when it covers this share of the column's width.
    closed_share: float = 0.5
    # A whitespace valley between text columns may be crossed by this share of the body's lines.
    gap_cross_share: float = 0.03
    # A cell's last line "reaches the bottom" when less than this many ems remain below it.
    reach_bottom_em: float = 1.0


@dataclass(slots=True)
class QualitySettings:
    earliest_year: int = 2014
    ocr_low_confidence: float = 60.0


@dataclass(slots=True)
class Settings:
    rejoin: RejoinSettings = field(default_factory=RejoinSettings)
    stream: StreamSettings = field(default_factory=StreamSettings)
    grid: GridSettings = field(default_factory=GridSettings)
    quality: QualitySettings = field(default_factory=QualitySettings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def set(self, assignment: str) -> None:
        """Apply one ``section.key=value`` assignment, naming the bad key when there is one."""
        key, sep, value = assignment.partition("=")
        section_name, dot, name = key.strip().partition(".")
        if not sep or not dot:
            raise SettingsError(f"setting {assignment!r} is not of the form section.key=value")
        section = getattr(self, section_name, None)
        if section is None or section_name not in {f.name for f in fields(self)}:
            raise SettingsError(f"unknown settings section {section_name!r}")
        types = {f.name: f.type for f in fields(section)}
        if name not in types:
            raise SettingsError(f"unknown setting {section_name}.{name}")
        current = getattr(section, name)
        try:
            setattr(section, name, type(current)(value.strip()))
        except ValueError as exc:
            raise SettingsError(f"bad value for {section_name}.{name}: {value!r}") from exc


DEFAULT_SETTINGS = Settings()
