/* Compiled twin of the walk's loop over plain text objects (pdf_objects._Walk.walk).
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
        PyObject *colour = Py_BuildValue("(III)", red, green, blue);
        if (!colour) return NULL;
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
            if (paper < 0) return NULL;
            break;
        }
        PyObject *item = Py_BuildValue("(NliNO)", PyLong_FromVoidPtr(obj), order + 1, mode, colour, matrix);
        if (!item || PyList_Append(plain, item) < 0) {
            Py_XDECREF(item);
            return NULL;
        }
        Py_DECREF(item);
        order++;
    }
    return Py_BuildValue("(nlO)", k, order, turned ? Py_True : Py_False);
}

static PyMethodDef methods[] = {
    {"plain_texts", plain_texts, METH_VARARGS,
     "The walk's run of plain text objects from one index: (next index, order, turned)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_text_objects", NULL, -1, methods};

PyMODINIT_FUNC PyInit__text_objects(void) { return PyModule_Create(&module); }
