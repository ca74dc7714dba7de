#!/usr/bin/env python3
"""Writes a crafted results log that a naive summariser reads in quadratic
time: every record has values no other record has (answers, mode,
recommendation, strength), and with --headers every record comes under a
header line of its own. The crc32s are right, so every record counts.
Usage: gen_log.py HEADER_LOG OUT RECORDS [--headers]
HEADER_LOG is any results log: its first line is the header to use."""
import sys
import zlib

src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = "--headers" in sys.argv[4:]
header = open(src, encoding="utf-8").readline().rstrip("\n")
cols = header.split(",")


def crc(text):
    return "%08x" % zlib.crc32(text.encode())


with open(out, "w", encoding="utf-8", newline="\n") as f:
    if not headers:
        f.write(header + "\n")
    for i in range(n):
        h = header
        if headers:  # a column of its own makes the header (and its crc) unique
            h = header.replace(",recommendation,", ",extra%d,recommendation," % i)
            f.write(h + "\n")
        cells = []
        for name in h.split(","):
            if name == "time":
                cells.append("2026-01-01T00:00:%02dZ" % (i % 60))
            elif name == "session":
                cells.append("%016x" % i)
            elif name == "columns":
                cells.append(crc(h))
            elif name == "crc32":
                break
            elif name.startswith("score."):
                cells.append("1")
            else:
                cells.append("v%d%s" % (i, name[:1]))
        body = ",".join(cells) + ","
        f.write(body + crc(body) + "\n")
