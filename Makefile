# stockterm: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
ARGS ?=

.PHONY: run test deps build release bench bench-tui bench-session clean completions manual

## Install missing system packages, build in release mode, start stockterm on the demo catalog.
run: deps release
	.build/release/stockterm $(ARGS)

## Install what the tests need, then run the whole suite.
## Tests that measure time (rate limits, injected latency, a download cancelled mid-stream, kills
## spread over a purchase flow, pictures on a pty) run in a second phase, one at a time: with the
## whole suite beside them on two cores they measured the machine's load rather than stockterm.
TIMED_TESTS = StockFlowLimitsTests|StockSandboxTests.StocksyTests|DownloaderTests|PurchaseCrashTests|StockFlowBurstAndRefreshTests|GraphicsE2ETests

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(TIMED_TESTS)'
	$(SWIFT) test --skip-build --no-parallel --filter '$(TIMED_TESTS)'

## System packages (Debian): ncursesw and SQLite headers, tmux for the end-to-end tests.
deps:
	@scripts/ensure-system-packages.sh libncursesw5-dev libsqlite3-dev libjpeg62-turbo-dev libpng-dev tmux python3-botocore

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product stockterm

## Speed and memory figures on a generated 1,000,000-asset catalog (see docs/benchmarks.md).
bench: deps release
	scripts/bench-catalog.sh

## The browser's own speed on its pty stream: demo catalog at 80x24 and 200x60, then the
## 1,000,000-asset catalog of `make bench` when it has been generated (see docs/benchmarks.md).
bench-tui: deps release
	scripts/bench-tui.py --size 80x24
	scripts/bench-tui.py --size 200x60
	@if [ -s .build/bench/catalog-1000000.jsonl ]; then \
	  scripts/bench-tui.py --catalog .build/bench/catalog-1000000.jsonl --cache .build/bench/cache --runs 5 --search-sessions 10; \
	else echo "no 1M catalog: run make bench first"; fi

## Issue 4's efficiency session: the browser against a StockFlow emulator with 200 ms latency
## (requests by step, 429s, page moves at once; see docs/benchmarks.md).
bench-session: deps release
	scripts/bench-session.py --binary .build/release/stockterm --runs 2

## Shell completions and the man page, from swift-argument-parser's generators.
completions: release
	mkdir -p .build/completions
	.build/release/stockterm --generate-completion-script bash > .build/completions/stockterm.bash
	.build/release/stockterm --generate-completion-script zsh > .build/completions/_stockterm
	.build/release/stockterm --generate-completion-script fish > .build/completions/stockterm.fish

## Man pages, one per command, into .build/manual (view with: man -l .build/manual/stockterm.1).
manual:
	mkdir -p .build/manual
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual --multi-page -o .build/manual

clean:
	rm -rf .build

## Fuzz the three clients' decoders with libFuzzer, FUZZ_SECONDS per service (docs/fuzzing.md).
## Fails on a crash, a leak or a hang (5 s on one input); new inputs stay in .build-fuzz/runs.
## -sanitize=fuzzer,address again: SwiftPM passes the two as separate flags and swiftc keeps the
## last, so without it the code has no coverage instrumentation and libFuzzer fuzzes blind.
FUZZ_SECONDS ?= 120
FUZZ_SERVICES ?= stocksy adobe stockflow
.PHONY: fuzz
fuzz: deps
	nice -n 19 $(SWIFT) build -c debug --sanitize fuzzer --sanitize address --scratch-path .build-fuzz \
	  --product WireFuzz -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address
	scripts/fuzz-decoders.sh .build-fuzz/debug/WireFuzz $(FUZZ_SECONDS) $(FUZZ_SERVICES)
