#!/usr/bin/env python3
"""Fails when a function in src/ or screens/ runs over 60 lines: a function
should fit on a screen. Functions here open with "{" alone on a line and
close with "}" alone on a line (the project's style), which is what this
counts between.

usage: check_function_length.py SOURCE_ROOT [LIMIT]
"""
import pathlib
import sys


def long_functions(root, limit):
    for path in sorted(list(root.glob("src/**/*.c")) + list(root.glob("screens/*.c"))):
        lines = path.read_text().splitlines()
        start = None
        for i, line in enumerate(lines):
            if line == "{":
                start = i
            elif line == "}" and start is not None:
                body = i - start - 1
                if body > limit:
                    head = start - 1
                    while head > 0 and "(" not in lines[head]:
                        head -= 1
                    yield f"{path.relative_to(root)}:{head + 1}: {body} lines: {lines[head].strip()}"
                start = None


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    bad = list(long_functions(root, limit))
    for b in bad:
        print(b)
    print(f"{len(bad)} function(s) over {limit} lines" if bad else f"no function over {limit} lines")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
