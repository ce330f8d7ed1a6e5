#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh CONFIG: build/initramfs/CONFIG.cpio with busybox, the guest
# init, the guest tests, static helper programs and the test modules built
# for CONFIG.  Per-boot settings go in a second archive (see qemu.sh).
. "$(dirname "$0")/lib.sh"

name=${1:?usage: initramfs.sh CONFIG}
obj=${OBJ_DIR:-$OBJ_ROOT/$name}
out=$BUILD/initramfs/$name.cpio
stage=$BUILD/initramfs/$name.d
busybox=/bin/busybox

[ -x "$busybox" ] && file -L "$busybox" | grep -q 'statically linked' ||
	die "$busybox is not a static busybox: run 'make deps' (busybox-static)"

rm -rf "$stage"
mkdir -p "$stage"/{bin,etc,guest/bin,guest/tests,guest/modules,lib/modules}
cp "$busybox" "$stage/bin/busybox"
cp "$TOP/harness/guest/init" "$stage/init"
cp "$TOP/harness/guest/run-tests" "$TOP/harness/guest/show.sh" "$stage/guest/"
cp "$TOP"/tests/guest/*.sh "$stage/guest/tests/"
chmod +x "$stage/init" "$stage/guest/run-tests"

# Static helper programs: tests/guest/bin/*.c, one program each.
mkdir -p "$BUILD/initramfs/bin"
for c in "$TOP"/tests/guest/bin/*.c; do
	[ -e "$c" ] || continue
	exe=$BUILD/initramfs/bin/$(basename "$c" .c)
	if [ ! -x "$exe" ] || [ "$c" -nt "$exe" ]; then
		gcc -static -O2 -Wall -Werror -o "$exe" "$c" ||
			die "compiling $c failed"
	fi
	cp "$exe" "$stage/guest/bin/"
done

# The series' own tools, from the tree this configuration was built from.
src=$(config_src "$name")
if [ -f "$src/tools/vm/allocinfo.c" ]; then
	gcc -static -O2 -Wall -Werror -o "$stage/guest/bin/allocinfo" \
		"$src/tools/vm/allocinfo.c" || die "compiling allocinfo failed"
fi

# Test modules built against this configuration's kernel.
if [ -d "$obj/test-modules" ]; then
	find "$obj/test-modules" -name '*.ko' -exec cp {} "$stage/guest/modules/" \;
fi
# Modules of the kernel itself (KUnit suites built as modules, ...).
if [ -f "$obj/modules.order" ] && [ -s "$obj/modules.order" ]; then
	sed 's/\.o$/.ko/' "$obj/modules.order" | while read -r m; do
		[ -f "$obj/$m" ] && cp "$obj/$m" "$stage/guest/modules/"
	done
fi

(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --quiet) >"$out.tmp"
mv "$out.tmp" "$out"
