#!/usr/bin/env python3
"""Calibration scenarios: real tasks, honest answers, results an adviser would sign.

Usage: scenarios.py WIZARD [--content DIR] [--fixtures DIR] [--readme FILE]
                    [--mode check|sensitivity|table|readme] [--write-readme]

Each tests/fixtures/scenarios/*.ini holds one task: a [scenario] section
(title, source, accept, never) and an [answers] section with every question of
the content answered. The [answers] section is run through
`WIZARD --content DIR --answers FILE -f json` and the result read as a token:
bpo:clear, bpo:leaning, split, kpo:leaning, kpo:clear (model ids from the
content; `bpo:*` in accept or never matches either strength).

Modes:
  check        every result is in accept and not in never (default)
  sensitivity  changing any one answer to the option just before or after it
               moves the result at most one step along
               first:clear, first:leaning, split, second:leaning, second:clear
  table        print the markdown table of scenarios and results
  readme       README holds exactly that table between the scenario markers;
               with --write-readme, rewrite it there instead
Exit 0 when all is well, 1 on a failed check, 2 on a broken fixture or run.
"""

import argparse
import concurrent.futures
import difflib
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BEGIN = "<!-- scenarios:begin -->"
END = "<!-- scenarios:end -->"
STRENGTHS = ("clear", "leaning")


class Broken(Exception):
    """A fixture, the content or a run that cannot be used at all (exit 2)."""


def parse_ini(path):
    """Sections in file order, each a list of (key, value, line text).

    The fixtures follow the content's INI rules: comments on their own lines,
    no continuation lines, so a few lines of parsing are enough and the
    [answers] lines can be copied out exactly as written.
    """
    sections, current = {}, None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line[0] in ";#":
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1].strip().lower()
                if current in sections:
                    raise Broken("%s:%d: section [%s] twice" % (path, n, current))
                sections[current] = []
            elif "=" in line and current is not None:
                key, value = (p.strip() for p in line.split("=", 1))
                sections[current].append((key, value, raw.rstrip("\n")))
            else:
                raise Broken("%s:%d: not a section or key = value line" % (path, n))
    return sections


class Content:
    """Question and model order as the binary itself loaded them."""

    def __init__(self, wizard, content_dir):
        out = run_json([wizard, "--content", content_dir, "--check-content", "-f", "json"])
        self.models = [m["id"] for m in out["models"]]
        self.names = {m["id"]: m["name"] for m in out["models"]}
        self.questions = []  # (id, [option ids in order, "Not sure" left out])
        self.unsure = set()
        for q in out["questions"]:
            opts = [o["id"] for o in q["options"] if not o.get("unsure")]
            self.unsure.update(o["id"] for o in q["options"] if o.get("unsure"))
            self.questions.append((q["id"], opts))
        if len(self.models) != 2:
            raise Broken("the strength scale needs exactly two models, content has %d"
                         % len(self.models))

    def tokens(self):
        """Every result token, in scale order."""
        first, second = self.models
        return ["%s:clear" % first, "%s:leaning" % first, "split",
                "%s:leaning" % second, "%s:clear" % second]

    def position(self, token):
        return self.tokens().index(token) - 2


class Scenario:
    def __init__(self, path, content):
        self.path = path
        self.file = os.path.basename(path)
        sections = parse_ini(path)
        for name in ("scenario", "answers"):
            if name not in sections:
                raise Broken("%s: no [%s] section" % (path, name))
        meta = {k: v for k, v, _ in sections["scenario"]}
        for key in ("title", "source", "accept", "never"):
            if not meta.get(key) and key != "never":
                raise Broken("%s: [scenario] has no %s" % (path, key))
        self.title, self.source = meta["title"], meta["source"]
        self.accept = expand(meta["accept"].split(), content, path)
        self.never = expand(meta.get("never", "").split(), content, path)
        both = [t for t in self.accept if t in self.never]
        if both:
            raise Broken("%s: %s both accepted and never" % (path, " ".join(both)))
        self.answers = {k: v for k, v, _ in sections["answers"]}
        check_answers(self.answers, content, path)

    def verdict(self, got):
        if got in self.never:
            return "NEVER"
        return "PASS" if got in self.accept else "FAIL"


