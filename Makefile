# Journeywall: `make run` opens the editor, `make test` runs every test. Both set up what is
# missing first (system packages, npm packages, tools) and build.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

APP_PACKAGES  := libwebkit2gtk-4.1-dev build-essential pkg-config
# Readers we did not write for the slide deck (src-tauri/tests/deck.rs): LibreOffice Impress (80 MB
# to fetch, 260 MB installed, about half a minute), Carlito (Calibri's metrics, so LibreOffice sets
# the deck's text as PowerPoint does), and a venv for python-pptx (Debian's own Python is PEP 668).
DECK_PACKAGES := libreoffice-impress fonts-crosextra-carlito python3-venv
TEST_PACKAGES := xvfb xauth webkit2gtk-driver poppler-utils qpdf mupdf-tools ghostscript imagemagick chromium $(DECK_PACKAGES)
PPTX_PYTHON   := target/venv/bin/python
BIN           := target/debug/journeywall
UI_STAMP      := ui/node_modules/.package-lock.json
XVFB          := xvfb-run -a -s "-screen 0 1600x1000x24"

.PHONY: run test bench fuzz package setup setup-test build ui lint test-rust test-ui test-e2e clean

run: setup build
	$(BIN)

test: setup-test build
	$(MAKE) --no-print-directory lint test-rust test-ui test-e2e

# --- set-up --------------------------------------------------------------------------------------

setup:
	@scripts/ensure-packages.sh $(APP_PACKAGES)
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from your package manager or rustup, then run make again." >&2; exit 1; }
	@command -v npm >/dev/null || { echo "Node.js 20+ and npm are missing: apt-get install nodejs npm, then run make again." >&2; exit 1; }
	@$(MAKE) --no-print-directory $(UI_STAMP)

setup-test: setup
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked
	@$(PPTX_PYTHON) -c 'import pptx' 2>/dev/null || { python3 -m venv target/venv && target/venv/bin/pip install -q 'python-pptx==1.0.2'; }
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

$(UI_STAMP): ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund

# --- build ---------------------------------------------------------------------------------------

ui:
	cd ui && npm run --silent build

build: ui
	cargo build -p journeywall

# --- tests ---------------------------------------------------------------------------------------

# A formatting slip or a lint fails the suite like a failing test: rustfmt, clippy, module cycles,
# and ESLint with React's rules of hooks for the UI. (`tsc --noEmit` runs in every UI build, so
# `build` has checked the TypeScript already.)
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	python3 scripts/module-cycles.py src-tauri/core/src src-tauri/src ui/src
	cd ui && npx eslint --max-warnings 0 .

test-rust:
	cargo test --workspace

test-ui:
	node --test ui/tests/

test-e2e:
	$(XVFB) timeout 900 node --test tests/e2e/

# Every parser of outside input, fed mutated sample files for as long as asked (see
# src-tauri/core/tests/fuzz.rs); `make test` runs a thousand cases of each.
CASES ?= 20000
fuzz: setup
	PROPTEST_CASES=$(CASES) cargo test --release -p journeywall-core --test fuzz

# --- figures and packages ------------------------------------------------------------------------

bench: setup-test build
	scripts/bench.sh

# The Tauri CLI comes from crates.io: the npm package's per-platform binaries are not all on the
# registry these machines reach, which breaks `npm ci`. Both bundles are built offline (tauri's
# own .deb and .rpm writers; AppImage and NSIS would download tools).
package: setup
	@command -v cargo-tauri >/dev/null || cargo install tauri-cli --version '^2' --locked
	@scripts/ensure-packages.sh rpm
	cd ui && npm run --silent build
	cargo tauri build --bundles deb,rpm
	@ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
	@# Read back by Debian's rpm, a reader we did not write: its header and its files.
	rpm -qip target/release/bundle/rpm/*.rpm
	rpm -qlp target/release/bundle/rpm/*.rpm

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
