"""The page-object walk of a text-layer PDF page: what is drawn, and which text can be seen.

One pass over a page's objects (inside form XObjects too, through their matrices) gives:

- **ruling segments**: the straight segments of paths that leave a visible line.  A path stroked
  in the paper's colour, or filled in it without a stroke, draws nothing a reader sees (a white
  box laid over a cell); a filled shape thicker than ``PdfSettings.area_min_pt`` both ways is an
  area (a highlight, a cell's shading), not a line, so its edges are not rulings either;
- **opaque shapes** (filled paths and images) in painting order, to tell which text lies under
  a shape painted after it and what colour the ground under a text is;
- **text objects**: painting order, render mode, fill colour and clipping box, by address, so
  that each character pdfium lists can be checked for visibility (``PageObjects.hidden``).

Coordinates are PDF page space (bottom-left origin, points) except the ruling segments, which
are ``(x0, top, x1, bottom)`` with a top-left origin like every ``Word``.
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass, field
from functools import lru_cache

from piatable.settings import PdfSettings

from . import pdfium_calls as pc

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in page space (bottom-left origin)
Colour = tuple[int, int, int]

# PDF text render modes that paint nothing (3: invisible, 7: clip only).
INVISIBLE_MODES = frozenset({3, 7})
# Render modes that paint the glyph's outline only (its stroke colour is what shows).
STROKE_ONLY_MODES = frozenset({1, 5})
# A text matrix whose off-diagonal terms exceed this is turned (or skewed).
TURN_EPSILON = 1e-3
# Why a character was left out, as the notes name it.
HIDDEN_REASONS = {
    "invisible": "invisible (render mode 3)",
    "paper": "in the paper's colour",
    "covered": "covered by a shape painted over them",
    "clipped": "clipped away",
}


@dataclass(slots=True)
class Shape:
    """An opaque filled path or image: its box, its colour (None for an image) and when it was
    painted (objects are numbered in painting order)."""

    box: Box
    colour: Colour | None
    order: int


@dataclass(slots=True)
class TextObject:
    """What decides whether the characters of one text object show."""

    order: int
    mode: int
    colour: Colour | None  # fill (or, for outline modes, stroke) colour; None: fully transparent
    bounds: Box | None  # (known where some shape or clipping path needs it)
    clip: Box | None  # its clipping path's box when the text reaches outside it
    under: list[Shape] = field(default_factory=list)  # opaque shapes painted before, below it
    over: list[Shape] = field(default_factory=list)  # opaque shapes painted after, over it


@dataclass(slots=True)
class PageObjects:
    """The result of the walk: ruling segments, opaque shapes and text objects by address."""

    rulings: list[tuple[float, float, float, float]] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    texts: dict[int, TextObject] = field(default_factory=dict)
    # Some text object may hide characters (so each character must be checked), is turned.
    may_hide: bool = False
    turned: bool = False

    def hidden(self, obj_address: int, box: Box, settings: PdfSettings) -> str | None:
        """Why the character with page-space ``box`` of text object ``obj_address`` cannot be
        seen (a key of ``HIDDEN_REASONS``), or None when it shows."""
        t = self.texts.get(obj_address)
        if t is None:
            return None
        if t.mode in INVISIBLE_MODES or t.colour is None:
            return "invisible"
        x0, y0, x1, y1 = box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if t.clip is not None:
            s = settings.clip_slack_pt
            c0, d0, c1, d1 = t.clip
            if not (c0 - s <= cx <= c1 + s and d0 - s <= cy <= d1 + s):
                return "clipped"
        ground: Colour | None = paper_colour(settings)
        for shape in t.under:  # painting order: the last one containing the centre is on top
            if _contains(shape.box, cx, cy, 0.0):
                ground = shape.colour
        if ground is not None and same_colour(t.colour, ground, settings.colour_tolerance):
            return "paper"
        s = settings.cover_slack_pt
        for shape in t.over:
            sx0, sy0, sx1, sy1 = shape.box
            if sx0 - s <= x0 and x1 <= sx1 + s and sy0 - s <= y0 and y1 <= sy1 + s:
                return "covered"
        return None


def paper_colour(settings: PdfSettings) -> Colour:
    """The paper's colour of ``settings.paper`` (``#rrggbb``); white when it is not one."""
    return _hex_colour(settings.paper)


