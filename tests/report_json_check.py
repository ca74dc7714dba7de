#!/usr/bin/env python3
"""Checks the JSON report with a real JSON parser.

Usage: report_json_check.py BINARY CONTENT_DIR ANSWERS_FILE

Runs `BINARY --content CONTENT_DIR --answers ANSWERS_FILE --format json`,
parses the output with json.loads (strict: a raw control character in a
string is an error), and checks that the keys the README promises are there
with the right types and that every id names something in the content. The
content's ids come from the models.ini section names and, when the binary
supports it, from `--check-content --format json`, which is parsed as well.
Exit 0 when all is well, 1 with one line per problem otherwise.
"""

import json
import os
import re
import subprocess
import sys

STRENGTHS = {"clear", "leaning", "close"}


class Problems:
    def __init__(self):
        self.items = []

    def check(self, ok, what):
        if not ok:
            self.items.append(what)
        return ok


def run(argv):
    proc = subprocess.run(argv, capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(argv), proc.returncode,
                                                  proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8")  # invalid UTF-8 is a failure too


def model_ids_from_ini(content_dir):
    """Model ids are the section names of models.ini (lower case, as loaded)."""
    ids = []
    with open(os.path.join(content_dir, "models.ini"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*\[([^\]]+)\]", line)
            if m:
                ids.append(m.group(1).strip().lower())
    return ids


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def is_str_or_null(x):
    return x is None or isinstance(x, str)


def check_recommendation(p, r, models):
    if not p.check(isinstance(r, dict), "recommendation is not an object"):
        return
    p.check(r.get("model") in models,
            "recommendation.model %r is not a model id of the content %r" % (r.get("model"), models))
    for key in ("name", "headline"):
        p.check(isinstance(r.get(key), str) and r.get(key), "recommendation.%s is not a non-empty string" % key)
    p.check(r.get("strength") in STRENGTHS, "recommendation.strength %r is not one of %s"
            % (r.get("strength"), sorted(STRENGTHS)))
    p.check("split" in r and is_str_or_null(r.get("split")), "recommendation.split is not a string or null")
    p.check(is_number(r.get("margin")), "recommendation.margin is not a number")
    if r.get("strength") == "close":
        p.check(isinstance(r.get("split"), str), "a close call has no split sentence")


def check_model_map(p, name, obj, models, value_ok, value_kind):
    if not p.check(isinstance(obj, dict), "%s is not an object" % name):
        return
    p.check(sorted(obj) == sorted(models), "%s has keys %s, the content's models are %s"
            % (name, sorted(obj), sorted(models)))
    for k, v in obj.items():
        p.check(value_ok(v), "%s.%s is %r, not %s" % (name, k, v, value_kind))


def check_answers(p, answers, questions):
    if not p.check(isinstance(answers, dict), "answers is not an object"):
        return
    for k, v in answers.items():
        p.check(isinstance(v, str), "answers.%s is %r, not a string" % (k, v))
    if questions is None:
        return
    p.check(sorted(answers) == sorted(questions), "answers has questions %s, the content has %s"
            % (sorted(answers), sorted(questions)))
    for q, o in answers.items():
        p.check(o in questions.get(q, ()), "answers.%s = %r is not an option of that question" % (q, o))


def check_list_of(p, name, items, keys):
    """Every item an object whose keys are strings (or the given checks)."""
    if not p.check(isinstance(items, list), "%s is not an array" % name):
        return []
    for i, item in enumerate(items):
        if not p.check(isinstance(item, dict), "%s[%d] is not an object" % (name, i)):
            continue
        for key, ok in keys.items():
            p.check(key in item and ok(item[key]), "%s[%d].%s is missing or %r" % (name, i, key, item.get(key)))
    return [x for x in items if isinstance(x, dict)]


def check_ids(p, name, items, key, allowed):
    for i, item in enumerate(items):
        if allowed is not None and isinstance(item.get(key), str):
            p.check(item[key] in allowed, "%s[%d].%s %r is not in the content" % (name, i, key, item[key]))


def check_report(p, rep, models, questions):
    if not p.check(isinstance(rep, dict), "the report is not a JSON object"):
        return
    for key in ("recommendation", "scores", "percent", "answers", "reasons", "flips",
                "advisories", "comparison", "unsure"):
        p.check(key in rep, "key %r missing" % key)
    check_recommendation(p, rep.get("recommendation"), models)
    check_model_map(p, "scores", rep.get("scores"), models, is_number, "a number")
    check_model_map(p, "percent", rep.get("percent"), models,
                    lambda v: is_int(v) and 0 <= v <= 100, "an integer 0..100")
    check_answers(p, rep.get("answers"), questions)
    p.check(is_int(rep.get("unsure")) and rep.get("unsure") >= 0, "unsure is not a count")
    s = lambda v: isinstance(v, str)
    reasons = check_list_of(p, "reasons", rep.get("reasons"),
                            {"question": s, "option": s, "model": s, "push": is_number})
    check_ids(p, "reasons", reasons, "model", models)
    check_ids(p, "reasons", reasons, "question", questions)
    flips = check_list_of(p, "flips", rep.get("flips"), {"question": s, "option": s, "model": s})
    check_ids(p, "flips", flips, "model", models)
    check_ids(p, "flips", flips, "question", questions)
    check_list_of(p, "advisories", rep.get("advisories"), {"id": s, "title": s, "text": s})
    rows = check_list_of(p, "comparison", rep.get("comparison"),
                         {"id": s, "dimension": s, "marked": lambda v: v is None or v in models})
    for i, row in enumerate(rows):
        check_model_map(p, "comparison[%d].cells" % i, row.get("cells"), models, s, "a string")


def content_ids(p, binary, content_dir, ini_models):
    """(model ids, {question id: [option ids]}) from --check-content --format json."""
    try:
        content = json.loads(run([binary, "--content", content_dir, "--check-content", "--format", "json"]))
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
        p.check(False, "--check-content --format json: %s" % e)
        return ini_models, None
    models = [m.get("id") for m in content.get("models", [])]
    p.check(models == ini_models, "content JSON models %s differ from models.ini %s" % (models, ini_models))
    questions = {q.get("id"): [o.get("id") for o in q.get("options", [])]
                 for q in content.get("questions", [])}
    return ini_models, questions


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 1
    binary, content_dir, answers_file = argv[1:]
    p = Problems()
    models = model_ids_from_ini(content_dir)
    models, questions = content_ids(p, binary, content_dir, models)
    try:
        out = run([binary, "--content", content_dir, "--answers", answers_file, "--format", "json"])
        check_report(p, json.loads(out), models, questions)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        p.check(False, str(e))
    except ValueError as e:  # JSONDecodeError and UnicodeDecodeError
        p.check(False, "the JSON report does not parse: %s" % e)
    if p.items:
        for item in p.items:
            print("FAIL: %s" % item, file=sys.stderr)
        return 1
    print("ok: the JSON report for %s parses and holds every key" % answers_file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
