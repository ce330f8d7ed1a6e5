// SPDX-License-Identifier: GPL-2.0
/*
 * allocinfo - summarise, compare and watch /proc/allocinfo
 *
 * /proc/allocinfo (memory allocation profiling) lists, for every allocation
 * call site, the number of bytes currently allocated from it and the number
 * of live allocations (calls).  This tool reads that file, or a saved copy:
 *
 *   allocinfo [top] [FILE]         largest call sites, with a total line
 *   allocinfo --group KIND [FILE]  the same, aggregated per file, directory,
 *                                  module or function
 *   allocinfo diff OLD NEW         per-site change between two snapshots
 *   allocinfo watch [FILE]         top view re-read every few seconds, with
 *                                  the change since the previous sample
 *
 * Output is a text table, or JSON (--json) or RFC 4180 CSV (--csv), which
 * always carry exact byte counts.  "allocinfo --help" lists every option.
 *
 * Sites with the same module, file:line and function are merged (their
 * bytes and calls are summed) in every mode.
 *
 * Exit status: 0 on success, 1 on a usage error (bad option, argument,
 * size or regex), 2 on an input error (a file that cannot be read, or is
 * malformed, or whose sums do not fit in 64 bits), 3 on a system error
 * (out of memory, write error).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ALLOCINFO_VERSION	"1.0"
#define DEFAULT_INPUT		"/proc/allocinfo"
#define DEFAULT_LIMIT		20
#define HEADER_PREFIX		"allocinfo - version: "

#define EXIT_USAGE		1
#define EXIT_INPUT		2
#define EXIT_SYSTEM		3

#define MAX_COLS		12

enum out_format { FMT_TEXT, FMT_JSON, FMT_CSV };
enum sort_key { SORT_BYTES, SORT_CALLS, SORT_AVG, SORT_SITE };
enum group_kind { GROUP_NONE, GROUP_FILE, GROUP_DIR, GROUP_MODULE, GROUP_FUNC };
enum mode { MODE_TOP, MODE_DIFF, MODE_WATCH };

static const char *const sort_names[] = { "bytes", "calls", "avg", "site" };
static const char *const group_names[] = {
	"", "file", "dir", "module", "func"
};

static struct {
	enum out_format fmt;
	enum sort_key sort;
	enum group_kind group;
	size_t limit;		/* 0: show everything */
	bool raw;
	bool all;
	const char *module;	/* "vmlinux" selects built-in sites */
	const char *glob;
	bool have_func;
	regex_t func_re;
	bool have_min;
	long long min_bytes;
	double interval;
	unsigned long long count;	/* 0: watch forever */
} opt = {
	.limit = DEFAULT_LIMIT,
	.interval = 1.0,
};

/* One call site.  All strings point into the snapshot's file buffer. */
struct site {
	const char *file;
	const char *func;
	const char *module;	/* NULL for built-in (vmlinux) code */
	unsigned int line;
	unsigned int hash;
	bool inaccurate;	/* the kernel reported accurate:no */
	long long bytes;
	unsigned long long calls;
};

/* A parsed input file: its sites, merged, plus a hash table over them. */
struct snap {
	const char *name;	/* for messages */
	char *buf;
	struct site *site;
	size_t nr;
	size_t alloc;
	size_t *slot;		/* index into site[] plus one, 0 if free */
	size_t nslot;		/* a power of two */
};

/* ------------------------------------------------------------------ */
/* Errors and memory                                                  */

static noreturn void die(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("allocinfo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (status == EXIT_USAGE)
		fputs("Try 'allocinfo --help' for more information.\n", stderr);
	exit(status);
}

static noreturn void bad_line(const struct snap *s, unsigned long lineno,
			      const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "allocinfo: %s:%lu: ", s->name, lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_INPUT);
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die(EXIT_SYSTEM, "out of memory");
	return p;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die(EXIT_SYSTEM, "out of memory");
	return p;
}

/* Grow an array so that it holds at least @need elements of @size bytes. */
static void *grow(void *p, size_t *alloc, size_t need, size_t size)
{
	size_t n = *alloc ? *alloc : 16;

	if (need <= *alloc)
		return p;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			die(EXIT_SYSTEM, "out of memory");
		n *= 2;
	}
	*alloc = n;
	return xrealloc(p, n * size);
}

/* ------------------------------------------------------------------ */
/* Checked arithmetic: input sums that do not fit are an input error. */

static long long add_s64(long long a, long long b, const char *name)
{
	long long r;

	if (__builtin_add_overflow(a, b, &r))
		die(EXIT_INPUT, "%s: byte count overflows 64 bits", name);
	return r;
}

static long long sub_s64(long long a, long long b, const char *name)
{
	long long r;

	if (__builtin_sub_overflow(a, b, &r))
		die(EXIT_INPUT, "%s: byte change overflows 64 bits", name);
	return r;
}

static long long add_delta(long long a, long long b, const char *name)
{
	long long r;

	if (__builtin_add_overflow(a, b, &r))
		die(EXIT_INPUT, "%s: call change overflows 64 bits", name);
	return r;
}

static unsigned long long add_u64(unsigned long long a, unsigned long long b,
				  const char *name)
{
	unsigned long long r;

	if (__builtin_add_overflow(a, b, &r))
		die(EXIT_INPUT, "%s: call count overflows 64 bits", name);
	return r;
}

/* now - was, as a signed value */
static long long delta_u64(unsigned long long now, unsigned long long was,
			   const char *name)
{
	unsigned long long d;

	if (now >= was) {
		d = now - was;
		if (d > LLONG_MAX)
			die(EXIT_INPUT, "%s: call change overflows 64 bits",
			    name);
		return (long long)d;
	}
	d = was - now;
	if (d > (unsigned long long)LLONG_MAX + 1)
		die(EXIT_INPUT, "%s: call change overflows 64 bits", name);
	if (d == (unsigned long long)LLONG_MAX + 1)
		return LLONG_MIN;
	return -(long long)d;
}

/* Average bytes per call, truncated towards zero; 0 when there are none. */
static long long average(long long bytes, unsigned long long calls)
{
	if (!calls)
		return 0;
	if (calls > LLONG_MAX)
		return (bytes == LLONG_MIN &&
			calls == (unsigned long long)LLONG_MAX + 1) ? -1 : 0;
	return bytes / (long long)calls;
}

/* ------------------------------------------------------------------ */
/* Number parsing                                                     */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1: ok, 0: not a number, -1: out of range */
static int parse_u64(const char *s, unsigned long long *v)
{
	unsigned long long x = 0;
	bool range = false;

	if (!is_digit(*s))
		return 0;
	for (; is_digit(*s); s++) {
		unsigned int d = *s - '0';

		if (x > (ULLONG_MAX - d) / 10)
			range = true;
		else
			x = x * 10 + d;
	}
	if (*s)
		return 0;
	if (range)
		return -1;
	*v = x;
	return 1;
}

