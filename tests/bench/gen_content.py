#!/usr/bin/env python3
"""Writes a content directory with N generated questions (and rows and
advisories that refer to them) for the load benchmark."""
import os, shutil, sys

src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)
for f in ("wizard.ini", "models.ini", "texts.ini"):
    shutil.copy(os.path.join(src, f), dst)
with open(os.path.join(dst, "questions.ini"), "w") as q:
    for i in range(n):
        q.write(f"[q{i}]\ntitle = Question {i}\ntext = How does the task look from angle {i}?\n"
                f"help = Generated for the benchmark.\nweight = {1 + i % 3}\n"
                f"option.a = Routine\npoints.a.bpo = 3\noption.b = Mixed\npoints.b.bpo = 1\n"
                f"points.b.kpo = 1\ntag.b = mixed\noption.c = Expert\npoints.c.kpo = 3\n\n")
with open(os.path.join(dst, "comparison.ini"), "w") as c:
    for i in range(max(1, n // 10)):
        c.write(f"[r{i}]\ndimension = Row {i}\nquestion = q{i}\nbpo = Routine side\nkpo = Expert side\n\n")
with open(os.path.join(dst, "advisories.ini"), "w") as a:
    a.write("[split]\ntitle = Split\ntext = Split the work.\nwhen_tag = mixed 2\n")
