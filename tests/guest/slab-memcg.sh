# SPDX-License-Identifier: GPL-2.0
# memcg and profiling share the slab extension vectors: kernel memory a
# task allocates inside a child memory cgroup is still charged to that
# cgroup, shows in its memory.stat and goes away when freed, while the
# allocation sites' tags count the same objects.
. /guest/tests/lib.sh

cg=/sys/fs/cgroup
grep -q ' cgroup2 ' /proc/mounts || mount -t cgroup2 none $cg ||
	skip "cannot mount cgroup2"
grep -qw memory $cg/cgroup.controllers || skip "no memory controller"
echo +memory >$cg/cgroup.subtree_control || fail "enable memory controller"
mkdir -p $cg/allocprof || fail "mkdir child cgroup"

n=3000
stat() { awk -v k="$1" '$1 == k { print $2 }' $cg/allocprof/memory.stat; }
profiling=$(cat /proc/sys/vm/mem_profiling 2>/dev/null)

slab0=$(stat slab)
d0=$(site __d_alloc)
# Directories on tmpfs: a dentry and an inode each, both accounted caches.
sh -c "echo \$\$ >$cg/allocprof/cgroup.procs &&
	mkdir /tmp/memcg-dirs && cd /tmp/memcg-dirs &&
	i=0; while [ \$i -lt $n ]; do mkdir d\$i; i=\$((i + 1)); done" ||
	fail "making directories in the child cgroup"
slab1=$(stat slab)
d1=$(site __d_alloc)
echo "child cgroup slab: $slab0 -> $slab1; __d_alloc: $d0 -> $d1"
[ $((slab1 - slab0)) -ge $((n * 192)) ] ||
	fail "memcg slab grew by $((slab1 - slab0)), want >= $((n * 192))"
if [ "$profiling" = 1 ]; then
	[ $((${d1#* } - ${d0#* })) -ge $((n * 9 / 10)) ] ||
		fail "__d_alloc calls grew by $((${d1#* } - ${d0#* })), want >= $((n * 9 / 10))"
fi

rm -rf /tmp/memcg-dirs
echo 2 >/proc/sys/vm/drop_caches
i=0
while :; do
	slab2=$(stat slab)
	d2=$(site __d_alloc)
	[ $((slab1 - slab2)) -ge $((n * 192)) ] &&
		{ [ "$profiling" != 1 ] || [ $((${d1#* } - ${d2#* })) -ge $((n * 9 / 10)) ]; } &&
		break
	i=$((i + 1))
	[ $i -le 50 ] || fail "not given back: memcg slab $slab1 -> $slab2, __d_alloc $d1 -> $d2"
	sleep 0.1
done
echo "after rm: child cgroup slab $slab2; __d_alloc: $d2"
rmdir $cg/allocprof 2>/dev/null || true
