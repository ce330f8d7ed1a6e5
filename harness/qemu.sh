#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# qemu.sh CONFIG MODE [TAG]: boot build/obj/CONFIG in QEMU.
#   MODE tests: run the guest tests named in $TESTS
#   MODE cmd:   run $CMD in the guest; exit with its status
#   MODE shell: interactive shell on the console (Ctrl-a x quits QEMU)
# Environment: APPEND (kernel parameters), OBJ_DIR (another build of CONFIG,
# named by VARIANT to the guest tests), TCG_OPTS (more -accel tcg options,
# e.g. thread=single), GUEST_FILES (directory copied to
# /extra), TIMEOUT (seconds, default 900), KVM=1 (opt in to KVM), SHOW=1 (show
# the console while it runs), QEMU_EXTRA (more QEMU arguments), SMP, MEM.
# Logs: build/logs/TAG.console.log (serial console) and TAG.results.log.
# Exit status: 0 when the guest reached its end marker (cmd: the command's
# status), 124 on a hang, 125 when the guest died before the end marker.
. "$(dirname "$0")/lib.sh"

name=${1:?usage: qemu.sh CONFIG MODE [TAG]}
mode=${2:?usage: qemu.sh CONFIG MODE [TAG]}
tag=${3:-qemu-$name-$mode}
valid_config "$name"
obj=${OBJ_DIR:-$OBJ_ROOT/$name}
kernel=$obj/arch/x86/boot/bzImage
[ -f "$kernel" ] || die "$kernel not built: run 'make build CONFIG=$name'"
command -v qemu-system-x86_64 >/dev/null ||
	die "qemu-system-x86_64 not found: run 'make deps'"

"$TOP/harness/initramfs.sh" "$name"

console=$LOGS/$tag.console.log
results=$LOGS/$tag.results.log
conf=$BUILD/initramfs/$tag.conf.d
rm -rf "$conf"
mkdir -p "$conf/etc"
{
	printf 'MODE=%s\n' "$mode"
	printf 'CONFIG=%s\n' "$name"
	printf 'VARIANT=%s\n' "${VARIANT:-}"
	printf 'TESTS="%s"\n' "${TESTS:-}"
	printf 'KERNEL_RELEASE=%s\n' "$(cat "$obj/include/config/kernel.release")"
	printf 'TEST_TIMEOUT=%s\n' "${TEST_TIMEOUT:-600}"
	printf 'STRESS_SECS=%s\n' "${STRESS_SECS:-60}"
	printf 'export CONFIG VARIANT KERNEL_RELEASE TEST_TIMEOUT STRESS_SECS\n'
} >"$conf/etc/guest.conf"
printf '%s\n' "${CMD:-true}" >"$conf/etc/guest-cmd"
if [ -n "${GUEST_FILES:-}" ]; then
	[ -d "$GUEST_FILES" ] || die "GUEST_FILES=$GUEST_FILES is not a directory"
	cp -r "$GUEST_FILES" "$conf/extra"
fi
(cd "$conf" && find . | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --quiet) >"$conf.cpio"
cat "$BUILD/initramfs/$name.cpio" "$conf.cpio" >"$BUILD/initramfs/$tag.cpio"

accel=(-accel "tcg${TCG_OPTS:+,$TCG_OPTS}")
if [ "${KVM:-0}" = 1 ]; then
	accel=(-accel kvm -cpu host)
fi
smp=${SMP:-2}
mem=${MEM:-1024}
numa=()
if [ "$smp" = 2 ]; then
	half=$((mem / 2))
	numa=(-object memory-backend-ram,id=m0,size=${half}M
	      -object memory-backend-ram,id=m1,size=$((mem - half))M
	      -numa node,nodeid=0,cpus=0,memdev=m0
	      -numa node,nodeid=1,cpus=1,memdev=m1)
fi

args=(qemu-system-x86_64 -nodefaults -no-user-config "${accel[@]}"
	-machine pc -m "${mem}M" -smp "$smp,sockets=$smp,cores=1,threads=1" "${numa[@]}"
	-display none -vga none -no-reboot
	-kernel "$kernel" -initrd "$BUILD/initramfs/$tag.cpio"
	-append "console=ttyS0 panic=-1 loglevel=7 ${APPEND:-}"
	${QEMU_EXTRA:-})

: >"$results"
rc=0
if [ "$mode" = shell ]; then
	"${args[@]}" -serial mon:stdio -serial "file:$results"
	exit 0
fi
timeout=${TIMEOUT:-900}
if [ "${SHOW:-0}" = 1 ]; then
	timeout -k 10 "$timeout" "${args[@]}" -serial stdio -serial "file:$results" \
		</dev/null 2>&1 | tee "$console" || rc=${PIPESTATUS[0]}
else
	timeout -k 10 "$timeout" "${args[@]}" -serial "file:$console" \
		-serial "file:$results" </dev/null >"$LOGS/$tag.qemu.log" 2>&1 || rc=$?
fi
tr -d '\r' <"$results" >"$results.tmp" && mv "$results.tmp" "$results"
tr -d '\r' <"$console" >"$console.tmp" && mv "$console.tmp" "$console"

if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	msg "qemu: $name guest hung: no end after ${timeout}s (log $console); last 40 lines:"
	tail -n 40 "$console" | sed 's/^/    | /'
	exit 124
fi
if ! grep -q '^GUEST-END' "$results"; then
	msg "qemu: $name guest stopped before its end marker (QEMU status $rc; log $console); last 40 lines:"
	tail -n 40 "$console" | sed 's/^/    | /'
	[ -s "$LOGS/$tag.qemu.log" ] && sed 's/^/    qemu: /' "$LOGS/$tag.qemu.log"
	exit 125
fi
if [ "$mode" = cmd ]; then
	grep -v '^GUEST-\(START\|END\|EXIT\)' "$results" || true
	exit "$(sed -n 's/^GUEST-EXIT: //p' "$results" | tail -n 1)"
fi
exit 0
