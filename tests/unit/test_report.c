/* Report writers: every section is there, marked rows are marked, nothing from
 * content reaches the output unescaped, every word comes from the string
 * table. The content and the verdict are built by hand, so these tests depend
 * neither on the loader (but for the shipped texts.ini, borrowed for the
 * words) nor on the engine's arithmetic, only on the headline wording
 * functions of the engine. markdown.h is included for md_add, to state
 * expected markdown.
 * Whether the JSON really parses is checked by tests/report_json_check.py. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bar.h"
#include "layout.h"
#include "markdown.h"
#include "report.h"
#include "testutil.h"

#define MAXM 3
#define NQ 3
#define NOPT 3 /* two real options and "Not sure" */
#define NROWS 3

/* Texts a malicious or careless content author could write: quotes, a
 * backslash, a tab, and an escape sequence that would retitle a terminal. */
#define EVIL "say \"hi\" \\ now\tthen \x1b]0;pwned\x07 end"

struct fixture {
	struct content c;
	struct model models[MAXM];
	struct question questions[NQ];
	struct qoption options[NQ][NOPT];
	double points[NQ][NOPT][MAXM];
	struct row rows[NROWS];
	char *cells[NROWS][MAXM];
	struct advisory advisory[2]; /* advice, and where to source it */
	struct choice_ref advisory_when;
	char *service_ids[2], *service_texts[2];
	char *risk_ids[2], *risk_texts[2];
	char *mitigation_ids[2], *mitigation_texts[2];
	struct answers a;
	int choice[NQ];
	struct verdict v;
	double score[MAXM], max_score[MAXM];
	struct reason reasons[4];
	struct reason mixed[2];
	struct lowering lowered[1];
	struct flip flips[2];
	int advisories[2];
	int row_side[NROWS];
};

/* The shipped content, for its string table only. */
static struct content shipped;

static void free_shipped(void)
{
	content_free(&shipped);
}

TestSuite(report, .fini = free_shipped);

