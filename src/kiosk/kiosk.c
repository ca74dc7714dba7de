#include "kiosk.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ini.h"
#include "xalloc.h"

/* isalnum() follows the locale; names are ASCII by rule. */
static int isalnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static const char *const families[] = {"xterm", "screen", "tmux", "linux", "vt100",
				       "vt220", "putty", "rxvt", NULL};

/* Where Debian's ncurses looks for terminfo (infocmp -D), in its order. With
 * TERMINFO, TERMINFO_DIRS and HOME gone from a kiosk's environment, these
 * are the only places: no ~/.terminfo. */
const char *const kiosk_terminfo_dirs[] = {"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
					   NULL};

int kiosk_term_allowed(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 64)
		return 0;
	for (const char *p = name; *p; p++)
		if (!(isalnum_ascii(*p) || strchr("._+-", *p)))
			return 0;
	for (int i = 0; families[i]; i++) {
		size_t k = strlen(families[i]);
		if (!strncmp(name, families[i], k) && (name[k] == '\0' || name[k] == '-' || name[k] == '.'))
			return 1;
	}
	return 0;
}

static int readable_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

int kiosk_terminfo_exists(const char *name, const char *const *dirs)
{
	char path[512];

	if (!name[0] || strchr(name, '/'))
		return 0;
	for (; *dirs; dirs++) {
		/* x/xterm, and 78/xterm as ncurses lays it out on file systems
		 * that ignore case: both are read by the same library. */
		snprintf(path, sizeof path, "%s/%c/%s", *dirs, name[0], name);
		if (readable_file(path))
			return 1;
		snprintf(path, sizeof path, "%s/%02x/%s", *dirs, (unsigned char)name[0], name);
		if (readable_file(path))
			return 1;
	}
	return 0;
}

/* The family's own entry (xterm for xterm-kitty or xterm-ghostty, screen for
 * screen.xterm-kitty): a terminal that names itself after a family speaks at
 * least that family's base set, and the wizard needs no more than cursor
 * motion, 8 colours and the line-drawing set. Plain "xterm" rather than
 * xterm-256color, which not every xterm-named emulator implements. Else
 * vt100, which every one of them can draw. */
static const char *family_base(const char *name, const char *const *dirs)
{
	for (int i = 0; families[i]; i++)
		if (!strncmp(name, families[i], strlen(families[i])) &&
		    kiosk_terminfo_exists(families[i], dirs))
			return families[i];
	return "vt100";
}

const char *kiosk_term_choose(const char *term, const char *const *dirs, int *replaced)
{
	*replaced = 1;
	if (!term || !kiosk_term_allowed(term))
		return "vt100";
	if (kiosk_terminfo_exists(term, dirs)) {
		*replaced = 0;
		return term;
	}
	return family_base(term, dirs);
}

void kiosk_sanitize_env(struct strbuf *note)
{
	const char *term = getenv("TERM");
	int replaced;
	char *keep = xstrdup(kiosk_term_choose(term, kiosk_terminfo_dirs, &replaced));

	if (replaced && note)
		sb_addf(note, term && kiosk_term_allowed(term)
			? "This terminal type is not installed here; using %s.\n"
			: "This terminal type is not supported here; using %s.\n", keep);
	clearenv();
	setenv("TERM", keep, 1);
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("PATH", "/usr/bin:/bin", 1);
	free(keep);
}

int kiosk_forbid_exec(void)
{
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW), /* other arches: rely on the code */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 3, 0), /* the x32 ABI: refuse all */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_execve, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_execveat, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
	};
	struct sock_fprog prog = {.len = sizeof filter / sizeof filter[0], .filter = filter};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

static int config_trusted(const char *path, struct diags *d)
{
	struct stat st;
	if (lstat(path, &st))
		return errno == ENOENT ? 0 : (diag_add(d, path, 0, NULL, "cannot read: %s", strerror(errno)), -1);
	if (!S_ISREG(st.st_mode) || st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		diag_add(d, path, 0, NULL, "refused: the kiosk config must be a regular file owned by root and writable only by root");
		return -1;
	}
	return 1;
}

static void config_entry(const struct ini_entry *e, const char *path, struct kiosk_config *cfg,
			 struct diags *d)
{
	char **text = !strcmp(e->key, "content") ? &cfg->content
		    : !strcmp(e->key, "log") ? &cfg->log
		    : !strcmp(e->key, "report_dir") ? &cfg->report_dir
		    : !strcmp(e->key, "workshop") ? &cfg->workshop : NULL;
	if (text) {
		free(*text);
		*text = e->value[0] ? xstrdup(e->value) : NULL;
	} else if (!strcmp(e->key, "enabled")) {
		cfg->enabled = !strcmp(e->value, "yes") || !strcmp(e->value, "true") || !strcmp(e->value, "1");
	} else if (!strcmp(e->key, "idle_timeout") || !strcmp(e->key, "session_limit")) {
		/* Checked in settings.c, by the rule its option follows. */
		struct kiosk_value *v = e->key[0] == 'i' ? &cfg->idle_timeout : &cfg->session_limit;
		free(v->text);
		v->text = xstrdup(e->value);
		v->line = e->line;
	} else {
		diag_add(d, path, e->line, "kiosk", "unknown key '%s'", e->key);
	}
}

int kiosk_config_load(const char *path, struct kiosk_config *cfg, struct diags *d)
{
	struct ini_doc doc;
	size_t before = d->n;

	*cfg = (struct kiosk_config){0};
	int trusted = config_trusted(path, d);
	if (trusted <= 0)
		return trusted;
	if (ini_read_file(path, path, &doc, d))
		return -1;
	for (size_t i = 0; i < doc.n; i++) {
		const struct ini_section *s = &doc.sections[i];
		if (strcmp(s->name, "kiosk")) {
			diag_add(d, path, s->line, s->name, "unknown section; settings go in [kiosk]");
			continue;
		}
		for (size_t k = 0; k < s->n; k++)
			config_entry(&s->entries[k], path, cfg, d);
	}
	ini_doc_free(&doc);
	return d->n == before ? 0 : -1;
}

void kiosk_config_free(struct kiosk_config *cfg)
{
	free(cfg->content);
	free(cfg->log);
	free(cfg->report_dir);
	free(cfg->workshop);
	free(cfg->idle_timeout.text);
	free(cfg->session_limit.text);
	*cfg = (struct kiosk_config){0};
}
