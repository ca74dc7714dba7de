#include "texts.h"

#include <stdarg.h>
#include <string.h>

#include "xalloc.h"

#define MAX_ARGS 8 /* more placeholders than any text takes */

static const struct {
	const char *section, *key, *placeholders;
} defs[T_COUNT] = {
#define TEXT(id, section, key, placeholders) [T_##id] = {section, key, placeholders},
#include "text_ids.def"
#undef TEXT
};

const char *text_section(enum text_id id)
{
	return (unsigned)id < T_COUNT ? defs[id].section : "?";
}

const char *text_key(enum text_id id)
{
	return (unsigned)id < T_COUNT ? defs[id].key : "?";
}

const char *text_placeholders(enum text_id id)
{
	return (unsigned)id < T_COUNT ? defs[id].placeholders : "";
}

const char *text_get(const struct content *c, enum text_id id)
{
	const char *t = (unsigned)id < T_COUNT ? c->texts[id] : NULL;
	return t ? t : "";
}

int text_find(const char *section, const char *key)
{
	for (int id = 0; id < T_COUNT; id++)
		if (!strcmp(defs[id].section, section) && !strcmp(defs[id].key, key))
			return id;
	return -1;
}

const char *text_strength(const struct content *c, enum strength s)
{
	static const enum text_id ids[STRENGTH_COUNT] = {T_STRENGTH_CLEAR, T_STRENGTH_LEANING,
							 T_STRENGTH_SPLIT};
	return (unsigned)s < STRENGTH_COUNT ? text_get(c, ids[s]) : strength_name(s);
}

static const struct text_arg *find_arg(const char *name, size_t len, const struct text_arg *args,
				       size_t nargs)
{
	for (size_t i = 0; i < nargs; i++)
		if (strlen(args[i].name) == len && !strncmp(args[i].name, name, len))
			return &args[i];
	return NULL;
}

void text_expand(const char *tmpl, const struct text_arg *args, size_t nargs, text_sink sink,
		 void *ctx)
{
	const char *run = tmpl, *p = tmpl;

	while (*p) {
		const char *close = *p == '{' ? strchr(p + 1, '}') : NULL;
		if (*p == '{' && p[1] == '{') { /* "{{": one literal brace */
			sink(ctx, run, (size_t)(p - run) + 1, 0);
			run = p += 2;
			continue;
		}
		const struct text_arg *a = close ? find_arg(p + 1, (size_t)(close - p - 1), args, nargs)
						 : NULL;
		if (!a) {
			p++;
			continue;
		}
		if (p > run)
			sink(ctx, run, (size_t)(p - run), 0);
		const char *v = a->value ? a->value : "";
		sink(ctx, v, strlen(v), 1);
		run = p = close + 1;
	}
	if (p > run)
		sink(ctx, run, (size_t)(p - run), 0);
}

static size_t collect_args(va_list ap, struct text_arg *args)
{
	size_t n = 0;
	const char *name;

	while (n < MAX_ARGS && (name = va_arg(ap, const char *))) {
		args[n].name = name;
		args[n].value = va_arg(ap, const char *);
		n++;
	}
	return n;
}

/* The one place variadic name, value pairs become arguments. */
static void vemit(const struct content *c, enum text_id id, text_sink sink, void *ctx, va_list ap)
{
	struct text_arg args[MAX_ARGS];
	size_t n = collect_args(ap, args);

	text_expand(text_get(c, id), args, n, sink, ctx);
}

void text_emit(const struct content *c, enum text_id id, text_sink sink, void *ctx, ...)
{
	va_list ap;

	va_start(ap, ctx);
	vemit(c, id, sink, ctx, ap);
	va_end(ap);
}

static void to_strbuf(void *ctx, const char *s, size_t n, int is_value)
{
	(void)is_value;
	sb_addn(ctx, s, n);
}

void text_add(struct strbuf *out, const struct content *c, enum text_id id, ...)
{
	va_list ap;

	va_start(ap, id);
	vemit(c, id, to_strbuf, out, ap);
	va_end(ap);
}

char *text_fmt(const struct content *c, enum text_id id, ...)
{
	struct strbuf sb = {0};
	va_list ap;

	va_start(ap, id);
	vemit(c, id, to_strbuf, &sb, ap);
	va_end(ap);
	return sb_take(&sb);
}
