# SPDX-License-Identifier: GPL-2.0
# Helpers charge their callers: after boot and some work that goes
# through them (mounts copy their options with strndup_user(), module
# loads vmalloc, tmpfs and pipes kmalloc), no line of a _noprof function
# holds bytes, nor does any line inside the helpers of mm/util.c,
# mm/vmalloc.c, mm/mempool.c or the percpu allocator.
. /guest/tests/lib.sh

f=/proc/allocinfo
[ -r $f ] || fail "$f missing"
mkdir -p /tmp/callers
mount -t tmpfs -o size=1m,mode=0700 callers /tmp/callers || fail "mount tmpfs"
i=0
while [ $i -lt 50 ]; do
	echo $i >/tmp/callers/f$i
	i=$((i + 1))
done
umount /tmp/callers
cat $f >/tmp/ai

bad=$(awk 'NR > 2 && $1 != 0 && / func:[^ ]*_noprof( |$)/' /tmp/ai | head -n 5)
[ -z "$bad" ] || fail "_noprof functions hold bytes: $bad"

helpers='kstrdup|kstrdup_const|kstrndup|kmemdup|kmemdup_nul|memdup_user|vmemdup_user|strndup_user|memdup_user_nul|kvmalloc_node|kvrealloc|__vmalloc_array|vmalloc_array|vcalloc|__vcalloc'
bad=$(grep -E " mm/util\.c:[0-9]+ func:($helpers)( |$)" /tmp/ai | awk '$1 != 0' | head -n 5)
[ -z "$bad" ] || fail "mm/util.c helpers hold bytes: $bad"
bad=$(grep -E ' mm/vmalloc\.c:[0-9]+ func:(vm_area_alloc_pages|__vmalloc_area_node|__vmalloc_node_range|vmalloc|vzalloc|__vmalloc_node)( |$)' /tmp/ai |
	awk '$1 != 0' | head -n 5)
[ -z "$bad" ] || fail "vmalloc's own lines hold the callers' pages: $bad"
bad=$(grep -E ' mm/mempool\.c:[0-9]+ func:(mempool_alloc_slab|mempool_kmalloc|mempool_alloc_pages|mempool_alloc)( |$)' /tmp/ai |
	awk '$1 != 0' | head -n 5)
[ -z "$bad" ] || fail "mempool elements on mm/mempool.c: $bad"
bad=$(grep -E ' mm/percpu\.c:[0-9]+ func:pcpu_alloc( |$)' /tmp/ai | awk '$1 != 0' | head -n 5)
[ -z "$bad" ] || fail "percpu allocations on mm/percpu.c: $bad"

# The callers are there: vmalloc'ed module memory and percpu areas are
# charged somewhere outside mm/.
grep -qE ' kernel/fork\.c:[0-9]+ func:alloc_thread_stack_node( |$)' /tmp/ai ||
	fail "no thread stack line"
echo "$(awk 'NR > 2 && $1 != 0' /tmp/ai | wc -l) lines hold memory"
