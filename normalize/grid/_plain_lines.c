/* Compiled twins of lines.words_to_lines for lines of PDF characters (its ``plain_pdf`` path)
 * and of ruled.printed_crossings (the printed lines of a column's words and how each lies
 * across the rulings of its cells), ruled.column_words (the table's words by column), the
 * loop of ruled.mark_decorations (strokes that underline or strike out words), ruled.page_words
 * (the words of a page that are read) and the glyph heights of lines.ems.
 *
 * plain_lines(words, tol, Line) -> list[Line] | None
 *
 * The same steps as the Python code, in the same floating-point arithmetic (C doubles are
 * Python floats): words sorted by (vertical centre, x0, index); a word joins the current group
 * when its centre is within ``tol`` of the group's running mean; each group sorted by x0
 * (stable); the line's box from its words (spaces take no room unless the line is nothing
 * but spaces: the first word's top / bottom, then strictly smaller / larger ones; the box's
 * values are the words' own float objects); its text the words' texts joined.
 * Each line is ``Line(words, text, x0, x1, top, bottom, page, None, None)``: the class called,
 * or, given a template Line instead of the class, a copy of it with those fields (new_line).
 *
 * None is returned (and the caller runs the Python code) when a word's x0, x1, top or bottom
 * is not exactly a float, its text not exactly a str, or a coordinate is NaN: the cases in
 * which the Python code's comparisons could order differently.  Errors propagate.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double c;      /* vertical centre */
    double x0;
    Py_ssize_t i;  /* index in words; later the position in its group */
    PyObject *w;   /* borrowed */
    PyObject *ox0, *ox1, *otop, *obottom, *text; /* new references */
    double x1, top, bottom;
    int ink;       /* text has a character that is not whitespace (str.strip() is not empty) */
} item;

static PyObject *s_empty, *s_x0, *s_x1, *s_top, *s_bottom, *s_text, *s_page, *s_words, *s_mark, *s_source, *s_pdf, *s_conf, *s_line;

/* slot_attr(o, name): PyObject_GetAttr(o, name) for the fields of a slotted class (Word, Line),
 * read straight from the object where the attribute is a plain object slot.
 *
 * PyObject_GenericGetAttr finds a slot's member descriptor on the type and reads the object
 * pointer at the member's offset; where the type uses that generic lookup and the name's entry
 * on the type is such a member (T_OBJECT_EX, unrestricted), this reads the same pointer.  What
 * the lookup found is kept per (type, the type's version tag, name): the tag changes whenever
 * the type or a base is changed (the interpreter's own method cache relies on it), so a stale
 * entry is never used.  An empty slot, another class of descriptor or anything unusual goes to
 * PyObject_GetAttr, with its result or error.  Returns a new reference, NULL with an error. */
#define SLOT_CACHE 256 /* entries; a (type, name) is looked for in SLOT_WAYS of them from its hash */
#define SLOT_WAYS 4
typedef struct {
    PyTypeObject *type; /* a strong reference: the address cannot be reused while cached */
    unsigned int version;
    PyObject *name;     /* interned; compared by identity */
    Py_ssize_t offset;  /* -1: not a plain object slot */
} slot_entry;
static slot_entry slot_cache[SLOT_CACHE];
static unsigned int slot_next;

static Py_ssize_t slot_offset(PyTypeObject *t, PyObject *name) {
    if (t->tp_getattro != PyObject_GenericGetAttr || !(t->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)) return -1;
    unsigned int version = t->tp_version_tag;
    /* The entries a (type, name) may be in: SLOT_WAYS from a hash of the two addresses (a
     * scan of the whole cache per attribute read cost more than the reads themselves). */
    size_t h = (size_t)((((uintptr_t)t >> 4) * 31u + ((uintptr_t)name >> 4)) * 0x9E3779B97F4A7C15ULL >> 56);
    for (int k = 0; k < SLOT_WAYS; k++) {
        slot_entry *e = &slot_cache[(h + k) & (SLOT_CACHE - 1)];
        if (e->type == t && e->name == name && e->version == version) return e->offset;
    }
    PyObject *descr = _PyType_Lookup(t, name); /* borrowed; never raises */
    Py_ssize_t offset = -1;
    if (descr != NULL && Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if (m->type == T_OBJECT_EX && !(m->flags & READ_RESTRICTED) &&
            ((PyDescrObject *)descr)->d_type == t)
            offset = m->offset;
        /* A member of a base class: its offset holds in t too, but keep to the plain case. */
    }
    if (!(t->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) || t->tp_version_tag != version) return -1;
    slot_entry *e = NULL;
    for (int k = 0; k < SLOT_WAYS && !e; k++) {
        slot_entry *free_entry = &slot_cache[(h + k) & (SLOT_CACHE - 1)];
        if (free_entry->type == NULL) e = free_entry;
    }
    if (!e) e = &slot_cache[(h + slot_next++ % SLOT_WAYS) & (SLOT_CACHE - 1)];
    Py_INCREF(t);
    Py_XDECREF(e->type);
    e->type = t;
    e->version = version;
    e->name = name;
    e->offset = offset;
    return offset;
}

/* What slot_offset found for one name (each name read below has its own: ``memo_`` and the
 * name's variable), kept for the type last asked about: a run of words of one class costs a
 * comparison per read instead of slot_offset's hashed look-up.  Valid under slot_offset's
 * conditions (the generic lookup, the same version tag); the type is held as there. */