@lru_cache(maxsize=16)
def _hex_colour(text: str) -> Colour:
    h = text.lstrip("#")
    try:
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    except ValueError:
        return 255, 255, 255


def same_colour(a: Colour, b: Colour, tolerance: int) -> bool:
    """True when no channel differs by more than ``tolerance`` (0-255)."""
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def _contains(box: Box, x: float, y: float, slack: float) -> bool:
    return box[0] - slack <= x <= box[2] + slack and box[1] - slack <= y <= box[3] + slack


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def raw_matrix():  # type: ignore[no-untyped-def]
    """A pdfium matrix to be filled by the walk."""
    import pypdfium2.raw as raw

    return raw.FS_MATRIX()


def compose(m, n):  # type: ignore[no-untyped-def]
    """The matrix ``m`` applied after ``n`` (both (a, b, c, d, e, f))."""
    a, b, c, d, e, f = n
    a2, b2, c2, d2, e2, f2 = m
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply_box(box: Box, matrix) -> Box:  # type: ignore[no-untyped-def]
    """The bounding box of ``box`` mapped through ``matrix`` (None: unchanged)."""
    if matrix is None:
        return box
    a, b, c, d, e, f = matrix
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


_LBRT = tuple(ctypes.c_float() for _ in range(4))
_XY = (ctypes.c_float(), ctypes.c_float())
_XY_REFS = (ctypes.byref(_XY[0]), ctypes.byref(_XY[1]))
_MODES = (ctypes.c_int(), ctypes.c_int())
# The colour pdfium fills for a text object (four unsigned ints, R G B A), the addresses of its
# four parts for the call, and the unpacking of its bytes.
_RGBA4 = (ctypes.c_uint * 4)()
_RGBA4_AT = tuple(ctypes.addressof(_RGBA4) + 4 * i for i in range(4))
_UNPACK_RGBA = struct.Struct("4I").unpack_from
# The same four parts as pointers, for the unchecked calls (``pdfium_calls``).
_RGBA4_REFS = tuple(ctypes.c_void_p(at) for at in _RGBA4_AT)


def _function_addresses(*names: str) -> tuple[int, ...]:
    """The addresses of pdfium's functions ``names``, for the compiled loops to call."""
    return tuple(ctypes.cast(getattr(pc.raw, name), ctypes.c_void_p).value for name in names)


try:  # the compiled run of plain text objects (extract/_text_objects.c), when built
    from ._text_objects import plain_texts as _compiled_plain_texts

    _TEXT_FNS = _function_addresses(
        "FPDFPage_GetObject",
        "FPDFFormObj_GetObject",
        "FPDFPageObj_GetType",
        "FPDFPageObj_GetMatrix",
        "FPDFTextObj_GetTextRenderMode",
        "FPDFPageObj_GetFillColor",
        "FPDFPageObj_GetStrokeColor",
        "FPDFPageObj_GetClipPath",
        "FPDFClipPath_CountPaths",
    )
    # Render modes as bit masks (bit m + 1 for mode m, pdfium's unknown mode being -1).
    _STROKE_MASK = sum(1 << (m + 1) for m in STROKE_ONLY_MODES)
    _INVISIBLE_MASK = sum(1 << (m + 1) for m in INVISIBLE_MODES)
except ImportError:  # no C compiler where the package was installed: the Python loop runs
    _compiled_plain_texts = None

try:  # the compiled segments of a path object (extract/_text_objects.c), when built
    from ._text_objects import path_segments as _compiled_path_segments

    _PATH_FNS = _function_addresses(
        "FPDFPath_CountSegments",
        "FPDFPath_GetPathSegment",
        "FPDFPathSegment_GetPoint",
        "FPDFPathSegment_GetType",
        "FPDFPathSegment_GetClose",
    )
    # The addresses of the two floats the Python loop has pdfium write a point into.
    _XY_AT = (ctypes.addressof(_XY[0]), ctypes.addressof(_XY[1]))
    # The segment kinds, looked up once (not at each of a page's few hundred paths).
    _SEGMENT_KINDS = (pc.raw.FPDF_SEGMENT_MOVETO, pc.raw.FPDF_SEGMENT_LINETO)