static void borrow_texts(struct content *c)
{
	struct diags d = {0};

	if (!shipped.texts[0])
		cr_assert_eq(content_load(OW_CONTENT_SOURCE, &shipped, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	for (int t = 0; t < T_COUNT; t++)
		c->texts[t] = shipped.texts[t];
}

static char *model_ids[MAXM] = {"bpo", "kpo", "captive"};
static char *model_names[MAXM] = {"BPO", "KPO", "Captive centre"};
static char *question_ids[NQ] = {"routineness", "expertise", "volume"};
static char *question_titles[NQ] = {"Routine work", "Expertise", "Volume"};
static char *row_dims[NROWS] = {"Nature of tasks", "Skills", "Scale"};

static void fill_models(struct fixture *f, size_t nmodels)
{
	f->service_ids[0] = "payroll", f->service_texts[0] = "Payroll processing";
	f->service_ids[1] = "research", f->service_texts[1] = "Market research";
	/* Mitigations in the other order than risks: pairing is by id. */
	f->risk_ids[0] = "leak", f->risk_texts[0] = "Knowledge leaks to the provider";
	f->risk_ids[1] = "cost", f->risk_texts[1] = "Experts cost more";
	f->mitigation_ids[0] = "cost", f->mitigation_texts[0] = "Agree a fixed fee per study";
	f->mitigation_ids[1] = "leak", f->mitigation_texts[1] = "Sign a strict NDA";
	for (size_t m = 0; m < nmodels; m++) {
		struct model *md = &f->models[m];
		md->id = model_ids[m];
		md->name = model_names[m];
		md->full_name = model_names[m];
		md->summary = EVIL;
		md->description = "A model.";
		md->split_part = "a part";
		md->services = (struct textlist){f->service_ids, f->service_texts, 2};
		md->risks = (struct textlist){f->risk_ids, f->risk_texts, 2};
		md->mitigations = (struct textlist){f->mitigation_ids, f->mitigation_texts, 2};
	}
}

static void fill_question(struct fixture *f, size_t q, size_t nmodels)
{
	struct question *qu = &f->questions[q];
	static char *option_ids[NOPT] = {"low", "high", "not_sure"};
	static char *option_labels[NOPT] = {"Low | small", "High", "Not sure"};

	qu->id = question_ids[q];
	qu->title = question_titles[q];
	qu->text = q == 0 ? "How routine is the work?" : "";
	qu->help = EVIL;
	qu->weight = 1.5;
	qu->options = f->options[q];
	qu->noptions = NOPT;
	for (size_t o = 0; o < NOPT; o++) {
		struct qoption *op = &f->options[q][o];
		op->id = option_ids[o];
		op->label = option_labels[o];
		op->points = f->points[q][o];
		op->unsure = o == NOPT - 1;
		for (size_t m = 0; m < nmodels; m++)
			op->points[m] = o == m ? 2.0 : 0.0;
	}
}

static void fill_rows(struct fixture *f, size_t nmodels)
{
	for (size_t r = 0; r < NROWS; r++) {
		f->rows[r].id = row_dims[r];
		f->rows[r].dimension = row_dims[r];
		f->rows[r].cells = f->cells[r];
		f->rows[r].question = (int)r;
		for (size_t m = 0; m < nmodels; m++)
			f->cells[r][m] = m == 0 ? "Rules | procedures" : "Judgment and insight";
	}
	f->cells[2][1] = EVIL;
}

static void fill_advisory(struct fixture *f)
{
	f->advisory_when = (struct choice_ref){1, 1};
	f->advisory[0] = (struct advisory){
		.id = "keep_core",
		.title = "Keep core work in-house",
		.text = "Work that sets you apart should stay with you. " EVIL,
		.when_any = &f->advisory_when,
		.nwhen_any = 1,
		.when_strength = -1,
	};
	f->advisory[1] = (struct advisory){
		.id = "nearshore",
		.title = "Look nearby",
		.text = "Close teamwork goes best in your time zone.",
		.when_any = &f->advisory_when,
		.nwhen_any = 1,
		.when_strength = -1,
		.part = PART_WHERE,
	};
}

static void fill_content(struct fixture *f, size_t nmodels)
{
	struct content *c = &f->c;

	fill_models(f, nmodels);
	for (size_t q = 0; q < NQ; q++)
		fill_question(f, q, nmodels);
	fill_rows(f, nmodels);
	fill_advisory(f);
	c->title = "Outsourcing wizard";
	c->not_sure = "I'm not sure";
	borrow_texts(c);
	c->scoring = (struct scoring){0.3, 0.1, 3, 0};
	c->models = f->models, c->nmodels = nmodels;
	c->questions = f->questions, c->nquestions = NQ;
	c->rows = f->rows, c->nrows = NROWS;
	c->advisories = f->advisory, c->nadvisories = 2;
}

/* KPO wins clearly: expertise high pushes to KPO, routineness low pushes to
 * BPO, volume unanswered. Row 1 points to KPO, row 0 to BPO. */
static void fill_verdict(struct fixture *f, size_t nmodels)
{
	struct verdict *v = &f->v;

	f->choice[0] = 0, f->choice[1] = 1, f->choice[2] = ANSWER_NONE;
	f->a = (struct answers){f->choice, NQ, NULL};
	for (size_t m = 0; m < nmodels; m++)
		f->score[m] = m == 1 ? 6.0 : 3.0;
	f->reasons[0] = (struct reason){1, 1, 1, 3.0};
	f->reasons[1] = (struct reason){0, 0, 0, 3.0};
	f->flips[0] = (struct flip){1, 0, -1, -1, {0, STRENGTH_LEANING, 0}};
	f->advisories[0] = 0;
	f->row_side[0] = 0, f->row_side[1] = 1, f->row_side[2] = -1;
	*v = (struct verdict){
		.nmodels = nmodels, .score = f->score,
		.winner = 1, .runner_up = 0, .margin = 1.0 / 3.0, .lead = 1.0 / 3.0,
		.left = 0, .right = 1, .balance = 1.0 / 3.0, .split_band = 0.1, .clear_band = 0.3,
		.band_strength = STRENGTH_CLEAR, .strength = STRENGTH_CLEAR, .unsure = 1,
		.reasons = f->reasons, .nreasons = 2, .flips = f->flips, .nflips = 1,
		.advisories = f->advisories, .nadvisories = 1, .row_side = f->row_side,
	};
}

static void fixture_init(struct fixture *f, size_t nmodels)
{
	memset(f, 0, sizeof *f);
	fill_content(f, nmodels);
	fill_verdict(f, nmodels);
}

static char *render(struct fixture *f, enum report_format fmt)
{
	struct strbuf out = {0};

	report_write(fmt, &f->c, &f->a, &f->v, &out);
	return sb_take(&out);
}

static void expect_contains(const char *out, const char *what)
{
	cr_expect(strstr(out, what) != NULL, "expected \"%s\" in:\n%s", what, out);
}

static void expect_no_controls(const char *out)
{
	for (const unsigned char *p = (const unsigned char *)out; *p; p++)
		if (*p < 0x20 && *p != '\n') {
			cr_expect(0, "control byte 0x%02x at offset %zu", *p,
				  (size_t)(p - (const unsigned char *)out));
			return;
		}
}

static const char *const headings[] = {
	"Where your answers land", "Why", "What would change this", "Worth knowing",
	"Comparison", "Typical KPO services", "Risks and how to manage them", "Your answers",
};

static void expect_headings_and_headline(struct fixture *f, const char *out)
{
	char *headline = verdict_headline(&f->c, &f->v);

	expect_contains(out, headline);
	free(headline);
	for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
		expect_contains(out, headings[i]);
}

Test(report, format_parse)
{
	cr_expect_eq(report_format_parse("text"), REPORT_TEXT);
	cr_expect_eq(report_format_parse("markdown"), REPORT_MARKDOWN);
	cr_expect_eq(report_format_parse("md"), REPORT_MARKDOWN);
	cr_expect_eq(report_format_parse("json"), REPORT_JSON);
	cr_expect_eq(report_format_parse("html"), -1);
	cr_expect_eq(report_format_parse(""), -1);
	cr_expect_eq(report_format_parse(NULL), -1);
}

Test(report, text_has_every_section)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_TEXT);

	expect_headings_and_headline(&f, out);
	expect_contains(out, "Strength: clear");
	expect_contains(out, "Why\n---\n  - Expertise: High (points to KPO)\n\nPulling the other way\n"
			     "  - Routine work: Low | small (points to BPO)\n");
	expect_contains(out, "  - Expertise: answering \"Low | small\" would tip it to BPO.\n");
	expect_contains(out, "\n  O your answers, = the split zone: the nearer an end, the clearer the "
			     "model.\n");
	expect_contains(out, "Keep core work in-house");
	expect_contains(out, "Payroll processing");
	expect_contains(out, "Volume: I'm not sure");
	free(out);
}

