"""``PageScan``: what the image steps learnt of one page (resolution, rotation, glyph height,
rulings, tesseract's words), in pixels of the deskewed image; saved beside a sample as JSON + TSV.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .engine import TsvWord, parse_tsv
from .second_reads import SecondRead


@dataclass(slots=True)
class PageScan:
    """What the image steps learnt of one page, in pixels of the deskewed image."""

    page: int
    dpi: float
    width: int
    height: int
    angle: float
    glyph: float
    horizontal: list[tuple[int, int, int, int]] = field(default_factory=list)
    vertical: list[tuple[int, int, int, int]] = field(default_factory=list)
    words: list[TsvWord] = field(default_factory=list)
    seconds: float = 0.0
    # Clockwise quarter turns of the page as it came (degrees) undone before reading, and what
    # decided it (orient.Orientation.how; "exif" for an image's own orientation tag).
    turned: int = 0
    turned_by: str = ""
    notes: list[str] = field(default_factory=list)
    # Pieces of ink (about one per character) inside the table that no cell read.
    unread: int = 0
    # Underlines (rulings.split_underlines): strokes under text, no row's ruling.
    underlines: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Lines whose second read disagreed with the first (second_reads.SecondRead).
    second_reads: list = field(default_factory=list)  # type: ignore[type-arg]
    # The glyph height (px) and resolution (dpi) of the page as it came, before it was scaled to
    # tesseract's size (0: not known, a read saved before session 53): page_doubts.py.
    source_glyph: float = 0.0
    source_dpi: float = 0.0

    def to_json(self) -> dict:
        return {
            "page": self.page,
            "dpi": round(self.dpi, 3),
            "width": self.width,
            "height": self.height,
            "angle": round(self.angle, 3),
            "turned": self.turned,
            "glyph": round(self.glyph, 2),
            "horizontal": [list(r) for r in self.horizontal],
            "vertical": [list(r) for r in self.vertical],
            "underlines": [list(r) for r in self.underlines],
            "second_reads": [r.to_json() for r in self.second_reads],
            "turned_by": self.turned_by,
            "source_glyph": round(self.source_glyph, 2),
            "source_dpi": round(self.source_dpi, 3),
        }

    @classmethod
    def from_json(cls, data: dict, tsv: str) -> PageScan:
        return cls(
            data["page"],
            data["dpi"],
            data["width"],
            data["height"],
            data["angle"],
            data["glyph"],
            [tuple(r) for r in data["horizontal"]],  # type: ignore[misc]
            [tuple(r) for r in data["vertical"]],  # type: ignore[misc]
            parse_tsv(tsv),
            turned=data.get("turned", 0),
            turned_by=data.get("turned_by", ""),
            underlines=[tuple(r) for r in data.get("underlines", [])],  # type: ignore[misc]
            second_reads=[SecondRead.from_json(r) for r in data.get("second_reads", [])],
            source_glyph=data.get("source_glyph", 0.0),
            source_dpi=data.get("source_dpi", 0.0),
        )
