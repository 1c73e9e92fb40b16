#!/usr/bin/env python3
"""The efficiency session of issue 4 section 6, measured against a StockFlow emulator.

Against `stockterm sandbox --api stockflow --latency 200` (its own 120-per-minute limit), the
real browser in tmux: type a 12-character query at 10 keys per second, toggle two facets on and
off again, page through five pages (ten page moves of a screen each), open three details. Then it
reports, from the emulator's own count (`--stats-file`): how many requests reached it, per route,
and how many 429s it answered; and, from the screen, how many page moves showed the next rows at
once (no spinner, the range moved, within 100 ms of the key).

Usage: scripts/bench-session.py [--binary .build/release/stockterm] [--latency 200] [--runs 1]
Targets: at most 15 requests, no 429, at least 9 of 10 page moves without waiting. Thumbnail
fetches (the details' pictures) are reported apart: a real service serves them from its CDN.
"""
import argparse, json, os, re, signal, stat, subprocess, sys, tempfile, time

def tmux(sock, *args):
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout

def screen(sock):
    return tmux(sock, "capture-pane", "-p", "-t", "b").split("\n")

def status(sock):
    lines = [l for l in screen(sock) if l.strip()]
    return lines[-1] if lines else ""

RANGE = re.compile(r"(\d[\d,]*)–(\d[\d,]*) of ≈?(\d[\d,]*)")

def rng(line):
    m = RANGE.search(line)
    return tuple(int(g.replace(",", "")) for g in m.groups()) if m else None

def wait(sock, what, cond, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        s = screen(sock)
        if cond(s):
            return s
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {what}:\n" + "\n".join(screen(sock)))

def waiting(line):
    return "loading" in line

def catalog_file(binary, count):
    """A generated catalog big enough for a query to fill five pages of clips (the demo catalog
    has about 1,100 clips), made once under .build/bench."""
    path = os.path.join(".build", "bench", f"catalog-{count}.jsonl")
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".tmp", "w") as f:
            subprocess.run([binary, "catalog", "generate", "--count", str(count), "--seed", "7"], stdout=f, check=True)
        os.rename(path + ".tmp", path)
    return os.path.abspath(path)

