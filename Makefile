# The README's two commands:
#   make run    install what is missing, build, start the app
#   make test   install what is missing, build everything with warnings as errors, run every
#               test (GPU tests on lavapipe), then the sanitizer build and a fuzz smoke run
JOBS ?= $(shell nproc)
BUILD ?= build
export XDG_RUNTIME_DIR ?= /tmp/agora-runtime-$(shell id -u)

.PHONY: run test deps build build-ci test-main test-sanitize fuzz-smoke package test-package test-package-ci clean

deps:
	@bash scripts/install-deps.sh
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/app/agora

HARDENING = -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro -Wl,-z,now"

build-ci: deps
	cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAGORA_WERROR=ON $(HARDENING)
	cmake --build build-ci -j $(JOBS)

test-main: build-ci
	cd build-ci && ctest --output-on-failure -j $(JOBS) --timeout 900

# CPU-side engine tests under ASan/UBSan. GPU tests stay out: lavapipe JIT-compiles shaders
# into executable memory that ASan's allocator interposition and leak checker misreport.
test-sanitize: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAGORA_SANITIZE=ON \
	      -DAGORA_WERROR=ON -DAGORA_BUILD_APP=OFF -DAGORA_GPU_TESTS=OFF
	cmake --build build-asan -j $(JOBS) --target agora_unit_tests
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	      ctest --output-on-failure -j $(JOBS) -L unit --timeout 900

fuzz-smoke: deps
	@if [ -f tests/fuzz/run.sh ]; then bash tests/fuzz/run.sh smoke; fi

# The .deb: a release build without tests, then CPack (packaging/packaging.cmake).
PKG_BUILD ?= build-package
package: deps
	cmake -S . -B $(PKG_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DAGORA_BUILD_TESTS=OFF $(HARDENING)
	cmake --build $(PKG_BUILD) -j $(JOBS)
	cd $(PKG_BUILD) && cpack -G DEB
	@ls -1 $(PKG_BUILD)/agora_*.deb

# lintian, desktop-file-validate, appstreamcli, then the binaries run from a dpkg -x root.
test-package: package
	bash tests/packaging/check_package.sh "$$(ls -1t $(PKG_BUILD)/agora_*.deb | head -n1)"

# CI packages the build it has just tested (CPack strips the binaries) instead of building a
# third time: the package check then covers exactly the binaries the tests ran.
test-package-ci: build-ci
	rm -f build-ci/agora_*.deb
	cd build-ci && cpack -G DEB
	bash tests/packaging/check_package.sh "$$(ls -1t build-ci/agora_*.deb | head -n1)"

test: test-main test-package-ci test-sanitize fuzz-smoke

clean:
	rm -rf build build-ci build-asan build-fuzz build-package