Test(report, text_marks_rows_and_pairs_risks)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_TEXT);

	expect_contains(out, "\n* marks where your answers point.\n");
	expect_contains(out, "  Nature of tasks\n    * BPO: Rules | procedures\n      KPO: Judgment");
	expect_contains(out, "  Skills\n      BPO: Rules | procedures\n    * KPO: Judgment");
	expect_contains(out, "Knowledge leaks to the provider\n    -> What to do: Sign a strict NDA");
	expect_contains(out, "Experts cost more\n    -> What to do: Agree a fixed fee per study");
	free(out);
}

Test(report, text_fits_78_columns_and_bars_are_ascii)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_TEXT);
	char *line = out;

	/* balance 1/3 on 30 cells lands in cell 20; the split zone is 14..15 */
	expect_contains(out, "  BPO  --------------==----O---------  KPO\n");
	for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		cr_expect(text_width(line) <= 78, "too wide: \"%s\"", line);
	}
	free(out);
}

Test(report, text_and_markdown_neutralise_control_characters)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	expect_no_controls(text);
	expect_no_controls(md);
	free(text);
	free(md);
}

Test(report, markdown_has_every_section)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_MARKDOWN);
	char *headline = verdict_headline(&f.c, &f.v);
	char heading[200];

	expect_headings_and_headline(&f, out);
	expect_contains(out, "# Outsourcing wizard\n");
	snprintf(heading, sizeof heading, "\n## %s\n", headline);
	expect_contains(out, heading);
	expect_contains(out, "\n**Strength:** clear\n");
	expect_contains(out, "\n## Where your answers land\n\n**BPO** `");
	expect_contains(out, "` **KPO**\n\n`O` your answers, `=` the split zone: the nearer an end, "
			     "the clearer the model.\n");
	expect_contains(out, "\n## Why\n\n- **Expertise**: High (points to KPO)\n\n"
			     "### Pulling the other way\n\n"
			     "- **Routine work**: Low \\| small (points to BPO)\n");
	expect_contains(out, "\n- Expertise: answering \"**Low \\| small**\" would tip it to BPO.\n");
	expect_contains(out, "\n## Worth knowing\n\n- **Keep core work in-house:** Work that");
	expect_contains(out, "\n## Typical KPO services\n\n- Payroll processing\n");
	expect_contains(out, "- Knowledge leaks to the provider\n  - *What to do:* Sign a strict NDA\n");
	expect_contains(out, "\n## Your answers\n");
	expect_contains(out, "- **Volume:** I'm not sure");
	free(headline);
	free(out);
}

