# StressTest toolkit. `make run` opens the REPL; `make test` runs every test.
# Both first install the Debian packages the build links against, when they are missing.

SWIFT ?= swift
DEBIAN_PACKAGES := libopenblas-dev liblapacke-dev libedit-dev
# Reference data (RIS 2023, COINr ASEM, RCI 2022) for the tests; see ../shared/data/SOURCES.md.
STRESSTEST_FIXTURES ?= $(abspath ../shared/data)
export STRESSTEST_FIXTURES

TOUR_PAGE := docs/tour.html

FUZZ_TARGETS := csv survey portfolio script notebook escaping
# Seconds per fuzz target: `make fuzz FUZZ_SECONDS=1800`; `make test` runs each for 5.
FUZZ_SECONDS ?= 60

.PHONY: run test build release deps reference-data benchmark compare clean fuzz fuzz-build

run: deps release
	@mkdir -p docs && .build/release/stresstest render Data/notebooks/tour.md -o $(TOUR_PAGE) && echo "The tour notebook, rendered: $(TOUR_PAGE)"
	.build/release/stresstest repl --portfolio demo

# Every test (the end-to-end ones render the tour notebook too), the tour's page for the README,
# then a short run of every fuzz target.
test: deps reference-data
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@mkdir -p docs && .build/debug/stresstest render Data/notebooks/tour.md -o $(TOUR_PAGE) && echo "The tour notebook, rendered: $(TOUR_PAGE)"
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=5

# The libFuzzer targets (Sources/Fuzzing), instrumented with libFuzzer and AddressSanitizer. swiftc
# keeps only the last -sanitize= it is given, so both go in one flag after SwiftPM's own.
fuzz-build: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --sanitize fuzzer --sanitize address \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --product stresstest-fuzz

# Each fuzz target for FUZZ_SECONDS from the seed corpus (Fuzz/corpus); fails on a crash, hang
# or memory blow-up, keeping the input in .build-fuzz/artifacts/.
fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do Fuzz/run.sh $$target $(FUZZ_SECONDS) || exit 1; done

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product stresstest

# Installs missing Debian packages as root (or with password-less sudo); otherwise prints the
# command to run and stops.
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "The build needs these Debian packages:$$missing"; \
	    echo "Install them, then run make again:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

# Under CI the reference-data tests must never be skipped: fail if the data is missing.
reference-data:
	@if [ ! -d "$(STRESSTEST_FIXTURES)/ris" ] || [ ! -d "$(STRESSTEST_FIXTURES)/asem" ] || [ ! -d "$(STRESSTEST_FIXTURES)/rci" ]; then \
	  if [ "$$CI" = "true" ]; then \
	    echo "error: the reference data is missing at $(STRESSTEST_FIXTURES) (expected ris/, asem/, rci/); CI must have it."; \
	    exit 1; \
	  else \
	    echo "note: no reference data at $(STRESSTEST_FIXTURES); the tests that need it will be skipped."; \
	  fi; \
	fi

# Swift benchmarks alone (ordo-one/benchmark).
benchmark: deps
	$(SWIFT) package --scratch-path .build-bench benchmark

# The benchmarks side by side with numpy, printing the ratios.
compare: deps
	python3 Benchmarks/compare.py

clean:
	rm -rf .build .build-bench .build-fuzz $(TOUR_PAGE)