static int parse_s64(const char *s, long long *v)
{
	bool neg = *s == '-';
	unsigned long long x;
	int r;

	if (*s == '-' || *s == '+')
		s++;
	r = parse_u64(s, &x);
	if (r <= 0)
		return r;
	if (neg) {
		if (x > (unsigned long long)LLONG_MAX + 1)
			return -1;
		*v = x == (unsigned long long)LLONG_MAX + 1 ?
		     LLONG_MIN : -(long long)x;
	} else {
		if (x > LLONG_MAX)
			return -1;
		*v = (long long)x;
	}
	return 1;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Parse a size such as 512, 4K, 1.5M, 2GiB or 64kb (binary units,
 * case-insensitive).  A fraction needs a unit; the result is rounded down.
 */
static bool parse_size(const char *s, long long *v)
{
	static const char units[] = "kmgt";
	unsigned long long ip = 0, frac = 0, fdiv = 1, mult = 1, r;
	const char *u;
	bool dot = false;

	if (!is_digit(*s))
		return false;
	for (; is_digit(*s); s++) {
		if (ip > (ULLONG_MAX - 9) / 10)
			return false;
		ip = ip * 10 + (*s - '0');
	}
	if (*s == '.') {
		dot = true;
		if (!is_digit(*++s))
			return false;
		for (; is_digit(*s); s++) {
			if (fdiv < 1000000) {
				frac = frac * 10 + (*s - '0');
				fdiv *= 10;
			}
		}
	}
	u = *s ? strchr(units, lower(*s)) : NULL;
	if (u) {
		mult = 1ULL << (10 * (u - units + 1));
		s++;
		if (lower(s[0]) == 'i' && lower(s[1]) == 'b')
			s += 2;
		else if (lower(*s) == 'b')
			s++;
	} else if (lower(*s) == 'b') {
		s++;
	}
	if (*s || (dot && mult == 1))
		return false;
	if (ip > LLONG_MAX / mult)
		return false;
	r = ip * mult + frac * mult / fdiv;
	if (r > LLONG_MAX)
		return false;
	*v = (long long)r;
	return true;
}

/* ------------------------------------------------------------------ */
/* Input                                                              */

static char *read_all(const char *path, const char *name, size_t *lenp)
{
	size_t len = 0, alloc = 65536;
	char *buf = xrealloc(NULL, alloc + 1);
	int fd = 0;
	ssize_t n;

	if (strcmp(path, "-")) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			die(EXIT_INPUT, "%s: %s", name, strerror(errno));
	}
	for (;;) {
		if (len == alloc) {
			if (alloc > SIZE_MAX / 4)
				die(EXIT_SYSTEM, "out of memory");
			alloc *= 2;
			buf = xrealloc(buf, alloc + 1);
		}
		n = read(fd, buf + len, alloc - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die(EXIT_INPUT, "%s: %s", name, strerror(errno));
		if (!n)
			break;
		len += n;
	}
	if (fd)
		close(fd);
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Split off the next blank-separated token, or return NULL at the end. */
static char *next_token(char **pp)
{
	char *p = *pp, *tok;

	while (is_blank(*p))
		p++;
	if (!*p) {
		*pp = p;
		return NULL;
	}
	tok = p;
	while (*p && !is_blank(*p))
		p++;
	if (*p)
		*p++ = '\0';
	*pp = p;
	return tok;
}

static unsigned int hash_str(unsigned int h, const char *s)
{
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return (h ^ 0xffu) * 16777619u;
}

static unsigned int site_hash(const struct site *st)
{
	unsigned int h = 2166136261u;

	h = hash_str(h, st->file);
	h = hash_str(h, st->func);
	if (st->module)
		h = hash_str(h, st->module);
	h ^= st->line;
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

static bool site_same(const struct site *a, const struct site *b)
{
	if (a->hash != b->hash || a->line != b->line)
		return false;
	if (!a->module != !b->module)
		return false;
	if (a->module && strcmp(a->module, b->module))
		return false;
	return !strcmp(a->file, b->file) && !strcmp(a->func, b->func);
}

static size_t *snap_slot(const struct snap *s, const struct site *key)
{
	size_t mask = s->nslot - 1, i = key->hash & mask;

	while (s->slot[i] && !site_same(&s->site[s->slot[i] - 1], key))
		i = (i + 1) & mask;
	return &s->slot[i];
}

static const struct site *snap_find(const struct snap *s,
				    const struct site *key)
{
	size_t *slot = snap_slot(s, key);

	return *slot ? &s->site[*slot - 1] : NULL;
}

static void snap_rehash(struct snap *s, size_t nslot)
{
	size_t i;

	free(s->slot);
	s->slot = xcalloc(nslot, sizeof(*s->slot));
	s->nslot = nslot;
	for (i = 0; i < s->nr; i++)
		*snap_slot(s, &s->site[i]) = i + 1;
}

/* Add a site, merging it into an existing one with the same key. */
static void snap_add(struct snap *s, struct site *st, unsigned long lineno)
{
	size_t *slot;
	struct site *old;

	st->hash = site_hash(st);
	slot = snap_slot(s, st);
	if (*slot) {
		old = &s->site[*slot - 1];
		if (__builtin_add_overflow(old->bytes, st->bytes, &old->bytes))
			bad_line(s, lineno,
				 "byte count of duplicate site overflows");
		if (__builtin_add_overflow(old->calls, st->calls, &old->calls))
			bad_line(s, lineno,
				 "call count of duplicate site overflows");
		old->inaccurate |= st->inaccurate;
		return;
	}
	s->site = grow(s->site, &s->alloc, s->nr + 1, sizeof(*s->site));
	s->site[s->nr++] = *st;
	*slot = s->nr;
	if (s->nr * 2 > s->nslot) {
		if (s->nslot > SIZE_MAX / 2 / sizeof(*s->slot))
			die(EXIT_SYSTEM, "out of memory");
		snap_rehash(s, s->nslot * 2);
	}
}

static void parse_header(struct snap *s, char *line)
{
	size_t plen = strlen(HEADER_PREFIX);
	unsigned long major = 0, minor = 0;
	char *p = line;
	int digits;

	if (strncmp(line, HEADER_PREFIX, plen)) {
		while (is_blank(*p))
			p++;
		if (is_digit(*p) || *p == '-' || *p == '+')
			bad_line(s, 1, "data line before the version header");
		bad_line(s, 1, "expected header '%sX.Y'", HEADER_PREFIX);
	}
	p = line + plen;
	for (digits = 0; is_digit(*p) && digits < 6; digits++)
		major = major * 10 + (*p++ - '0');
	if (!digits || *p++ != '.')
		bad_line(s, 1, "malformed version header");
	for (digits = 0; is_digit(*p) && digits < 6; digits++)
		minor = minor * 10 + (*p++ - '0');
	if (!digits)
		bad_line(s, 1, "malformed version header");
	while (is_blank(*p))
		p++;
	if (*p)
		bad_line(s, 1, "malformed version header");
	if (major != 1 && major != 2)
		bad_line(s, 1, "unsupported version %lu.%lu", major, minor);
}

/*
 * A data line is
 *   BYTES CALLS FILE:LINE [\[MODULE\]] func:FUNC [KEY:VALUE...]
 */
static void parse_data(struct snap *s, char *p, unsigned long lineno)
{
	struct site st = { NULL };
	char *tok, *colon;
	unsigned long long line;
	size_t len;
	int r;

	tok = next_token(&p);
	if (!tok)
		bad_line(s, lineno, "empty line");
	r = parse_s64(tok, &st.bytes);
	if (r < 0)
		bad_line(s, lineno, "byte count '%.40s' out of range", tok);
	if (!r)
		bad_line(s, lineno, "invalid byte count '%.40s'", tok);

	tok = next_token(&p);
	if (!tok)
		bad_line(s, lineno, "missing call count");
	r = parse_u64(tok, &st.calls);
	if (r < 0)
		bad_line(s, lineno, "call count '%.40s' out of range", tok);
	if (!r)
		bad_line(s, lineno, "invalid call count '%.40s'", tok);

	tok = next_token(&p);
	if (!tok)
		bad_line(s, lineno, "missing file:line");
	colon = strrchr(tok, ':');
	if (!colon || colon == tok || parse_u64(colon + 1, &line) <= 0 ||
	    line > UINT_MAX)
		bad_line(s, lineno, "invalid file:line '%.80s'", tok);
	*colon = '\0';
	st.file = tok;
	st.line = (unsigned int)line;

	tok = next_token(&p);
	if (tok && tok[0] == '[') {
		len = strlen(tok);
		if (len < 3 || tok[len - 1] != ']')
			bad_line(s, lineno, "invalid module '%.80s'", tok);
		tok[len - 1] = '\0';
		st.module = tok + 1;
		tok = next_token(&p);
	}
	if (!tok)
		bad_line(s, lineno, "missing func:NAME");
	if (strncmp(tok, "func:", 5) || !tok[5])
		bad_line(s, lineno, "expected func:NAME, got '%.80s'", tok);
	st.func = tok + 5;

	while ((tok = next_token(&p)) != NULL) {
		colon = strchr(tok, ':');
		if (!colon || colon == tok)
			bad_line(s, lineno,
				 "invalid field '%.80s', expected KEY:VALUE",
				 tok);
		if (!strcmp(tok, "accurate:no"))
			st.inaccurate = true;
	}
	snap_add(s, &st, lineno);
}

static void snap_parse(struct snap *s, size_t len)
{
	char *p = s->buf, *end = s->buf + len, *eol;
	unsigned long lineno = 0;

	if (!len)
		bad_line(s, 1, "empty input, expected header '%sX.Y'",
			 HEADER_PREFIX);
	while (p < end) {
		eol = memchr(p, '\n', end - p);
		if (!eol)
			eol = end;
		*eol = '\0';
		lineno++;
		if (strlen(p) != (size_t)(eol - p))
			bad_line(s, lineno, "line contains a NUL byte");
		if (lineno == 1)
			parse_header(s, p);
		else if (p[0] != '#')
			parse_data(s, p, lineno);
		p = eol + 1;
	}
}

static struct snap *snap_load(const char *path)
{
	struct snap *s = xcalloc(1, sizeof(*s));
	size_t len;

	s->name = strcmp(path, "-") ? path : "<stdin>";
	s->buf = read_all(path, s->name, &len);
	snap_rehash(s, 1024);
	snap_parse(s, len);
	return s;
}

static void snap_free(struct snap *s)
{
	if (!s)
		return;
	free(s->buf);
	free(s->site);
	free(s->slot);
	free(s);
}

/* ------------------------------------------------------------------ */
/* Filters and ordering                                               */

static bool key_match(const struct site *st)
{
	if (opt.module) {
		if (!strcmp(opt.module, "vmlinux")) {
			if (st->module)
				return false;
		} else if (!st->module || strcmp(st->module, opt.module)) {
			return false;
		}
	}
	if (opt.glob && fnmatch(opt.glob, st->file, 0))
		return false;
	if (opt.have_func && regexec(&opt.func_re, st->func, 0, NULL, 0))
		return false;
	return true;
}

/* Byte counts compared with --min-bytes: negative ones never pass. */
static bool min_match(long long bytes)
{
	return !opt.have_min || bytes >= opt.min_bytes;
}

static int cmp_desc(long long a, long long b)
{
	return a > b ? -1 : a < b;
}

static int cmp_desc_u(unsigned long long a, unsigned long long b)
{
	return a > b ? -1 : a < b;
}

/* Site order: file, line, function, then module (built-in first). */
static int site_cmp(const struct site *a, const struct site *b)
{
	int r = strcmp(a->file, b->file);

	if (r)
		return r;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	r = strcmp(a->func, b->func);
	if (r)
		return r;
	if (!a->module || !b->module)
		return !!a->module - !!b->module;
	return strcmp(a->module, b->module);
}

static int top_cmp(const void *pa, const void *pb)
{
	const struct site *a = *(const struct site *const *)pa;
	const struct site *b = *(const struct site *const *)pb;
	int r = 0;

	switch (opt.sort) {
	case SORT_BYTES:
		r = cmp_desc(a->bytes, b->bytes);
		break;
	case SORT_CALLS:
		r = cmp_desc_u(a->calls, b->calls);
		break;
	case SORT_AVG:
		r = cmp_desc(average(a->bytes, a->calls),
			     average(b->bytes, b->calls));
		break;
	case SORT_SITE:
		break;
	}
	return r ? r : site_cmp(a, b);
}

/*
 * Sort the first @k of @n sites into v[0..k), or all of them if @k is 0.
 * For a small @k a bounded max-heap keeps this O(n log k): v[0..k) holds
 * the best sites seen so far, the worst of them at the root.
 */
static void partial_sort(const struct site **v, size_t n, size_t k)
{
	const struct site *x;
	size_t i, j, c;

	if (!k || k >= n / 4) {
		qsort(v, n, sizeof(*v), top_cmp);
		return;
	}
	for (i = 0; i < k; i++) {
		x = v[i];
		for (j = i; j; j = c) {
			c = (j - 1) / 2;
			if (top_cmp(&v[c], &x) >= 0)
				break;
			v[j] = v[c];
		}
		v[j] = x;
	}
	for (i = k; i < n; i++) {
		x = v[i];
		if (top_cmp(&x, &v[0]) >= 0)
			continue;
		v[i] = v[0];
		for (j = 0; (c = 2 * j + 1) < k; j = c) {
			if (c + 1 < k && top_cmp(&v[c + 1], &v[c]) > 0)
				c++;
			if (top_cmp(&v[c], &x) <= 0)
				break;
			v[j] = v[c];
		}
		v[j] = x;
	}
	qsort(v, k, sizeof(*v), top_cmp);
}

static size_t shown_count(size_t n)
{
	return opt.limit && opt.limit < n ? opt.limit : n;
}

/* ------------------------------------------------------------------ */
/* Output helpers                                                     */

/* Bytes in binary units with one decimal (4.0K, 1.5M), or exact. */
static void fmt_bytes(char *buf, size_t size, long long v, bool sign)
{
	static const char units[] = "KMGTPE";
	unsigned long long a = v, div = 1024, tenths;
	const char *pfx = v < 0 ? "-" : sign && v > 0 ? "+" : "";
	int u = 0;

	if (v < 0)
		a = -a;
	if (opt.raw || a < 1024) {
		snprintf(buf, size, "%s%llu", pfx, a);
		return;
	}
	for (;;) {
		tenths = a / div * 10 + (a % div * 10 + div / 2) / div;
		if (tenths < 10240 || u == 5)
			break;
		div *= 1024;
		u++;
	}
	snprintf(buf, size, "%s%llu.%llu%c", pfx, tenths / 10, tenths % 10,
		 units[u]);
}

static void fmt_delta(char *buf, size_t size, long long v)
{
	snprintf(buf, size, v > 0 ? "+%lld" : "%lld", v);
}

static const char *plural(size_t n, const char *word, const char *words)
{
	return n == 1 ? word : words;
}

static void check_output(void)
{
	if (fflush(stdout) || ferror(stdout))
		die(EXIT_SYSTEM, "write error: %s", strerror(errno));
}

/* A text table: columns are sized to fit, the last is left unpadded. */
struct table {
	int ncols;
	const char *head[MAX_COLS];
	char align[MAX_COLS];
	size_t width[MAX_COLS];
	char **cell;
	size_t ncell;
	size_t alloc;
};

static void table_col(struct table *t, const char *head, char align)
{
	t->head[t->ncols] = head;
	t->align[t->ncols] = align;
	t->width[t->ncols] = strlen(head);
	t->ncols++;
}

static void table_cell(struct table *t, const char *fmt, ...)
{
	va_list ap;
	size_t col = t->ncell % t->ncols;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die(EXIT_SYSTEM, "formatting error");
	s = xrealloc(NULL, n + 1);
	va_start(ap, fmt);
	vsnprintf(s, n + 1, fmt, ap);
	va_end(ap);
	t->cell = grow(t->cell, &t->alloc, t->ncell + 1, sizeof(*t->cell));
	t->cell[t->ncell++] = s;
	if ((size_t)n > t->width[col])
		t->width[col] = n;
}

static void table_line(const struct table *t, const char *const *cell)
{
	size_t len = 0;
	char *line, *p;
	int c;

	for (c = 0; c < t->ncols; c++)
		len += t->width[c] + 2;
	line = xrealloc(NULL, len + 1);
	p = line;
	for (c = 0; c < t->ncols; c++) {
		if (c)
			p += sprintf(p, "  ");
		if (t->align[c] == 'r')
			p += sprintf(p, "%*s", (int)t->width[c], cell[c]);
		else if (c == t->ncols - 1)
			p += sprintf(p, "%s", cell[c]);
		else
			p += sprintf(p, "%-*s", (int)t->width[c], cell[c]);
	}
	while (p > line && p[-1] == ' ')
		p--;
	*p = '\0';
	puts(line);
	free(line);
}

/* Print the table and free its cells. */
static void table_print(struct table *t)
{
	size_t i;

	table_line(t, t->head);
	for (i = 0; i < t->ncell; i += t->ncols)
		table_line(t, (const char *const *)&t->cell[i]);
	for (i = 0; i < t->ncell; i++)
		free(t->cell[i]);
	free(t->cell);
	t->cell = NULL;
	t->ncell = 0;
	t->alloc = 0;
}

/* Decode one UTF-8 sequence; return its length, or 0 if it is invalid. */
static int utf8_len(const unsigned char *s, size_t left)
{
	unsigned int c = s[0], cp;
	int n, i;

	if (c < 0xc2 || c > 0xf4)
		return 0;
	n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	if ((size_t)n > left)
		return 0;
	cp = c & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* A JSON string; bytes that are not valid UTF-8 become U+FFFD. */
static void json_strn(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	int n;

	putchar('"');
	while (i < len) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\') {
			printf("\\%c", c);
		} else if (c == '\n') {
			fputs("\\n", stdout);
		} else if (c == '\t') {
			fputs("\\t", stdout);
		} else if (c < 0x20) {
			printf("\\u%04x", c);
		} else if (c >= 0x80) {
			n = utf8_len(s + i, len - i);
			if (n) {
				fwrite(s + i, 1, n, stdout);
				i += n;
				continue;
			}
			fputs("\\ufffd", stdout);
		} else {
			putchar(c);
		}
		i++;
	}
	putchar('"');
}

static void json_str(const char *s)
{
	if (s)
		json_strn(s, strlen(s));
	else
		fputs("null", stdout);
}

static bool json_pretty = true;

/* A line break and indentation in pretty JSON, a space in compact JSON. */
static void json_nl(int level)
{
	if (json_pretty)
		printf("\n%*s", level * 2, "");
	else
		putchar(' ');
}

static void json_site_key(const struct site *st, bool inaccurate)
{
	printf("\"accurate\": %s, \"module\": ", inaccurate ? "false" : "true");
	json_str(st->module);
	fputs(", \"file\": ", stdout);
	json_str(st->file);
	printf(", \"line\": %u, \"func\": ", st->line);
	json_str(st->func);
}

/* An RFC 4180 field, quoted only when needed. */
static void csv_strn(const char *s, size_t len)
{
	size_t i;

	if (!memchr(s, ',', len) && !memchr(s, '"', len) &&
	    !memchr(s, '\r', len) && !memchr(s, '\n', len)) {
		fwrite(s, 1, len, stdout);
		return;
	}
	putchar('"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			putchar('"');
		putchar(s[i]);
	}
	putchar('"');
}

static void csv_str(const char *s)
{
	if (s)
		csv_strn(s, strlen(s));
}

static void csv_end(void)
{
	fputs("\r\n", stdout);
}

static void csv_site_key(const struct site *st, bool inaccurate)
{
	printf("%s,", inaccurate ? "no" : "yes");
	csv_str(st->module);
	putchar(',');
	csv_str(st->file);
	printf(",%u,", st->line);
	csv_str(st->func);
}

static void text_site_key(struct table *t, const struct site *st,
			  bool inaccurate)
{
	table_cell(t, "%s", inaccurate ? "no" : "");
	table_cell(t, "%s", st->module ? st->module : "-");
	table_cell(t, "%s:%u", st->file, st->line);
	table_cell(t, "%s", st->func);
}

static void text_count(struct table *t, size_t shown, size_t n,
		       const char *word, const char *words)
{
	if (shown == n)
		table_cell(t, "%zu %s", n, plural(n, word, words));
	else
		table_cell(t, "%zu of %zu %s", shown, n,
			   plural(n, word, words));
}

/* ------------------------------------------------------------------ */
/* top and watch                                                      */

struct sel {
	const struct site **site;
	size_t nr;
	size_t shown;
	long long bytes;
	unsigned long long calls;
	long long dbytes;
	long long dcalls;
};

static void select_sites(const struct snap *s, struct sel *sel)
{
	size_t i;

	memset(sel, 0, sizeof(*sel));
	sel->site = xcalloc(s->nr, sizeof(*sel->site));
	for (i = 0; i < s->nr; i++) {
		const struct site *st = &s->site[i];

		if (!key_match(st) || !min_match(st->bytes))
			continue;
		sel->site[sel->nr++] = st;
		sel->bytes = add_s64(sel->bytes, st->bytes, s->name);
		sel->calls = add_u64(sel->calls, st->calls, s->name);
	}
}

/* Change of a site since the previous sample; absent sites count as 0. */
static void site_delta(const struct snap *cur, const struct snap *prev,
		       const struct site *st, long long *db, long long *dc)
{
	const struct site *old = snap_find(prev, st);

	*db = sub_s64(st->bytes, old ? old->bytes : 0, cur->name);
	*dc = delta_u64(st->calls, old ? old->calls : 0, cur->name);
}

static void top_text(const struct snap *cur, const struct snap *prev,
		     const struct sel *sel, unsigned long long sample)
{
	struct table t = { 0 };
	char b[3][32];
	long long db, dc;
	size_t i;

	table_col(&t, "BYTES", 'r');
	table_col(&t, "CALLS", 'r');
	table_col(&t, "AVG", 'r');
	if (sample) {
		table_col(&t, "DBYTES", 'r');
		table_col(&t, "DCALLS", 'r');
	}
	table_col(&t, "ACC", 'l');
	table_col(&t, "MODULE", 'l');
	table_col(&t, "FILE:LINE", 'l');
	table_col(&t, "FUNC", 'l');

	for (i = 0; i < sel->shown; i++) {
		const struct site *st = sel->site[i];

		fmt_bytes(b[0], sizeof(b[0]), st->bytes, false);
		fmt_bytes(b[1], sizeof(b[1]), average(st->bytes, st->calls),
			  false);
		table_cell(&t, "%s", b[0]);
		table_cell(&t, "%llu", st->calls);
		table_cell(&t, "%s", b[1]);
		if (sample && prev) {
			site_delta(cur, prev, st, &db, &dc);
			fmt_bytes(b[0], sizeof(b[0]), db, true);
			fmt_delta(b[1], sizeof(b[1]), dc);
			table_cell(&t, "%s", b[0]);
			table_cell(&t, "%s", b[1]);
		} else if (sample) {
			table_cell(&t, "-");
			table_cell(&t, "-");
		}
		text_site_key(&t, st, st->inaccurate);
	}

	fmt_bytes(b[0], sizeof(b[0]), sel->bytes, false);
	fmt_bytes(b[1], sizeof(b[1]), average(sel->bytes, sel->calls), false);
	table_cell(&t, "%s", b[0]);
	table_cell(&t, "%llu", sel->calls);
	table_cell(&t, "%s", b[1]);
	if (sample && prev) {
		fmt_bytes(b[0], sizeof(b[0]), sel->dbytes, true);
		fmt_delta(b[1], sizeof(b[1]), sel->dcalls);
		table_cell(&t, "%s", b[0]);
		table_cell(&t, "%s", b[1]);
	} else if (sample) {
		table_cell(&t, "-");
		table_cell(&t, "-");
	}
	table_cell(&t, "%s", "");
	table_cell(&t, "%s", "");
	table_cell(&t, "TOTAL");
	text_count(&t, sel->shown, sel->nr, "site", "sites");
	table_print(&t);
}

static void top_json(const struct snap *cur, const struct snap *prev,
		     const struct sel *sel, unsigned long long sample)
{
	long long db, dc;
	size_t i;

	printf("{");
	json_nl(1);
	if (sample)
		printf("\"mode\": \"watch\", \"sample\": %llu,", sample);
	else
		printf("\"mode\": \"top\",");
	json_nl(1);
	printf("\"sort\": \"%s\",", sort_names[opt.sort]);
	json_nl(1);
	printf("\"sites\": [");
	for (i = 0; i < sel->shown; i++) {
		const struct site *st = sel->site[i];

		json_nl(2);
		printf("{\"bytes\": %lld, \"calls\": %llu, \"avg\": %lld, ",
		       st->bytes, st->calls, average(st->bytes, st->calls));
		if (sample && prev) {
			site_delta(cur, prev, st, &db, &dc);
			printf("\"delta_bytes\": %lld, \"delta_calls\": %lld, ",
			       db, dc);
		} else if (sample) {
			fputs("\"delta_bytes\": null, ", stdout);
			fputs("\"delta_calls\": null, ", stdout);
		}
		json_site_key(st, st->inaccurate);
		printf(i + 1 < sel->shown ? "}," : "}");
	}
	json_nl(1);
	printf("],");
	json_nl(1);
	printf("\"total\": {\"bytes\": %lld, \"calls\": %llu, \"avg\": %lld, ",
	       sel->bytes, sel->calls, average(sel->bytes, sel->calls));
	if (sample && prev)
		printf("\"delta_bytes\": %lld, \"delta_calls\": %lld, ",
		       sel->dbytes, sel->dcalls);
	else if (sample)
		printf("\"delta_bytes\": null, \"delta_calls\": null, ");
	printf("\"sites\": %zu, \"shown\": %zu}", sel->nr, sel->shown);
	json_nl(0);
	printf("}\n");
}

static void top_csv(const struct snap *cur, const struct snap *prev,
		    const struct sel *sel, unsigned long long sample)
{
	long long db, dc;
	size_t i;

	if (sample <= 1) {
		printf("%sbytes,calls,avg,%saccurate,module,file,line,func",
		       sample ? "sample," : "",
		       sample ? "delta_bytes,delta_calls," : "");
		csv_end();
	}
	for (i = 0; i < sel->shown; i++) {
		const struct site *st = sel->site[i];

		if (sample)
			printf("%llu,", sample);
		printf("%lld,%llu,%lld,", st->bytes, st->calls,
		       average(st->bytes, st->calls));
		if (sample && prev) {
			site_delta(cur, prev, st, &db, &dc);
			printf("%lld,%lld,", db, dc);
		} else if (sample) {
			printf(",,");
		}
		csv_site_key(st, st->inaccurate);
		csv_end();
	}
}

/* The top view; with @sample set, one sample of watch (@prev may be NULL). */
static void view_top(const struct snap *cur, const struct snap *prev,
		     unsigned long long sample)
{
	struct sel sel, old;

	select_sites(cur, &sel);
	sel.shown = shown_count(sel.nr);
	partial_sort(sel.site, sel.nr, sel.shown);
	if (prev) {
		/* the change of the totals also counts sites that went away */
		select_sites(prev, &old);
		sel.dbytes = sub_s64(sel.bytes, old.bytes, cur->name);
		sel.dcalls = delta_u64(sel.calls, old.calls, cur->name);
		free(old.site);
	}
	if (opt.fmt == FMT_JSON)
		top_json(cur, prev, &sel, sample);
	else if (opt.fmt == FMT_CSV)
		top_csv(cur, prev, &sel, sample);
	else
		top_text(cur, prev, &sel, sample);
	free(sel.site);
}

static void sleep_seconds(double secs)
{
	struct timespec ts;

	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static void cmd_watch(const char *path)
{
	struct snap *prev = NULL, *cur;
	bool clear = opt.fmt == FMT_TEXT && isatty(STDOUT_FILENO);
	unsigned long long i;

	json_pretty = false;
	for (i = 1; ; i++) {
		cur = snap_load(path);
		if (clear)
			printf("\033[H\033[2J");
		if (opt.fmt == FMT_TEXT) {
			if (i > 1 && !clear)
				putchar('\n');
			printf("=== sample %llu: %s, every %gs ===\n", i,
			       cur->name, opt.interval);
		}
		view_top(cur, prev, i);
		check_output();
		snap_free(prev);
		prev = cur;
		if (opt.count && i >= opt.count)
			break;
		sleep_seconds(opt.interval);
	}
	snap_free(prev);
}

/* ------------------------------------------------------------------ */
/* --group                                                            */

struct group {
	const char *name;
	size_t len;
	unsigned int hash;
	bool inaccurate;
	size_t sites;
	long long bytes;
	unsigned long long calls;
};

static void group_key(const struct site *st, const char **name, size_t *len)
{
	const char *slash;

	switch (opt.group) {
	case GROUP_DIR:
		slash = strrchr(st->file, '/');
		if (!slash) {
			*name = ".";
			*len = 1;
		} else {
			*name = st->file;
			*len = slash == st->file ? 1 : slash - st->file;
		}
		return;
	case GROUP_MODULE:
		*name = st->module ? st->module : "vmlinux";
		break;
	case GROUP_FUNC:
		*name = st->func;
		break;
	default:
		*name = st->file;
		break;
	}
	*len = strlen(*name);
}

static int name_cmp(const struct group *a, const struct group *b)
{
	int r = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);

	if (r)
		return r;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int group_cmp(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	int r = 0;

	switch (opt.sort) {
	case SORT_BYTES:
		r = cmp_desc(a->bytes, b->bytes);
		break;
	case SORT_CALLS:
		r = cmp_desc_u(a->calls, b->calls);
		break;
	case SORT_AVG:
		r = cmp_desc(average(a->bytes, a->calls),
			     average(b->bytes, b->calls));
		break;
	case SORT_SITE:
		break;
	}
	return r ? r : name_cmp(a, b);
}

static void group_text(const struct group *g, size_t ng, size_t shown,
		       const struct sel *sel)
{
	static const char *const heads[] = {
		"", "FILE", "DIR", "MODULE", "FUNC"
	};
	struct table t = { 0 };
	char b[2][32];
	size_t i;

	table_col(&t, "BYTES", 'r');
	table_col(&t, "CALLS", 'r');
	table_col(&t, "AVG", 'r');
	table_col(&t, "SITES", 'r');
	table_col(&t, "ACC", 'l');
	table_col(&t, heads[opt.group], 'l');
	for (i = 0; i < shown; i++) {
		fmt_bytes(b[0], sizeof(b[0]), g[i].bytes, false);
		fmt_bytes(b[1], sizeof(b[1]), average(g[i].bytes, g[i].calls),
			  false);
		table_cell(&t, "%s", b[0]);
		table_cell(&t, "%llu", g[i].calls);
		table_cell(&t, "%s", b[1]);
		table_cell(&t, "%zu", g[i].sites);
		table_cell(&t, "%s", g[i].inaccurate ? "no" : "");
		table_cell(&t, "%.*s", (int)g[i].len, g[i].name);
	}
	fmt_bytes(b[0], sizeof(b[0]), sel->bytes, false);
	fmt_bytes(b[1], sizeof(b[1]), average(sel->bytes, sel->calls), false);
	table_cell(&t, "%s", b[0]);
	table_cell(&t, "%llu", sel->calls);
	table_cell(&t, "%s", b[1]);
	table_cell(&t, "%zu", sel->nr);
	table_cell(&t, "%s", "");
	if (shown == ng)
		table_cell(&t, "TOTAL (%zu %s)", ng,
			   plural(ng, "group", "groups"));
	else
		table_cell(&t, "TOTAL (%zu of %zu %s)", shown, ng,
			   plural(ng, "group", "groups"));
	table_print(&t);
}

static void group_json(const struct group *g, size_t ng, size_t shown,
		       const struct sel *sel)
{
	size_t i;

	printf("{");
	json_nl(1);
	printf("\"mode\": \"group\",");
	json_nl(1);
	printf("\"group\": \"%s\",", group_names[opt.group]);
	json_nl(1);
	printf("\"sort\": \"%s\",", sort_names[opt.sort]);
	json_nl(1);
	printf("\"groups\": [");
	for (i = 0; i < shown; i++) {
		json_nl(2);
		printf("{\"bytes\": %lld, \"calls\": %llu, \"avg\": %lld, ",
		       g[i].bytes, g[i].calls,
		       average(g[i].bytes, g[i].calls));
		printf("\"sites\": %zu, \"accurate\": %s, \"name\": ",
		       g[i].sites, g[i].inaccurate ? "false" : "true");
		json_strn(g[i].name, g[i].len);
		printf(i + 1 < shown ? "}," : "}");
	}
	json_nl(1);
	printf("],");
	json_nl(1);
	printf("\"total\": {\"bytes\": %lld, \"calls\": %llu, \"avg\": %lld, ",
	       sel->bytes, sel->calls, average(sel->bytes, sel->calls));
	printf("\"sites\": %zu, \"groups\": %zu, \"shown\": %zu}",
	       sel->nr, ng, shown);
	json_nl(0);
	printf("}\n");
}

static void group_csv(const struct group *g, size_t shown)
{
	size_t i;

	printf("bytes,calls,avg,sites,accurate,%s", group_names[opt.group]);
	csv_end();
	for (i = 0; i < shown; i++) {
		printf("%lld,%llu,%lld,%zu,%s,", g[i].bytes, g[i].calls,
		       average(g[i].bytes, g[i].calls), g[i].sites,
		       g[i].inaccurate ? "no" : "yes");
		csv_strn(g[i].name, g[i].len);
		csv_end();
	}
}

/*
 * Return the group of @st, adding a new one to g[0..*ng) if needed.  @slot
 * is an open-addressing hash table of group indexes plus one (0: free)
 * with @mask + 1 entries, a power of two larger than the number of sites.
 */
static struct group *group_of(const struct site *st, struct group *g,
			      size_t *ng, size_t *slot, size_t mask)
{
	struct group key = { NULL };
	size_t i;

	group_key(st, &key.name, &key.len);
	key.hash = 2166136261u;
	for (i = 0; i < key.len; i++)
		key.hash = (key.hash ^ (unsigned char)key.name[i]) * 16777619u;
	key.hash ^= key.hash >> 15;
	for (i = key.hash & mask; slot[i]; i = (i + 1) & mask) {
		struct group *old = &g[slot[i] - 1];

		if (old->hash == key.hash && !name_cmp(old, &key))
			return old;
	}
	g[*ng] = key;
	slot[i] = ++*ng;
	return &g[*ng - 1];
}

static void view_group(const struct snap *s)
{
	struct group *g, *grp;
	struct sel sel;
	size_t ng = 0, nslot = 16, i, *slot;

	select_sites(s, &sel);
	while (nslot < sel.nr * 2)
		nslot *= 2;
	slot = xcalloc(nslot, sizeof(*slot));
	g = xcalloc(sel.nr, sizeof(*g));
	for (i = 0; i < sel.nr; i++) {
		const struct site *st = sel.site[i];

		grp = group_of(st, g, &ng, slot, nslot - 1);
		grp->sites++;
		grp->inaccurate |= st->inaccurate;
		grp->bytes = add_s64(grp->bytes, st->bytes, s->name);
		grp->calls = add_u64(grp->calls, st->calls, s->name);
	}
	free(slot);
	qsort(g, ng, sizeof(*g), group_cmp);
	if (opt.fmt == FMT_JSON)
		group_json(g, ng, shown_count(ng), &sel);
	else if (opt.fmt == FMT_CSV)
		group_csv(g, shown_count(ng));
	else
		group_text(g, ng, shown_count(ng), &sel);
	free(g);
	free(sel.site);
}

/* ------------------------------------------------------------------ */
/* diff                                                               */

enum status { ST_NEW, ST_GONE, ST_GROWN, ST_SHRUNK, ST_CHANGED, ST_SAME };

static const char *const status_names[] = {
	"new", "gone", "grown", "shrunk", "changed", "same"
};

struct change {
	const struct site *was;	/* NULL for a new site */
	const struct site *now;	/* NULL for a site that is gone */
	const struct site *key;
	enum status status;
	bool inaccurate;
	long long dbytes;
	long long dcalls;
	long long davg;
};

static int change_cmp(const void *pa, const void *pb)
{
	const struct change *a = pa, *b = pb;
	int r = 0;

	switch (opt.sort) {
	case SORT_BYTES:
		r = cmp_desc(a->dbytes, b->dbytes);
		break;
	case SORT_CALLS:
		r = cmp_desc(a->dcalls, b->dcalls);
		break;
	case SORT_AVG:
		r = cmp_desc(a->davg, b->davg);
		break;
	case SORT_SITE:
		break;
	}
	return r ? r : site_cmp(a->key, b->key);
}

struct diff_total {
	size_t nr;
	size_t shown;
	long long was_bytes;
	long long now_bytes;
	unsigned long long was_calls;
	unsigned long long now_calls;
	long long dbytes;
	long long dcalls;
};

static bool make_change(const struct snap *new, const struct site *was,
			const struct site *now, struct change *c)
{
	unsigned long long mag;

	c->was = was;
	c->now = now;
	c->key = now ? now : was;
	c->dbytes = sub_s64(now ? now->bytes : 0, was ? was->bytes : 0,
			    new->name);
	c->dcalls = delta_u64(now ? now->calls : 0, was ? was->calls : 0,
			      new->name);
	c->davg = sub_s64(now ? average(now->bytes, now->calls) : 0,
			  was ? average(was->bytes, was->calls) : 0, new->name);
	c->inaccurate = (was && was->inaccurate) || (now && now->inaccurate);
	if (!was)
		c->status = ST_NEW;
	else if (!now)
		c->status = ST_GONE;
	else if (c->dbytes > 0)
		c->status = ST_GROWN;
	else if (c->dbytes < 0)
		c->status = ST_SHRUNK;
	else if (c->dcalls)
		c->status = ST_CHANGED;
	else
		c->status = ST_SAME;
	if (c->status == ST_SAME && !opt.all)
		return false;
	mag = c->dbytes < 0 ? -(unsigned long long)c->dbytes :
	      (unsigned long long)c->dbytes;
	return !opt.have_min || mag >= (unsigned long long)opt.min_bytes;
}

static void diff_text(const struct change *c, const struct diff_total *tot)
{
	struct table t = { 0 };
	char b[4][32];
	size_t i;

	table_col(&t, "DBYTES", 'r');
	table_col(&t, "DCALLS", 'r');
	table_col(&t, "OLD", 'r');
	table_col(&t, "NEW", 'r');
	table_col(&t, "STATUS", 'l');
	table_col(&t, "ACC", 'l');
	table_col(&t, "MODULE", 'l');
	table_col(&t, "FILE:LINE", 'l');
	table_col(&t, "FUNC", 'l');
	for (i = 0; i < tot->shown; i++) {
		fmt_bytes(b[0], sizeof(b[0]), c[i].dbytes, true);
		fmt_delta(b[1], sizeof(b[1]), c[i].dcalls);
		if (c[i].was)
			fmt_bytes(b[2], sizeof(b[2]), c[i].was->bytes, false);
		else
			snprintf(b[2], sizeof(b[2]), "-");
		if (c[i].now)
			fmt_bytes(b[3], sizeof(b[3]), c[i].now->bytes, false);
		else
			snprintf(b[3], sizeof(b[3]), "-");
		table_cell(&t, "%s", b[0]);
		table_cell(&t, "%s", b[1]);
		table_cell(&t, "%s", b[2]);
		table_cell(&t, "%s", b[3]);
		table_cell(&t, "%s", status_names[c[i].status]);
		text_site_key(&t, c[i].key, c[i].inaccurate);
	}
	fmt_bytes(b[0], sizeof(b[0]), tot->dbytes, true);
	fmt_delta(b[1], sizeof(b[1]), tot->dcalls);
	fmt_bytes(b[2], sizeof(b[2]), tot->was_bytes, false);
	fmt_bytes(b[3], sizeof(b[3]), tot->now_bytes, false);
	table_cell(&t, "%s", b[0]);
	table_cell(&t, "%s", b[1]);
	table_cell(&t, "%s", b[2]);
	table_cell(&t, "%s", b[3]);
	table_cell(&t, "%s", "");
	table_cell(&t, "%s", "");
	table_cell(&t, "%s", "");
	table_cell(&t, "TOTAL");
	text_count(&t, tot->shown, tot->nr, "site", "sites");
	table_print(&t);
}

static void json_opt_s64(const char *name, const struct site *st, bool calls)
{
	printf("\"%s\": ", name);
	if (!st)
		fputs("null, ", stdout);
	else if (calls)
		printf("%llu, ", st->calls);
	else
		printf("%lld, ", st->bytes);
}

static void diff_json(const struct change *c, const struct diff_total *tot)
{
	size_t i;

	printf("{");
	json_nl(1);
	printf("\"mode\": \"diff\",");
	json_nl(1);
	printf("\"sort\": \"%s\",", sort_names[opt.sort]);
	json_nl(1);
	printf("\"sites\": [");
	for (i = 0; i < tot->shown; i++) {
		json_nl(2);
		printf("{\"status\": \"%s\", ", status_names[c[i].status]);
		printf("\"delta_bytes\": %lld, \"delta_calls\": %lld, ",
		       c[i].dbytes, c[i].dcalls);
		json_opt_s64("old_bytes", c[i].was, false);
		json_opt_s64("new_bytes", c[i].now, false);
		json_opt_s64("old_calls", c[i].was, true);
		json_opt_s64("new_calls", c[i].now, true);
		json_site_key(c[i].key, c[i].inaccurate);
		printf(i + 1 < tot->shown ? "}," : "}");
	}
	json_nl(1);
	printf("],");
	json_nl(1);
	printf("\"total\": {\"delta_bytes\": %lld, \"delta_calls\": %lld, ",
	       tot->dbytes, tot->dcalls);
	printf("\"old_bytes\": %lld, \"new_bytes\": %lld, ",
	       tot->was_bytes, tot->now_bytes);
	printf("\"old_calls\": %llu, \"new_calls\": %llu, ",
	       tot->was_calls, tot->now_calls);
	printf("\"sites\": %zu, \"shown\": %zu}", tot->nr, tot->shown);
	json_nl(0);
	printf("}\n");
}

static void diff_csv(const struct change *c, const struct diff_total *tot)
{
	size_t i;

	printf("status,delta_bytes,delta_calls,old_bytes,new_bytes,");
	printf("old_calls,new_calls,accurate,module,file,line,func");
	csv_end();
	for (i = 0; i < tot->shown; i++) {
		printf("%s,%lld,%lld,", status_names[c[i].status],
		       c[i].dbytes, c[i].dcalls);
		if (c[i].was)
			printf("%lld,", c[i].was->bytes);
		else
			putchar(',');
		if (c[i].now)
			printf("%lld,", c[i].now->bytes);
		else
			putchar(',');
		if (c[i].was)
			printf("%llu,", c[i].was->calls);
		else
			putchar(',');
		if (c[i].now)
			printf("%llu,", c[i].now->calls);
		else
			putchar(',');
		csv_site_key(c[i].key, c[i].inaccurate);
		csv_end();
	}
}

static void cmd_diff(const char *old_path, const char *new_path)
{
	struct snap *old = snap_load(old_path), *new = snap_load(new_path);
	struct diff_total tot = { 0 };
	struct change *c;
	size_t i, n = 0;

	c = xcalloc(old->nr + new->nr, sizeof(*c));
	for (i = 0; i < new->nr; i++) {
		const struct site *now = &new->site[i];

		if (key_match(now) &&
		    make_change(new, snap_find(old, now), now, &c[n]))
			n++;
	}
	for (i = 0; i < old->nr; i++) {
		const struct site *was = &old->site[i];

		if (key_match(was) && !snap_find(new, was) &&
		    make_change(new, was, NULL, &c[n]))
			n++;
	}
	for (i = 0; i < n; i++) {
		tot.dbytes = add_s64(tot.dbytes, c[i].dbytes, new->name);
		tot.dcalls = add_delta(tot.dcalls, c[i].dcalls, new->name);
		if (c[i].was) {
			tot.was_bytes = add_s64(tot.was_bytes, c[i].was->bytes,
						old->name);
			tot.was_calls = add_u64(tot.was_calls, c[i].was->calls,
						old->name);
		}
		if (c[i].now) {
			tot.now_bytes = add_s64(tot.now_bytes, c[i].now->bytes,
						new->name);
			tot.now_calls = add_u64(tot.now_calls, c[i].now->calls,
						new->name);
		}
	}
	qsort(c, n, sizeof(*c), change_cmp);
	tot.nr = n;
	tot.shown = shown_count(n);
	if (opt.fmt == FMT_JSON)
		diff_json(c, &tot);
	else if (opt.fmt == FMT_CSV)
		diff_csv(c, &tot);
	else
		diff_text(c, &tot);
	free(c);
	snap_free(old);
	snap_free(new);
}

/* ------------------------------------------------------------------ */
/* Command line                                                       */

static const char help_text[] =
"Usage: allocinfo [top] [OPTION]... [FILE]\n"
"       allocinfo diff [OPTION]... OLD NEW\n"
"       allocinfo watch [OPTION]... [FILE]\n"
"Summarise memory allocation profiling data from /proc/allocinfo.\n"
"\n"
"Modes:\n"
"  top          largest allocation sites and a TOTAL line (the default)\n"
"  diff         per-site change from OLD to NEW, largest growth first;\n"
"               sites are marked new, gone, grown, shrunk or changed\n"
"  watch        re-read FILE periodically and show the top view with the\n"
"               change since the previous sample\n"
"\n"
"FILE defaults to " DEFAULT_INPUT "; '-' reads standard input (not\n"
"for watch).  A file literally named like a mode needs a './' prefix.\n"
"\n"
"Input and output:\n"
"  -f, --file-input FILE  read FILE (top and watch)\n"
"  -n, --limit N          show the first N rows (default 20, 0: all)\n"
"  -s, --sort KEY         bytes (default), calls, avg or site; diff sorts\n"
"                         by the change of bytes, calls or average\n"
"  -r, --raw              exact byte counts instead of 4.0K, 1.5M, ...\n"
"      --json             JSON output (watch: one object per line)\n"
"      --csv              RFC 4180 CSV output with a header row\n"
"  -g, --group KIND       top: aggregate sites per file, dir, module or\n"
"                         func; --sort site sorts by group name\n"
"  -a, --all              diff: also list unchanged sites\n"
"  -i, --interval SECS    watch: seconds between samples (default 1)\n"
"  -c, --count COUNT      watch: stop after COUNT samples (default: never)\n"
"\n"
"Filters (all modes):\n"
"      --module NAME      sites of module NAME; 'vmlinux' for built-in code\n"
"      --file GLOB        sites whose source file matches GLOB (fnmatch,\n"
"                         '*' also matches '/')\n"
"      --func REGEX       sites whose function matches the POSIX extended\n"
"                         REGEX (unanchored)\n"
"      --min-bytes SIZE   sites with at least SIZE bytes (diff: a change of\n"
"                         at least SIZE bytes either way); SIZE is bytes or\n"
"                         has a K, M, G or T suffix (1024-based, optional\n"
"                         B or iB, any case), e.g. 512, 4K, 1.5MiB\n"
"\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Sites with the same module, file:line and function are merged.  Filters\n"
"select sites before --group aggregates them; byte counts may be negative\n"
"and --min-bytes never selects those.  The text ACC column shows 'no' for\n"
"sites reported with accurate:no.  JSON and CSV always give exact numbers;\n"
"built-in code has module null (JSON) or an empty module field (CSV).\n"
"\n"
"Exit status: 0 success, 1 usage error, 2 input error (unreadable or\n"
"malformed file), 3 system error (out of memory, write error).\n";

enum {
	OPT_MODULE = 256,
	OPT_FILE,
	OPT_FUNC,
	OPT_MIN_BYTES,
	OPT_JSON,
	OPT_CSV,
};

static const struct option long_opts[] = {
	{ "file-input",	required_argument,	NULL, 'f' },
	{ "limit",	required_argument,	NULL, 'n' },
	{ "sort",	required_argument,	NULL, 's' },
	{ "raw",	no_argument,		NULL, 'r' },
	{ "json",	no_argument,		NULL, OPT_JSON },
	{ "csv",	no_argument,		NULL, OPT_CSV },
	{ "group",	required_argument,	NULL, 'g' },
	{ "all",	no_argument,		NULL, 'a' },
	{ "interval",	required_argument,	NULL, 'i' },
	{ "count",	required_argument,	NULL, 'c' },
	{ "module",	required_argument,	NULL, OPT_MODULE },
	{ "file",	required_argument,	NULL, OPT_FILE },
	{ "func",	required_argument,	NULL, OPT_FUNC },
	{ "min-bytes",	required_argument,	NULL, OPT_MIN_BYTES },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static int lookup(const char *arg, const char *const *names, int n,
		  const char *what)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(arg, names[i]))
			return i;
	die(EXIT_USAGE, "invalid %s '%s'", what, arg);
}

static unsigned long long parse_count(const char *arg, const char *what)
{
	unsigned long long v;

	if (parse_u64(arg, &v) <= 0 || v > SIZE_MAX)
		die(EXIT_USAGE, "invalid %s '%s'", what, arg);
	return v;
}

static double parse_interval(const char *arg)
{
	char *end;
	double v;

	if (!is_digit(arg[0]) && !(arg[0] == '.' && is_digit(arg[1])))
		die(EXIT_USAGE, "invalid interval '%s'", arg);
	errno = 0;
	v = strtod(arg, &end);
	if (errno || *end || !(v >= 0 && v <= 86400))
		die(EXIT_USAGE, "invalid interval '%s'", arg);
	return v;
}

static void set_min_bytes(const char *arg)
{
	if (!parse_size(arg, &opt.min_bytes))
		die(EXIT_USAGE, "invalid --min-bytes size '%s' (%s)", arg,
		    "examples: 512, 4K, 1.5M, 2GiB");
	opt.have_min = true;
}

static void set_func_regex(const char *re)
{
	char msg[256];
	int r;

	if (opt.have_func)
		regfree(&opt.func_re);
	r = regcomp(&opt.func_re, re, REG_EXTENDED | REG_NOSUB);
	if (r) {
		regerror(r, &opt.func_re, msg, sizeof(msg));
		die(EXIT_USAGE, "invalid --func regex '%s': %s", re, msg);
	}
	opt.have_func = true;
}

/* Options that only make sense in some modes, by bit. */
#define USED_INPUT	0x01
#define USED_GROUP	0x02
#define USED_ALL	0x04
#define USED_WATCH	0x08
#define USED_JSON	0x10
#define USED_CSV	0x20

static void check_mode(enum mode mode, unsigned int used, int npos,
		       const char *const *pos)
{
	if ((used & USED_WATCH) && mode != MODE_WATCH)
		die(EXIT_USAGE, "--interval and --count need the watch mode");
	if ((used & USED_ALL) && mode != MODE_DIFF)
		die(EXIT_USAGE, "--all needs the diff mode");
	if ((used & USED_GROUP) && mode != MODE_TOP)
		die(EXIT_USAGE, "--group works only in the top mode");
	if (mode == MODE_DIFF) {
		if (used & USED_INPUT)
			die(EXIT_USAGE, "diff takes OLD and NEW, not %s",
			    "--file-input");
		if (npos != 2)
			die(EXIT_USAGE, "diff needs two files, OLD and NEW");
		if (!strcmp(pos[0], "-") && !strcmp(pos[1], "-"))
			die(EXIT_USAGE, "OLD and NEW cannot both be '-'");
		return;
	}
	if (npos > 1)
		die(EXIT_USAGE, "unexpected argument '%s'", pos[1]);
	if (npos && (used & USED_INPUT))
		die(EXIT_USAGE, "both --file-input and FILE given");
}

static noreturn void bad_option(int c, const char *arg)
{
	const char *eq = strchr(arg, '=');

	/* optopt is 0 or a long option's value when a long option failed */
	if (optopt > 0 && optopt < 256 && arg[0] == '-' && arg[1] != '-')
		die(EXIT_USAGE, c == ':' ? "option '-%c' needs an argument" :
		    "unknown option '-%c'", optopt);
	if (c == ':')
		die(EXIT_USAGE, "option '%s' needs an argument", arg);
	if (optopt && eq && arg[1] == '-')
		die(EXIT_USAGE, "option '%.*s' takes no argument",
		    (int)(eq - arg), arg);
	die(EXIT_USAGE, "unknown option '%s'", arg);
}

int main(int argc, char **argv)
{
	enum mode mode = MODE_TOP;
	const char **pos = xcalloc(argc, sizeof(*pos));
	const char *input = DEFAULT_INPUT;
	unsigned int used = 0;
	int c, npos = 0, first = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "-:f:n:s:rg:ai:c:hV", long_opts,
				NULL)) != -1) {
		switch (c) {
		case 1:
			pos[npos++] = optarg;
			break;
		case 'f':
			input = optarg;
			used |= USED_INPUT;
			break;
		case 'n':
			opt.limit = parse_count(optarg, "row count");
			break;
		case 's':
			opt.sort = lookup(optarg, sort_names, 4, "sort key");
			break;
		case 'r':
			opt.raw = true;
			break;
		case OPT_JSON:
			opt.fmt = FMT_JSON;
			used |= USED_JSON;
			break;
		case OPT_CSV:
			opt.fmt = FMT_CSV;
			used |= USED_CSV;
			break;
		case 'g':
			opt.group = lookup(optarg, group_names + 1, 4,
					   "group kind") + 1;
			used |= USED_GROUP;
			break;
		case 'a':
			opt.all = true;
			used |= USED_ALL;
			break;
		case 'i':
			opt.interval = parse_interval(optarg);
			used |= USED_WATCH;
			break;
		case 'c':
			opt.count = parse_count(optarg, "sample count");
			used |= USED_WATCH;
			break;
		case OPT_MODULE:
			opt.module = optarg;
			break;
		case OPT_FILE:
			opt.glob = optarg;
			break;
		case OPT_FUNC:
			set_func_regex(optarg);
			break;
		case OPT_MIN_BYTES:
			set_min_bytes(optarg);
			break;
		case 'h':
			fputs(help_text, stdout);
			check_output();
			free(pos);
			return 0;
		case 'V':
			printf("allocinfo %s\n", ALLOCINFO_VERSION);
			check_output();
			free(pos);
			return 0;
		default:
			bad_option(c, argv[optind - 1]);
		}
	}
	while (optind < argc)
		pos[npos++] = argv[optind++];

	if ((used & USED_JSON) && (used & USED_CSV))
		die(EXIT_USAGE, "--json and --csv cannot be combined");
	if (npos && !strcmp(pos[0], "top")) {
		first = 1;
	} else if (npos && !strcmp(pos[0], "diff")) {
		mode = MODE_DIFF;
		first = 1;
	} else if (npos && !strcmp(pos[0], "watch")) {
		mode = MODE_WATCH;
		first = 1;
	}
	check_mode(mode, used, npos - first, pos + first);
	if (mode != MODE_DIFF && npos > first)
		input = pos[first];

	if (mode == MODE_DIFF) {
		cmd_diff(pos[first], pos[first + 1]);
	} else if (mode == MODE_WATCH) {
		if (!strcmp(input, "-"))
			die(EXIT_USAGE, "watch cannot re-read standard input");
		cmd_watch(input);
	} else {
		struct snap *s = snap_load(input);

		if (opt.group)
			view_group(s);
		else
			view_top(s, NULL, 0);
		snap_free(s);
	}
	check_output();
	if (opt.have_func)
		regfree(&opt.func_re);
	free(pos);
	return 0;
}
