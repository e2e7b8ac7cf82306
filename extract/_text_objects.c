/* Compiled twins of the walk's loop over plain text objects (pdf_objects._Walk.walk) and of
 * pdf_objects.path_segments (below).
 *
 * plain_texts(parent, is_form, start, count, order, turned, fns, tm, rgba, stroke_modes,
 *             invisible_modes, paper_like, is_paper, matrix, plain) -> (k, order, turned)
 *
 * From object ``start`` of ``parent`` (a page, or a form object when ``is_form``), as long as
 * the objects are text objects that cannot hide anything by themselves (a visible mode, a
 * colour that is not the paper's, no clipping path), each is numbered (``order`` + 1), its
 * matrix checked for a turn while ``turned`` is false, and ``(handle, order, mode, colour,
 * matrix)`` appended to ``plain``: the Python loop's steps, with the same pdfium calls and the
 * same buffers (``tm``: the address of the walk's FS_MATRIX, ``rgba``: of its four unsigned
 * ints).  It stops at the first other object and returns its index ``k`` (``count`` at the end),
 * the order of the object before it and ``turned``: the Python loop reads object ``k`` itself.
 *
 *   fns:             addresses of FPDFPage_GetObject, FPDFFormObj_GetObject, FPDFPageObj_GetType,
 *                    FPDFPageObj_GetMatrix, FPDFTextObj_GetTextRenderMode,
 *                    FPDFPageObj_GetFillColor, FPDFPageObj_GetStrokeColor,
 *                    FPDFPageObj_GetClipPath, FPDFClipPath_CountPaths
 *   stroke_modes / invisible_modes: bit masks of render modes (bit m + 1 for mode m >= -1)
 *   paper_like:      dict colour -> bool, the walk's cache; is_paper: callable colour -> bool
 *   matrix:          the form's matrix (None on the page), kept with each object
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

#define TEXT_KIND 1 /* FPDF_PAGEOBJ_TEXT */
#define TURN_EPSILON 1e-3

typedef struct {
    float a, b, c, d, e, f;
} matrixf;

typedef void *(*page_object_fn)(void *, int);
typedef void *(*form_object_fn)(void *, unsigned long);
typedef int (*obj_int_fn)(void *);
typedef int (*matrix_fn)(void *, matrixf *);
typedef int (*colour_fn)(void *, unsigned int *, unsigned int *, unsigned int *, unsigned int *);
typedef void *(*clip_fn)(void *);

static int in_mask(unsigned long long mask, int mode) {
    return mode >= -1 && mode < 62 && ((mask >> (mode + 1)) & 1ULL);
}

/* The tuples Py_BuildValue("(III)") and Py_BuildValue("(NliNO)") make, built directly (the same
 * objects: PyLong_FromUnsignedLong, PyLong_FromLong, the references taken or stolen alike) without
 * parsing a format string for each text object: about a quarter of the loop's own cost went there.
 * NULL with an error when an object cannot be made; ``colour`` is then released too. */
static PyObject *colour_tuple(unsigned int red, unsigned int green, unsigned int blue) {
    PyObject *t = PyTuple_New(3);
    if (!t) return NULL;
    unsigned int v[3] = {red, green, blue};
    for (int j = 0; j < 3; j++) {
        PyObject *o = PyLong_FromUnsignedLong(v[j]);
        if (!o) {
            Py_DECREF(t); /* its unset items are NULL: skipped */
            return NULL;
        }
        PyTuple_SET_ITEM(t, j, o);
    }
    return t;
}

