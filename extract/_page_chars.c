/* Compiled twin of the character loop of pdf.pdfium_page_to_words, for a page on which no
 * character can be hidden and none is turned (the common page: ``walk_page`` found neither).
 *
 * plain_chars(codes, texts, char_text, space_at, tp, loose_box, is_generated, rect,
 *             height, number, word_type) -> (words, places, unmapped)
 *
 *   codes:        list of int, the page's character codes (pdf._page_codes)
 *   texts:        dict code -> str | None, the texts read so far (pdf._CHAR_TEXT)
 *   char_text:    callable code -> str | None, for a code not in ``texts`` (pdf._char_text)
 *   space_at:     callable i -> (Word, place) | None, for a space pdfium generated at i
 *   tp:           the text page's handle (int)
 *   loose_box:    address of FPDFText_GetLooseCharBox; is_generated: of FPDFText_IsGenerated
 *   rect:         address of the FS_RECTF the Python code fills (pdf._RECT): the same buffer,
 *                 so that a failed call leaves the same values as there
 *   height:       the page height (points, a float); number: the page number
 *   word_type:    the class of the words made (models.Word): each is made as models.pdf_char
 *                 makes it, without calling its __init__ (the type's tp_alloc, as object.__new__,
 *                 then every field set through its slot descriptor), with source "pdf" and
 *                 conf, line and mark None
 *
 * Each step is the Python loop's, in the same double arithmetic: y0 = height - top,
 * bottom = height - bottom, a character's place (text, round(x0 * 4), round(y0 * 4)) with
 * round half to even (float.__round__).  Errors propagate.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>

typedef struct {
    float left, top, right, bottom;
} rectf;

typedef int (*loose_box_fn)(void *, int, rectf *);
typedef int (*is_generated_fn)(void *, int);

#define DEDUPE_GRID 4.0

/* round(v) as Python's float.__round__(): half to even; errors for inf and NaN as Python's. */
static PyObject *py_round(double v) {
    if (isfinite(v)) {
        double r = nearbyint(v); /* the default rounding mode: to nearest, ties to even */
        return PyLong_FromDouble(r);
    }
    PyObject *f = PyFloat_FromDouble(v);
    if (!f) return NULL;
    PyObject *out = PyObject_CallMethod(f, "__round__", NULL);
    Py_DECREF(f);
    return out;
}

/* The fields of models.Word in the order models.pdf_char sets them. */
#define N_FIELDS 10
static const char *const FIELDS[N_FIELDS] = {"text", "page", "x0",   "x1",   "top",
                                             "bottom", "source", "conf", "line", "mark"};

/* The offset in a ``word_type`` instance of the object a slot descriptor sets, where setting
 * through the descriptor does nothing but store the object there (a writable, unrestricted
 * T_OBJECT_EX member of word_type or a base): member_set's steps for a value that is not NULL;
 * else -1 (the descriptor is called). */
static Py_ssize_t plain_slot(PyTypeObject *word_type, PyObject *descr) {
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type)) return -1;
    PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
    if (m->type != T_OBJECT_EX || (m->flags & (READONLY | PY_WRITE_RESTRICTED))) return -1;
    if (!PyType_IsSubtype(word_type, ((PyDescrObject *)descr)->d_type)) return -1;
    return m->offset;
}

/* A new ``word_type`` instance with its fields set to ``values`` through ``setters`` (the slot
 * descriptors of FIELDS), as models.pdf_char makes one; a field whose ``offsets`` entry is not
 * -1 is stored there directly (``plain_slot``).  NULL with an error set on failure. */
static PyObject *new_word(PyTypeObject *word_type, PyObject *const *setters, const Py_ssize_t *offsets,
                          PyObject *const *values) {
    PyObject *word = word_type->tp_alloc(word_type, 0);
    if (!word) return NULL;
    for (int k = 0; k < N_FIELDS; k++) {
        if (offsets[k] >= 0) {
            PyObject **slot = (PyObject **)((char *)word + offsets[k]);
            PyObject *old = *slot;
            Py_INCREF(values[k]);
            *slot = values[k];
            Py_XDECREF(old);
        } else if (Py_TYPE(setters[k])->tp_descr_set(setters[k], word, values[k]) < 0) {
            Py_DECREF(word);
            return NULL;
        }
    }
    return word;
}

