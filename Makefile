# SPDX-License-Identifier: GPL-2.0
# Thin entry points; the logic lives in harness/.  'make help' lists them.
H := harness
CONFIG ?= default
export CONFIG CMD APPEND GUEST_FILES KVM TIMEOUT FORCE STRESS_SECS ITERS UPSTREAM

.PHONY: help deps run shell check build work export export-check lint kunit \
	bisect bench docs clean

help:
	@echo 'make run          build, boot, show /proc/allocinfo and vm.mem_profiling'
	@echo '                  (CMD=..., CONFIG=..., APPEND=..., GUEST_FILES=dir, KVM=1)'
	@echo 'make check        every test; ends with "N passed, N failed"'
	@echo 'make shell        interactive guest shell (Ctrl-a x quits)'
	@echo 'make build        build CONFIG (default, debug, off, baseline)'
	@echo 'make work         build/work: git tree of base + one commit per patch'
	@echo 'make export       build/work -> patches/ (deterministic)'
	@echo 'make export-check fail if build/work and patches/ differ'
	@echo 'make lint         checkpatch --strict on every patch'
	@echo 'make kunit        kunit.py run --arch=x86_64 with the series .kunitconfig'
	@echo 'make bisect       build and boot after every patch, feature on and off'
	@echo 'make bench        allocation benchmark in every mode (build/bench);'
	@echo '                  UPSTREAM=1 adds upstream 6.12 (builds two more kernels)'
	@echo 'make docs         kernel-doc and Sphinx over the documentation of the series'
	@echo 'make deps         install missing packages and extract the base' 

deps:
	@bash $(H)/deps.sh && bash $(H)/base.sh

run:
	@bash $(H)/run.sh

shell: deps
	@bash $(H)/build.sh $(CONFIG) && bash $(H)/qemu.sh $(CONFIG) shell

check:
	@bash $(H)/check.sh

build: deps
	@bash $(H)/build.sh $(CONFIG)

work: deps
	@bash $(H)/work.sh

export:
	@bash $(H)/export.sh

export-check:
	@bash $(H)/export.sh --check

lint: deps
	@bash $(H)/lint.sh

kunit: deps
	@bash $(H)/kunit.sh

bisect: deps
	@bash $(H)/bisect.sh

bench: deps
	@bash $(H)/bench.sh

docs: deps
	@bash $(H)/docs.sh

clean:
	rm -rf build/obj build/src build/src.* build/initramfs build/logs \
		build/roundtrip build/bisect build/kunit