/* Counts the '|' that are not escaped: the columns markdown will see. */
static int table_pipes(const char *line)
{
	int n = 0;

	for (const char *p = line; *p && *p != '\n'; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		n += *p == '|';
	}
	return n;
}

Test(report, markdown_table_is_escaped_and_marked)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_MARKDOWN);
	const char *header = strstr(out, "| Dimension | BPO | KPO |\n| --- | --- | --- |\n");

	cr_assert(header != NULL, "no comparison table in:\n%s", out);
	expect_contains(out, "| Nature of tasks | \\* Rules \\| procedures | Judgment and insight |");
	expect_contains(out, "| Skills | Rules \\| procedures | \\* Judgment and insight |");
	expect_contains(out, "\n\\* marks where your answers point.\n\n| Dimension |");
	const char *row = strchr(header, '\n') + 1;
	for (size_t r = 0; r < NROWS + 1; r++, row = strchr(row, '\n') + 1)
		cr_expect_eq(table_pipes(row), 4, "row %zu: %.80s", r, row);
	free(out);
}

Test(report, three_models)
{
	struct fixture f;
	fixture_init(&f, 3);
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);
	char *json = render(&f, REPORT_JSON);

	expect_contains(text, "      Captive centre: Judgment");
	expect_contains(md, "| Dimension | BPO | KPO | Captive centre |\n| --- | --- | --- | --- |\n");
	expect_contains(json, "\"captive\": 3");
	expect_contains(json, "\"captive\": \"Judgment and insight\"");
	free(text);
	free(md);
	free(json);
}

Test(report, no_flips_says_so)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.v.nflips = 0;
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);
	char *json = render(&f, REPORT_JSON);

	expect_contains(text, "\nNo one or two changed answers would change the result.\n");
	expect_contains(md, "\nNo one or two changed answers would change the result.\n");
	expect_contains(json, "\"flips\": []");
	free(text);
	free(md);
	free(json);
}

Test(report, close_call_shows_the_split)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.v.strength = f.v.band_strength = STRENGTH_SPLIT;
	/* short enough to stay on one line of the text report */
	f.c.texts[T_RESULT_SPLIT_DETAIL] = "Give {first_part} to {first}, {second_part} to {second}.";
	char *split = verdict_split_detail(&f.c, &f.v);
	cr_expect_str_eq(split, "Give a part to BPO, a part to KPO.");
	cr_assert(split != NULL);
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);
	char *json = render(&f, REPORT_JSON);

	expect_contains(text, "Strength: split");
	expect_contains(text, split);
	struct strbuf md_split = {0};
	md_add(&md_split, split, 0);
	expect_contains(md, sb_str(&md_split));
	sb_free(&md_split);
	expect_contains(json, "\"strength\": \"split\"");
	expect_contains(json, "\"outcome\": \"split\"");
	expect_contains(json, "\"model\": null");
	cr_expect(strstr(json, "\"split\": null") == NULL);
	free(split);
	free(text);
	free(md);
	free(json);
}

Test(report, json_holds_the_result)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_JSON);

	expect_contains(out, "\"balance\": {\n    \"left\": \"bpo\",\n    \"right\": \"kpo\",\n"
			     "    \"position\": 0.33,");
	expect_contains(out, "\"model\": \"kpo\"");
	expect_contains(out, "\"strength\": \"clear\"");
	expect_contains(out, "\"split\": null");
	expect_contains(out, "\"margin\": 0.33");
	expect_contains(out, "\"scores\": {\n    \"bpo\": 3,\n    \"kpo\": 6\n  }");
	expect_contains(out, "\"volume\": \"not_sure\"");
	expect_contains(out, "\"expertise\": \"high\"");
	expect_contains(out, "\"unsure\": 1");
	expect_contains(out, "\"question\": \"expertise\",\n      \"option\": \"high\",\n"
			     "      \"model\": \"kpo\",\n      \"push\": 3");
	expect_contains(out, "\"id\": \"keep_core\"");
	expect_contains(out, "\"marked\": \"kpo\"");
	expect_contains(out, "\"marked\": null");
	free(out);
}