static PyObject *plain_chars(PyObject *self, PyObject *args) {
    PyObject *codes, *texts, *char_text, *space_at, *number;
    PyTypeObject *word_type;
    unsigned long long tp_addr, box_addr, gen_addr, rect_addr;
    double height;
    if (!PyArg_ParseTuple(args, "O!O!OOKKKKdOO!:plain_chars", &PyList_Type, &codes, &PyDict_Type, &texts,
                          &char_text, &space_at, &tp_addr, &box_addr, &gen_addr, &rect_addr, &height,
                          &number, &PyType_Type, &word_type))
        return NULL;
    PyObject *setters[N_FIELDS] = {NULL};
    Py_ssize_t offsets[N_FIELDS];
    PyObject *pdf = PyUnicode_InternFromString("pdf");
    PyObject *words = NULL, *places = NULL;
    if (!pdf) goto fail;
    for (int k = 0; k < N_FIELDS; k++) {
        setters[k] = PyObject_GetAttrString((PyObject *)word_type, FIELDS[k]);
        if (!setters[k]) goto fail;
        if (!Py_TYPE(setters[k])->tp_descr_set) {
            PyErr_Format(PyExc_TypeError, "%s.%s is no slot", word_type->tp_name, FIELDS[k]);
            goto fail;
        }
        offsets[k] = plain_slot(word_type, setters[k]);
    }
    void *tp = (void *)(uintptr_t)tp_addr;
    loose_box_fn loose_box = (loose_box_fn)(uintptr_t)box_addr;
    is_generated_fn is_generated = (is_generated_fn)(uintptr_t)gen_addr;
    rectf *rect = (rectf *)(uintptr_t)rect_addr;
    Py_ssize_t n = PyList_GET_SIZE(codes);
    long unmapped = 0;
    words = PyList_New(0);
    places = PyList_New(0);
    if (!words || !places) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *code = PyList_GET_ITEM(codes, i);
        long c = PyLong_AsLong(code);
        if (c == -1 && PyErr_Occurred()) goto fail;
        if (c == 0x20 && is_generated(tp, (int)i)) {
            PyObject *idx = PyLong_FromSsize_t(i);
            if (!idx) goto fail;
            PyObject *got = PyObject_CallOneArg(space_at, idx);
            Py_DECREF(idx);
            if (!got) goto fail;
            if (got != Py_None) {
                if (!PyTuple_Check(got) || PyTuple_GET_SIZE(got) != 2) {
                    Py_DECREF(got);
                    PyErr_SetString(PyExc_TypeError, "space_at must give (word, place) or None");
                    goto fail;
                }
                if (PyList_Append(words, PyTuple_GET_ITEM(got, 0)) < 0 ||
                    PyList_Append(places, PyTuple_GET_ITEM(got, 1)) < 0) {
                    Py_DECREF(got);
                    goto fail;
                }
            }
            Py_DECREF(got);
            continue;
        }
        PyObject *text = PyDict_GetItemWithError(texts, code); /* borrowed */
        PyObject *owned = NULL;
        if (!text) {
            if (PyErr_Occurred()) goto fail;
            owned = text = PyObject_CallOneArg(char_text, code);
            if (!text) goto fail;
        }
        if (text == Py_None) {
            unmapped++;
            Py_XDECREF(owned);
            continue;
        }
        int truth = PyObject_IsTrue(text);
        if (truth <= 0) {
            Py_XDECREF(owned);
            if (truth < 0) goto fail;
            continue;
        }
        loose_box(tp, (int)i, rect);
        double left = (double)rect->left, top = (double)rect->top;
        double right = (double)rect->right, bottom = (double)rect->bottom;
        double y0 = height - top;
        PyObject *x0o = PyFloat_FromDouble(left), *x1o = PyFloat_FromDouble(right);
        PyObject *y0o = PyFloat_FromDouble(y0), *y1o = PyFloat_FromDouble(height - bottom);
        PyObject *word = NULL, *gx = NULL, *gy = NULL, *place = NULL;
        int ok = 0;
        if (x0o && x1o && y0o && y1o) {
            PyObject *values[N_FIELDS] = {text, number, x0o, x1o, y0o, y1o, pdf, Py_None, Py_None, Py_None};
            word = new_word(word_type, setters, offsets, values);
            if (word && PyList_Append(words, word) == 0) {
                gx = py_round(left * DEDUPE_GRID);
                gy = gx ? py_round(y0 * DEDUPE_GRID) : NULL;
                place = gy ? PyTuple_Pack(3, text, gx, gy) : NULL;
                ok = place && PyList_Append(places, place) == 0;
            }
        }
        Py_XDECREF(x0o);
        Py_XDECREF(x1o);
        Py_XDECREF(y0o);
        Py_XDECREF(y1o);
        Py_XDECREF(word);
        Py_XDECREF(gx);
        Py_XDECREF(gy);
        Py_XDECREF(place);
        Py_XDECREF(owned);
        if (!ok) goto fail;
    }
    for (int k = 0; k < N_FIELDS; k++) Py_XDECREF(setters[k]);
    Py_DECREF(pdf);
    return Py_BuildValue("(NNl)", words, places, unmapped);
fail:
    for (int k = 0; k < N_FIELDS; k++) Py_XDECREF(setters[k]);
    Py_XDECREF(pdf);
    Py_XDECREF(words);
    Py_XDECREF(places);
    return NULL;
}

static PyMethodDef methods[] = {
    {"plain_chars", plain_chars, METH_VARARGS,
     "The characters of a page with nothing hidden or turned: (words, places, unmapped)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_page_chars", NULL, -1, methods};

PyMODINIT_FUNC PyInit__page_chars(void) { return PyModule_Create(&module); }