def run(binary, latency, catalog, query, verbose):
    home = tempfile.mkdtemp(prefix="stockterm-session-")
    stats_file = os.path.join(home, "stats.json")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(home, "cache"), LANG="C.UTF-8")
    sandbox = subprocess.Popen([binary, "sandbox", "--api", "stockflow", "--port", "0", "--latency", str(latency),
                                "--catalog", catalog, "--quiet", "--stats-file", stats_file],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    url = key = None
    for line in sandbox.stdout:
        if url is None and "http://127.0.0.1:" in line:
            url = re.search(r"http://127\.0\.0\.1:\d+/v2", line).group(0)
        if "API key (admin scope)" in line:
            key = line.split()[-1]
            break
    key_file = os.path.join(home, "sf.key")
    with open(key_file, "w") as f:
        f.write(key + "\n")
    os.chmod(key_file, stat.S_IRUSR | stat.S_IWUSR)
    config = os.path.join(home, "config.toml")
    with open(config, "w") as f:
        f.write(f'default = "sf"\n[providers.sf]\nkind = "stockflow"\nendpoint = "{url}"\napi_key_file = "{key_file}"\n')

    sock = "stockterm-session-" + str(os.getpid())
    log = os.path.join(home, "requests.log")
    command = f"env STOCKTERM_CONFIG={config} STOCKTERM_LOG={log} XDG_CACHE_HOME={home}/cache LANG=C.UTF-8 {binary}; sleep 30"
    def sent():
        """Requests the browser has had answered so far (its STOCKTERM_LOG, one line each)."""
        try:
            with open(log) as f:
                return sum(1 for line in f if " → " in line and "/thumbs/" not in line)
        except FileNotFoundError:
            return 0
    phases = {}
    tmux(sock, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "30", "-s", "b", command)
    moves = []
    try:
        wait(sock, "the first page", lambda s: rng(status(sock)) is not None and not waiting(status(sock)))
        first = rng(status(sock))
        time.sleep(1.0)  # the page fetched ahead lands too
        phases["start"] = sent()
        # 1. Twelve characters at ten keys per second; the debounce sends one search.
        tmux(sock, "send-keys", "-t", "b", "/")
        time.sleep(0.1)
        for ch in query:
            tmux(sock, "send-keys", "-t", "b", "-l", ch)
            time.sleep(0.1)
        wait(sock, "results for the query", lambda s: (r := rng(status(sock))) is not None and r[2] != first[2]
             and not waiting(status(sock)))
        time.sleep(1.0)
        phases["query"] = sent()
        tmux(sock, "send-keys", "-t", "b", "Escape")  # back to the list
        # 2. Two facets on and off again (4K, then 1080p), each answer awaited.
        tmux(sock, "send-keys", "-t", "b", "Tab", "Tab")  # list -> search bar -> filters
        def toggle(what):
            before = status(sock)
            tmux(sock, "send-keys", "-t", "b", "Space")
            time.sleep(0.3)
            wait(sock, what, lambda s: not waiting(status(sock)) and rng(status(sock)) is not None)
        toggle("4k on")
        tmux(sock, "send-keys", "-t", "b", "j", "j", "j")  # 4k, 720p, 1080p
        toggle("1080p on")
        toggle("1080p off")
        tmux(sock, "send-keys", "-t", "b", "k", "k", "k")
        toggle("4k off")
        time.sleep(1.0)
        phases["facets"] = sent()
        # 3. Ten page moves, a second apart (a person reading the screen).
        tmux(sock, "send-keys", "-t", "b", "Tab")  # filters -> list
        time.sleep(1.0)
        for i in range(10):
            before = rng(status(sock))
            t0 = time.monotonic()
            tmux(sock, "send-keys", "-t", "b", "PageDown")
            ok = False
            while time.monotonic() - t0 < 0.1:
                line = status(sock)
                r = rng(line)
                if r and before and r[0] > before[0] and not waiting(line):
                    ok = True
                    break
                time.sleep(0.005)
            moves.append(ok)
            if verbose:
                print(f"  page move {i + 1}: {'at once' if ok else 'waited'} ({status(sock)[:60]})")
            wait(sock, "the page move to settle", lambda s: not waiting(status(sock)), timeout=30)
            time.sleep(1.0)
        phases["pages"] = sent()
        # 4. Three details, each read and closed.
        for i in range(3):
            tmux(sock, "send-keys", "-t", "b", "Enter")
            wait(sock, "a detail", lambda s: any("Duration" in l for l in s) and not waiting(status(sock)))
            tmux(sock, "send-keys", "-t", "b", "Escape", "j")
            time.sleep(0.3)
        phases["details"] = sent()
        tmux(sock, "send-keys", "-t", "b", "q")
        time.sleep(0.5)
    finally:
        tmux(sock, "kill-server")
        sandbox.send_signal(signal.SIGTERM)
        sandbox.wait(timeout=30)
    with open(stats_file) as f:
        stats = json.load(f)
    return stats, moves, phases

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build/release/stockterm")
    ap.add_argument("--latency", type=int, default=200)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--count", type=int, default=50000, help="assets in the generated catalog the emulator serves")
    ap.add_argument("--query", default="drone flight", help="the 12 characters typed")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    catalog = catalog_file(a.binary, a.count)
    for n in range(a.runs):
        stats, moves, phases = run(a.binary, a.latency, catalog, a.query, a.verbose)
        # Thumbnails come from a CDN on the real services (no API key, no rate limit); the emulator
        # serves them too, so they are counted apart from the API's requests.
        thumbs = sum(v for k, v in stats["requestsPerRoute"].items() if "/thumbs" in k)
        api = {k: v for k, v in stats["requestsPerRoute"].items() if "/thumbs" not in k}
        stats["totalRequests"] -= thumbs
        routes = ", ".join(f"{k} {v}" for k, v in sorted(api.items())) + f"; thumbnails {thumbs}"
        steps, last = [], 0
        for name in ["start", "query", "facets", "pages", "details"]:
            steps.append(f"{name} {phases.get(name, 0) - last}")
            last = phases.get(name, last)
        session = stats["totalRequests"] - phases.get("start", 0)
        print(f"run {n + 1}: {stats['totalRequests']} requests in all, {session} after the first screen "
              f"(by step: {', '.join(steps)}; by route: {routes}); 429s {stats['rateLimited']}; "
              f"page moves at once {sum(moves)} of {len(moves)}")

if __name__ == "__main__":
    main()
