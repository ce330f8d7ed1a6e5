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
f=/proc/allocinfo
[ -r $f ] || fail "$f missing"
secs=${STRESS_SECS:-60}
sysctl=/proc/sys/vm/mem_profiling
toggle=0
echo 1 2>/dev/null >$sysctl && toggle=1

insmod $m/allocprof_stress.ko secs="$secs" || fail "insmod stress"
n=$(cat /sys/module/allocprof_stress/parameters/nthreads)
[ "$n" -ge 1 ] || fail "no stress thread started"

pids=
if [ $toggle = 1 ]; then
	(while :; do echo 0 >$sysctl; usleep 10000; echo 1 >$sysctl; usleep 10000; done) &
	pids="$pids $!"
fi
(while :; do cat $f >/dev/null; done) &
pids="$pids $!"
(while :; do
	insmod $m/allocprof_giver.ko give=0 && rmmod allocprof_giver
done) >/dev/null 2>&1 &
pids="$pids $!"

i=0
while [ "$(cat /sys/module/allocprof_stress/parameters/finished)" -lt "$n" ]; do
	i=$((i + 1))
	[ $i -le $(((secs + 120) * 2)) ] || { kill $pids; fail "stress threads did not finish"; }
	sleep 0.5
done
kill $pids
wait 2>/dev/null
rmmod allocprof_giver 2>/dev/null
[ $toggle = 1 ] && echo 1 >$sysctl

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
echo "$n threads for ${secs}s, switching: $toggle"
