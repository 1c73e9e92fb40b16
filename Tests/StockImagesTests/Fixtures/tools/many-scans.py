#!/usr/bin/env python3
"""Writes many-scans.jpg (standard output): a valid progressive greyscale JPEG of 16×16 pixels with
694 scans, more than the decoder's limit of 500 (STK_JPEG_MAX_SCANS).

jpegtran writes at most 100 scans per file, so this runs it once per group of nine AC
coefficients (each file: the DC scan, then for each coefficient a first scan at Al = 10, the
most libjpeg allows, and 10 refinements) and splices the AC scans of all the files after the first file's header and DC scan.
jpegtran is lossless, so every file has the same quantisation tables and coefficients.
Needs cjpeg and jpegtran (libjpeg-turbo-progs)."""
import os, subprocess, sys, tempfile

def run(args, data=None):
    return subprocess.run(args, input=data, stdout=subprocess.PIPE, check=True).stdout

def segments(jpeg):
    """(marker, bytes) for each marker segment; an SOS segment includes its entropy-coded data."""
    out, i = [], 2
    while i < len(jpeg):
        assert jpeg[i] == 0xFF
        marker = jpeg[i + 1]
        if marker == 0xD9:
            out.append((marker, jpeg[i:i + 2])); break
        length = jpeg[i + 2] << 8 | jpeg[i + 3]
        end = i + 2 + length
        if marker == 0xDA:
            while not (jpeg[end] == 0xFF and jpeg[end + 1] not in (0x00, *range(0xD0, 0xD8))):
                end += 1
        out.append((marker, jpeg[i:end])); i = end
    return out

tmp = tempfile.mkdtemp()
pgm = b"P5\n16 16\n255\n" + bytes((x * 16 + y * 3) % 256 for y in range(16) for x in range(16))
base = run(["cjpeg", "-grayscale", "-quality", "90"], pgm)
open(os.path.join(tmp, "base.jpg"), "wb").write(base)
files = []
for group in range(7):
    lines = ["0: 0 0 0 0;"]
    for k in range(group * 9 + 1, group * 9 + 10):
        lines.append("0: %d %d 0 10;" % (k, k))
        lines += ["0: %d %d %d %d;" % (k, k, al + 1, al) for al in range(9, -1, -1)]
    script = os.path.join(tmp, "scans%d.txt" % group)
    open(script, "w").write("\n".join(lines) + "\n")
    files.append(run(["jpegtran", "-scans", script, os.path.join(tmp, "base.jpg")]))

result = bytearray(b"\xFF\xD8")
for n, jpeg in enumerate(files):
    tables = []  # the Huffman tables that go with the next scan
    for marker, seg in segments(jpeg):
        if marker == 0xD9:
            continue
        if marker == 0xC4:
            tables.append(seg)
        elif marker == 0xDA:
            spectral_start = seg[4 + 1 + 2 * seg[4]]
            if n == 0 or spectral_start != 0:  # the DC scan once, from the first file
                result += b"".join(tables) + seg
            tables = []
        elif n == 0:
            result += seg  # APP0, DQT, SOF2

result += b"\xFF\xD9"
sys.stdout.buffer.write(bytes(result))