except ImportError:
    _compiled_path_segments = None


def _colour(getter, obj: int) -> tuple[int, int, int, int] | None:  # type: ignore[no-untyped-def]
    if not getter(obj, *_RGBA4_AT):
        return None
    return _UNPACK_RGBA(_RGBA4)


def _bounds(obj: int) -> Box | None:
    left, bottom, right, top = _LBRT
    if not pc.obj_get_bounds(obj, left, bottom, right, top):
        return None
    return left.value, bottom.value, right.value, top.value


def path_segments(obj: int, matrix, height: float) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """Straight segments of path object ``obj`` (a handle, ``pdfium_calls``: an int or a
    ``pc.Handle``) as (x0, top, x1, bottom) in top-left coordinates.

    The compiled ``_text_objects.path_segments`` runs when built (the same calls, arithmetic
    and results; about a sixth of the time: 3.5 → 0.5 ms of a 40-page assessment's read), else
    the loop below."""
    address = obj.value if isinstance(obj, ctypes.c_void_p) else obj
    if _compiled_path_segments is not None and address:
        a, b, c, d, e, f = matrix
        return _compiled_path_segments(address, _PATH_FNS, *_XY_AT, *_SEGMENT_KINDS, a, b, c, d, e, f, height)
    return _path_segments(obj, matrix, height)


def _path_segments(obj: int, matrix, height: float) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """``path_segments`` in Python."""
    import pypdfium2.raw as raw

    a, b, c, d, e, f = matrix
    out: list[tuple[float, float, float, float]] = []
    x, y = _XY
    x_at, y_at = _XY_REFS
    start = prev = None
    # Unchecked calls (``pdfium_calls``): the segments come as ``pc.Handle``s.
    get_segment, get_point, get_type, get_close = (
        pc.path_get_segment_u,
        pc.segment_point_u,
        pc.segment_type_u,
        pc.segment_close_u,
    )
    moveto, lineto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO
    path = obj if isinstance(obj, ctypes.c_void_p) else ctypes.c_void_p(obj)
    for i in range(pc.path_count_segments(obj)):
        seg = get_segment(path, i)
        get_point(seg, x_at, y_at)
        xv, yv = x.value, y.value
        pt = (a * xv + c * yv + e, height - (b * xv + d * yv + f))
        kind = get_type(seg)
        if kind == moveto:
            start = prev = pt
            continue
        if kind == lineto and prev is not None:
            out.append((prev[0], prev[1], pt[0], pt[1]))
        prev = pt
        if get_close(seg) and start is not None and start != pt:
            out.append((pt[0], pt[1], start[0], start[1]))
            prev = start
    # min(x0, x1), min(t, bt), max(x0, x1), max(t, bt), as min and max give them (ties: the
    # first), without a call each.
    return [
        (x0 if x0 <= x1 else x1, t if t <= bt else bt, x0 if x0 >= x1 else x1, t if t >= bt else bt)
        for x0, t, x1, bt in out
    ]


