#!/usr/bin/env python3
"""Issue 6's byte budget and quality measure: stockterm's half-block pictures beside chafa's.

For each image (PNG or JPEG), at 40x20 cells unless --size says otherwise:

  1. flattens it to 8-bit RGB (pngtopnm -mix over white, or djpeg; netpbm and libjpeg-turbo-progs)
     as NAME.ppm, and back to NAME.png so that chafa reads exactly the same pixels;
  2. runs `chafa -f symbols -s 40x20 --symbols half -c full|256 --animate off` into NAME.chafa-MODE.ans
     (issue 6's yardstick), and the same with `--symbols hhalf` ("▀▄" only, like ours) into
     NAME.chafa-hhalf-MODE.ans for reference;
  3. runs the StockImages comparison test (`swift test --skip-build --filter HalfBlockComparisonTests`
     with STOCKTERM_IMAGE_COMPARE set to the work directory), which writes NAME.ours-MODE.ans and
     checks that our bytes are at most 1.5 times chafa's, and writes PictureQuality.meanError of each
     picture in ours.tsv (the "swift" column below: the same measure computed in Swift);
  4. parses the outputs as a terminal would (SGR colours, cursor moves, newlines; the cells "▀",
     "▄", "▌", "▐", "█" and space) and prints, per image and colour mode, the bytes and the mean
     colour error: the mean Euclidean RGB distance between each shown pixel (two per cell) and the
     image scaled by area averaging to the picture's pixels (columns x 2 rows), as
     PictureQuality.meanError does; a cell split left and right shows the mean of its two colours
     in each half. In brackets, the same per quarter cell against the image at 2·columns x 2·rows,
     which credits chafa's left-right splits. Palette indices 0-15 are taken as xterm's default colours
     (chafa's 256-colour mode uses them; stockterm uses only 16-255). A cell left in the
     terminal's default colour counts as black.

Usage: scripts/image-quality.py [--size 40x20] [--keep DIR] [--no-swift] IMAGE...
Python 3 standard library only; the package's tests must be built (`swift build --build-tests`).
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = {"full": "full", "256": "256"}   # our mode name -> chafa's -c
CUBE = [0, 95, 135, 175, 215, 255]
SYSTEM = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
          (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
          (255, 0, 255), (0, 255, 255), (255, 255, 255)]


def palette(index):
    """The RGB that xterm shows for a 256-colour index."""
    if index < 16:
        return SYSTEM[index]
    if index < 232:
        n = index - 16
        return (CUBE[n // 36], CUBE[n // 6 % 6], CUBE[n % 6])
    level = 8 + 10 * (index - 232)
    return (level, level, level)


def read_ppm(path):
    """(width, height, bytes) of an 8-bit binary PPM."""
    data = open(path, "rb").read()
    tokens, i = [], 0
    while len(tokens) < 4:
        while data[i:i + 1].isspace():
            i += 1
        if data[i:i + 1] == b"#":
            while data[i:i + 1] != b"\n":
                i += 1
            continue
        start = i
        while not data[i:i + 1].isspace():
            i += 1
        tokens.append(data[start:i])
    if tokens[0] != b"P6" or tokens[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(tokens[1]), int(tokens[2])
    return width, height, data[i + 1:i + 1 + width * height * 3]


def taps(source, target):
    """Per target index: [(source index, weight)] — box coverage when shrinking, linear when growing."""
    result = []
    if target == source:
        return [[(i, 1.0)] for i in range(target)]
    if target < source:
        for i in range(target):
            low, high = i * source, (i + 1) * source
            row = []
            for j in range(low // target, (high - 1) // target + 1):
                covered = min(high, (j + 1) * target) - max(low, j * target)
                row.append((j, covered / source))
            result.append(row)
        return result
    scale = source / target
    for i in range(target):
        position = min(max((i + 0.5) * scale - 0.5, 0), source - 1)
        j = int(position)
        f = position - j
        result.append([(j, 1 - f), (j + 1, f)] if j + 1 < source and f > 0 else [(j, 1.0)])
    return result


def scaled(width, height, pixels, new_width, new_height):
    """The picture resampled as RGBImage.scaled(toWidth:height:) does, as rows of (r, g, b)."""
    columns, rows = taps(width, new_width), taps(height, new_height)
    between = []
    for y in range(height):
        base = y * width * 3
        line = []
        for tap in columns:
            r = g = b = 0.0
            for j, w in tap:
                k = base + j * 3
                r += w * pixels[k]; g += w * pixels[k + 1]; b += w * pixels[k + 2]
            line.append((r, g, b))
        between.append(line)
    out = []
    for tap in rows:
        line = []
        for x in range(new_width):
            r = g = b = 0.0
            for j, w in tap:
                p = between[j][x]
                r += w * p[0]; g += w * p[1]; b += w * p[2]
            line.append(tuple(min(255, max(0, int(v + 0.5))) for v in (r, g, b)))
        out.append(line)
    return out


SEQUENCE = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


def parse(text):
    """{(row, column): (top left, top right, bottom left, bottom right)} of what a terminal shows after
    `text`, 1-based, colours RGB or None (the terminal's default)."""
    cells = {}
    row, column = 1, 1
    fg = bg = None
    reverse = False
    i = 0
    while i < len(text):
        m = SEQUENCE.match(text, i)
        if m:
            params, final = m.group(1), m.group(2)
            if final == "H":
                parts = (params.split(";") + ["1", "1"])[:2]
                row, column = int(parts[0] or 1), int(parts[1] or 1)
            elif final == "m" and not params.startswith("?"):
                p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
                k = 0
                while k < len(p):
                    code = p[k]
                    if code == 0:
                        fg = bg = None; reverse = False; k += 1
                    elif code in (38, 48) and p[k + 1] == 5:
                        color = palette(p[k + 2]); k += 3
                        if code == 38: fg = color
                        else: bg = color
                    elif code in (38, 48) and p[k + 1] == 2:
                        color = tuple(p[k + 2:k + 5]); k += 5
                        if code == 38: fg = color
                        else: bg = color
                    elif code == 39:
                        fg = None; k += 1
                    elif code == 49:
                        bg = None; k += 1
                    elif code == 7:
                        reverse = True; k += 1
                    elif code == 27:
                        reverse = False; k += 1
                    elif 30 <= code <= 37 or 90 <= code <= 97:
                        fg = palette(code - 30 if code < 90 else code - 82); k += 1
                    elif 40 <= code <= 47 or 100 <= code <= 107:
                        bg = palette(code - 40 if code < 100 else code - 92); k += 1
                    else:
                        k += 1   # bold, blink and the like change no colour
            i = m.end()
            continue
        ch = text[i]
        i += 1
        if ch == "\n":
            row, column = row + 1, 1
            continue
        if ch == "\r":
            column = 1
            continue
        f, b = (bg, fg) if reverse else (fg, bg)
        if ch == "▀": shown = (f, f, b, b)
        elif ch == "▄": shown = (b, b, f, f)
        elif ch == "█": shown = (f, f, f, f)
        elif ch == " ": shown = (b, b, b, b)
        elif ch == "▌": shown = (f, b, f, b)
        elif ch == "▐": shown = (b, f, b, f)
        else: raise ValueError(f"unexpected character {ch!r}")
        cells[(row, column)] = shown
        column += 1
    return cells


def mean_error(cells, width, height, pixels, quarters=False):
    """(columns, rows, mean error, halves left in the default colour) of a parsed picture.

    By default a pixel is half a cell (issue 6's measure): a cell split left and right ("▌", "▐")
    shows the mean of its two colours in each half. With `quarters`, each quarter of a cell is
    compared with the image scaled to 2·columns x 2·rows, which credits left-right splits."""
    rows = sorted({r for r, _ in cells}); columns = sorted({c for _, c in cells})
    top, left = rows[0], columns[0]
    n_rows, n_columns = rows[-1] - top + 1, columns[-1] - left + 1
    across = 2 if quarters else 1
    reference = scaled(width, height, pixels, n_columns * across, n_rows * 2)
    total, defaults, count = 0.0, 0, 0
    for r in range(n_rows):
        for c in range(n_columns):
            shown = [q if q is not None else (0, 0, 0) for q in cells.get((top + r, left + c), (None,) * 4)]
            defaults += sum(1 for q in cells.get((top + r, left + c), (None,) * 4) if q is None)
            if quarters:
                parts = [(shown[0], 0, 0), (shown[1], 0, 1), (shown[2], 1, 0), (shown[3], 1, 1)]
            else:
                mean = lambda a, b: tuple((x + y) / 2 for x, y in zip(a, b))
                parts = [(mean(shown[0], shown[1]), 0, 0), (mean(shown[2], shown[3]), 1, 0)]
            for color, half, side in parts:
                expected = reference[r * 2 + half][c * across + side]
                total += sum((a - e) ** 2 for a, e in zip(color, expected)) ** 0.5
                count += 1
    return n_columns, n_rows, total / count, defaults


def to_ppm(image, ppm):
    """Flattens a PNG (alpha over white) or JPEG to an 8-bit binary PPM."""
    with open(image, "rb") as f:
        magic = f.read(8)
    if magic.startswith(b"\x89PNG"):
        decode = ["pngtopnm", "-mix", "-background=#ffffff", image]
    elif magic.startswith(b"\xff\xd8"):
        decode = ["djpeg", "-pnm", image]
    else:
        raise SystemExit(f"{image}: neither PNG nor JPEG")
    pnm = subprocess.run(decode, check=True, capture_output=True).stdout
    depth = subprocess.run(["pnmdepth", "255"], input=pnm, check=True, capture_output=True).stdout
    ppm_bytes = subprocess.run(["ppmtoppm"], input=depth, check=True, capture_output=True).stdout
    with open(ppm, "wb") as f:
        f.write(ppm_bytes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("images", nargs="+")
    parser.add_argument("--size", default="40x20")
    parser.add_argument("--keep", help="work directory to keep (default: a temporary one)")
    parser.add_argument("--no-swift", action="store_true", help="use the .ours-*.ans already in --keep")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="image-quality-")
    os.makedirs(work, exist_ok=True)

    stems = []
    for image in args.images:
        stem = re.sub(r"[^A-Za-z0-9_-]", "_", os.path.splitext(os.path.basename(image))[0])
        stems.append(stem)
        ppm, png = os.path.join(work, stem + ".ppm"), os.path.join(work, stem + ".png")
        to_ppm(image, ppm)
        with open(png, "wb") as f:
            f.write(subprocess.run(["pnmtopng", ppm], check=True, capture_output=True).stdout)
        for ours, theirs in MODES.items():
            for who, symbols in (("chafa", "half"), ("chafa-hhalf", "hhalf")):
                out = subprocess.run(["chafa", "-f", "symbols", "-s", args.size, "--symbols", symbols, "-c", theirs,
                                      "--animate", "off", png], check=True, capture_output=True).stdout
                with open(os.path.join(work, f"{stem}.{who}-{ours}.ans"), "wb") as f:
                    f.write(out)

    if not args.no_swift:
        env = dict(os.environ, STOCKTERM_IMAGE_COMPARE=work)
        test = subprocess.run(["swift", "test", "--skip-build", "--filter", "HalfBlockComparisonTests"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        if test.returncode != 0:
            sys.stdout.write(test.stdout[-4000:] + test.stderr[-2000:])
            raise SystemExit("the comparison test failed (bytes over budget, or not built)")

    print("bytes: ours / chafa --symbols half; error: mean RGB distance per half-cell pixel (quarter-cell in [])")
    print(f"{'image':<22} {'px':>8} {'mode':>4} | {'ours B':>6} {'chafa B':>7} {'ratio':>5} | {'ours':>11} "
          f"{'chafa':>11} {'ratio':>5} | {'chafa hhalf':>11} | {'swift':>5} | {'cells':>5}")
    swift = {}
    for line in open(os.path.join(work, "ours.tsv")):
        stem, mode, _, error = line.split("\t")
        swift[(stem, mode)] = float(error)
    for stem in stems:
        width, height, pixels = read_ppm(os.path.join(work, stem + ".ppm"))
        for mode in MODES:
            row = {}
            for who in ("ours", "chafa", "chafa-hhalf"):
                raw = open(os.path.join(work, f"{stem}.{who}-{mode}.ans"), "rb").read()
                cells = parse(raw.decode("utf-8"))
                columns, rows, error, defaults = mean_error(cells, width, height, pixels)
                fine = mean_error(cells, width, height, pixels, quarters=True)[2]
                row[who] = (len(raw), error, fine, f"{columns}x{rows}", defaults)
            ours, chafa, hhalf = row["ours"], row["chafa"], row["chafa-hhalf"]
            print(f"{stem[:22]:<22} {f'{width}x{height}':>8} {mode:>4} | {ours[0]:>6} {chafa[0]:>7} "
                  f"{ours[0] / chafa[0]:>5.2f} | {ours[1]:>5.1f} [{ours[2]:>4.1f}] {chafa[1]:>5.1f} [{chafa[2]:>4.1f}] "
                  f"{ours[1] / chafa[1] if chafa[1] else float('nan'):>5.2f} | {hhalf[1]:>5.1f} [{hhalf[2]:>4.1f}] | "
                  f"{swift.get((stem, mode), float('nan')):>5.1f} | "
                  f"{ours[3]:>5}" + ("" if ours[3] == chafa[3] else f" (chafa {chafa[3]})")
                  + (f"  default-colour quarters: ours {ours[4]}, chafa {chafa[4]}" if ours[4] or chafa[4] else ""))
        raw = open(os.path.join(work, f"{stem}.ours-grey.ans"), "rb").read()
        error = mean_error(parse(raw.decode("utf-8")), width, height, pixels)[2]
        print(f"{stem[:22]:<22} {f'{width}x{height}':>8} {'grey':>4} | {len(raw):>6} {'':>7} {'':>5} | {error:>5.1f}"
              f"{'':>7} {'(chafa has no grey mode)':>17}{'':>13} | {swift.get((stem, 'grey'), float('nan')):>5.1f} |")
    print(f"work directory: {work}")


if __name__ == "__main__":
    main()
