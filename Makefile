# stockterm: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
ARGS ?=

.PHONY: run test deps build release bench clean completions manual

## Install missing system packages, build in release mode, start stockterm on the demo catalog.
run: deps release
	.build/release/stockterm $(ARGS)

## Install what the tests need, then run the whole suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## System packages (Debian): ncursesw and SQLite headers, tmux for the end-to-end tests.
deps:
	@scripts/ensure-system-packages.sh libncursesw5-dev libsqlite3-dev tmux

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product stockterm

## Speed and memory figures on a generated 1,000,000-asset catalog (see docs/benchmarks.md).
bench: deps release
	scripts/bench-catalog.sh

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
