#!/usr/bin/env python3
"""Whole-process speed of the terminal browser, measured on the pty stream it writes.

Runs the release `stockterm` under a pseudo-terminal (no terminal emulator in between), sends keys
and times the bytes that come back:

  start       process start to the first complete frame (the status line shows "N of TOTAL")
  move        keystroke `j` to the end of the frame it causes, and the bytes of that frame
  search      Enter on a new query to the end of the frame with its results (1M catalog)
  idle        CPU used by the process over 10 s with nothing happening

A frame's end is its last byte before the output goes quiet; each key is sent only after the
previous frame has finished and the output has been quiet for a while.

Usage: scripts/bench-tui.py [--catalog FILE] [--cache DIR] [--size 80x24] [--moves N] [--idle S]
"""
import argparse, fcntl, os, pty, re, select, signal, statistics, struct, sys, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


class Session:
    def __init__(self, binary, args, env, cols, rows):
        self.start = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(binary, [binary] + args, env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd = pid, fd
        self.transcript = bytearray()
        self.answered = False

    # What xterm (as a VT420, its default) answers to the device attributes question the browser
    # asks at start (with kitty's graphics query and the cell size, which xterm does not answer):
    # no graphics protocol, so half blocks. A real terminal answers at once; without this the
    # browser would wait its 400 ms for a terminal that never answers.
    XTERM_DEVICE_ATTRIBUTES = b"\x1b[?64;1;2;6;9;15;16;17;18;21;22;28c"

    def _took(self, data):
        self.transcript += data
        if not self.answered and b"\x1b[c" in self.transcript:
            self.answered = True
            os.write(self.fd, self.XTERM_DEVICE_ATTRIBUTES)

    def read_until(self, predicate, timeout):
        """Reads until predicate(transcript) holds; returns the time of the read that made it true."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                continue
            data = os.read(self.fd, 65536)
            now = time.monotonic()
            self._took(data)
            if predicate(self.transcript):
                return now
        raise TimeoutError("the expected output did not arrive")

    def burst(self, quiet):
        """Reads until the output has been quiet for `quiet` seconds; returns (last byte time, bytes)."""
        last, count = None, 0
        while True:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return last, count
            data = os.read(self.fd, 65536)
            last = time.monotonic()
            count += len(data)
            self._took(data)

    def send(self, data):
        os.write(self.fd, data)
        return time.monotonic()

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def quit(self):
        os.write(self.fd, b"q")
        try:
            self.read_until(lambda t: False, 2)
        except (TimeoutError, OSError):
            pass
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


STATUS = re.compile(rb"of [0-9][0-9,]*")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/stockterm"))
    parser.add_argument("--catalog", help="JSON Lines catalog (default: the demo catalog)")
    parser.add_argument("--cache", default=None, help="XDG_CACHE_HOME with the catalog's index")
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--runs", type=int, default=10, help="start-up runs")
    parser.add_argument("--idle", type=float, default=10)
    parser.add_argument("--verbose", action="store_true", help="print each search's time")
    parser.add_argument("--search-sessions", type=int, default=1,
                        help="fresh browser processes that each run the queries once (more samples for the p99; "
                             "a fresh process keeps the queries new to its caches)")
    parser.add_argument("--queries", default="city,байкал,mountain lake,type:video 4k,\"golden hour\",forest -fog,қала,winter river,car,drone beach")
    opts = parser.parse_args()
    cols, rows = map(int, opts.size.split("x"))
    env = dict(os.environ, TERM=os.environ.get("TERM", "xterm-256color"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    if opts.cache:
        env["XDG_CACHE_HOME"] = opts.cache
    args = ["--catalog", opts.catalog] if opts.catalog else []
    label = os.path.basename(opts.catalog) if opts.catalog else "demo catalog"
    print(f"== {label}, {cols}x{rows}, TERM={env['TERM']}")

    # Warm the index (and the page cache) once, then time start-up.
    warm = Session(opts.binary, args, env, cols, rows)
    warm.read_until(lambda t: STATUS.search(t), 300)
    warm.quit()
    starts = []
    for _ in range(opts.runs):
        s = Session(opts.binary, args, env, cols, rows)
        done = s.read_until(lambda t: STATUS.search(t), 60)
        starts.append((done - s.start) * 1000)
        s.quit()
    print(f"start to first complete frame: median {statistics.median(starts):.1f} ms, max {max(starts):.1f} ms ({opts.runs} runs)")

    s = Session(opts.binary, args, env, cols, rows)
    s.read_until(lambda t: STATUS.search(t), 60)
    s.burst(0.3)
    latencies, sizes, scroll_latencies, scroll_sizes = [], [], [], []
    visible = rows - 3
    for i in range(opts.moves):
        sent = s.send(b"j")
        last, count = s.burst(0.05)
        if last is None:
            continue
        # Rows 1 ... visible-1 move the bar within the screen; then every press scrolls the list.
        position = i + 1
        if position < visible:
            latencies.append((last - sent) * 1000); sizes.append(count)
        else:
            scroll_latencies.append((last - sent) * 1000); scroll_sizes.append(count)
    if latencies:
        print(f"move one row (bar moves): p50 {percentile(latencies, 50):.2f} ms, p99 {percentile(latencies, 99):.2f} ms, "
              f"bytes median {statistics.median(sizes):.0f}, max {max(sizes)} ({len(latencies)} keys)")
    if scroll_latencies:
        print(f"move one row (list scrolls): p50 {percentile(scroll_latencies, 50):.2f} ms, p99 {percentile(scroll_latencies, 99):.2f} ms, "
              f"bytes median {statistics.median(scroll_sizes):.0f}, max {max(scroll_sizes)} ({len(scroll_latencies)} keys)")

    # New searches: / focuses the bar, ctrl-u clears it, the query is typed, Enter searches at once.
    # Each extra session is a new process, so that every query is new to its caches again.
    search_times = []
    for round_ in range(opts.search_sessions):
        if round_ > 0:
            s.quit()
            s = Session(opts.binary, args, env, cols, rows)
            s.read_until(lambda t: STATUS.search(t), 60)
            s.burst(0.3)
        for query in opts.queries.split(","):
            s.send(b"/")
            s.burst(0.05)
            # ctrl-u, the query and Enter in one write, as a paste would: Enter searches at once, so
            # the time runs from the keys to the frame with the results.
            sent = s.send(b"\x15" + query.encode() + b"\r")
            last, _ = s.burst(0.4)
            if last is not None:
                search_times.append((last - sent) * 1000)
                if opts.verbose:
                    print(f"  {query}: {search_times[-1]:.1f} ms")
    if search_times:
        print(f"new search (Enter to results painted): p50 {percentile(search_times, 50):.1f} ms, "
              f"p99 {percentile(search_times, 99):.1f} ms, max {max(search_times):.1f} ms ({len(search_times)} searches, "
              f"{opts.search_sessions} session{'s' if opts.search_sessions != 1 else ''})")

    s.burst(0.5)
    before = s.cpu_seconds()
    time.sleep(opts.idle)
    after = s.cpu_seconds()
    quiet, _ = s.burst(0.01)
    print(f"idle CPU over {opts.idle:.0f} s: {(after - before) / opts.idle * 100:.2f} % "
          f"({'no output' if quiet is None else 'it wrote while idle'})")
    s.quit()


if __name__ == "__main__":
    main()