static void expect_json_escapes(const char *out)
{
	expect_contains(out, "say \\\"hi\\\" \\\\ now\\u0009then \\u001b]0;pwned\\u0007 end");
	cr_expect(strchr(out, '\t') == NULL, "raw tab in JSON");
	cr_expect(strchr(out, '\x1b') == NULL, "raw ESC in JSON");
	expect_no_controls(out);
}

Test(report, json_escapes_content)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *out = render(&f, REPORT_JSON);

	expect_json_escapes(out);
	free(out);
}

Test(report, content_json)
{
	struct fixture f;
	fixture_init(&f, 3);
	struct strbuf sb = {0};
	report_content_json(&f.c, &sb);
	char *out = sb_take(&sb);

	expect_json_escapes(out);
	expect_contains(out, "\"clear\": 0.3");
	expect_contains(out, "\"weight\": 1.5");
	expect_contains(out, "\"points\": {\n");
	expect_contains(out, "\"captive\": 2");
	expect_contains(out, "\"unsure\": true");
	expect_contains(out, "\"when_any\": [\n");
	expect_contains(out, "\"question\": \"expertise\",\n");
	expect_contains(out, "\"when_strength\": null");
	expect_contains(out, "\"mitigations\": [");
	free(out);
}

/* Rewording is an edit of texts.ini: every writer follows it, no C change. */
Test(report, reworded_texts_reach_every_report)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.c.texts[T_RESULT_HEADLINE_CLEAR] = "Go for {model}";
	f.c.texts[T_RESULT_ADVISORIES] = "Good to know";
	f.c.texts[T_RESULT_FLIP] = "{answer} for {question} {result}";
	f.c.texts[T_STRENGTH_CLEAR] = "sure";
	f.c.texts[T_RESULT_STRENGTH] = "Confidence";
	f.c.texts[T_COMPARE_DIMENSION] = "Aspect";
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);
	char *json = render(&f, REPORT_JSON);

	expect_contains(text, "\nGo for KPO\nConfidence: sure\n");
	expect_contains(text, "\nGood to know\n------------\n");
	expect_contains(text, "  - Low | small for Expertise would tip it to BPO\n");
	expect_contains(md, "\n## Go for KPO\n\n**Confidence:** sure\n");
	expect_contains(md, "\n## Good to know\n");
	expect_contains(md, "- **Low \\| small** for Expertise would tip it to BPO\n");
	expect_contains(md, "| Aspect | BPO | KPO |");
	expect_contains(json, "\"headline\": \"Go for KPO\"");
	expect_contains(json, "\"strength\": \"clear\""); /* ids, not words */
	free(text);
	free(md);
	free(json);
}

/* The texts are content too: markdown in them is escaped, and a flip's
 * answer and model (values, not words) stay in bold. */
Test(report, markdown_escapes_the_words_too)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.c.texts[T_RESULT_FLIP] = "*{question}* | {answer} -> {result} [x]";
	f.c.texts[T_RESULT_WHY] = "# Why _this_";
	char *md = render(&f, REPORT_MARKDOWN);

	expect_contains(md, "\n- \\*Expertise\\* \\| **Low \\| small** -\\> would tip it to BPO \\[x\\]\n");
	expect_contains(md, "\n## \\# Why \\_this\\_\n");
	free(md);
}

Test(report, legend_when_no_row_is_marked)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.row_side[0] = f.row_side[1] = -1;
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	expect_contains(text, "Comparison\n----------\nHow the models compare.\n");
	expect_contains(md, "\n## Comparison\n\nHow the models compare.\n\n| Dimension |");
	cr_expect(strstr(text, "marks where") == NULL);
	cr_expect(strstr(md, "marks where") == NULL);
	free(text);
	free(md);
}

Test(report, no_reasons_says_so)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.v.nreasons = 0;
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	expect_contains(text, "Why\n---\n  - No single answer pulls strongly either way.\n");
	expect_contains(md, "\n## Why\n\n- No single answer pulls strongly either way.\n");
	cr_expect(strstr(text, "Pulling the other way") == NULL);
	free(text);
	free(md);
}