def expand(words, content, path):
    """accept/never words to tokens, in scale order: bpo:* is both strengths."""
    valid = content.tokens()
    out = set()
    for w in words:
        if w.endswith(":*") and w[:-2] in content.models:
            out.update("%s:%s" % (w[:-2], s) for s in STRENGTHS)
        elif w in valid:
            out.add(w)
        else:
            raise Broken("%s: unknown result %r (use %s or MODEL:*)"
                         % (path, w, ", ".join(valid)))
    return [t for t in valid if t in out]


def check_answers(answers, content, path):
    """Every question answered with one of its options: the suite is only
    honest if no answer is left to the binary's defaults."""
    known = dict(content.questions)
    missing = [q for q, _ in content.questions if q not in answers]
    if missing:
        raise Broken("%s: no answer for %s" % (path, ", ".join(missing)))
    for q, a in answers.items():
        if q not in known:
            raise Broken("%s: unknown question %s" % (path, q))
        if a not in known[q] and a not in content.unsure:
            raise Broken("%s: %s = %s is not an option (%s)"
                         % (path, q, a, ", ".join(known[q])))


def run_json(argv):
    proc = subprocess.run(argv, capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise Broken("%s exited %d: %s" % (" ".join(argv), proc.returncode,
                                           proc.stderr.decode("utf-8", "replace").strip()))
    return json.loads(proc.stdout.decode("utf-8"))


def result_token(report):
    """The result as a token, from the new json (outcome + strength) or the
    old one (model + strength, where "close" is the split)."""
    rec = report["recommendation"]
    if "outcome" in rec:
        outcome, strength = rec["outcome"], rec["strength"]
    else:
        outcome, strength = rec["model"], rec["strength"]
        if strength == "close":
            outcome = "split"
    if outcome == "split" or strength == "split":
        return "split"
    return "%s:%s" % (outcome, strength)


class Runner:
    """Runs answer sets through the binary, each distinct set only once."""

    def __init__(self, wizard, content_dir, order):
        self.wizard, self.content_dir, self.order = wizard, content_dir, order
        self.cache = {}
        self.tmp = tempfile.TemporaryDirectory(prefix="ow-scenarios-")

    def _key(self, answers):
        return tuple(answers[q] for q in self.order)

    def _run(self, key, n):
        path = os.path.join(self.tmp.name, "a%d.ini" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write("[answers]\n")
            f.writelines("%s = %s\n" % qa for qa in zip(self.order, key))
        argv = [self.wizard, "--content", self.content_dir, "--answers", path, "-f", "json"]
        return result_token(run_json(argv))

    def results(self, answer_sets):
        """Results for many answer sets, run in parallel: each run is a short
        process, so threads waiting on them are enough."""
        todo = sorted({self._key(a) for a in answer_sets} - self.cache.keys())
        workers = max(2, os.cpu_count() or 2)
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            for key, token in zip(todo, pool.map(self._run, todo, range(len(todo)))):
                self.cache[key] = token
        return [self.cache[self._key(a)] for a in answer_sets]

    def result(self, answers):
        return self.results([answers])[0]


def load(args):
    content = Content(args.wizard, args.content)
    paths = sorted(glob.glob(os.path.join(args.fixtures, "*.ini")))
    if not paths:
        raise Broken("no scenarios in %s" % args.fixtures)
    scenarios = [Scenario(p, content) for p in paths]
    runner = Runner(args.wizard, args.content, [q for q, _ in content.questions])
    return content, scenarios, runner


def mode_check(content, scenarios, runner, args):
    got = runner.results([s.answers for s in scenarios])
    width = max(len(s.title) for s in scenarios)
    failed = []
    for s, token in zip(scenarios, got):
        verdict = s.verdict(token)
        if verdict != "PASS":
            failed.append((s, token, verdict))
        print("%-5s %-*s  got %-11s accepted %s" % (verdict, width, s.title, token,
                                                   " ".join(s.accept)))
    print("\n%d scenarios, %d passed, %d failed (%d a must-never result)"
          % (len(scenarios), len(scenarios) - len(failed), len(failed),
             sum(v == "NEVER" for _, _, v in failed)))
    for s, token, verdict in failed:
        what = "must never be" if verdict == "NEVER" else "not accepted:"
        print("FAILED %s: %s %s (accepted %s)" % (s.path, what, token, " ".join(s.accept)))
    return 1 if failed else 0


def neighbours(content, answers):
    """(question, from, to, changed answers) for every one-step change."""
    for q, opts in content.questions:
        here = answers[q]
        if here not in opts:
            continue  # "Not sure" has no place in the order to step from
        i = opts.index(here)
        for j in (i - 1, i + 1):
            if 0 <= j < len(opts):
                changed = dict(answers)
                changed[q] = opts[j]
                yield q, here, opts[j], changed


def mode_sensitivity(content, scenarios, runner, args):
    cases = [(s, *n) for s in scenarios for n in neighbours(content, s.answers)]
    base = dict(zip((s.file for s in scenarios),
                    runner.results([s.answers for s in scenarios])))
    after = runner.results([c[4] for c in cases])
    bad = 0
    for (s, q, old, new, _), token in zip(cases, after):
        before = base[s.file]
        if abs(content.position(token) - content.position(before)) > 1:
            bad += 1
            print("JUMP %s: %s %s -> %s moves %s -> %s"
                  % (s.file, q, old, new, before, token))
    print("%d one-answer changes checked over %d scenarios (%d runs), %d jump more than one step"
          % (len(cases), len(scenarios), len(runner.cache), bad))
    return 1 if bad else 0


def describe(tokens, content):
    """Tokens in words for the table, in scale order: "BPO clear or leaning, split"."""
    groups = []  # [label, [strengths]]
    for t in tokens:
        model, _, strength = t.partition(":")
        label = content.names.get(model, model)
        if groups and groups[-1][0] == label and strength:
            groups[-1][1].append(strength)
        else:
            groups.append([label, [strength] if strength else []])
    # "clear or leaning" on both sides reads better than the scale's order
    return ", ".join(("%s %s" % (g, " or ".join(sorted(s)))) if s else g for g, s in groups)


def table(content, scenarios, runner):
    got = runner.results([s.answers for s in scenarios])
    lines = ["| scenario | source | accepted | result |", "|---|---|---|---|"]
    for s, token in zip(scenarios, got):
        result = describe([token], content)
        verdict = s.verdict(token)
        if verdict == "NEVER":
            result += " (must never appear)"
        elif verdict == "FAIL":
            result += " (not accepted)"
        lines.append("| %s | %s | %s | %s |" % (s.title, s.source,
                                                describe(s.accept, content), result))
    return lines


def mode_table(content, scenarios, runner, args):
    print("\n".join(table(content, scenarios, runner)))
    return 0


def mode_readme(content, scenarios, runner, args):
    with open(args.readme, encoding="utf-8") as f:
        text = f.read()
    begin, end = text.find(BEGIN), text.find(END)
    if begin < 0 or end < begin:
        print("%s: no %s ... %s markers" % (args.readme, BEGIN, END))
        return 1
    head, old, tail = text[:begin + len(BEGIN)], text[begin + len(BEGIN):end], text[end:]
    new = "\n" + "\n".join(table(content, scenarios, runner)) + "\n"
    if old == new:
        print("%s: the scenario table is current" % args.readme)
        return 0
    if args.write_readme:
        with open(args.readme, "w", encoding="utf-8") as f:
            f.write(head + new + tail)
        print("%s: scenario table rewritten" % args.readme)
        return 0
    print("%s: the scenario table is out of date; run %s --write-readme"
          % (args.readme, " ".join(sys.argv[:1] + [args.wizard, "--mode", "readme"])))
    sys.stdout.writelines(difflib.unified_diff(
        old.splitlines(True), new.splitlines(True), "README (now)", "README (current table)"))
    return 1


MODES = {"check": mode_check, "sensitivity": mode_sensitivity,
         "table": mode_table, "readme": mode_readme}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wizard")
    ap.add_argument("--content", default=os.path.join(ROOT, "content"))
    ap.add_argument("--fixtures", default=os.path.join(HERE, "fixtures", "scenarios"))
    ap.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    ap.add_argument("--mode", choices=sorted(MODES), default="check")
    ap.add_argument("--write-readme", action="store_true",
                    help="with --mode readme (implied): rewrite the table in README")
    args = ap.parse_args()
    if args.write_readme:
        args.mode = "readme"
    try:
        content, scenarios, runner = load(args)
        with runner.tmp:
            return MODES[args.mode](content, scenarios, runner, args)
    except Broken as e:
        print("scenarios: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
