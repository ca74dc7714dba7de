#!/usr/bin/env python3
"""Checks the JSON report with a real JSON parser.

Usage: report_json_check.py BINARY CONTENT_DIR ANSWERS...

For each ANSWERS file (a directory: every .ini in it), runs
`BINARY --content CONTENT_DIR --answers ANSWERS --format json`, parses the
output with json.loads (strict: a raw control character in a string is an
error), and checks that the keys the README promises are there with the
right types, that every id names something in the content, and that the
result tells one story: a split has no model and names both parts, a model
has no parts, every flip's outcome agrees with its strength. The content's
ids come from the models.ini section names and, when the binary supports it,
from `--check-content --format json`, which is parsed as well.
Exit 0 when all is well, 1 with one line per problem otherwise.
"""

import json
import os
import re
import subprocess
import sys

STRENGTHS = {"clear", "leaning", "split"}
SPLIT = "split"
LOWERINGS = {"mixed", "unsure", "answer"}


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


def check_lowered(p, lowered, questions):
    if not p.check(isinstance(lowered, list), "recommendation.lowered is not an array"):
        return
    for i, low in enumerate(lowered):
        if not p.check(isinstance(low, dict) and low.get("kind") in LOWERINGS,
                       "recommendation.lowered[%d] is not a lowering of kind %s" % (i, sorted(LOWERINGS))):
            continue
        if low["kind"] == "answer":
            p.check(questions is None or low.get("question") in questions,
                    "recommendation.lowered[%d].question %r is not a question" % (i, low.get("question")))
        else:
            p.check(is_int(low.get("count")) and low["count"] > 0,
                    "recommendation.lowered[%d].count is not a positive count" % i)


def check_parts(p, r, models):
    """A split names no model and gives the two parts; a model has no parts."""
    parts, split = r.get("parts"), r.get("outcome") == SPLIT
    if not p.check(isinstance(parts, dict), "recommendation.parts is not an object"):
        return
    if split:
        p.check(r.get("model") is None, "a split recommends model %r" % r.get("model"))
        p.check(len(parts) == 2 and all(k in models for k in parts), "a split's parts %r do not name "
                "two models of the content" % sorted(parts))
        p.check(all(isinstance(v, str) and v for v in parts.values()), "a split's part is not a text")
        p.check(isinstance(r.get("split"), str) and r.get("split"), "a split has no split sentence")
    else:
        p.check(r.get("model") == r.get("outcome"), "recommendation.model %r is not its outcome %r"
                % (r.get("model"), r.get("outcome")))
        p.check(parts == {}, "a recommendation of one model has parts %r" % parts)
        p.check(r.get("split") is None, "a recommendation of one model has a split sentence")


def check_recommendation(p, r, models, questions):
    if not p.check(isinstance(r, dict), "recommendation is not an object"):
        return
    p.check(r.get("outcome") in models + [SPLIT], "recommendation.outcome %r is not a model id of %r "
            "or split" % (r.get("outcome"), models))
    p.check(r.get("model") is None or r.get("model") in models,
            "recommendation.model %r is not a model id of the content %r" % (r.get("model"), models))
    p.check(r.get("ahead") is None or r.get("ahead") in models, "recommendation.ahead %r is not a model"
            % r.get("ahead"))
    for key in ("headline", "strength_text"):
        p.check(isinstance(r.get(key), str) and r.get(key), "recommendation.%s is not a non-empty string" % key)
    for key in ("strength", "band_strength"):
        p.check(r.get(key) in STRENGTHS, "recommendation.%s %r is not one of %s"
                % (key, r.get(key), sorted(STRENGTHS)))
    p.check((r.get("strength") == SPLIT) == (r.get("outcome") == SPLIT),
            "recommendation.strength %r and outcome %r disagree" % (r.get("strength"), r.get("outcome")))
    p.check("split" in r and is_str_or_null(r.get("split")), "recommendation.split is not a string or null")
    for key in ("margin", "lead"):
        p.check(is_number(r.get(key)), "recommendation.%s is not a number" % key)
    check_lowered(p, r.get("lowered"), questions)
    check_parts(p, r, models)


def check_balance(p, b, models):
    if not p.check(isinstance(b, dict), "balance is not an object"):
        return
    for key in ("left", "right"):
        p.check(b.get(key) in models, "balance.%s %r is not a model" % (key, b.get(key)))
    p.check(len(models) < 2 or b.get("left") != b.get("right"), "balance has the same model at both ends")
    pos, split, clear = b.get("position"), b.get("split_band"), b.get("clear_band")
    p.check(is_number(pos) and -1 <= pos <= 1, "balance.position %r is not in -1..1" % (pos,))
    p.check(is_number(split) and 0 <= split <= 1, "balance.split_band %r is not in 0..1" % (split,))
    p.check(is_number(clear) and is_number(split) and split <= clear <= 1,
            "balance.clear_band %r is not in split_band..1" % (clear,))


