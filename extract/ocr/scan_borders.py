"""A scanner's dark border: a black band along one or more edges of the page, made paper.

A page scanned with the lid open, or smaller than the scanner's bed, comes with a black or dark
grey band along an edge or two (the lid's underside, the bed beyond the sheet).  Read as it is,
the band is a thick ruling or a block of ink: its inner edge is taken for the table's frame, a
band across the top for a label band or header, and the page's paper tone and ink quantiles
(faint print, lighting) are measured on it.

Each edge is walked inward line by line (pixel rows for the top and bottom, columns for the
sides): a line at least ``DARK_SHARE`` of whose pixels are darker than ``DARK_MAX`` belongs to
the band, which must start within ``EDGE_SLACK_IN`` of the edge and may be at most
``MAX_BAND_SHARE`` of the page deep (a table's own black header row lies inside the margins; a
page dark all over, inverted, is left as it is).  The band and ``RIM_IN`` beyond its inner edge (its ragged,
shadowed rim) are made the page's paper tone.  A band with light marks inside it
(``MAX_LIGHT_SHARE``) is a dark label band with its labels, cropped to the edge: left as it is.
"""

from __future__ import annotations

import numpy as np

# A line of the band: this share of its pixels darker than DARK_MAX (0 black … 255 white).  Text
# and rulings never cover a whole pixel row or column of the page; a ruling runs along one only
# inside the margins; a dark label band cropped to the page's edge has its light labels (a line
# through them: ~0.9 dark).
DARK_SHARE = 0.95
DARK_MAX = 90
# The band starts this close to the page's edge (inches), and is at most this share of the
# page's side deep.
EDGE_SLACK_IN = 0.05
MAX_BAND_SHARE = 0.2
# A band narrower than this (inches) is no border (a ruling of the table printed to the edge, the
# padding above a dark label band's labels: 2-5 pt).
MIN_BAND_IN = 0.1
# A band holding more than this share of light pixels (lighter than LIGHT_MIN) is a dark label
# band with its labels, not a border (a scanner's lid or bed is dark all over).
LIGHT_MIN = 160
MAX_LIGHT_SHARE = 0.01
# Beyond the band's inner edge: made paper too (its ragged, shadowed rim), inches.
RIM_IN = 0.03


def band_depth(dark_share: np.ndarray, dpi: float) -> int:
    """How many lines from the edge the band runs (``dark_share``: each line's share of dark
    pixels, the edge's first), 0 when there is none."""
    slack = int(EDGE_SLACK_IN * dpi) + 1
    limit = int(MAX_BAND_SHARE * len(dark_share))
    dark = dark_share[:limit] >= DARK_SHARE
    start = int(np.argmax(dark)) if dark.any() else -1
    if start < 0 or start > slack:
        return 0
    run = dark[start:]
    end = start + (int(np.argmin(run)) if not run.all() else len(run))
    if end >= limit or end - start < MIN_BAND_IN * dpi:
        return 0
    return end


def clear_borders(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, str]:
    """``gray`` with its dark scanner borders made paper (module docstring), and a note naming
    the edges ("" and ``gray`` itself when there are none)."""
    if gray.size == 0 or dpi <= 0:
        return gray, ""
    dark = gray < DARK_MAX
    rows, cols = dark.mean(axis=1), dark.mean(axis=0)
    depths = {
        "top": band_depth(rows, dpi),
        "bottom": band_depth(rows[::-1], dpi),
        "left": band_depth(cols, dpi),
        "right": band_depth(cols[::-1], dpi),
    }
    h, w = gray.shape
    regions = {
        "top": lambda d: gray[:d],
        "bottom": lambda d: gray[h - d :],
        "left": lambda d: gray[:, :d],
        "right": lambda d: gray[:, w - d :],
    }
    found = {
        edge: d
        for edge, d in depths.items()
        if d and float(np.mean(regions[edge](d) > LIGHT_MIN)) <= MAX_LIGHT_SHARE
    }
    if not found:
        return gray, ""
    out = gray.copy()
    rim = int(RIM_IN * dpi)
    inner = out[
        found.get("top", 0) + rim : h - found.get("bottom", 0) - rim,
        found.get("left", 0) + rim : w - found.get("right", 0) - rim,
    ]
    paper = int(np.median(inner[:: max(inner.shape[0] // 300, 1), :: max(inner.shape[1] // 300, 1)]))
    for edge, d in found.items():
        d += rim
        if edge == "top":
            out[:d] = paper
        elif edge == "bottom":
            out[h - d :] = paper
        elif edge == "left":
            out[:, :d] = paper
        else:
            out[:, w - d :] = paper
    said = ", ".join(f"{edge} ({d / dpi:.2f} in)" for edge, d in found.items())
    return out, f"a dark scanner border along the {said} edge(s) made paper before reading"
