#!/usr/bin/env python3
"""Writes rgb16.png: a 48×32 16-bit RGB PNG (no library but zlib), standard output.

Pixel (x, y) is red = x·5·257, green = y·8·257, blue = (255 − (x + y) mod 256)·257, except that the top-left
pixel is (0x1234, 0x00FF, 0xFF00) to tell rounding (libpng's scale_16) from truncation. Every
other channel value is a multiple of 257, which scales to 8 bits exactly: the byte repeated.
"""
import struct, sys, zlib

W, H = 48, 32
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

raw = bytearray()
for y in range(H):
    raw.append(0)  # filter: none
    for x in range(W):
        r, g, b = x * 5 * 257, y * 8 * 257, (255 - (x + y) % 256) * 257
        if (x, y) == (0, 0):
            r, g, b = 0x1234, 0x00FF, 0xFF00
        raw += struct.pack(">HHH", r, g, b)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 16, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
sys.stdout.buffer.write(png)