typedef struct {
    PyTypeObject *type; /* a strong reference */
    unsigned int version;
    Py_ssize_t offset;
} slot_memo;
static slot_memo memo_s_x0, memo_s_x1, memo_s_top, memo_s_bottom, memo_s_text, memo_s_page, memo_s_words,
    memo_s_source, memo_s_conf, memo_s_line;

static inline Py_ssize_t memo_offset(PyTypeObject *t, PyObject *name, slot_memo *m) {
    if (t == m->type && t->tp_getattro == PyObject_GenericGetAttr && (t->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) &&
        t->tp_version_tag == m->version)
        return m->offset;
    Py_ssize_t offset = slot_offset(t, name);
    if (t->tp_getattro == PyObject_GenericGetAttr && (t->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)) {
        /* slot_offset's answer for this version (-1 when the tag moved during its look-up: the
         * attribute is then read through PyObject_GetAttr, which is always right) */
        Py_INCREF(t);
        Py_XSETREF(m->type, t);
        m->version = t->tp_version_tag;
        m->offset = offset;
    }
    return offset;
}

static inline PyObject *slot_attr_memo(PyObject *o, PyObject *name, slot_memo *m) {
    Py_ssize_t offset = memo_offset(Py_TYPE(o), name, m);
    if (offset >= 0) {
        PyObject *v = *(PyObject **)((char *)o + offset);
        if (v != NULL) {
            Py_INCREF(v);
            return v;
        }
    }
    return PyObject_GetAttr(o, name);
}
#define slot_attr(o, name) slot_attr_memo((o), (name), &memo_##name)

/* The items sorted by ``cmp``: by insertion while they are in order or nearly so, by qsort once
 * that has moved as many items as there are (a page's words in the order they were drawn).  Every comparator here is a total order (the
 * index breaks ties, NaN boxes never get this far), so any sort gives the one sorted order: the
 * insertion's, qsort's, or qsort's of the items the insertion left part-sorted (a permutation of
 * them).  A cell's words mostly come in order (its column's printed lines, each left to right),
 * and a page's words sorted by line come with a few characters of a line out of order by bottom
 * (mark_strokes: under 700 moves for 1,600 words): n comparisons, or a few more, against qsort's
 * n log n. */
#define INSERTION_MOVES_PER_ITEM 1
static void sort_items(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
    char *p = base, tmp[128];
    if (size > sizeof tmp) {
        qsort(base, n, size, cmp);
        return;
    }
    size_t budget = INSERTION_MOVES_PER_ITEM * n;
    for (size_t k = 1; k < n; k++) {
        if (cmp(p + (k - 1) * size, p + k * size) <= 0) continue;
        memcpy(tmp, p + k * size, size);
        size_t j = k;
        while (j > 0 && cmp(p + (j - 1) * size, tmp) > 0) {
            if (budget == 0) {
                memcpy(p + j * size, tmp, size); /* the hole filled: a permutation again */
                qsort(base, n, size, cmp);
                return;
            }
            budget--;
            memcpy(p + j * size, p + (j - 1) * size, size);
            j--;
        }
        memcpy(p + j * size, tmp, size);
    }
}

static int by_centre(const void *pa, const void *pb) {
    const item *a = pa, *b = pb;
    if (a->c < b->c) return -1;
    if (a->c > b->c) return 1;
    if (a->x0 < b->x0) return -1;
    if (a->x0 > b->x0) return 1;
    return (a->i > b->i) - (a->i < b->i);
}

static int by_x0(const void *pa, const void *pb) {
    const item *a = pa, *b = pb;
    if (a->x0 < b->x0) return -1;
    if (a->x0 > b->x0) return 1;
    return (a->i > b->i) - (a->i < b->i);
}

static int has_ink(PyObject *s) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k))) return 1;
    }
    return 0;
}

static void release(item *items, Py_ssize_t n) {
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_XDECREF(items[k].ox0);
        Py_XDECREF(items[k].ox1);
        Py_XDECREF(items[k].otop);
        Py_XDECREF(items[k].obottom);
        Py_XDECREF(items[k].text);
    }
    PyMem_Free(items);
}

/* How plain_lines makes each Line: by calling ``type`` (the class, as the Python code does), or
 * as a copy of ``template``, a Line that the class's __init__ made, with the nine fields that
 * call passes (LINE_FIELDS) set to the line's: every other field keeps the template's value,
 * the default __init__ gave it (``lines.LINE_TEMPLATE``: only when no field has a default
 * factory, so no default is a mutable object that lines would share).  The copy is the type's
 * tp_alloc (as object.__new__) and each slot stored directly, where __init__'s setattr through
 * the slot descriptors stores the same objects: some 2,000 lines a read of a 12-page table at
 * a fraction of the call's cost.  The template is used only when every member of its type is
 * a plain writable object slot (T_OBJECT_EX) that the template fills, the type has no
 * ``__dict__``, and each of LINE_FIELDS is such a slot of the type itself; else the class is
 * called. */
#define N_LINE_FIELDS 9
static PyObject *s_line_no;
typedef struct {
    PyObject *type;                  /* borrowed: called when template is NULL */
    PyObject *template;              /* borrowed, or NULL */
    Py_ssize_t offsets[N_LINE_FIELDS];
} line_maker;