def check_flips(p, flips, models, questions):
    s = lambda v: isinstance(v, str)
    flips = check_list_of(p, "flips", flips, {"question": s, "option": s, "outcome": s,
                                               "strength": lambda v: v in STRENGTHS,
                                               "tie": lambda v: isinstance(v, bool),
                                               "question2": is_str_or_null, "option2": is_str_or_null})
    check_ids(p, "flips", flips, "question", questions)
    check_ids(p, "flips", flips, "question2", questions)
    for i, f in enumerate(flips):
        p.check(f.get("outcome") in models + [SPLIT], "flips[%d].outcome %r is not a model or split"
                % (i, f.get("outcome")))
        p.check((f.get("outcome") == SPLIT) == (f.get("strength") == SPLIT or f.get("tie") is True),
                "flips[%d]: outcome %r and strength %r disagree" % (i, f.get("outcome"), f.get("strength")))
        p.check((f.get("question2") is None) == (f.get("option2") is None),
                "flips[%d]: question2 and option2 are not both set or both null" % i)
        if questions is not None:
            for q, o in (("question", "option"), ("question2", "option2")):
                if isinstance(f.get(q), str):
                    p.check(f.get(o) in questions.get(f[q], ()), "flips[%d].%s %r is not an option of %r"
                            % (i, o, f.get(o), f[q]))


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
    for key in ("recommendation", "scores", "balance", "answers", "reasons", "two_part", "flips",
                "advisories", "comparison", "unsure"):
        p.check(key in rep, "key %r missing" % key)
    p.check("percent" not in rep, "the report still has percentages")
    check_recommendation(p, rep.get("recommendation"), models, questions)
    check_model_map(p, "scores", rep.get("scores"), models, is_number, "a number")
    check_balance(p, rep.get("balance"), models)
    check_answers(p, rep.get("answers"), questions)
    p.check(is_int(rep.get("unsure")) and rep.get("unsure") >= 0, "unsure is not a count")
    s = lambda v: isinstance(v, str)
    reasons = check_list_of(p, "reasons", rep.get("reasons"),
                            {"question": s, "option": s, "model": s, "push": is_number})
    check_ids(p, "reasons", reasons, "model", models)
    check_ids(p, "reasons", reasons, "question", questions)
    two_part = check_list_of(p, "two_part", rep.get("two_part"), {"question": s, "option": s})
    check_ids(p, "two_part", two_part, "question", questions)
    check_flips(p, rep.get("flips"), models, questions)
    check_list_of(p, "advisories", rep.get("advisories"),
                  {"id": s, "title": s, "text": s, "part": lambda v: v in ("advice", "where")})
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


def answers_files(args):
    """The files named, a directory standing for every .ini in it."""
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, n) for n in os.listdir(a) if n.endswith(".ini"))
        else:
            files.append(a)
    return files


def check_one(p, binary, content_dir, answers_file, models, questions):
    """Checks one report; returns its outcome, or None when it did not parse."""
    before = len(p.items)
    try:
        out = run([binary, "--content", content_dir, "--answers", answers_file, "--format", "json"])
        rep = json.loads(out)
        check_report(p, rep, models, questions)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        p.check(False, str(e))
        return None
    except ValueError as e:  # JSONDecodeError and UnicodeDecodeError
        p.check(False, "the JSON report does not parse: %s" % e)
        return None
    p.items[before:] = ["%s: %s" % (os.path.basename(answers_file), x) for x in p.items[before:]]
    r = rep.get("recommendation") if isinstance(rep, dict) else None
    return r.get("outcome") if isinstance(r, dict) else None


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 1
    binary, content_dir = argv[1:3]
    p = Problems()
    models = model_ids_from_ini(content_dir)
    models, questions = content_ids(p, binary, content_dir, models)
    files = answers_files(argv[3:])
    p.check(files, "no answers files in %s" % " ".join(argv[3:]))
    outcomes = {f: check_one(p, binary, content_dir, f, models, questions) for f in files}
    if p.items:
        for item in p.items:
            print("FAIL: %s" % item, file=sys.stderr)
        return 1
    for f, o in outcomes.items():
        print("ok: the JSON report for %s (%s) parses and holds every key" % (f, o))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
