"""Lean ctypes prototypes of the pdfium functions called once per character or page object.

pypdfium2's raw bindings type every handle as a pointer to an opaque struct, so each call
builds a pointer object for its result and converts its arguments: about 0.5-0.9 µs a call.
The same functions of the same library, typed with plain ``void *`` handles (Python ints),
take 0.15-0.4 µs.  The readers make tens of thousands of such calls on an assessment's table
pages (a few per character and per page object), so they use these.

Handles are ints (None for a null handle): ``handle(obj)`` turns a pypdfium2 object (``page.raw``,
``textpage.raw``) into one.  Out-parameters keep pypdfium2's struct and ``c_float`` / ``c_uint``
types, passed as they are (ctypes passes them by reference).

The few functions called once per character or per text object also come unchecked (``*_u``):
no argument types, so that ctypes converts nothing (about half the time of a checked call).
Their handles and out-pointers must be ctypes objects (``c_void_p``, a ``Handle`` they return,
``ctypes.byref``), their indices ints that fit a C ``int``; a Python int handle would be passed
as a C ``int`` and cut.  ``Handle`` results stay ctypes objects, to be passed on as they are
(``.value``: the int, as the checked functions give it).
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_float, c_int, c_uint, c_ulong, c_ushort, c_void_p

import pypdfium2.raw as raw

_PF = POINTER(c_float)
_PU = POINTER(c_uint)
_PI = POINTER(c_int)


def _proto(name: str, restype, *argtypes):  # type: ignore[no-untyped-def]
    """pdfium's ``name`` (the function pypdfium2 loaded) with the given C types."""
    address = ctypes.cast(getattr(raw, name), c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


class Handle(c_void_p):
    """A pdfium handle returned as a ctypes object (a subclass of ``c_void_p`` is not turned into
    an int), to be passed to the unchecked functions as it is; false when null."""


def _unchecked(name: str, restype):  # type: ignore[no-untyped-def]
    """pdfium's ``name`` with only its result type: arguments are passed as they are."""
    address = ctypes.cast(getattr(raw, name), c_void_p).value
    fn = ctypes.CFUNCTYPE(restype)(address)
    fn.argtypes = None
    return fn


def handle(obj) -> int | None:  # type: ignore[no-untyped-def]
    """A pypdfium2 raw handle (``page.raw``, ``textpage.raw``) as an int (None when null)."""
    return ctypes.cast(obj, c_void_p).value


# Page objects (the walk).
page_count_objects = _proto("FPDFPage_CountObjects", c_int, c_void_p)
form_count_objects = _proto("FPDFFormObj_CountObjects", c_int, c_void_p)
obj_get_bounds = _proto("FPDFPageObj_GetBounds", c_int, c_void_p, _PF, _PF, _PF, _PF)
# Colours: the addresses of four unsigned ints (R, G, B, A).
_RGBA_AT = (c_void_p, c_void_p, c_void_p, c_void_p)
obj_fill_colour = _proto("FPDFPageObj_GetFillColor", c_int, c_void_p, *_RGBA_AT)
obj_stroke_colour = _proto("FPDFPageObj_GetStrokeColor", c_int, c_void_p, *_RGBA_AT)
obj_has_transparency = _proto("FPDFPageObj_HasTransparency", c_int, c_void_p)
obj_get_clip = _proto("FPDFPageObj_GetClipPath", c_void_p, c_void_p)
text_obj_get_text = _proto("FPDFTextObj_GetText", c_ulong, c_void_p, c_void_p, c_void_p, c_ulong)
clip_count_paths = _proto("FPDFClipPath_CountPaths", c_int, c_void_p)
clip_count_segments = _proto("FPDFClipPath_CountPathSegments", c_int, c_void_p, c_int)
clip_get_segment = _proto("FPDFClipPath_GetPathSegment", c_void_p, c_void_p, c_int, c_int)
path_draw_mode = _proto("FPDFPath_GetDrawMode", c_int, c_void_p, _PI, _PI)
path_count_segments = _proto("FPDFPath_CountSegments", c_int, c_void_p)
segment_point = _proto("FPDFPathSegment_GetPoint", c_int, c_void_p, _PF, _PF)

# Text pages (the characters).
text_count_chars = _proto("FPDFText_CountChars", c_int, c_void_p)
text_get_text = _proto("FPDFText_GetText", c_int, c_void_p, c_int, c_int, POINTER(c_ushort))
text_get_unicode = _proto("FPDFText_GetUnicode", c_uint, c_void_p, c_int)
text_is_generated = _proto("FPDFText_IsGenerated", c_int, c_void_p, c_int)
text_object = _proto("FPDFText_GetTextObject", c_void_p, c_void_p, c_int)
text_char_angle = _proto("FPDFText_GetCharAngle", c_float, c_void_p, c_int)
text_is_hyphen = _proto("FPDFText_IsHyphen", c_int, c_void_p, c_int)
text_font_info = _proto("FPDFText_GetFontInfo", c_ulong, c_void_p, c_int, c_void_p, c_ulong, _PI)

# Unchecked (module notes): (page, int index) → Handle; (Handle) → int; (Handle, byref) → int.
page_get_object_u = _unchecked("FPDFPage_GetObject", Handle)
form_get_object_h = _proto("FPDFFormObj_GetObject", Handle, c_void_p, c_ulong)
obj_get_type_u = _unchecked("FPDFPageObj_GetType", c_int)
obj_get_matrix_u = _unchecked("FPDFPageObj_GetMatrix", c_int)
text_obj_render_mode_u = _unchecked("FPDFTextObj_GetTextRenderMode", c_int)
obj_fill_colour_u = _unchecked("FPDFPageObj_GetFillColor", c_int)
obj_stroke_colour_u = _unchecked("FPDFPageObj_GetStrokeColor", c_int)
obj_get_clip_u = _unchecked("FPDFPageObj_GetClipPath", c_void_p)
# (path as c_void_p or Handle, int index) → Handle; (Handle, byref(c_float) x2) → int;
# (Handle) → int.
path_get_segment_u = _unchecked("FPDFPath_GetPathSegment", Handle)
segment_point_u = _unchecked("FPDFPathSegment_GetPoint", c_int)
segment_type_u = _unchecked("FPDFPathSegment_GetType", c_int)
segment_close_u = _unchecked("FPDFPathSegment_GetClose", c_int)
# (text page as c_void_p, int index, byref(FS_RECTF)) → int.
text_loose_box_u = _unchecked("FPDFText_GetLooseCharBox", c_int)
