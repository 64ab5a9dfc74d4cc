# The front door: `make demo` and `make test` work on a fresh Debian 12 machine.
# Each installs what is missing (scripts/install-deps.sh), configures, builds, runs.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
KG         := $(BUILD)/cli/kg
CMAKE_GEN  := -G Ninja

.PHONY: all deps build demo test test-release test-asan test-fuzz fuzz bench docs-image clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(KG) info samples/openai.json
	$(KG) validate samples/openai.json
	$(KG) path samples/openai.json musk microsoft --relations funded
	$(KG) rank samples/openai.json --by betweenness --top 5
	@mkdir -p out
	$(KG) render samples/openai.json -o out/openai.svg
	$(KG) render samples/openai.json -o out/openai.png
	$(KG) render samples/openai.json -o out/openai.html
	@echo "diagram: out/openai.svg, out/openai.png; evidence map: out/openai.html (open it in a browser)"

# The pictures README.md shows: the diagram, and the evidence map as the
# browser test photographs it.
docs-image: build
	$(KG) render samples/openai.json -o docs/openai.png
	ctest --test-dir $(BUILD) -R browser.viewer --output-on-failure
	cp $(BUILD)/tests/browser/viewer.png docs/viewer.png

# Every test: the release build's suite, the same suite under AddressSanitizer
# and UndefinedBehaviorSanitizer, and the fuzz targets' corpora and a short run.
test: test-release test-asan test-fuzz

test-release: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DKG_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

test-fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	ctest --test-dir $(FUZZ_BUILD) --output-on-failure

# A longer fuzzing session: make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 120
fuzz: test-fuzz
	mkdir -p $(FUZZ_BUILD)/corpus && cp tests/fuzz/corpus/kg_json/* $(FUZZ_BUILD)/corpus/
	$(FUZZ_BUILD)/tests/fuzz/fuzz_kg_json -max_total_time=$(FUZZ_SECONDS) -max_len=65536 $(FUZZ_BUILD)/corpus

bench: build
	@bash scripts/install-deps.sh --bench
	bench/run --build $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out