/* A split (issue 9): no model is recommended, so every report tells both
 * sides: the pulls toward each end, the two-part answers, and the handout
 * lists both models' services and risks, each under the part it takes. */
static void make_split(struct fixture *f)
{
	f->models[0].split_part = "the routine part";
	f->models[1].split_part = "the expert part";
	f->mixed[0] = (struct reason){2, 1, -1, 1.5};
	f->mixed[1] = (struct reason){0, 1, -1, 1.5};
	f->lowered[0] = (struct lowering){LOWER_MIXED, -1, -1, 2};
	f->v.mixed = f->mixed, f->v.nmixed = 2;
	f->v.lowered = f->lowered, f->v.nlowered = 1, f->v.lowered_steps = 1;
	f->v.band_strength = STRENGTH_LEANING;
	f->v.strength = STRENGTH_SPLIT;
}

Test(report, split_text_tells_both_sides)
{
	struct fixture f;
	fixture_init(&f, 2);
	make_split(&f);
	char *out = render(&f, REPORT_TEXT);

	expect_contains(out, "\nSplit the work between BPO and KPO\nStrength: split, one step lower "
			     "because 2 answers describe a routine part and\n          a judgment part\n");
	expect_contains(out, "\nGive the routine part to a BPO provider and the expert part to a KPO");
	expect_contains(out, "Why\n---\nToward BPO\n  - Routine work: Low | small (points to BPO)\n\n"
			     "Toward KPO\n  - Expertise: High (points to KPO)\n\n"
			     "Part routine, part judgment\n  - Volume: High\n  - Routine work: High\n");
	cr_expect(strstr(out, "Pulling the other way") == NULL);
	expect_contains(out, "\nTypical BPO services, for the routine part\n------");
	expect_contains(out, "\nTypical KPO services, for the expert part\n------");
	expect_contains(out, "Risks and how to manage them\n----------------------------\n"
			     "BPO, for the routine part\n  - Knowledge leaks");
	expect_contains(out, "\n\nKPO, for the expert part\n  - Knowledge leaks");
	free(out);
}

Test(report, split_markdown_tells_both_sides)
{
	struct fixture f;
	fixture_init(&f, 2);
	make_split(&f);
	char *out = render(&f, REPORT_MARKDOWN);

	expect_contains(out, "\n## Split the work between BPO and KPO\n\n**Strength:** split, one step "
			     "lower because 2 answers describe a routine part and a judgment part\n");
	expect_contains(out, "\n## Why\n\n### Toward BPO\n\n- **Routine work**: Low \\| small (points "
			     "to BPO)\n\n### Toward KPO\n\n- **Expertise**: High (points to KPO)\n\n"
			     "### Part routine, part judgment\n\n- **Volume**: High\n- **Routine work**: "
			     "High\n");
	expect_contains(out, "| Dimension | BPO: the routine part | KPO: the expert part |\n");
	expect_contains(out, "\n## Typical BPO services, for the routine part\n\n- Payroll");
	expect_contains(out, "\n## Typical KPO services, for the expert part\n\n- Payroll");
	expect_contains(out, "\n## Risks and how to manage them\n\n### BPO, for the routine part\n\n"
			     "- Knowledge leaks");
	expect_contains(out, "\n\n### KPO, for the expert part\n\n- Knowledge leaks");
	free(out);
}

/* Otherwise the handout is about the recommended model alone, and the two-part
 * answers still show in "Why" when there are some. */
Test(report, clear_handout_is_one_model)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.mixed[0] = (struct reason){2, 1, -1, 1.5};
	f.v.mixed = f.mixed, f.v.nmixed = 1;
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	cr_expect(strstr(text, "Typical BPO services") == NULL);
	cr_expect(strstr(md, "Typical BPO services") == NULL);
	cr_expect(strstr(text, ", for a part") == NULL);
	expect_contains(text, "Pulling the other way\n  - Routine work: Low | small (points to BPO)\n\n"
			      "Part routine, part judgment\n  - Volume: High\n");
	expect_contains(md, "| Dimension | BPO | KPO |\n");
	expect_contains(md, "\n## Risks and how to manage them\n\n- Knowledge leaks");
	free(text);
	free(md);
}