static void line_maker_init(line_maker *mk, PyObject *arg) {
    mk->template = NULL;
    if (PyType_Check(arg)) {
        mk->type = arg;
        return;
    }
    PyTypeObject *t = Py_TYPE(arg);
    mk->type = (PyObject *)t;
    if (t->tp_members == NULL || t->tp_dictoffset != 0) return;
    for (PyMemberDef *m = t->tp_members; m->name != NULL; m++) {
        if (m->type != T_OBJECT_EX || (m->flags & (READONLY | PY_WRITE_RESTRICTED))) return;
        if (*(PyObject **)((char *)arg + m->offset) == NULL) return;
    }
    PyObject *const names[N_LINE_FIELDS] = {s_words, s_text, s_x0, s_x1, s_top, s_bottom, s_page, s_line_no, s_conf};
    for (int k = 0; k < N_LINE_FIELDS; k++) {
        mk->offsets[k] = slot_offset(t, names[k]);
        if (mk->offsets[k] < 0) return;
    }
    mk->template = arg;
    return;
}

static PyObject *new_line(const line_maker *mk, PyObject *const *values) {
    if (mk->template == NULL)
        return PyObject_CallFunctionObjArgs(mk->type, values[0], values[1], values[2], values[3], values[4],
                                            values[5], values[6], values[7], values[8], NULL);
    PyTypeObject *t = Py_TYPE(mk->template);
    PyObject *line = t->tp_alloc(t, 0);
    if (!line) return NULL;
    for (PyMemberDef *m = t->tp_members; m->name != NULL; m++) {
        PyObject *v = *(PyObject **)((char *)mk->template + m->offset);
        Py_INCREF(v);
        *(PyObject **)((char *)line + m->offset) = v;
    }
    for (int k = 0; k < N_LINE_FIELDS; k++) {
        PyObject **slot = (PyObject **)((char *)line + mk->offsets[k]);
        PyObject *old = *slot;
        Py_INCREF(values[k]);
        *slot = values[k];
        Py_DECREF(old);
    }
    return line;
}

/* The line of items[a:b] (sorted by x0), appended to out; 0 on success, -1 on error. */
static int make_line(item *g, Py_ssize_t n, const line_maker *mk, PyObject *out) {
    PyObject *ws = PyList_New(n), *texts = PyList_New(n);
    PyObject *text = NULL, *page = NULL, *line = NULL;
    int rc = -1;
    if (!ws || !texts) goto done;
    item *top = &g[0], *bottom = &g[0], *left = NULL, *right = NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        item *it = &g[k];
        Py_INCREF(it->w);
        PyList_SET_ITEM(ws, k, it->w);
        Py_INCREF(it->text);
        PyList_SET_ITEM(texts, k, it->text);
        if (it->top < top->top) top = it;
        if (it->bottom > bottom->bottom) bottom = it;
        if (it->ink) {
            if (left == NULL || it->x0 < left->x0) left = it;
            if (right == NULL || it->x1 > right->x1) right = it;
        }
    }
    if (left == NULL || right == NULL) { /* spaces only: they take the room */
        left = right = &g[0];
        for (Py_ssize_t k = 1; k < n; k++) {
            if (g[k].x0 < left->x0) left = &g[k];
            if (g[k].x1 > right->x1) right = &g[k];
        }
    }
    text = PyUnicode_Join(s_empty, texts);
    if (!text) goto done;
    page = slot_attr(g[0].w, s_page);
    if (!page) goto done;
    PyObject *const values[N_LINE_FIELDS] = {ws, text, left->ox0, right->ox1, top->otop,
                                             bottom->obottom, page, Py_None, Py_None};
    line = new_line(mk, values);
    if (!line) goto done;
    rc = PyList_Append(out, line);
done:
    Py_XDECREF(ws);
    Py_XDECREF(texts);
    Py_XDECREF(text);
    Py_XDECREF(page);
    Py_XDECREF(line);
    return rc;
}

static PyObject *plain_lines(PyObject *self, PyObject *args) {
    PyObject *words, *line_type;
    double tol;
    if (!PyArg_ParseTuple(args, "O!dO:plain_lines", &PyList_Type, &words, &tol, &line_type)) return NULL;
    line_maker mk;
    line_maker_init(&mk, line_type);
    Py_ssize_t n = PyList_GET_SIZE(words);
    PyObject *out = PyList_New(0);
    if (!out || n == 0) return out;
    /* Not zeroed (a cell's or a page's items: zeroing them cost as much as reading them): only
     * the first ``filled`` items are released, each with its references set before any is read. */
    item *items = PyMem_New(item, n);
    Py_ssize_t filled = 0;
    if (!items) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        item *it = &items[k];
        it->ox0 = it->ox1 = it->otop = it->obottom = it->text = NULL;
        filled = k + 1;
        it->w = PyList_GET_ITEM(words, k);
        it->i = k;
        it->ox0 = slot_attr(it->w, s_x0);
        it->ox1 = slot_attr(it->w, s_x1);
        it->otop = slot_attr(it->w, s_top);
        it->obottom = slot_attr(it->w, s_bottom);
        it->text = slot_attr(it->w, s_text);
        if (!it->ox0 || !it->ox1 || !it->otop || !it->obottom || !it->text) goto fail;
        if (!PyFloat_CheckExact(it->ox0) || !PyFloat_CheckExact(it->ox1) || !PyFloat_CheckExact(it->otop) ||
            !PyFloat_CheckExact(it->obottom) || !PyUnicode_CheckExact(it->text))
            goto not_mine;
        it->x0 = PyFloat_AS_DOUBLE(it->ox0);
        it->x1 = PyFloat_AS_DOUBLE(it->ox1);
        it->top = PyFloat_AS_DOUBLE(it->otop);
        it->bottom = PyFloat_AS_DOUBLE(it->obottom);
        if (isnan(it->x0) || isnan(it->x1) || isnan(it->top) || isnan(it->bottom)) goto not_mine;
        it->c = (it->top + it->bottom) / 2;
        it->ink = has_ink(it->text);
    }
    sort_items(items, n, sizeof(item), by_centre);
    Py_ssize_t start = 0;
    double centre = items[0].c;
    for (Py_ssize_t k = 1; k <= n; k++) {
        if (k < n) {
            double d = items[k].c - centre;
            if (fabs(d) <= tol) {
                centre += d / (double)(k - start + 1);
                continue;
            }
        }
        item *g = &items[start];
        Py_ssize_t m = k - start;
        for (Py_ssize_t j = 0; j < m; j++) g[j].i = j; /* stable: ties keep the group's order */
        sort_items(g, m, sizeof(item), by_x0);
        if (make_line(g, m, &mk, out) < 0) goto fail;
        if (k < n) {
            start = k;
            centre = items[k].c;
        }
    }
    release(items, filled);
    return out;
