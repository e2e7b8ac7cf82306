/* Compiled twin of the character loop of pdf.pdfium_page_to_words, for a page on which no
 * character can be hidden and none is turned (the common page: ``walk_page`` found neither).
 *
 * plain_chars(codes, texts, char_text, space_at, wide_low, wide_high, max_space, tp, loose_box,
 *             is_generated, rect, height, number, word_type) -> (words, places, unmapped)
 *
 *   codes:        list of int, the page's character codes (pdf._page_codes)
 *   texts:        dict code -> str | None, the texts read so far (pdf._CHAR_TEXT)
 *   char_text:    callable code -> str | None, for a code not in ``texts`` (pdf._char_text)
 *   space_at:     callable i -> (Word, place) | None, for a space pdfium generated at i; not
 *                 called where it would give None for the gap between the characters beside
 *                 the space (pdf._inferred_space's measure, with its FULL_WIDTH_SPACE_EM
 *                 ``wide_low``, ``wide_high`` and MAX_SPACE_EM ``max_space``)
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
 *
 * ``places`` is None when no two places are equal (pdf._dedupe's ``len(set(places)) ==
 * len(places)``: then it hands the words back as they are): the places are compared here, in a
 * hash table of (text, rounded x, rounded y) with the rounded values as doubles (integers, so
 * equal as doubles exactly when equal as Python ints; a space's ints from ``space_at`` are taken
 * only below 2**53, where a double holds them exactly).  Only when two are equal, or a place is
 * out of that reach, is the list of place tuples made, for pdf._dedupe to keep the first of each.
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
#define N_FIELDS 12
static const char *const FIELDS[N_FIELDS] = {"text", "page",  "x0",   "x1",   "top",         "bottom",
                                             "source", "conf", "line", "mark", "second_read", "guess"};

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

/* A character's place: its text (borrowed from ``words``' word or the space's place tuple) and
 * its rounded coordinates; ``tuple``, a space's place from ``space_at`` (borrowed from its entry
 * in ``spaces``), or NULL for a character read here. */
typedef struct {
    PyObject *text;
    double gx, gy;
    PyObject *tuple;
} place_t;

#define EXACT_LIMIT 9007199254740992.0 /* 2**53 */

/* 1 when two of the ``n`` places are equal, 0 when none is, -1 with an error set. */
static int any_equal_places(const place_t *places, Py_ssize_t n) {
    if (n < 2) return 0;
    size_t size = 8;
    while (size < (size_t)n * 2) size <<= 1;
    Py_ssize_t *table = PyMem_Malloc(size * sizeof(Py_ssize_t));
    if (!table) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t j = 0; j < size; j++) table[j] = -1;
    int found = 0;
    for (Py_ssize_t i = 0; i < n && !found; i++) {
        const place_t *p = &places[i];
        Py_hash_t h = PyObject_Hash(p->text);
        if (h == -1) {
            found = -1;
            break;
        }
        /* 0.0 and -0.0 are one integer: hashed alike. */
        double gx = p->gx + 0.0, gy = p->gy + 0.0;
        unsigned long long bx, by;
        memcpy(&bx, &gx, sizeof bx);
        memcpy(&by, &gy, sizeof by);
        unsigned long long x = (unsigned long long)h * 0x9E3779B97F4A7C15ULL;
        x ^= bx + 0x9E3779B97F4A7C15ULL + (x << 6) + (x >> 2);
        x ^= by + 0x9E3779B97F4A7C15ULL + (x << 6) + (x >> 2);
        x ^= x >> 29;
        size_t slot = (size_t)x & (size - 1);
        while (table[slot] >= 0) {
            const place_t *q = &places[table[slot]];
            if (q->gx == p->gx && q->gy == p->gy) {
                int eq = q->text == p->text ? 1 : PyObject_RichCompareBool(q->text, p->text, Py_EQ);
                if (eq != 0) {
                    found = eq;
                    break;
                }
            }
            slot = (slot + 1) & (size - 1);
        }
        if (!found) table[slot] = i;
    }
    PyMem_Free(table);
    return found;
}