/* "Where to source it" is a section of its own, apart from the advice, and
 * only there when an advisory of that part holds. */
Test(report, where_to_source_it_apart_from_the_advice)
{
	struct fixture f;
	fixture_init(&f, 2);
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	cr_expect(strstr(text, "Where to source it") == NULL);
	cr_expect(strstr(md, "Where to source it") == NULL);
	free(text);
	free(md);
	f.advisories[1] = 1;
	f.v.nadvisories = 2;
	text = render(&f, REPORT_TEXT);
	md = render(&f, REPORT_MARKDOWN);
	expect_contains(text, "\nWorth knowing\n-------------\n  ! Keep core work in-house\n");
	expect_contains(text, "end\n\nWhere to source it\n------------------\n  -> Look nearby\n"
			      "     Close teamwork goes best in your time zone.\n");
	expect_contains(md, "\n## Worth knowing\n\n- **Keep core work in-house:** Work");
	expect_contains(md, "end\n\n## Where to source it\n\n- **Look nearby:** Close teamwork goes "
			    "best in your time zone.\n");
	free(text);
	free(md);
	char *json = render(&f, REPORT_JSON);
	expect_contains(json, "\"id\": \"keep_core\",");
	expect_contains(json, "best in your time zone.\",\n      \"part\": \"where\"\n");
	expect_contains(json, "\"part\": \"advice\"\n");
	free(json);
	f.advisories[0] = 1; /* where to source it only: no advice */
	f.v.nadvisories = 1;
	text = render(&f, REPORT_TEXT);
	expect_contains(text, "\nWorth knowing\n-------------\nNone for these answers.\n");
	expect_contains(text, "\nWhere to source it\n------------------\n  -> Look nearby\n");
	free(text);
}

/* The strength says why rules lowered it, in both reports. */
Test(report, strength_says_why_it_was_lowered)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.options[1][1].weaken_why = "the data is regulated";
	f.lowered[0] = (struct lowering){LOWER_ANSWER, 1, 1, 0};
	f.v.lowered = f.lowered, f.v.nlowered = 1, f.v.lowered_steps = 1;
	f.v.strength = STRENGTH_LEANING;
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	expect_contains(text, "\nKPO looks the better fit\nStrength: leaning, one step lower because the "
			      "data is regulated\n");
	expect_contains(md, "\n**Strength:** leaning, one step lower because the data is regulated\n");
	free(text);
	free(md);
}

/* When no single answer changes it, the pair that would, with both answers. */
Test(report, pair_flip_names_both_answers)
{
	struct fixture f;
	fixture_init(&f, 2);
	f.flips[0] = (struct flip){0, 1, 1, 0, {0, STRENGTH_SPLIT, 0}};
	char *text = render(&f, REPORT_TEXT);
	char *md = render(&f, REPORT_MARKDOWN);

	expect_contains(text, "  - No single answer changes it, but answering \"High\" for Routine work "
			      "and\n    \"Low | small\" for Expertise together would make it a split.\n");
	expect_contains(md, "- No single answer changes it, but answering \"**High**\" for Routine work "
			    "and \"**Low \\| small**\" for Expertise together would make it a split.\n");
	free(text);
	free(md);
}

/* The balance bar never shows the marker on the wrong side of the split
 * zone, at any width: in the zone exactly when |balance| < split_band. */
Test(report, balance_marker_in_zone_exactly_for_a_split)
{
	static const double bands[] = {0.15, 0.2, 0.37, 0.6};
	size_t checked = 0;

	for (int width = 1; width <= 60; width++)
		for (size_t b = 0; b < sizeof bands / sizeof bands[0]; b++)
			for (int i = -100; i <= 100; i++) {
				double balance = i / 100.0;
				struct balance_cells cells;
				balance_layout(balance, bands[b], width, &cells);
				int in_zone = balance_part_at(&cells, cells.marker) == BALANCE_MARKER &&
					      cells.marker >= cells.split_from && cells.marker <= cells.split_to;
				int split = fabs(balance) < bands[b];
				cr_assert_eq(in_zone, split, "width %d band %g balance %g: marker %d, zone %d..%d",
					     width, bands[b], balance, cells.marker, cells.split_from, cells.split_to);
				cr_assert(cells.marker >= 0 && cells.marker < width);
				checked++;
			}
	cr_expect_gt(checked, 40000);
}