not_mine:
    release(items, filled);
    Py_DECREF(out);
    Py_RETURN_NONE;
fail:
    release(items, filled);
    Py_DECREF(out);
    return NULL;
}

/* printed_crossings(words, tolerance, span_tops, share) -> list | None
 *
 * ``[(printed, *ruled._crossing(printed, span_tops, share)) for printed in
 * ruled.printed_lines(words, tolerance)]``, the same steps in the same double arithmetic:
 * words sorted by bottom (stable); a word joins the current printed line when its bottom is
 * within ``tolerance`` of the previous word's; a line's top the first least top of its words
 * and its bottom the first greatest bottom (the words' own float objects); its crossing None
 * when its height is not positive, else k = bisect_right(span_tops, bottom - share * height) - 1,
 * None when k < 1 or span_tops[k] <= top + share * height, else (k, k - 1) when the part above
 * span_tops[k] is larger than the part below by more than share * height, else (k, k).
 *
 * None is returned (the caller runs the Python code) when a word's top or bottom or a span top
 * is not exactly a float, or one is NaN.  Errors propagate. */
typedef struct {
    double top, bottom;
    Py_ssize_t i;
    PyObject *w;             /* borrowed */
    PyObject *otop, *obottom; /* new references */
} pitem;

static int by_bottom(const void *pa, const void *pb) {
    const pitem *a = pa, *b = pb;
    if (a->bottom < b->bottom) return -1;
    if (a->bottom > b->bottom) return 1;
    return (a->i > b->i) - (a->i < b->i);
}

static void release_p(pitem *items, Py_ssize_t n) {
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_XDECREF(items[k].otop);
        Py_XDECREF(items[k].obottom);
    }
    PyMem_Free(items);
}

