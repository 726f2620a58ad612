# The two quick-start commands: `make run` and `make test`. Each installs OpenBLAS first
# when it is missing (scripts/ensure-openblas.sh); `make test` also strace, for the
# fault-injection tests (scripts/ensure-test-tools.sh), and chromium with fonts-noto-cjk, for
# the browser tests of the charts and reports (scripts/ensure-chromium.sh). `make check` is what CI runs after
# `make test` (.ci/run).
SIMULATE := .build/release/simulate
SIMULATE_DEBUG := .build/debug/simulate
SCENARIOS := $(sort $(wildcard Scenarios/*.toml))
CHECK_JUNIT := .build/check-junit.xml

.PHONY: run test check check-paths slurm-test deps build bench bench-mc bench-sensitivity readme-images clean

deps:
	@bash scripts/ensure-openblas.sh

build: deps
	swift build -c release --product simulate

# The main job: the baseline scenario's balance table, graduates against labour-brand capacity.
run: build
	$(SIMULATE) run Scenarios/china-baseline.toml --tables balance --format text

test: deps
	@bash scripts/ensure-test-tools.sh
	@bash scripts/ensure-chromium.sh
	swift test

# Every shipped scenario's [[expect]] entries; exit 1 when one fails. Uses the debug build,
# which `make test` has already made. JUnit report: $(CHECK_JUNIT).
check: deps
	swift build --product simulate
	$(SIMULATE_DEBUG) check $(SCENARIOS) --junit $(CHECK_JUNIT)

# Every shipped scenario at 100,000 paths for ten seeds, release build (scripts/check-paths.sh).
check-paths: build
	bash scripts/check-paths.sh

# A one-node Slurm cluster on this machine (as root): a sweep and a 100,000-path run as array
# jobs of 4 shards, merged and compared byte for byte with the single process
# (scripts/slurm-test.sh; installs slurm-wlm and munge when missing, scripts/ensure-slurm.sh).
slurm-test: build
	bash scripts/slurm-test.sh

bench: deps
	bash Benchmarks/run.sh

# Monte Carlo paths and a sweep against a vectorised numpy peer (docs/montecarlo-benchmark.md).
bench-mc: deps
	bash Benchmarks/montecarlo.sh

# A Sobol analysis of china-sensitivity (N = 1,024, 10,240 runs) at 1 and 200 paths against
# SALib's sampler and analyser around the numpy peer (docs/sensitivity.md, "Speed").
bench-sensitivity: deps
	bash Benchmarks/sensitivity.sh

# The README's chart images, docs/images/*.png (scripts/render-readme-images.sh).
readme-images: deps
	bash scripts/render-readme-images.sh

clean:
	swift package clean
