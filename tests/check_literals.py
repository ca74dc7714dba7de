#!/usr/bin/env python3
"""Fails when a user-facing English string appears in the C code of the
screens or the report writers: every word a manager reads comes from
content/texts.ini (src/content/text_ids.def), so rewording or translating it
never needs a C change.

A string literal counts as words when, once printf conversions and escapes are
taken out, it still holds two letters in a row. Allowed without a word of
explanation: placeholder names (they are in text_ids.def), JSON member names
(first argument of jw_key, or any identifier in a JSON writer), and the
entries of tests/literals.allow ("path: literal", for diagnostics, file names
and terminal names that are not prose).

usage: check_literals.py SOURCE_ROOT
"""
import pathlib
import re
import sys

SCANNED = ["screens/*.c", "src/report/*.c", "src/cli/plain.c", "src/workshop/summary_write.c"]
# The terminal module prints only diagnostics, to stderr, before curses starts.
NOT_SCANNED = {"screens/terminal.c"}
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
CONVERSION = re.compile(r"%[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]")
ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]+|[0-7]{1,3}|.)")
IDENT = re.compile(r"^[a-z][a-z0-9_]*$")


def strip_comments(code):
    """Blanks out comments but keeps line numbers and string literals."""
    out, i, n = [], 0, len(code)
    while i < n:
        if code.startswith("/*", i):
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", code[i:j]))
            i = j
        elif code.startswith("//", i):
            j = code.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif code[i] in "\"'":
            q, j = code[i], i + 1
            while j < n and code[j] != q:
                j += 2 if code[j] == "\\" else 1
            out.append(code[i : j + 1])
            i = j + 1
        else:
            out.append(code[i])
            i += 1
    return "".join(out)


def placeholder_names(root):
    names = set()
    for line in (root / "src/content/text_ids.def").read_text().splitlines():
        m = re.match(r'TEXT\(\w+, "\w+", "\w+", "([a-z0-9_ ?]*)"\)', line)
        if m:
            names.update(n.rstrip("?") for n in m.group(1).split())
    return names


def allowed_list(root):
    allow = set()
    path = root / "tests/literals.allow"
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            file, _, lit = line.partition(": ")
            allow.add((file, lit))
    return allow


def is_words(text):
    bare = ESCAPE.sub(" ", CONVERSION.sub(" ", text))
    return re.search(r"[A-Za-z]{2}", bare) is not None


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    names, allow = placeholder_names(root), allowed_list(root)
    bad = []
    for pattern in SCANNED:
        for path in sorted(root.glob(pattern)):
            rel = str(path.relative_to(root))
            if rel in NOT_SCANNED:
                continue
            json_writer = "json" in path.name
            for lineno, line in enumerate(strip_comments(path.read_text()).splitlines(), 1):
                if line.lstrip().startswith("#include"):
                    continue
                for m in LITERAL.finditer(line):
                    text = m.group(1)
                    if not is_words(text) or (rel, m.group(0)) in allow:
                        continue
                    if IDENT.match(text) and (
                        text in names or json_writer or re.search(r"jw_key\(\s*\w+,\s*$", line[: m.start()])
                    ):
                        continue
                    bad.append(f"{rel}:{lineno}: {m.group(0)}")
    for b in bad:
        print(b)
    if bad:
        print(f"{len(bad)} user-facing literal(s) in C: put the words in content/texts.ini "
              "(and src/content/text_ids.def), or, for a diagnostic that is not prose, "
              "in tests/literals.allow")
        return 1
    print("no user-facing literals in the screens and report writers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