/* bisect.bisect_right on the doubles tops[0:n]. */
static Py_ssize_t bisect_right_d(const double *tops, Py_ssize_t n, double x) {
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (x < tops[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The (printed, crossing, top, bottom) tuple of g[0:m], appended to out; 0, or -1 on error. */
static int add_printed(pitem *g, Py_ssize_t m, const double *tops, Py_ssize_t n_tops, double share,
                       PyObject *out) {
    pitem *top = &g[0], *bottom = &g[0];
    PyObject *ws = PyList_New(m);
    if (!ws) return -1;
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_INCREF(g[k].w);
        PyList_SET_ITEM(ws, k, g[k].w);
        if (g[k].top < top->top) top = &g[k];
        if (g[k].bottom > bottom->bottom) bottom = &g[k];
    }
    double t = top->top, b = bottom->bottom, height = b - t;
    PyObject *crossing = NULL;
    if (height > 0) {
        Py_ssize_t k = bisect_right_d(tops, n_tops, b - share * height) - 1;
        if (k >= 1 && !(tops[k] <= t + share * height)) {
            double above = tops[k] - t, below = b - tops[k];
            crossing = Py_BuildValue("(nn)", k, above - below > share * height ? k - 1 : k);
            if (!crossing) {
                Py_DECREF(ws);
                return -1;
            }
        }
    }
    if (!crossing) {
        Py_INCREF(Py_None);
        crossing = Py_None;
    }
    PyObject *row = PyTuple_Pack(4, ws, crossing, top->otop, bottom->obottom);
    Py_DECREF(ws);
    Py_DECREF(crossing);
    if (!row) return -1;
    int rc = PyList_Append(out, row);
    Py_DECREF(row);
    return rc;
}

static PyObject *printed_crossings(PyObject *self, PyObject *args) {
    PyObject *words, *span_tops;
    double tol, share;
    if (!PyArg_ParseTuple(args, "O!dO!d:printed_crossings", &PyList_Type, &words, &tol, &PyList_Type,
                          &span_tops, &share))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(words), n_tops = PyList_GET_SIZE(span_tops);
    double *tops = PyMem_Calloc(n_tops ? n_tops : 1, sizeof(double));
    if (!tops) return PyErr_NoMemory();
    for (Py_ssize_t k = 0; k < n_tops; k++) {
        PyObject *v = PyList_GET_ITEM(span_tops, k);
        if (!PyFloat_CheckExact(v) || isnan(PyFloat_AS_DOUBLE(v))) {
            PyMem_Free(tops);
            Py_RETURN_NONE;
        }
        tops[k] = PyFloat_AS_DOUBLE(v);
    }
    PyObject *out = PyList_New(0);
    pitem *items = n ? PyMem_Calloc(n, sizeof(pitem)) : NULL;
    if (!out || n == 0) {
        PyMem_Free(tops);
        return out;
    }
    if (!items) {
        PyMem_Free(tops);
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        pitem *it = &items[k];
        it->w = PyList_GET_ITEM(words, k);
        it->i = k;
        it->otop = slot_attr(it->w, s_top);
        it->obottom = slot_attr(it->w, s_bottom);
        if (!it->otop || !it->obottom) goto fail;
        if (!PyFloat_CheckExact(it->otop) || !PyFloat_CheckExact(it->obottom)) goto not_mine;
        it->top = PyFloat_AS_DOUBLE(it->otop);
        it->bottom = PyFloat_AS_DOUBLE(it->obottom);
        if (isnan(it->top) || isnan(it->bottom)) goto not_mine;
    }
    sort_items(items, n, sizeof(pitem), by_bottom);
    Py_ssize_t start = 0;
    for (Py_ssize_t k = 1; k <= n; k++) {
        if (k < n && items[k].bottom - items[k - 1].bottom <= tol) continue;
        if (add_printed(&items[start], k - start, tops, n_tops, share, out) < 0) goto fail;
        start = k;
    }
    release_p(items, n);
    PyMem_Free(tops);
    return out;
not_mine:
    release_p(items, n);
    PyMem_Free(tops);
    Py_DECREF(out);
    Py_RETURN_NONE;
fail:
    release_p(items, n);
    PyMem_Free(tops);
    Py_DECREF(out);
    return NULL;
}

/* column_words(lines, bounds, n_cols) -> (words, by_column, unplaced) | None
 *
 * ruled.column_words: the words of ``lines`` in order that lie in a column, the same words in
 * ``n_cols`` lists by column (a word's column: the k with bounds[k] <= (x0 + x1) / 2 <
 * bounds[k + 1], bisect_right(bounds, centre) - 1, when 0 <= k < n_cols); the count of the
 * others.  None (the caller runs the Python code) when a
 * bound or a word's x0 or x1 is not exactly a float, or one is NaN.  Errors propagate. */
static PyObject *column_words(PyObject *self, PyObject *args) {
    PyObject *lines, *bounds;
    Py_ssize_t n_cols;
    if (!PyArg_ParseTuple(args, "O!O!n:column_words", &PyList_Type, &lines, &PyList_Type, &bounds, &n_cols))
        return NULL;
    Py_ssize_t n_bounds = PyList_GET_SIZE(bounds);
    double *b = PyMem_Calloc(n_bounds ? n_bounds : 1, sizeof(double));
    if (!b) return PyErr_NoMemory();
    for (Py_ssize_t k = 0; k < n_bounds; k++) {
        PyObject *v = PyList_GET_ITEM(bounds, k);
        if (!PyFloat_CheckExact(v) || isnan(PyFloat_AS_DOUBLE(v))) {
            PyMem_Free(b);
            Py_RETURN_NONE;
        }
        b[k] = PyFloat_AS_DOUBLE(v);
    }
    PyObject *words = PyList_New(0), *columns = PyList_New(n_cols > 0 ? n_cols : 0), *ws = NULL;
    Py_ssize_t unplaced = 0;
    if (!words || !columns) goto fail;
    for (Py_ssize_t k = 0; k < n_cols; k++) {
        PyObject *one = PyList_New(0);
        if (!one) goto fail;
        PyList_SET_ITEM(columns, k, one);
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
        ws = slot_attr(PyList_GET_ITEM(lines, i), s_words);
        if (!ws) goto fail;
        if (!PyList_CheckExact(ws)) goto not_mine;
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(ws); j++) {
            PyObject *w = PyList_GET_ITEM(ws, j);
            PyObject *ox0 = slot_attr(w, s_x0);
            if (!ox0) goto fail;
            PyObject *ox1 = slot_attr(w, s_x1);
            if (!ox1) {
                Py_DECREF(ox0);
                goto fail;
            }
            int plain = PyFloat_CheckExact(ox0) && PyFloat_CheckExact(ox1);
            double x0 = plain ? PyFloat_AS_DOUBLE(ox0) : 0.0, x1 = plain ? PyFloat_AS_DOUBLE(ox1) : 0.0;
            Py_DECREF(ox0);
            Py_DECREF(ox1);
            if (!plain || isnan(x0) || isnan(x1)) goto not_mine;
            double centre = (x0 + x1) / 2;
            Py_ssize_t lo = 0, hi = n_bounds;
            while (lo < hi) {
                Py_ssize_t mid = (lo + hi) / 2;
                if (centre < b[mid])
                    hi = mid;
                else
                    lo = mid + 1;
            }
            Py_ssize_t k = lo - 1;
            if (k < 0 || k >= n_cols) {
                unplaced++;
                continue;
            }
            if (PyList_Append(words, w) < 0 || PyList_Append(PyList_GET_ITEM(columns, k), w) < 0) goto fail;
        }
        Py_CLEAR(ws);
    }
    PyMem_Free(b);
    return Py_BuildValue("(NNn)", words, columns, unplaced);
not_mine:
    Py_XDECREF(ws);
    PyMem_Free(b);
    Py_XDECREF(words);
    Py_XDECREF(columns);
    Py_RETURN_NONE;
fail:
    Py_XDECREF(ws);
    PyMem_Free(b);
    Py_XDECREF(words);
    Py_XDECREF(columns);
    return NULL;
}

/* mark_strokes(rulings, words, thick, min_len, band, strike, slack, share, struck, underlined)
 *   -> list | None
 *
 * ruled.mark_decorations' loop: the rulings (tuples (x0, top, x1, bottom)) less the horizontal
 * strokes (|bottom - top| <= thick, |x1 - x0| >= min_len) that lie on a run of ``words``
 * (through their middle: struck; within ``band`` under their bottom: underlined) and reach
 * at most ``slack`` past it; the words such a stroke covers by at least ``share`` of their width
 * get ``mark`` = ``struck`` or ``underlined`` (the objects given).  The same steps and double
 * arithmetic: words sorted by bottom (stable), the band of a stroke at y from
 * bisect_left(bottoms, y - band) to bisect_right(bottoms, y + tallest).  None (nothing marked;
 * the caller runs the Python code) when a ruling is not a tuple of four floats, a word's box is
 * not floats or its text not a str, or a value is NaN.  Errors propagate. */
typedef struct {
    double x0, x1, top, bottom;
    Py_ssize_t i;
    PyObject *w; /* borrowed */
    int ink;
} mitem;

static int by_bottom_m(const void *pa, const void *pb) {
    const mitem *a = pa, *b = pb;
    if (a->bottom < b->bottom) return -1;
    if (a->bottom > b->bottom) return 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* The float value of attribute ``name`` of ``w`` in *out: 1, 0 when it is not a float or is NaN,
 * -1 on error. */
#define float_attr(w, name, out) float_value(slot_attr(w, name), out)
static int float_value(PyObject *v, double *out) { /* v: a new reference, or NULL with an error */
    if (!v) return -1;
    int ok = PyFloat_CheckExact(v) && !isnan(PyFloat_AS_DOUBLE(v));
    if (ok) *out = PyFloat_AS_DOUBLE(v);
    Py_DECREF(v);
    return ok;
}

static PyObject *mark_strokes(PyObject *self, PyObject *args) {
    PyObject *rulings, *words, *struck_mark, *under_mark;
    double thick, min_len, band, strike, slack, share;
    if (!PyArg_ParseTuple(args, "O!O!ddddddOO:mark_strokes", &PyList_Type, &rulings, &PyList_Type, &words,
                          &thick, &min_len, &band, &strike, &slack, &share, &struck_mark, &under_mark))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(words), n_rulings = PyList_GET_SIZE(rulings);
    for (Py_ssize_t r = 0; r < n_rulings; r++) {
        PyObject *seg = PyList_GET_ITEM(rulings, r);
        if (!PyTuple_CheckExact(seg) || PyTuple_GET_SIZE(seg) != 4) Py_RETURN_NONE;
        for (int k = 0; k < 4; k++) {
            PyObject *v = PyTuple_GET_ITEM(seg, k);
            if (!PyFloat_CheckExact(v) || isnan(PyFloat_AS_DOUBLE(v))) Py_RETURN_NONE;
        }
    }
    mitem *items = PyMem_Calloc(n ? n : 1, sizeof(mitem));
    mitem **struck = PyMem_Calloc(n ? n : 1, sizeof(mitem *)), **under = PyMem_Calloc(n ? n : 1, sizeof(mitem *));
    double *bottoms = PyMem_Calloc(n ? n : 1, sizeof(double));
    PyObject *keep = NULL;
    if (!items || !struck || !under || !bottoms) {
        PyErr_NoMemory();
        goto done;
    }
    double tallest = 0.0;
    for (Py_ssize_t k = 0; k < n; k++) {
        mitem *it = &items[k];
        it->w = PyList_GET_ITEM(words, k);
        it->i = k;
        int got[4] = {float_attr(it->w, s_x0, &it->x0), 0, 0, 0};
        got[1] = got[0] > 0 ? float_attr(it->w, s_x1, &it->x1) : got[0];
        got[2] = got[1] > 0 ? float_attr(it->w, s_top, &it->top) : got[1];
        got[3] = got[2] > 0 ? float_attr(it->w, s_bottom, &it->bottom) : got[2];
        if (got[3] < 0) goto done;
        if (got[3] == 0) {
            keep = Py_None;
            Py_INCREF(keep);
            goto done;
        }
        PyObject *text = slot_attr(it->w, s_text);
        if (!text) goto done;
        if (!PyUnicode_CheckExact(text)) {
            Py_DECREF(text);
            keep = Py_None;
            Py_INCREF(keep);
            goto done;
        }
        it->ink = has_ink(text);
        Py_DECREF(text);
        double h = it->bottom - it->top;
        if (k == 0 || h > tallest) tallest = h; /* max(..., default=0.0): the first is taken as it is */
    }
    sort_items(items, n, sizeof(mitem), by_bottom_m);
    for (Py_ssize_t k = 0; k < n; k++) bottoms[k] = items[k].bottom;
    keep = PyList_New(0);
    if (!keep) goto done;
    for (Py_ssize_t r = 0; r < n_rulings; r++) {
        PyObject *seg = PyList_GET_ITEM(rulings, r);
        double x0 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(seg, 0)), t = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(seg, 1));
        double x1 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(seg, 2)), b = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(seg, 3));
        double y = (t + b) / 2;
        if (!(fabs(b - t) <= thick && fabs(x1 - x0) >= min_len)) {
            if (PyList_Append(keep, seg) < 0) goto fail;
            continue;
        }
        /* bisect_left(bottoms, y - band), bisect_right(bottoms, y + tallest) */
        double from = y - band, to = y + tallest;
        Py_ssize_t lo = 0, hi = n;
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2;
            if (bottoms[mid] < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        Py_ssize_t first = lo;
        lo = 0, hi = n;
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2;
            if (to < bottoms[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        Py_ssize_t n_struck = 0, n_under = 0;
        for (Py_ssize_t k = first; k < lo; k++) {
            mitem *w = &items[k];
            double h = w->bottom - w->top;
            if (w->x1 <= x0 || w->x0 >= x1) continue;
            if (w->top + strike * h <= y && y < w->bottom - strike * h)
                struck[n_struck++] = w;
            else if (w->bottom - strike * h <= y && y <= w->bottom + band)
                under[n_under++] = w;
        }
        mitem **run = n_struck ? struck : under;
        Py_ssize_t n_run = n_struck ? n_struck : n_under;
        int kept = n_run == 0;
        if (!kept) {
            double left = run[0]->x0, right = run[0]->x1;
            for (Py_ssize_t k = 1; k < n_run; k++) {
                if (run[k]->x0 < left) left = run[k]->x0;
                if (run[k]->x1 > right) right = run[k]->x1;
            }
            kept = x0 < left - slack || x1 > right + slack;
        }
        if (kept) {
            if (PyList_Append(keep, seg) < 0) goto fail;
            continue;
        }
        for (Py_ssize_t k = 0; k < n_run; k++) {
            mitem *w = run[k];
            /* min(w.x1, x1) - max(w.x0, x0), as Python's min and max pick */
            double covered = (x1 < w->x1 ? x1 : w->x1) - (x0 > w->x0 ? x0 : w->x0);
            if (w->ink && covered >= share * (w->x1 - w->x0)) {
                if (PyObject_SetAttr(w->w, s_mark, n_struck ? struck_mark : under_mark) < 0) goto fail;
            }
        }
    }
    goto done;
fail:
    Py_CLEAR(keep);
done:
    PyMem_Free(items);
    PyMem_Free(struck);
    PyMem_Free(under);
    PyMem_Free(bottoms);
    return keep;
}

/* page_words(words) -> (kept, ink, plain) | None
 *
 * ruled.page_words: the words whose text is not blank or is one space character (U+0020,
 * U+3000, U+00A0), whether any has a character that is not whitespace, and whether all kept
 * ones are plain PDF characters (lines.is_plain_pdf: source == "pdf", conf and line None).
 * None (the caller runs the Python code) when a text is not exactly a str.  Errors propagate. */
static PyObject *page_words(PyObject *self, PyObject *args) {
    PyObject *words;
    if (!PyArg_ParseTuple(args, "O!:page_words", &PyList_Type, &words)) return NULL;
    PyObject *kept = PyList_New(0);
    if (!kept) return NULL;
    int ink = 0, plain = 1;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(words); k++) {
        PyObject *w = PyList_GET_ITEM(words, k);
        PyObject *text = slot_attr(w, s_text);
        if (!text) goto fail;
        if (!PyUnicode_CheckExact(text)) {
            Py_DECREF(text);
            Py_DECREF(kept);
            Py_RETURN_NONE;
        }
        int has = has_ink(text), space = 0;
        if (!has && PyUnicode_GET_LENGTH(text) == 1) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(text, 0);
            space = ch == 0x20 || ch == 0x3000 || ch == 0xA0;
        }
        Py_DECREF(text);
        if (!has && !space) continue;
        ink |= has;
        if (PyList_Append(kept, w) < 0) goto fail;
        if (plain) {
            PyObject *source = slot_attr(w, s_source);
            if (!source) goto fail;
            int eq = PyObject_RichCompareBool(source, s_pdf, Py_EQ);
            Py_DECREF(source);
            if (eq < 0) goto fail;
            PyObject *conf = eq ? slot_attr(w, s_conf) : NULL;
            if (eq && !conf) goto fail;
            PyObject *line = conf == Py_None ? slot_attr(w, s_line) : NULL;
            if (conf == Py_None && !line) {
                Py_DECREF(conf);
                goto fail;
            }
            plain = eq && conf == Py_None && line == Py_None;
            Py_XDECREF(conf);
            Py_XDECREF(line);
        }
    }
    return Py_BuildValue("(NOO)", kept, ink ? Py_True : Py_False, plain ? Py_True : Py_False);