def clip_box(obj: int, clip: int | None = None) -> Box | None:
    """Bounding box (page space, bottom-left origin) of a page object's clipping path (``obj``
    and ``clip`` are handles, ``pdfium_calls``; ``clip``: the path's, when the caller has it)."""
    clip = clip or pc.obj_get_clip(obj)
    if not clip:
        return None
    n_paths = pc.clip_count_paths(clip)
    if n_paths <= 0:
        return None
    xs: list[float] = []
    ys: list[float] = []
    x, y = _XY
    for k in range(n_paths):
        for j in range(max(pc.clip_count_segments(clip, k), 0)):
            seg = pc.clip_get_segment(clip, k, j)
            if seg and pc.segment_point(seg, x, y):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def object_text(tp: int, obj: int | None, cache: dict[int, str]) -> str:
    """The text of text object ``obj`` of text page ``tp`` (handles, ``pdfium_calls``) as the
    document draws it (its own spaces included), cached by handle."""
    key = obj or 0
    if key not in cache:
        text = ""
        if obj:
            n = pc.text_obj_get_text(obj, tp, None, 0)
            if n > 2:
                buf = (ctypes.c_ushort * (n // 2 + 1))()
                pc.text_obj_get_text(obj, tp, buf, n)
                text = bytes(buf).decode("utf-16-le", "ignore").split("\x00", 1)[0]
        cache[key] = text
    return cache[key]


class _Walk:
    def __init__(self, height: float, settings: PdfSettings) -> None:
        self.height = height
        self.settings = settings
        self.paper = paper_colour(settings)
        self.out = PageObjects()
        self.matrix = raw_matrix()
        # The matrix of the form each text object of ``out.texts`` is drawn in, by handle.
        self.matrices: dict[int, object] = {}
        # Text objects that cannot hide anything by themselves (visible mode, a colour that is
        # not the paper's, inside their clipping path): (handle, order, mode, colour, matrix of
        # its form), made into ``TextObject``s only when the page has opaque shapes that might
        # cover them.
        self.plain: list[tuple[int, int, int, Colour, object]] = []
        self.paper_like: dict[Colour, bool] = {}
        self.order = 0

    def visible_colour(self, rgba: tuple[int, int, int, int] | None) -> bool:
        """A paint that leaves a mark on the paper: opaque enough and not the paper's colour."""
        if rgba is None or rgba[3] == 0:
            return False
        return not self.is_paper(rgba[:3])

    def walk(self, page: int, form: int | None = None, matrix=None) -> None:  # type: ignore[no-untyped-def]
        import pypdfium2.raw as raw

        # Objects come as ``pc.Handle``s and go to the unchecked calls as they are (their
        # ``.value``, the int, is the key of ``out.texts``); the forms' own objects likewise.
        count = pc.form_count_objects(form) if form else pc.page_count_objects(page)
        get_object = pc.form_get_object_h if form else pc.page_get_object_u
        parent = form if form else ctypes.c_void_p(page)
        get_type, get_matrix = pc.obj_get_type_u, pc.obj_get_matrix_u
        get_mode, get_clip = pc.text_obj_render_mode_u, pc.obj_get_clip_u
        fill_colour, stroke_colour = pc.obj_fill_colour_u, pc.obj_stroke_colour_u
        count_paths = pc.clip_count_paths
        text_kind, image_kind = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_IMAGE
        path_kind, form_kind = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
        out, plain, paper_like = self.out, self.plain, self.paper_like
        rgba, (r, g, b, a), unpack_rgba = _RGBA4, _RGBA4_REFS, _UNPACK_RGBA
        tm = self.matrix
        tm_at = ctypes.byref(tm)
        m = raw.FS_MATRIX()
        m_at = ctypes.byref(m)
        order = self.order  # objects are numbered in painting order (self.order: the last one's)
        fast = _compiled_plain_texts
        if fast is not None:
            parent_at = (form.value if isinstance(form, ctypes.c_void_p) else form) if form else page
            tm_addr = ctypes.addressof(tm)
        k = 0
        while k < count:
            if fast is not None:
                # The run of plain text objects from k (extract/_text_objects.c: this loop's
                # steps); object k is then another kind, or a text object that may hide.
                k, order, out.turned = fast(
                    parent_at, bool(form), k, count, order, out.turned, _TEXT_FNS, tm_addr,
                    _RGBA4_AT[0], _STROKE_MASK, _INVISIBLE_MASK, paper_like, self.is_paper, matrix, plain,
                )  # fmt: skip
                if k >= count:
                    break
            obj = get_object(parent, k)
            k += 1
            kind = get_type(obj)
            order += 1
            if kind == text_kind:
                if not out.turned:
                    get_matrix(obj, tm_at)
                    out.turned = abs(tm.b) > TURN_EPSILON or abs(tm.c) > TURN_EPSILON
                mode = get_mode(obj)
                getter = stroke_colour if mode in STROKE_ONLY_MODES else fill_colour
                if not getter(obj, r, g, b, a):
                    colour: Colour | None = (0, 0, 0)
                else:
                    red, green, blue, alpha = unpack_rgba(rgba)
                    colour = None if alpha == 0 else (red, green, blue)
                handle = get_clip(obj)
                if (
                    colour is not None
                    and mode not in INVISIBLE_MODES
                    and not (handle and count_paths(handle) > 0)
                    and not (paper_like[colour] if colour in paper_like else self.is_paper(colour))
                ):
                    plain.append((obj.value, order, mode, colour, matrix))
                    continue
                self.order = order
                self.matrices[obj.value] = matrix
                self.text(obj, matrix, obj.value, mode, colour, handle)
                continue
            self.order = order
            if kind == image_kind:
                box = _bounds(obj)
                if box is not None and not pc.obj_has_transparency(obj):
                    out.shapes.append(Shape(_apply_box(box, matrix), None, self.order))
            elif kind == path_kind or kind == form_kind:
                get_matrix(obj, m_at)
                own = (m.a, m.b, m.c, m.d, m.e, m.f)
                full = compose(own, matrix) if matrix else own
                if kind == form_kind:
                    self.walk(page, obj, full)
                    order = self.order
                else:
                    self.path(obj, full, matrix)
        self.order = order

    def is_paper(self, colour: Colour) -> bool:
        """True when ``colour`` is the paper's (cached: a page has few colours)."""
        hit = self.paper_like.get(colour)
        if hit is None:
            hit = self.paper_like[colour] = same_colour(colour, self.paper, self.settings.colour_tolerance)
        return hit

    def text(self, obj, matrix, key: int, mode: int, colour: Colour | None, handle) -> None:  # type: ignore[no-untyped-def]
        """A text object that may hide characters (an invisible mode or colour, the paper's
        colour, or a clipping path it may reach out of)."""
        # Its bounds only where needed: for a clipping path now, for shapes after the walk.
        clip, box = None, None
        if handle:
            clip = clip_box(obj, handle)
            if clip is not None:
                box = _bounds(obj)
                s = self.settings.clip_slack_pt
                if box is not None and not (
                    box[0] < clip[0] - s
                    or box[1] < clip[1] - s
                    or box[2] > clip[2] + s
                    or box[3] > clip[3] + s
                ):
                    clip = None  # the text lies wholly inside its clipping path
        self.out.texts[key] = TextObject(
            self.order, mode, colour, _apply_box(box, matrix) if box else None, clip
        )

    def path(self, obj: int, full, parent) -> None:  # type: ignore[no-untyped-def]
        fill_mode, stroke = _MODES
        pc.path_draw_mode(obj, fill_mode, stroke)
        fill = _colour(pc.obj_fill_colour, obj) if fill_mode.value else None
        # Its box matters only for a filled path (a shape, or a filled line): a stroked path's
        # segments are rulings whatever its size.
        box = _bounds(obj) if fill is not None else None
        box = _apply_box(box, parent) if box is not None else None
        area = box is not None and min(box[2] - box[0], box[3] - box[1]) > self.settings.area_min_pt
        if fill is not None and fill[3] == 255 and area and box is not None:
            self.out.shapes.append(Shape(box, fill[:3], self.order))
        stroked = bool(stroke.value) and self.visible_colour(_colour(pc.obj_stroke_colour, obj))
        filled_line = fill is not None and not area and self.visible_colour(fill)
        if stroked or filled_line:
            self.out.rulings.extend(path_segments(obj, full, self.height))


def walk_page(page, height: float, settings: PdfSettings) -> PageObjects:  # type: ignore[no-untyped-def]
    """Ruling segments, opaque shapes and text objects of a pypdfium2 page (``page.raw``).

    Each text object learns which opaque shapes lie under it (painted before) and over it
    (painted after); only those overlapping its bounds are kept, so that checking a character
    costs nothing on the common page where text is painted last."""
    w = _Walk(height, settings)
    w.walk(pc.handle(page))
    out = w.out
    if out.shapes:
        for key, order, mode, colour, matrix in w.plain:
            out.texts[key] = TextObject(order, mode, colour, None, None)
            w.matrices[key] = matrix
        for key, t in out.texts.items():
            if t.bounds is None:
                matrix = w.matrices[key]
                box = _bounds(key)
                if box is None:
                    continue
                t.bounds = _apply_box(box, matrix)
            for s in out.shapes:
                if _overlaps(s.box, t.bounds):
                    (t.under if s.order < t.order else t.over).append(s)
    out.may_hide = any(
        t.mode in INVISIBLE_MODES
        or t.colour is None
        or t.clip is not None
        or t.under
        or t.over
        or w.is_paper(t.colour)
        for t in out.texts.values()
    )
    return out
