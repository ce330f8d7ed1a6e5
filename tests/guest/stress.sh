# SPDX-License-Identifier: GPL-2.0
# Stress, STRESS_SECS seconds (60 by default): a thread per CPU allocates
# and frees through kmalloc, pages, vmalloc and percpu, keeping a window
# of live objects, while vm.mem_profiling is switched every 10 ms (not
# under DEBUG, where it is read-only), a module is loaded and unloaded in
# a loop and /proc/allocinfo is read continuously.  Afterwards: the
# stress module's sites are back to zero, no site is negative, and the
# harness finds no splat in the log.
. /guest/tests/lib.sh

m=/guest/modules
[ -f $m/allocprof_stress.ko ] || fail "test modules missing"
[ -f $m/allocprof_giver.ko ] || fail "test modules missing"
[ -f $m/allocprof_holder.ko ] || fail "test modules missing"
f=/proc/allocinfo
[ -r $f ] || fail "$f missing"
secs=${STRESS_SECS:-60}
sysctl=/proc/sys/vm/mem_profiling
toggle=0
echo 1 2>/dev/null >$sysctl && toggle=1

insmod $m/allocprof_stress.ko secs="$secs" || fail "insmod stress"
n=$(cat /sys/module/allocprof_stress/parameters/nthreads)
[ "$n" -ge 1 ] || fail "no stress thread started"

# The giver module needs the holder's symbol (it hands nothing over with
# give=0, but it links against it).
insmod $m/allocprof_holder.ko || fail "insmod holder"

# Each loop counts what it did in a file when it is stopped.
count_on_term() { # FILE: the loop's counter is $c
	trap "echo \$c >$1; exit 0" TERM
}
pids=
if [ $toggle = 1 ]; then
	(count_on_term /tmp/stress.toggles; c=0
	 while :; do
		echo 0 >$sysctl; usleep 10000; echo 1 >$sysctl; usleep 10000
		c=$((c + 2))
	 done) &
	pids="$pids $!"
fi
(count_on_term /tmp/stress.reads; c=0
 while :; do cat $f >/dev/null; c=$((c + 1)); done) &
pids="$pids $!"
(count_on_term /tmp/stress.modules; c=0
 while :; do
	insmod $m/allocprof_giver.ko give=0 || exit 1
	rmmod allocprof_giver || exit 1
	c=$((c + 1))
 done) >/dev/null 2>&1 &
pids="$pids $!"

i=0
while [ "$(cat /sys/module/allocprof_stress/parameters/finished)" -lt "$n" ]; do
	i=$((i + 1))
	[ $i -le $(((secs + 120) * 2)) ] || { kill $pids; fail "stress threads did not finish"; }
	sleep 0.5
done
ops=$(cat /sys/module/allocprof_stress/parameters/ops)
kill $pids
wait 2>/dev/null
rmmod allocprof_giver 2>/dev/null
rmmod allocprof_holder || fail "rmmod holder"
[ $toggle = 1 ] && echo 1 >$sysctl
toggles=$(cat /tmp/stress.toggles 2>/dev/null || echo 0)
reads=$(cat /tmp/stress.reads 2>/dev/null || echo 0)
modules=$(cat /tmp/stress.modules 2>/dev/null || echo 0)
[ "$modules" -gt 0 ] || fail "the module load/unload loop did no cycle"
[ "$reads" -gt 0 ] || fail "no full read of $f"
[ $toggle = 0 ] || [ "$toggles" -gt 0 ] || fail "vm.mem_profiling never switched"

left=$(grep '\[allocprof_stress\]' $f | awk '$1 != 0 || $2 != 0')
[ -z "$left" ] || fail "stress sites not back to zero: $left"
# Frees can be a little late (RCU, per-CPU lists): look twice.
neg=$(awk 'NR > 2 && $1 < 0' $f | head -n 5)
if [ -n "$neg" ]; then
	sleep 2
	neg=$(awk 'NR > 2 && $1 < 0' $f | head -n 5)
fi
[ -z "$neg" ] || fail "negative counters: $neg"
rmmod allocprof_stress || fail "rmmod stress"
echo "$n threads for ${secs}s: $ops allocations (each freed), $toggles switches of vm.mem_profiling, $modules module load+unload cycles, $reads full reads of $f"
