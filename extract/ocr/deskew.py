"""A page's small rotation: measured from its ruling lines' slope (else its text lines'
projection profile) and undone.
"""

from __future__ import annotations

import cv2
import numpy as np

from .rulings import line_masks


def skew_angle(ink: np.ndarray, glyph: float, kernel_em: float, min_len_em: float, max_deg: float) -> float:
    """The page's rotation in degrees (positive: the content is turned counter-clockwise as
    seen), from the long horizontal ruling lines; from the text lines' projection profile when
    the page has none.  0 when nothing decides."""
    hmask = line_masks(ink, kernel_em * glyph)[0]  # the vertical mask not held through the labelling
    # Bridge the stair steps a slanted line leaves in the opened mask.
    hmask = cv2.dilate(hmask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(hmask, connectivity=8)
    angles: list[float] = []
    weights: list[float] = []
    for k in range(1, n):
        w = stats[k, cv2.CC_STAT_WIDTH]
        if w < min_len_em * glyph * 3:
            continue
        x, y, ww, hh = stats[k, :4]
        ys, xs = np.nonzero(labels[y : y + hh, x : x + ww] == k)
        if len(xs) < 10:
            continue
        slope = np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0]
        a = float(np.degrees(np.arctan(slope)))
        if abs(a) <= max_deg:
            angles.append(a)
            weights.append(float(w))
    if angles:
        order = np.argsort(angles)
        cum = np.cumsum(np.asarray(weights)[order])
        return -float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])
    return profile_angle(ink, max_deg)


# How much more peaked (relative) the text lines' profile must be at an angle than level.
PROFILE_GAIN = 0.01


def profile_angle(ink: np.ndarray, max_deg: float, step: float = 0.1) -> float:
    """The page's rotation in degrees (as ``skew_angle``; within ``max_deg``, to ``step``) that
    makes the row sums of ``ink`` (a uint8 mask, 255 where ink) most peaked, measured on a copy at
    most 1000 px long; 0 unless some angle beats level by ``PROFILE_GAIN``.  Text lines and
    rulings both peak: it needs no glyph size (a sheet of two pages whose dpi is unknown)."""
    scale = min(1.0, 1000 / max(ink.shape))
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape

    def score(a: float) -> float:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), a, 1.0)
        rot = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        return float(np.square(np.diff(rot.sum(axis=1, dtype=np.float64))).sum())

    # Level unless some angle makes the lines clearly more peaked (a blank or noisy page: level).
    best, best_score = 0.0, score(0.0) * (1 + PROFILE_GAIN)
    for a in np.arange(-max_deg, max_deg + step / 2, step):
        s = score(float(a))
        if s > best_score:
            best, best_score = float(a), s
    return -best


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by ``-angle`` degrees about its centre (undoing a rotation of ``angle``),
    same size, white fill."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