fail:
    Py_DECREF(kept);
    return NULL;
}

/* ink_heights(pages) -> list[float] | None
 *
 * lines.ems' heights: bottom - top of every word of the pages (PageWords) whose bottom is
 * below its top and whose text has a character that is not whitespace, in order.  None (the
 * caller runs the Python code) when a word's top or bottom is not exactly a float or its text
 * not exactly a str.  Errors propagate. */
static PyObject *ink_heights(PyObject *self, PyObject *args) {
    PyObject *pages;
    if (!PyArg_ParseTuple(args, "O!:ink_heights", &PyList_Type, &pages)) return NULL;
    PyObject *out = PyList_New(0), *words = NULL;
    if (!out) return NULL;
    for (Py_ssize_t p = 0; p < PyList_GET_SIZE(pages); p++) {
        words = slot_attr(PyList_GET_ITEM(pages, p), s_words);
        if (!words) goto fail;
        if (!PyList_CheckExact(words)) goto not_mine;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(words); k++) {
            PyObject *w = PyList_GET_ITEM(words, k);
            PyObject *otop = slot_attr(w, s_top);
            if (!otop) goto fail;
            PyObject *obottom = slot_attr(w, s_bottom);
            if (!obottom) {
                Py_DECREF(otop);
                goto fail;
            }
            int floats = PyFloat_CheckExact(otop) && PyFloat_CheckExact(obottom);
            double top = floats ? PyFloat_AS_DOUBLE(otop) : 0.0, bottom = floats ? PyFloat_AS_DOUBLE(obottom) : 0.0;
            Py_DECREF(otop);
            Py_DECREF(obottom);
            if (!floats) goto not_mine;
            if (!(bottom > top)) continue;
            PyObject *text = slot_attr(w, s_text);
            if (!text) goto fail;
            if (!PyUnicode_CheckExact(text)) {
                Py_DECREF(text);
                goto not_mine;
            }
            int ink = has_ink(text);
            Py_DECREF(text);
            if (!ink) continue;
            PyObject *h = PyFloat_FromDouble(bottom - top);
            if (!h) goto fail;
            int rc = PyList_Append(out, h);
            Py_DECREF(h);
            if (rc < 0) goto fail;
        }
        Py_CLEAR(words);
    }
    return out;
