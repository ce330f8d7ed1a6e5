# SPDX-License-Identifier: GPL-2.0
# Full reads of /proc/allocinfo with 1-byte, 4 KiB and 1 MiB buffers list
# the same sites, each once.
. /guest/tests/lib.sh

for bs in 1 4096 1048576; do
	dd if=/proc/allocinfo bs=$bs 2>/dev/null >/tmp/ai.$bs ||
		fail "read with bs=$bs failed"
	allocinfo_sites /tmp/ai.$bs | sort >/tmp/sites.$bs
	d=$(uniq -d /tmp/sites.$bs | head -n 3)
	[ -z "$d" ] || fail "bs=$bs: sites listed twice: $d"
	echo "bs=$bs: $(wc -l </tmp/sites.$bs) sites, $(wc -c </tmp/ai.$bs) bytes"
done
cmp -s /tmp/sites.1 /tmp/sites.4096 || fail "bs=1 and bs=4096 differ: $(diff /tmp/sites.1 /tmp/sites.4096 | head -n 5)"
cmp -s /tmp/sites.1 /tmp/sites.1048576 || fail "bs=1 and bs=1M differ: $(diff /tmp/sites.1 /tmp/sites.1048576 | head -n 5)"
