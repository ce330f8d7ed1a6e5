# SPDX-License-Identifier: GPL-2.0
# 200 module load/unload cycles while two readers read /proc/allocinfo
# over and over: every read is well formed, lists no site twice, and
# lists every site of vmlinux and of the modules that stay loaded.
. /guest/tests/lib.sh

m=/guest/modules
CYCLES=${CYCLES:-200}
insmod $m/allocprof_holder.ko || fail "insmod holder"
insmod $m/allocprof_slabchurn.ko count=16 || fail "insmod slabchurn"
allocinfo_sites /proc/allocinfo | grep -v '\[allocprof_giver\]' | sort >/tmp/cyc.stable
grep -q '\[allocprof_slabchurn\]' /tmp/cyc.stable || fail "slabchurn's sites not listed"
echo "$(wc -l </tmp/cyc.stable) sites stay loaded"

# reader N: read until /tmp/cyc.done exists; check each read.
reader() {
	local n=0 f=/tmp/cyc.read$1
	while [ ! -e /tmp/cyc.done ]; do
		cat /proc/allocinfo >$f || { echo "read failed" >$f.bad; return; }
		if grep -vnE '^ *-?[0-9]+ +[0-9]+ [^ ]+:[0-9]+ (\[[A-Za-z0-9_]+\] )?func:[A-Za-z0-9_.]+( .*)?$' $f |
			grep -v '^[12]:' >$f.garbage; then
			echo "garbage: $(head -n 3 $f.garbage)" >$f.bad
			return
		fi
		allocinfo_sites $f | sort >$f.sites
		if [ -n "$(uniq -d $f.sites | head -n 1)" ]; then
			echo "twice: $(uniq -d $f.sites | head -n 3)" >$f.bad
			return
		fi
		grep -v '\[allocprof_giver\]' $f.sites >$f.kept
		if ! cmp -s $f.kept /tmp/cyc.stable; then
			echo "stable sites differ: $(diff /tmp/cyc.stable $f.kept | head -n 5)" >$f.bad
			return
		fi
		n=$((n + 1))
	done
	echo $n >$f.count
}
rm -f /tmp/cyc.*read* /tmp/cyc.done
reader 1 &
reader 2 &

i=0
while [ $i -lt "$CYCLES" ]; do
	insmod $m/allocprof_giver.ko give=0 || { touch /tmp/cyc.done; fail "insmod giver, cycle $i"; }
	rmmod allocprof_giver || { touch /tmp/cyc.done; fail "rmmod giver, cycle $i"; }
	i=$((i + 1))
done
touch /tmp/cyc.done
wait
for r in 1 2; do
	[ -f /tmp/cyc.read$r.bad ] && fail "reader $r: $(cat /tmp/cyc.read$r.bad)"
	[ -f /tmp/cyc.read$r.count ] || fail "reader $r did not finish"
done
r1=$(cat /tmp/cyc.read1.count)
r2=$(cat /tmp/cyc.read2.count)
echo "$i cycles; full reads checked: $r1 and $r2"
[ "$r1" -gt 0 ] && [ "$r2" -gt 0 ] || fail "a reader completed no read"
grep -q '\[allocprof_giver\]' /proc/allocinfo && fail "giver's lines still listed"
rmmod allocprof_slabchurn || fail "rmmod slabchurn"
rmmod allocprof_holder || fail "rmmod holder"