static PyObject *text_item(void *obj, long order, int mode, PyObject *colour, PyObject *matrix) {
    PyObject *t = PyTuple_New(5);
    if (!t) {
        Py_DECREF(colour);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 3, colour); /* stolen, as N */
    Py_INCREF(matrix);
    PyTuple_SET_ITEM(t, 4, matrix);
    PyObject *addr = PyLong_FromVoidPtr(obj);
    PyObject *ord = addr ? PyLong_FromLong(order) : NULL;
    PyObject *md = ord ? PyLong_FromLong((long)mode) : NULL;
    PyTuple_SET_ITEM(t, 0, addr);
    PyTuple_SET_ITEM(t, 1, ord);
    PyTuple_SET_ITEM(t, 2, md);
    if (!md) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyObject *plain_texts(PyObject *self, PyObject *args) {
    unsigned long long parent_addr, tm_addr, rgba_addr, stroke_modes, invisible_modes;
    int is_form, turned;
    Py_ssize_t start, count;
    long order;
    PyObject *fns, *paper_like, *is_paper, *matrix, *plain;
    if (!PyArg_ParseTuple(args, "KpnnlpO!KKKKO!OOO!:plain_texts", &parent_addr, &is_form, &start, &count,
                          &order, &turned, &PyTuple_Type, &fns, &tm_addr, &rgba_addr, &stroke_modes,
                          &invisible_modes, &PyDict_Type, &paper_like, &is_paper, &matrix, &PyList_Type,
                          &plain))
        return NULL;
    if (PyTuple_GET_SIZE(fns) != 9) {
        PyErr_SetString(PyExc_ValueError, "fns: nine addresses");
        return NULL;
    }
    void *f[9];
    for (int j = 0; j < 9; j++) {
        f[j] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(fns, j));
        if (!f[j]) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "fns: a null address");
            return NULL;
        }
    }
    page_object_fn page_object = (page_object_fn)f[0];
    form_object_fn form_object = (form_object_fn)f[1];
    obj_int_fn get_type = (obj_int_fn)f[2];
    matrix_fn get_matrix = (matrix_fn)f[3];
    obj_int_fn get_mode = (obj_int_fn)f[4];
    colour_fn fill_colour = (colour_fn)f[5], stroke_colour = (colour_fn)f[6];
    clip_fn get_clip = (clip_fn)f[7];
    obj_int_fn count_paths = (obj_int_fn)f[8];
    void *parent = (void *)(uintptr_t)parent_addr;
    matrixf *tm = (matrixf *)(uintptr_t)tm_addr;
    unsigned int *rgba = (unsigned int *)(uintptr_t)rgba_addr;

    /* The colour of the object before and its tuple: a run of objects in one colour (most of
     * a page) shares one tuple, looked up in ``paper_like`` once (its answer cannot change:
     * ``is_paper`` only fills the cache; an object reaches the tuple only when it was not
     * the paper's). */
    PyObject *last = NULL;
    unsigned int last_red = 0, last_green = 0, last_blue = 0;
    Py_ssize_t k = start;
    for (; k < count; k++) {
        void *obj = is_form ? form_object(parent, (unsigned long)k) : page_object(parent, (int)k);
        if (!obj || get_type(obj) != TEXT_KIND) break;
        if (!turned) {
            get_matrix(obj, tm);
            turned = fabs((double)tm->b) > TURN_EPSILON || fabs((double)tm->c) > TURN_EPSILON;
        }
        int mode = get_mode(obj);
        colour_fn getter = in_mask(stroke_modes, mode) ? stroke_colour : fill_colour;
        unsigned int red = 0, green = 0, blue = 0;
        if (!getter(obj, &rgba[0], &rgba[1], &rgba[2], &rgba[3])) {
            red = green = blue = 0;
        } else {
            if (rgba[3] == 0) break; /* no colour: the Python loop's */
            red = rgba[0];
            green = rgba[1];
            blue = rgba[2];
        }
        if (in_mask(invisible_modes, mode)) break;
        void *clip = get_clip(obj);
        if (clip && count_paths(clip) > 0) break;
        PyObject *colour;
        if (last && red == last_red && green == last_green && blue == last_blue) {
            colour = Py_NewRef(last);
        } else {
            colour = colour_tuple(red, green, blue);
            if (!colour) {
                Py_XDECREF(last);
                return NULL;
            }
        }
        if (colour != last) { /* else not the paper's: looked up before */
            PyObject *hit = PyDict_GetItemWithError(paper_like, colour); /* borrowed */
            int paper;
            if (hit) {
                paper = PyObject_IsTrue(hit);
            } else if (PyErr_Occurred()) {
                paper = -1;
            } else {
                PyObject *got = PyObject_CallOneArg(is_paper, colour);
                paper = got ? PyObject_IsTrue(got) : -1;
                Py_XDECREF(got);
            }
            if (paper != 0) {
                Py_DECREF(colour);
                if (paper < 0) {
                    Py_XDECREF(last);
                    return NULL;
                }
                break;
            }
            Py_XSETREF(last, Py_NewRef(colour));
            last_red = red;
            last_green = green;
            last_blue = blue;
        }
        PyObject *item = text_item(obj, order + 1, mode, colour, matrix);
        if (!item || PyList_Append(plain, item) < 0) {
            Py_XDECREF(item);
            Py_XDECREF(last);
            return NULL;
        }
        Py_DECREF(item);
        order++;
    }
    Py_XDECREF(last);
    return Py_BuildValue("(nlO)", k, order, turned ? Py_True : Py_False);
}