/* The list of place tuples pdf._dedupe takes, in the words' order. */
static PyObject *place_tuples(const place_t *places, Py_ssize_t n) {
    PyObject *out = PyList_New(n);
    if (!out) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        const place_t *p = &places[i];
        PyObject *t;
        if (p->tuple) {
            t = Py_NewRef(p->tuple);
        } else {
            PyObject *gx = PyLong_FromDouble(p->gx);
            PyObject *gy = gx ? PyLong_FromDouble(p->gy) : NULL;
            t = gy ? PyTuple_Pack(3, p->text, gx, gy) : NULL;
            Py_XDECREF(gx);
            Py_XDECREF(gy);
        }
        if (!t) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, t);
    }
    return out;
}

/* ``places`` with room for twice ``*cap`` places (``*cap`` doubled), or NULL with an error set
 * (``places`` is freed then). */
static place_t *grow_places(place_t *places, Py_ssize_t *cap) {
    place_t *more = PyMem_Realloc(places, (size_t)(*cap * 2) * sizeof(place_t));
    if (!more) {
        PyMem_Free(places);
        PyErr_NoMemory();
        return NULL;
    }
    *cap *= 2;
    return more;
}

/* A space's place from ``space_at`` as a place_t: 0 when its ints are out of a double's exact
 * reach (or it is not (str, int, int)), 1 when taken, -1 with an error set. */
static int space_place(PyObject *tuple, place_t *p) {
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != 3) return 0;
    PyObject *text = PyTuple_GET_ITEM(tuple, 0), *x = PyTuple_GET_ITEM(tuple, 1), *y = PyTuple_GET_ITEM(tuple, 2);
    if (!PyUnicode_CheckExact(text) || !PyLong_CheckExact(x) || !PyLong_CheckExact(y)) return 0;
    double gx = PyLong_AsDouble(x);
    if (gx == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) return -1;
        PyErr_Clear();
        return 0;
    }
    double gy = PyLong_AsDouble(y);
    if (gy == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) return -1;
        PyErr_Clear();
        return 0;
    }
    if (!(fabs(gx) < EXACT_LIMIT && fabs(gy) < EXACT_LIMIT)) return 0;
    p->text = text;
    p->gx = gx;
    p->gy = gy;
    p->tuple = tuple;
    return 1;
}

/* 1 when pdf._inferred_space gives None for the generated space at ``i`` of the ``n``
 * characters whatever else it finds, from the loose boxes of the characters beside it alone
 * (read into a rectangle of its own: ``rect`` keeps what the loop's last call left): they are
 * not on one line (their em, the top less the bottom of the one before, is not positive, or
 * their bottoms differ by more than half of it), or the gap between them (the left of the one
 * after less the right of the one before) is neither a full-width space's (``wide_low`` to
 * ``wide_high`` ems) nor a space's (-0.2 to ``max_space`` ems).  The same double arithmetic and
 * comparisons (NaN included).  0 when it must be asked (or a box cannot be read: it raises). */
static int no_space_between(void *tp, loose_box_fn loose_box, Py_ssize_t i, Py_ssize_t n, double wide_low,
                            double wide_high, double max_space) {
    if (i == 0 || i + 1 >= n) return 1;
    rectf before, after;
    if (!loose_box(tp, (int)(i - 1), &before) || !loose_box(tp, (int)(i + 1), &after)) return 0;
    double b0 = (double)before.bottom, r0 = (double)before.right, t0 = (double)before.top;
    double l1 = (double)after.left, b1 = (double)after.bottom;
    double em = t0 - b0;
    double gap = l1 - r0;
    if (em <= 0 || fabs(b0 - b1) > em / 2) return 1;
    if (wide_low * em <= gap && gap <= wide_high * em) return 0;
    return !(-0.2 * em <= gap && gap <= max_space * em);
}

