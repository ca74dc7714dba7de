/* The results log writer: record format, and the cases of reliability.md 4.4
 * (R1 concurrent writers, R3 file size limit, R4 torn tail, R6 formula and
 * control characters, R7 refused paths, R8 append-only file). The log is
 * checked line by line here, independently of the summariser.
 * Only one test has a criterion .timeout: with criterion 2.4.1, two tests
 * with timeouts running at once leaked 48 bytes in the runner, which fails
 * the run under ASAN_OPTIONS=abort_on_error=1. meson's timeout covers hangs. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "resultlog.h"
#include "summary.h"
#include "testutil.h"

#define MINI_HEADER                                                                      \
	"time,session,mode,columns,answer.routine,answer.volume,answer.data,score.alpha,"  \
	"score.beta,recommendation,strength,task,crc32\n"

struct fx {
	struct content c;
	struct answers a;
	struct verdict v;
	char dir[64];
	char path[128];
};

static void fx_setup(struct fx *f, const char *spec)
{
	struct diags d = {0};

	memset(f, 0, sizeof *f);
	cr_assert_eq(load_fixture("mini", -1, NULL, &f->c, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	answers_from(&f->c, spec, &f->a);
	engine_decide(&f->c, &f->a, &f->v);
	strcpy(f->dir, "/tmp/ow-rl-XXXXXX");
	cr_assert_not_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/results.csv", f->dir);
}

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(p);
}

static void fx_teardown(struct fx *f)
{
	/* A test may leave the file append-only (R8). */
	int fd = open(f->path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
	if (fd >= 0) {
		long flags = 0;
		ioctl(fd, FS_IOC_SETFLAGS, &flags);
		close(fd);
	}
	nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	verdict_free(&f->v);
	answers_free(&f->a);
	content_free(&f->c);
}

static int append(struct fx *f, const char *sid, const char *mode, struct strbuf *err)
{
	return resultlog_append(f->path, &f->c, &f->a, &f->v, sid, mode, err);
}

/* What a log holds, checked line by line: headers, records with a valid
 * crc32, anything else counted as bad. Session ids are collected. */
struct check {
	size_t headers, records, bad;
	char **sessions;
	int ends_with_newline;
};

static int crc_ok(const char *line, size_t len)
{
	const char *comma = memrchr(line, ',', len);
	char hex[9];

	if (!comma || line + len - comma != 9)
		return 0;
	snprintf(hex, sizeof hex, "%08x",
		 (unsigned)resultlog_crc32(line, (size_t)(comma + 1 - line)));
	return memcmp(comma + 1, hex, 8) == 0;
}

static void check_line(struct check *k, const char *line, size_t len)
{
	if (len >= 13 && memcmp(line, "time,session,", 13) == 0) {
		k->headers++;
		return;
	}
	if (!crc_ok(line, len)) {
		k->bad++;
		return;
	}
	const char *c1 = memchr(line, ',', len);
	const char *c2 = c1 ? memchr(c1 + 1, ',', (size_t)(line + len - c1 - 1)) : NULL;
	cr_assert_not_null(c2);
	k->sessions = realloc(k->sessions, (k->records + 1) * sizeof *k->sessions);
	k->sessions[k->records++] = strndup(c1 + 1, (size_t)(c2 - c1 - 1));
}

static void check_log(const char *path, struct check *k)
{
	size_t len;
	char *data = read_text(path, &len);

	memset(k, 0, sizeof *k);
	cr_assert_not_null(data, "cannot read %s", path);
	k->ends_with_newline = len == 0 || data[len - 1] == '\n';
	for (const char *p = data, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		check_line(k, p, n);
		p += n + 1;
	}
	free(data);
}

