#!/usr/bin/env bash
# Whole-process speed and memory of the local catalog on a generated 1,000,000-asset catalog,
# the in-process benchmarks (package-benchmark), and two yardsticks from the same run: the same
# match in the raw sqlite3 shell and `fzf --filter` over the titles. Figures go to stdout and to
# .build/bench/. Usage: scripts/bench-catalog.sh [count]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
BIN=$PWD/.build/release/stockterm
OUT=$PWD/.build/bench
CAT=$OUT/catalog-$COUNT.jsonl
export XDG_CACHE_HOME=$OUT/cache
mkdir -p "$OUT"
scripts/ensure-system-packages.sh hyperfine fzf sqlite3 time jq
[ -x "$BIN" ] || swift build -c release --product stockterm

echo "== generate $COUNT assets"
if [ ! -s "$CAT" ]; then
  /usr/bin/time -f "generate: %e s wall, max RSS %M KB" "$BIN" catalog generate --count "$COUNT" --seed 7 > "$CAT"
fi
ls -l "$CAT" | awk '{printf "catalog file: %.0f MB\n", $5/1e6}'

echo "== index build (cold)"
rm -rf "$XDG_CACHE_HOME"
/usr/bin/time -f "index build: %e s wall, max RSS %M KB" "$BIN" catalog import "$CAT" --quiet
du -sh "$XDG_CACHE_HOME"/stockterm/catalogs/* | sed 's/^/index size: /'

echo "== stockterm search as a whole process, warm index"
queries=("city" "новосибирск" '"golden hour"' "байкал" "type:video resolution:4k duration:5..20" "" "(lake OR river) AND winter -fog")
args=()
for q in "${queries[@]}"; do args+=("$BIN --catalog $CAT search '$q' --limit 60 --json"); done
hyperfine -N --warmup 3 --runs 20 --export-json "$OUT/whole-process.json" "${args[@]}" 2>&1 | grep -E "Benchmark|Time \(mean" || true
jq -r '.results[] | "\(.command | sub(".*search "; "search ")): median \(.median*1000 | floor) ms, max \(.max*1000 | floor) ms"' "$OUT/whole-process.json"

echo "== resident memory of one search"
for q in "city" "" "type:video resolution:4k"; do
  /usr/bin/time -f "max RSS %M KB: search '$q'" "$BIN" --catalog "$CAT" search "$q" --limit 60 --json > /dev/null
done

echo "== yardstick: the same match in the sqlite3 shell (bm25 over every match, then count)"
DB=$(ls -d "$XDG_CACHE_HOME"/stockterm/catalogs/*/index.sqlite | head -1)
for q in city night '"golden hour"' байкал; do
  printf '%s: ' "$q"
  printf '.timer on\n%s\n%s\n' \
    "SELECT count(*) FROM (SELECT rowid FROM asset_fts WHERE asset_fts MATCH '{title keywords description} : ($q)' ORDER BY bm25(asset_fts, 10.0, 4.0, 1.0, 0.0) LIMIT 60);" \
    "SELECT count(*) FROM asset_fts WHERE asset_fts MATCH '{title keywords description} : ($q)';" \
    | sqlite3 "$DB" 2>&1 | awk '/^Run Time/ {printf "%s s  ", $4} /^[0-9]+$/ {n=$1} END {printf "(top 60 by bm25, count of %s matches)\n", n}'
done

echo "== yardstick: fzf --filter over the titles"
[ -s "$OUT/titles-$COUNT.txt" ] || jq -r .title "$CAT" > "$OUT/titles-$COUNT.txt"
for q in city байкал; do
  /usr/bin/time -f "fzf --filter $q: %e s wall" fzf --filter "$q" < "$OUT/titles-$COUNT.txt" > /dev/null
done

echo "== in-process: search plus all facet counts (package-benchmark)"
STOCKTERM_BENCHMARKS=1 STOCKTERM_BENCH_CATALOG=$CAT swift package --scratch-path .build-bench \
  --allow-writing-to-package-directory benchmark \
  --no-progress --format markdown --time-units milliseconds 2>&1 | tee "$OUT/package-benchmark.md"