/* Compiled twin of pdf_objects.path_segments.
 *
 * path_segments(path, fns, x, y, moveto, lineto, a, b, c, d, e, f, height) -> list
 *
 * The straight segments of the path object at address ``path`` as (x0, top, x1, bottom) tuples
 * of floats: the Python code's steps, with the same pdfium calls into the same two floats (``x``,
 * ``y``: the addresses of the module's ``_XY``, so that a point pdfium does not write leaves the
 * same stale value), the same double arithmetic in the same order (built with
 * -ffp-contract=off) and the same comparisons (NaN included).
 *
 *   fns: addresses of FPDFPath_CountSegments, FPDFPath_GetPathSegment,
 *        FPDFPathSegment_GetPoint, FPDFPathSegment_GetType, FPDFPathSegment_GetClose
 */
typedef void *(*segment_fn)(void *, int);
typedef int (*point_fn)(void *, float *, float *);

static int append_segment(PyObject *out, double x0, double t, double x1, double bt) {
    /* Py_BuildValue("(dddd)", ...)'s tuple, built directly (see colour_tuple). */
    double v[4] = {x0 <= x1 ? x0 : x1, t <= bt ? t : bt, x0 >= x1 ? x0 : x1, t >= bt ? t : bt};
    PyObject *item = PyTuple_New(4);
    if (!item) return -1;
    for (int j = 0; j < 4; j++) {
        PyObject *o = PyFloat_FromDouble(v[j]);
        if (!o) {
            Py_DECREF(item);
            return -1;
        }
        PyTuple_SET_ITEM(item, j, o);
    }
    int rc = PyList_Append(out, item);
    Py_DECREF(item);
    return rc;
}

static PyObject *path_segments(PyObject *self, PyObject *args) {
    unsigned long long path_addr, x_addr, y_addr;
    PyObject *fns;
    int moveto, lineto;
    double a, b, c, d, e, f, height;
    if (!PyArg_ParseTuple(args, "KO!KKiiddddddd:path_segments", &path_addr, &PyTuple_Type, &fns, &x_addr,
                          &y_addr, &moveto, &lineto, &a, &b, &c, &d, &e, &f, &height))
        return NULL;
    if (PyTuple_GET_SIZE(fns) != 5) {
        PyErr_SetString(PyExc_ValueError, "fns: five addresses");
        return NULL;
    }
    void *fn[5];
    for (int i = 0; i < 5; i++) {
        fn[i] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(fns, i));
        if (fn[i] == NULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "fns: a null address");
            return NULL;
        }
    }
    obj_int_fn count = (obj_int_fn)fn[0], get_type = (obj_int_fn)fn[3], get_close = (obj_int_fn)fn[4];
    segment_fn get_segment = (segment_fn)fn[1];
    point_fn get_point = (point_fn)fn[2];
    void *path = (void *)(uintptr_t)path_addr;
    float *x = (float *)(uintptr_t)x_addr, *y = (float *)(uintptr_t)y_addr;
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    int have_start = 0, have_prev = 0;
    double sx = 0, sy = 0, px = 0, py = 0;
    int n = count(path);
    for (int i = 0; i < n; i++) {
        void *seg = get_segment(path, i);
        get_point(seg, x, y);
        double xv = (double)*x, yv = (double)*y;
        double ptx = a * xv + c * yv + e;
        double pty = height - (b * xv + d * yv + f);
        int kind = get_type(seg);
        if (kind == moveto) {
            sx = px = ptx;
            sy = py = pty;
            have_start = have_prev = 1;
            continue;
        }
        if (kind == lineto && have_prev && append_segment(out, px, py, ptx, pty) < 0) goto fail;
        px = ptx;
        py = pty;
        have_prev = 1;
        if (get_close(seg) && have_start && (sx != ptx || sy != pty)) {
            if (append_segment(out, ptx, pty, sx, sy) < 0) goto fail;
            px = sx;
            py = sy;
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"plain_texts", plain_texts, METH_VARARGS,
     "The walk's run of plain text objects from one index: (next index, order, turned)."},
    {"path_segments", path_segments, METH_VARARGS,
     "The straight segments of a path object as (x0, top, x1, bottom), in top-left coordinates."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_text_objects", NULL, -1, methods};

PyMODINIT_FUNC PyInit__text_objects(void) { return PyModule_Create(&module); }