not_mine:
    Py_XDECREF(words);
    Py_DECREF(out);
    Py_RETURN_NONE;
fail:
    Py_XDECREF(words);
    Py_DECREF(out);
    return NULL;
}

/* width_and_text(words) -> (float, str) | None
 *
 * The two sums of lines.unit_width (its _width_and_text): the widths x1 - x0 of the words that
 * are positive, added in order from 0.0 in doubles (Python's float arithmetic), and the words'
 * texts joined.  None (the caller runs the Python code) when ``words`` is not a list, or an x0
 * or x1 is not exactly a float or a text not exactly a str.  Errors propagate. */
static PyObject *width_and_text(PyObject *self, PyObject *arg) {
    if (!PyList_CheckExact(arg)) Py_RETURN_NONE;
    Py_ssize_t n = PyList_GET_SIZE(arg);
    PyObject *texts = PyList_New(n);
    if (!texts) return NULL;
    double total = 0.0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *w = PyList_GET_ITEM(arg, k);
        PyObject *ox0 = slot_attr(w, s_x0);
        PyObject *ox1 = ox0 ? slot_attr(w, s_x1) : NULL;
        PyObject *text = ox1 ? slot_attr(w, s_text) : NULL;
        if (!text) {
            Py_XDECREF(ox0);
            Py_XDECREF(ox1);
            Py_DECREF(texts);
            return NULL;
        }
        int plain = PyFloat_CheckExact(ox0) && PyFloat_CheckExact(ox1) && PyUnicode_CheckExact(text);
        double d = plain ? PyFloat_AS_DOUBLE(ox1) - PyFloat_AS_DOUBLE(ox0) : 0.0;
        Py_DECREF(ox0);
        Py_DECREF(ox1);
        PyList_SET_ITEM(texts, k, text);
        if (!plain) {
            Py_DECREF(texts);
            Py_RETURN_NONE;
        }
        if (d > 0.0) total += d;
    }
    PyObject *joined = PyUnicode_Join(s_empty, texts);
    Py_DECREF(texts);
    if (!joined) return NULL;
    return Py_BuildValue("(dN)", total, joined);
}

