# The two quick-start commands: `make run` and `make test`. Each installs OpenBLAS first
# when it is missing (scripts/ensure-openblas.sh).
SIMULATE := .build/release/simulate

.PHONY: run test deps build bench bench-mc clean

deps:
	@bash scripts/ensure-openblas.sh

build: deps
	swift build -c release --product simulate

# The main job. Until the scenario engine lands: a real regression on shipped data.
run: build
	$(SIMULATE) fit Scenarios/data/graduates.csv "log(graduates_10k) ~ year" --predict year=2026,2027

test: deps
	swift test

bench: deps
	bash Benchmarks/run.sh

# Monte Carlo paths and a sweep against a vectorised numpy peer (docs/montecarlo-benchmark.md).
bench-mc: deps
	bash Benchmarks/montecarlo.sh

clean:
	swift package clean