static void check_free(struct check *k)
{
	for (size_t i = 0; i < k->records; i++)
		free(k->sessions[i]);
	free(k->sessions);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t distinct(char **s, size_t n)
{
	size_t d = n > 0;

	qsort(s, n, sizeof *s, cmp_str);
	for (size_t i = 1; i < n; i++)
		d += strcmp(s[i - 1], s[i]) != 0;
	return d;
}

/* ---- format ---- */

Test(resultlog, crc32_is_zlibs)
{
	cr_assert_eq(resultlog_crc32("123456789", 9), 0xCBF43926u);
	cr_assert_eq(resultlog_crc32("", 0), 0u);
}

Test(resultlog, header_and_record_layout)
{
	struct fx f;
	struct strbuf hdr = {0}, rec = {0};

	fx_setup(&f, "routine=same volume=high data=plain");
	resultlog_header(&f.c, &hdr);
	cr_assert_str_eq(sb_str(&hdr), MINI_HEADER);
	/* 2026-11-22T18:20:01Z */
	resultlog_record(&f.c, &f.a, &f.v, "abc123", "batch", 1795371601, &rec);
	char hcrc[16];
	snprintf(hcrc, sizeof hcrc, "%08x", (unsigned)resultlog_crc32(hdr.buf, hdr.len - 1));
	char want[256];
	snprintf(want, sizeof want, "2026-11-22T18:20:01Z,abc123,batch,%s,same,high,plain,15,0,alpha,%s,",
		 hcrc, strength_name(f.v.strength));
	cr_assert_eq(strncmp(sb_str(&rec), want, strlen(want)), 0, "got %s want %s", sb_str(&rec),
		     want);
	cr_assert(crc_ok(rec.buf, rec.len - 1));
	cr_assert_eq(rec.buf[rec.len - 1], '\n');
	sb_free(&hdr);
	sb_free(&rec);
	fx_teardown(&f);
}

/* The recommendation column holds the outcome: a split is "split", not the
 * model that happened to be ahead. */
Test(resultlog, split_is_recorded_as_split)
{
	struct fx f;
	struct strbuf rec = {0};

	fx_setup(&f, "routine=mixed volume=high data=plain");
	f.v.strength = STRENGTH_SPLIT; /* whatever the mini weights give: the writer's part */
	resultlog_record(&f.c, &f.a, &f.v, "s", "kiosk", 0, &rec);
	cr_assert(strstr(sb_str(&rec), ",split,split,"), "%s", sb_str(&rec));
	sb_reset(&rec);
	f.v.strength = STRENGTH_LEANING;
	resultlog_record(&f.c, &f.a, &f.v, "s", "kiosk", 0, &rec);
	cr_assert(strstr(sb_str(&rec), ",alpha,leaning,"), "%s", sb_str(&rec));
	sb_free(&rec);
	fx_teardown(&f);
}

Test(resultlog, scores_one_decimal_and_unanswered_empty)
{
	struct fx f;
	struct strbuf rec = {0};

	fx_setup(&f, "routine=same");
	f.v.score[0] = 2.25;
	f.v.score[1] = -1.25;
	resultlog_record(&f.c, &f.a, &f.v, "s", "plain", 0, &rec);
	cr_assert(strstr(sb_str(&rec), ",same,,,2.3,-1.3,"), "%s", sb_str(&rec));
	sb_reset(&rec);
	f.v.score[0] = -0.04;
	f.v.score[1] = 7.0;
	resultlog_record(&f.c, &f.a, &f.v, "s", "plain", 0, &rec);
	cr_assert(strstr(sb_str(&rec), ",0,7,"), "%s", sb_str(&rec));
	sb_free(&rec);
	fx_teardown(&f);
}

Test(resultlog, session_ids_are_random_hex)
{
	char a[RESULTLOG_SESSION_LEN + 1], b[RESULTLOG_SESSION_LEN + 1];

	resultlog_session_id(a);
	resultlog_session_id(b);
	cr_assert_eq(strlen(a), 16);
	cr_assert_eq(strspn(a, "0123456789abcdef"), 16);
	cr_assert_str_neq(a, b);
}

Test(resultlog, creates_file_0640_with_one_header)
{
	struct fx f;
	struct strbuf err = {0};
	struct stat st;
	struct check k;

	fx_setup(&f, "routine=varied volume=low data=regulated");
	mode_t old = umask(022);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(append(&f, NULL, "batch", &err), 0, "%s", sb_str(&err));
	umask(old);
	cr_assert_eq(stat(f.path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0640);
	check_log(f.path, &k);
	cr_assert_eq(k.headers, 1);
	cr_assert_eq(k.records, 3);
	cr_assert_eq(k.bad, 0);
	cr_assert_eq(distinct(k.sessions, k.records), 3);
	check_free(&k);
	sb_free(&err);
	fx_teardown(&f);
}

/* ---- R1: 200 writers released at once ---- */

#define WRITERS 200

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void writer_child(struct fx *f, int gate)
{
	char go;
	struct strbuf err = {0};

	while (read(gate, &go, 1) < 0 && errno == EINTR)
		;
	int rc = append(f, NULL, "kiosk", &err);
	if (rc)
		fprintf(stderr, "writer %d: %s\n", (int)getpid(), sb_str(&err));
	_exit(rc ? 1 : 0);
}

/* Under valgrind every writer holds the lock some 30 times longer (6.7 s for
 * 200 here), past the 2 s lock timeout: valgrind checks memory, not
 * throughput, so it gets fewer writers. */
static int writers(void)
{
	const char *pre = getenv("LD_PRELOAD");

	return pre && strstr(pre, "vgpreload") ? 40 : WRITERS;
}

Test(resultlog, r1_200_concurrent_writers)
{
	struct fx f;
	int gate[2], n = writers();
	pid_t pid[WRITERS];
	struct check k;

	fx_setup(&f, "routine=mixed volume=high data=plain");
	cr_assert_eq(pipe(gate), 0);
	for (int i = 0; i < n; i++) {
		pid[i] = fork();
		cr_assert_neq(pid[i], -1);
		if (pid[i] == 0) {
			close(gate[1]);
			writer_child(&f, gate[0]);
		}
	}
	close(gate[0]);
	double t0 = now_s();
	close(gate[1]); /* EOF releases every writer at once */
	int failed = 0;
	for (int i = 0; i < n; i++) {
		int st;
		waitpid(pid[i], &st, 0);
		failed += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	double wall = now_s() - t0;
	fprintf(stderr, "R1: %d writers, wall %.3f s from release to the last exit\n", n,
		wall);
	cr_assert_eq(failed, 0);
	check_log(f.path, &k);
	cr_assert_eq(k.headers, 1);
	cr_assert_eq(k.records, (size_t)n);
	cr_assert_eq(k.bad, 0);
	cr_assert(k.ends_with_newline);
	cr_assert_eq(distinct(k.sessions, k.records), (size_t)n);
	check_free(&k);
	fx_teardown(&f);
}

/* ---- R3: file size limit ---- */

/* In a child: appends under RLIMIT_FSIZE until one fails, and sends the
 * number of records saved through a pipe (not the exit status, which
 * valgrind's --error-exitcode may take). Exits 0 when the failure was
 * reported with the words wanted. */
static void limited_child(struct fx *f, rlim_t limit, const char *want, int out)
{
	struct rlimit rl = {limit, limit};
	struct strbuf err = {0};
	int saved = 0;

	signal(SIGXFSZ, SIG_IGN);
	if (setrlimit(RLIMIT_FSIZE, &rl) < 0)
		_exit(3);
	while (saved < 100 && append(f, NULL, "batch", &err) == 0)
		saved++;
	int good = strstr(sb_str(&err), want) != NULL;
	fprintf(stderr, "R3: after %d records: %s\n", saved, sb_str(&err));
	sb_free(&err);
	_exit(write(out, &saved, sizeof saved) == sizeof saved && good ? 0 : 1);
}

static void run_limited(struct fx *f, rlim_t limit, const char *want, int *saved)
{
	int pipefd[2], st;

	cr_assert_eq(pipe(pipefd), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0)
		limited_child(f, limit, want, pipefd[1]);
	close(pipefd[1]);
	waitpid(pid, &st, 0);
	cr_assert(WIFEXITED(st), "the writer was killed by signal %d", WTERMSIG(st));
	cr_assert_eq(WEXITSTATUS(st), 0, "the failure was not reported with '%s'", want);
	cr_assert_eq(read(pipefd[0], saved, sizeof *saved), (ssize_t)sizeof *saved);
	close(pipefd[0]);
}

Test(resultlog, r3_file_size_limit_keeps_whole_records)
{
	struct fx f;
	struct check k;
	struct stat st;
	int saved;

	fx_setup(&f, "routine=same volume=low data=plain");
	run_limited(&f, 1000, "results not saved", &saved);
	cr_assert_gt(saved, 0);
	check_log(f.path, &k);
	cr_assert_eq(k.records, (size_t)saved);
	cr_assert_eq(k.bad, 0);
	cr_assert_eq(k.headers, 1);
	cr_assert(k.ends_with_newline);
	stat(f.path, &st);
	cr_assert_leq(st.st_size, 1000);
	check_free(&k);
	fx_teardown(&f);
}

/* ---- R4: a torn tail ---- */

Test(resultlog, r4_torn_tail_is_closed_off)
{
	struct fx f;
	struct strbuf err = {0};
	struct check k;

	fx_setup(&f, "routine=same volume=high data=plain");
	cr_assert_eq(append(&f, "first", "batch", &err), 0, "%s", sb_str(&err));
	FILE *fp = fopen(f.path, "a");
	fputs("2026-11-22T18:20:01Z,torn,\"open quote, never closed", fp);
	fclose(fp);
	cr_assert_eq(append(&f, "after", "batch", &err), 0, "%s", sb_str(&err));
	check_log(f.path, &k);
	cr_assert_eq(k.records, 2);
	cr_assert_eq(k.bad, 1);
	cr_assert_str_eq(k.sessions[1], "after");
	check_free(&k);

	size_t len;
	char *data = read_text(f.path, &len);
	struct summary_tally t;
	summary_tally_init(&t, &f.c);
	cr_assert_eq(summary_parse_buffer(&t, data, len, "room1.csv"), 2);
	cr_assert_eq(t.damaged, 1);
	cr_assert_eq(t.files[0].ndamaged, 1);
	cr_assert_eq(t.files[0].damaged[0], 3);
	summary_tally_free(&t);
	free(data);
	sb_free(&err);
	fx_teardown(&f);
}

/* ---- R6: formulas and control characters ---- */

static const char *const evil[] = {
	"=1+1", "@SUM(A1)", "-2", "+x", "\"quoted, comma\"", "line\nbreak", "\x1b]2;x\x07",
	"\t=cmd", "'quoted'", "caf\xc3\xa9 \xc2\x9b bad\xff",
};
static const char *const evil_back[] = {
	"=1+1", "@SUM(A1)", "-2", "+x", "\"quoted, comma\"", "linebreak", "]2;x",
	"=cmd", "'quoted'", "caf\xc3\xa9  bad\xef\xbf\xbd",
};
static const char *const evil_raw[] = {
	",'=1+1,", ",'@SUM(A1),", ",'-2,", ",'+x,", ",\"\"\"quoted, comma\"\"\",", ",linebreak,",
	",]2;x,", ",'=cmd,", ",''quoted',", NULL,
};
#define NEVIL (sizeof evil / sizeof *evil)

static int has_controls(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && ch != '\n') || ch == 0x7F)
			return 1;
		if (ch == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return 1;
	}
	return 0;
}

Test(resultlog, r6_formulas_prefixed_controls_removed_round_trip)
{
	struct fx f;
	struct strbuf err = {0};
	size_t len;

	fx_setup(&f, "routine=same volume=high data=plain");
	for (size_t i = 0; i < NEVIL; i++)
		cr_assert_eq(append(&f, evil[i], evil[i], &err), 0, "%s", sb_str(&err));
	char *data = read_text(f.path, &len);
	cr_assert_not(has_controls(data, len));
	for (size_t i = 0; i < NEVIL; i++)
		if (evil_raw[i])
			cr_assert(strstr(data, evil_raw[i]), "no %s in\n%s", evil_raw[i], data);

	/* The mode column carries the same text: the summariser gives it back. */
	struct summary_tally t;
	summary_tally_init(&t, &f.c);
	cr_assert_eq(summary_parse_buffer(&t, data, len, "r6.csv"), NEVIL);
	cr_assert_eq(t.damaged, 0);
	cr_assert_eq(t.modes.len, NEVIL);
	for (size_t i = 0; i < NEVIL; i++)
		cr_assert_str_eq(t.modes.key[i], evil_back[i]);
	summary_tally_free(&t);
	free(data);
	sb_free(&err);
	fx_teardown(&f);
}

/* ---- R7: paths that must be refused ---- */

static void expect_refused(struct fx *f, const char *path, const char *what)
{
	struct strbuf err = {0};

	cr_assert_eq(resultlog_append(path, &f->c, &f->a, &f->v, NULL, "batch", &err), -1);
	cr_assert(strstr(sb_str(&err), "results not saved"), "%s", sb_str(&err));
	cr_assert(strstr(sb_str(&err), what), "want '%s' in: %s", what, sb_str(&err));
	sb_free(&err);
}

Test(resultlog, r7_symlink_refused_nothing_written_through_it)
{
	struct fx f;
	char target[160], dangling[160];
	struct stat st;

	fx_setup(&f, "routine=same volume=high data=plain");
	snprintf(target, sizeof target, "%s/target", f.dir);
	close(open(target, O_CREAT | O_WRONLY, 0600));
	cr_assert_eq(symlink(target, f.path), 0);
	expect_refused(&f, f.path, "symbolic link");
	stat(target, &st);
	cr_assert_eq(st.st_size, 0);

	snprintf(dangling, sizeof dangling, "%s/dangling", f.dir);
	snprintf(target, sizeof target, "%s/never", f.dir);
	cr_assert_eq(symlink(target, dangling), 0);
	expect_refused(&f, dangling, "symbolic link");
	cr_assert_neq(access(target, F_OK), 0, "created through a dangling symlink");
	fx_teardown(&f);
}

Test(resultlog, r7_directory_and_device_refused)
{
	struct fx f;

	fx_setup(&f, "routine=same volume=high data=plain");
	expect_refused(&f, f.dir, "directory");
	expect_refused(&f, "/dev/null", "not a regular file");
	fx_teardown(&f);
}

Test(resultlog, r7_fifo_refused_without_hanging, .timeout = 10)
{
	struct fx f;

	fx_setup(&f, "routine=same volume=high data=plain");
	cr_assert_eq(mkfifo(f.path, 0600), 0);
	expect_refused(&f, f.path, "FIFO"); /* nobody reading */
	int rd = open(f.path, O_RDONLY | O_NONBLOCK);
	cr_assert_geq(rd, 0);
	expect_refused(&f, f.path, "not a regular file"); /* a reader waiting */
	char buf[16];
	cr_assert_leq(read(rd, buf, sizeof buf), 0, "something was written to the FIFO");
	close(rd);
	fx_teardown(&f);
}

Test(resultlog, r7_unwritable_file_refused)
{
	struct fx f;

	fx_setup(&f, "routine=same volume=high data=plain");
	close(open(f.path, O_CREAT | O_WRONLY, 0400));
	chmod(f.path, 0400);
	if (geteuid() != 0) {
		expect_refused(&f, f.path, "Permission denied");
	} else {
		/* Root writes anything: drop to nobody in a child. */
		chmod(f.dir, 0755);
		pid_t pid = fork();
		if (pid == 0) {
			if (setgid(65534) || setuid(65534))
				_exit(3);
			struct strbuf err = {0};
			int rc = append(&f, NULL, "batch", &err);
			_exit(rc == -1 && strstr(sb_str(&err), "Permission denied") ? 0 : 1);
		}
		int st;
		waitpid(pid, &st, 0);
		cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %d", st);
	}
	struct stat st;
	stat(f.path, &st);
	cr_assert_eq(st.st_size, 0);
	fx_teardown(&f);
}

Test(resultlog, missing_directory_is_a_clear_error)
{
	struct fx f;
	char path[200];

	fx_setup(&f, "routine=same volume=high data=plain");
	snprintf(path, sizeof path, "%s/no/such/dir.csv", f.dir);
	expect_refused(&f, path, "No such file or directory");
	fx_teardown(&f);
}

Test(resultlog, lock_held_elsewhere_gives_up_after_timeout)
{
	struct fx f;
	struct strbuf err = {0};

	fx_setup(&f, "routine=same volume=high data=plain");
	int fd = open(f.path, O_CREAT | O_RDWR, 0600);
	cr_assert_eq(flock(fd, LOCK_EX), 0);
	double t0 = now_s();
	cr_assert_eq(append(&f, NULL, "batch", &err), -1);
	double waited = now_s() - t0;
	cr_assert(strstr(sb_str(&err), "locked"), "%s", sb_str(&err));
	cr_assert(waited > 1.5 && waited < 5, "waited %.2f s", waited);
	close(fd);
	cr_assert_eq(append(&f, NULL, "batch", &err), 0);
	sb_free(&err);
	fx_teardown(&f);
}

/* ---- header of another content ---- */

Test(resultlog, other_header_gets_its_own_header_line)
{
	struct fx f;
	struct strbuf err = {0};
	struct check k;

	fx_setup(&f, "routine=same volume=high data=plain");
	FILE *fp = fopen(f.path, "w");
	fputs("time,session,mode,columns,answer.routine,score.alpha,recommendation,strength,crc32\n",
	      fp);
	fclose(fp);
	cr_assert_eq(append(&f, "x", "batch", &err), 0, "%s", sb_str(&err));
	cr_assert_eq(append(&f, "y", "batch", &err), 0, "%s", sb_str(&err));
	check_log(f.path, &k);
	cr_assert_eq(k.headers, 3, "one header before each record of the other content");
	cr_assert_eq(k.records, 2);
	check_free(&k);
	sb_free(&err);
	fx_teardown(&f);
}

Test(resultlog, foreign_file_refused_untouched)
{
	struct fx f;
	struct stat st;

	fx_setup(&f, "routine=same volume=high data=plain");
	FILE *fp = fopen(f.path, "w");
	fputs("# My report\n", fp);
	fclose(fp);
	expect_refused(&f, f.path, "not a results log");
	stat(f.path, &st);
	cr_assert_eq(st.st_size, 12);
	fx_teardown(&f);
}

Test(resultlog, torn_header_is_still_a_log)
{
	struct fx f;
	struct strbuf err = {0};
	struct check k;

	fx_setup(&f, "routine=same volume=high data=plain");
	FILE *fp = fopen(f.path, "w");
	fputs("time,sess", fp);
	fclose(fp);
	cr_assert_eq(append(&f, "x", "batch", &err), 0, "%s", sb_str(&err));
	check_log(f.path, &k);
	cr_assert_eq(k.records, 1);
	cr_assert_eq(k.headers, 1);
	cr_assert_eq(k.bad, 1, "the torn header stays on its own line");
	check_free(&k);
	sb_free(&err);
	fx_teardown(&f);
}

/* ---- R8: chattr +a ---- */

Test(resultlog, r8_append_only_file_keeps_damaged_tail)
{
	struct fx f;
	struct strbuf err = {0};
	long flags = FS_APPEND_FL;
	int saved;

	fx_setup(&f, "routine=same volume=high data=plain");
	cr_assert_eq(append(&f, NULL, "batch", &err), 0, "%s", sb_str(&err));
	int fd = open(f.path, O_RDONLY);
	if (ioctl(fd, FS_IOC_SETFLAGS, &flags) < 0) {
		close(fd);
		fx_teardown(&f);
		cr_skip_test("chattr +a not possible here (%s): needs CAP_LINUX_IMMUTABLE",
			     strerror(errno));
	}
	close(fd);
	cr_assert_eq(append(&f, NULL, "batch", &err), 0, "appending to +a: %s", sb_str(&err));
	run_limited(&f, 1000, "append-only file: damaged tail left for the summariser", &saved);
	/* Without the limit the next record closes off the torn tail. */
	cr_assert_eq(append(&f, NULL, "batch", &err), 0, "%s", sb_str(&err));
	struct check k;
	check_log(f.path, &k);
	cr_assert_eq(k.records, (size_t)saved + 3, "%zu records, %d saved by the child", k.records, saved);
	cr_assert_leq(k.bad, 1, "at most the one torn tail");
	cr_assert(k.ends_with_newline);
	check_free(&k);
	sb_free(&err);
	fx_teardown(&f);
}
