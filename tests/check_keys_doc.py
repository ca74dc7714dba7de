#!/usr/bin/env python3
"""README's key table and the man page's KEYS name every key the key table
in screens/keys.h documents (issue 11), and name no key it lacks.

A key is documented when its action has a help line and the key has a name
(a [keys] text of content/texts.ini, or the character it types). Usage:
check_keys_doc.py SOURCE_ROOT"""
import configparser
import re
import sys

root = sys.argv[1]
keys_h = open(f"{root}/screens/keys.h", encoding="utf-8").read()
texts = configparser.ConfigParser(interpolation=None, strict=False, comment_prefixes=(";",))
texts.read(f"{root}/content/texts.ini", encoding="utf-8")

table = keys_h[keys_h.index("#define KEYS_ACTIONS"):keys_h.index("#define KEYS_ENUM")]
names = set()
for row in re.finditer(r"X\((\w+), (\w+), \w+, \w+,(.*?)\)\s*\\?\s*(?=X\(|/\*|$)", table, re.S):
    if row.group(2) == "KEYS_NO_TEXT":
        continue
    for code, name in re.findall(r"K\(('.'|[^,]+), [^,]+, (\w+)\)", row.group(3)):
        if name == "KEYS_NO_TEXT":
            continue
        if name == "KEYS_AS_TYPED":
            names.add(code.strip("'"))
        else:
            key = name.removeprefix("T_KEYS_").lower()  # NAME_UP -> name_up
            names.add(texts["keys"][key])


def tokens(text):
    """Key names in a cell: "Up/Down, k/j" gives Up, Down, k, j; a lone "/"
    (the find key) stays a name."""
    text = re.sub(r"(\w) ?\\?- ?(\w)", r"\1-\2", text.replace('"', "").replace("`", ""))
    out = set()
    for t in re.split(r"[\s,]+", text):
        out |= {t} if t == "/" else {p for p in t.split("/") if p}
    return out


readme = open(f"{root}/README.md", encoding="utf-8").read()
section = readme[readme.index("### Keys in the wizard"):]
lines = section.splitlines()[1:]
start = next(i for i, l in enumerate(lines) if l.startswith("|"))
rows = []
for l in lines[start + 2:]:  # after the header and its rule; the table ends at a non-row
    if not l.startswith("|"):
        break
    rows.append(l)
readme_keys = set()
for l in rows:
    readme_keys |= tokens(l.split("|")[1])

man = open(f"{root}/src/cli/outsource-wizard.1", encoding="utf-8").read()
keys_sec = man[man.index(".SH KEYS"):]
keys_sec = keys_sec[:keys_sec.index(".PP")]
man_keys = set()
for l in keys_sec.splitlines():
    if l.startswith(".B"):
        man_keys |= tokens(re.sub(r"^\.BR? ", "", l).replace("\\", ""))

bad = 0
for where, shown in (("README.md key table", readme_keys), ("man page KEYS", man_keys)):
    for n in sorted(names - shown):
        print(f"{where}: lacks the key {n!r}, which the key table documents")
        bad += 1
    extra = {t for t in shown - names if t not in ("Ctrl-C",)}  # Ctrl-C: raw mode, not help
    for n in sorted(extra):
        print(f"{where}: names {n!r}, which the key table does not document")
        bad += 1
print(f"{len(names)} documented keys: README and man page " + ("agree" if not bad else f"differ ({bad})"))
sys.exit(1 if bad else 0)
