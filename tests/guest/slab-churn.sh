# SPDX-License-Identifier: GPL-2.0
# Slab objects: a module's kmalloc() sites are charged the cache's object
# size per object.  Filling kmalloc-512 and kmalloc-1k together, freeing
# everything and shrinking gives their slabs back: the slabs' extension
# vectors come from caches of their own and pin nothing (upstream's
# vectors pinned their own slabs and recursed across these two caches).
. /guest/tests/lib.sh

m=/guest/modules
[ -f $m/allocprof_slabchurn.ko ] || fail "test modules missing"
[ -d /sys/kernel/slab/kmalloc-512 ] || skip "no /sys/kernel/slab"

n=4096
slabs() { cut -d' ' -f1 "/sys/kernel/slab/$1/slabs"; }
shrink() { echo 1 >"/sys/kernel/slab/$1/shrink"; }

for c in kmalloc-512 kmalloc-1k; do shrink $c; done
b512=$(slabs kmalloc-512)
b1k=$(slabs kmalloc-1k)
insmod $m/allocprof_slabchurn.ko count=$n || fail "insmod slabchurn"
s512=$(cat /sys/kernel/slab/kmalloc-512/slab_size)
s1k=$(cat /sys/kernel/slab/kmalloc-1k/slab_size)
echo "kmalloc-512: $b512 slabs, object size $s512; kmalloc-1k: $b1k slabs, $s1k"
if [ "$(cat /proc/sys/vm/mem_profiling 2>/dev/null)" = 1 ]; then
	expect_eq "kmalloc(512) site" "$(site churn_512)" "$((n * s512)) $n"
	expect_eq "kmalloc(1024) site" "$(site churn_1k)" "$((n * s1k)) $n"
fi
rmmod allocprof_slabchurn || fail "rmmod slabchurn"
grep -q '\[allocprof_slabchurn\]' /proc/allocinfo 2>/dev/null &&
	fail "the module's lines are still listed"

# Frees may wait for RCU-deferred slab frees: a few rounds.
i=0
while :; do
	for c in kmalloc-512 kmalloc-1k; do shrink $c; done
	a512=$(slabs kmalloc-512)
	a1k=$(slabs kmalloc-1k)
	[ "$a512" -le $((b512 + 8)) ] && [ "$a1k" -le $((b1k + 8)) ] && break
	i=$((i + 1))
	[ $i -le 20 ] || fail "slabs not given back: kmalloc-512 $b512 -> $a512, kmalloc-1k $b1k -> $a1k"
	sleep 0.25
done
echo "after: kmalloc-512 $a512 slabs, kmalloc-1k $a1k"