static PyMethodDef methods[] = {
    {"plain_lines", plain_lines, METH_VARARGS,
     "plain_lines(words, tol, Line or a template Line) -> list[Line] | None: words_to_lines for PDF characters."},
    {"printed_crossings", printed_crossings, METH_VARARGS,
     "printed_crossings(words, tolerance, span_tops, share) -> list | None: ruled.printed_crossings."},
    {"column_words", column_words, METH_VARARGS,
     "column_words(lines, bounds, n_cols) -> (words, by_column, unplaced) | None: ruled.column_words."},
    {"page_words", page_words, METH_VARARGS,
     "page_words(words) -> (kept, ink, plain) | None: the words ruled.page_rows reads."},
    {"ink_heights", ink_heights, METH_VARARGS,
     "ink_heights(pages) -> list[float] | None: the glyph heights lines.ems takes the median of."},
    {"width_and_text", width_and_text, METH_O,
     "width_and_text(words) -> (float, str) | None: the sums of lines.unit_width."},
    {"mark_strokes", mark_strokes, METH_VARARGS,
     "mark_strokes(rulings, words, ...) -> list | None: the loop of ruled.mark_decorations."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_plain_lines", NULL, -1, methods};

PyMODINIT_FUNC PyInit__plain_lines(void) {
    s_empty = PyUnicode_FromString("");
    s_x0 = PyUnicode_InternFromString("x0");
    s_x1 = PyUnicode_InternFromString("x1");
    s_top = PyUnicode_InternFromString("top");
    s_bottom = PyUnicode_InternFromString("bottom");
    s_text = PyUnicode_InternFromString("text");
    s_page = PyUnicode_InternFromString("page");
    s_words = PyUnicode_InternFromString("words");
    s_mark = PyUnicode_InternFromString("mark");
    s_source = PyUnicode_InternFromString("source");
    s_pdf = PyUnicode_InternFromString("pdf");
    s_conf = PyUnicode_InternFromString("conf");
    s_line = PyUnicode_InternFromString("line");
    s_line_no = PyUnicode_InternFromString("line_no");
    if (!s_empty || !s_x0 || !s_x1 || !s_top || !s_bottom || !s_text || !s_page || !s_words || !s_mark || !s_source || !s_pdf ||
        !s_conf || !s_line || !s_line_no)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    /* plain_lines takes a template Line (new_line): lines.py asks, so that an extension built
     * before it (called with the class only) is never handed one. */
    if (m && PyModule_AddIntConstant(m, "LINE_TEMPLATES", 1) < 0) Py_CLEAR(m);
    return m;
}