static PyObject *plain_chars(PyObject *self, PyObject *args) {
    PyObject *codes, *texts, *char_text, *space_at, *number;
    PyTypeObject *word_type;
    unsigned long long tp_addr, box_addr, gen_addr, rect_addr;
    double height, wide_low, wide_high, max_space;
    if (!PyArg_ParseTuple(args, "O!O!OOdddKKKKdOO!:plain_chars", &PyList_Type, &codes, &PyDict_Type, &texts,
                          &char_text, &space_at, &wide_low, &wide_high, &max_space, &tp_addr, &box_addr,
                          &gen_addr, &rect_addr, &height, &number, &PyType_Type, &word_type))
        return NULL;
    PyObject *setters[N_FIELDS] = {NULL};
    Py_ssize_t offsets[N_FIELDS];
    PyObject *pdf = PyUnicode_InternFromString("pdf");
    PyObject *words = NULL, *places = NULL, *spaces = NULL;
    place_t *kept = NULL; /* the places of ``words``, in order */
    Py_ssize_t n_kept = 0, cap = 0;
    int out_of_reach = 0; /* a space's place not taken into ``kept``: the tuples are made */
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
    spaces = PyList_New(0); /* the spaces' place tuples, held while ``kept`` borrows them */
    cap = n > 16 ? n : 16;
    kept = PyMem_Malloc((size_t)cap * sizeof(place_t));
    if (!words || !spaces || !kept) {
        if (!kept) PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *code = PyList_GET_ITEM(codes, i);
        long c = PyLong_AsLong(code);
        if (c == -1 && PyErr_Occurred()) goto fail;
        if (c == 0x20 && is_generated(tp, (int)i)) {
            if (no_space_between(tp, loose_box, i, n, wide_low, wide_high, max_space)) continue;
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
                if (n_kept == cap && !(kept = grow_places(kept, &cap))) {
                    Py_DECREF(got);
                    goto fail;
                }
                PyObject *place = PyTuple_GET_ITEM(got, 1);
                if (PyList_Append(words, PyTuple_GET_ITEM(got, 0)) < 0 || PyList_Append(spaces, place) < 0) {
                    Py_DECREF(got);
                    goto fail;
                }
                place_t *p = &kept[n_kept++];
                int taken = space_place(place, p);
                if (taken < 0) {
                    Py_DECREF(got);
                    goto fail;
                }
                if (!taken) {
                    out_of_reach = 1;
                    p->text = NULL;
                    p->tuple = place;
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
        PyObject *word = NULL;
        int ok = 0;
        if (x0o && x1o && y0o && y1o) {
            PyObject *values[N_FIELDS] = {text,    number,  x0o,     x1o,     y0o,    y1o,
                                          pdf,     Py_None, Py_None, Py_None, Py_None, Py_None};
            word = new_word(word_type, setters, offsets, values);
            if (word && PyList_Append(words, word) == 0) {
                double vx = left * DEDUPE_GRID, vy = y0 * DEDUPE_GRID;
                if (!isfinite(vx) || !isfinite(vy)) {
                    /* round() raises for inf and NaN: the same error as the Python loop's */
                    PyObject *gx = py_round(vx), *gy = gx ? py_round(vy) : NULL;
                    if (gy) PyErr_SetString(PyExc_SystemError, "plain_chars: a rounded infinity");
                    Py_XDECREF(gx);
                    Py_XDECREF(gy);
                } else if (n_kept == cap && !(kept = grow_places(kept, &cap))) {
                    /* no memory: the error is set */
                } else {
                    place_t *p = &kept[n_kept++];
                    p->text = text; /* held by the word */
                    p->gx = nearbyint(vx); /* py_round's: ties to even */
                    p->gy = nearbyint(vy);
                    p->tuple = NULL;
                    ok = 1;
                }
            }
        }
        Py_XDECREF(x0o);
        Py_XDECREF(x1o);
        Py_XDECREF(y0o);
        Py_XDECREF(y1o);
        Py_XDECREF(word);
        Py_XDECREF(owned);
        if (!ok) goto fail;
    }
    int equal = out_of_reach ? 1 : any_equal_places(kept, n_kept);
    if (equal < 0) goto fail;
    if (equal) {
        places = place_tuples(kept, n_kept);
        if (!places) goto fail;
    } else {
        places = Py_NewRef(Py_None);
    }
    for (int k = 0; k < N_FIELDS; k++) Py_XDECREF(setters[k]);
    Py_DECREF(pdf);
    Py_DECREF(spaces);
    PyMem_Free(kept);
    return Py_BuildValue("(NNl)", words, places, unmapped);
fail:
    for (int k = 0; k < N_FIELDS; k++) Py_XDECREF(setters[k]);
    Py_XDECREF(pdf);
    Py_XDECREF(words);
    Py_XDECREF(places);
    Py_XDECREF(spaces);
    PyMem_Free(kept);
    return NULL;
}

static PyMethodDef methods[] = {
    {"plain_chars", plain_chars, METH_VARARGS,
     "The characters of a page with nothing hidden or turned: (words, places, unmapped)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_page_chars", NULL, -1, methods};

PyMODINIT_FUNC PyInit__page_chars(void) { return PyModule_Create(&module); }
