#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# gen-sites.sh N DIR: a module source in DIR with N page allocation call
# sites (so N allocation tags), for the /proc/allocinfo read benchmark and
# the module tag area test (tests/guest/module-tags.sh).
n=$1
d=$2
mkdir -p "$d"
echo "obj-m += sites$n.o" >"$d/Kbuild"
{
	echo '// SPDX-License-Identifier: GPL-2.0'
	echo '#include <linux/gfp.h>'
	echo '#include <linux/module.h>'
	i=0
	while [ $i -lt "$n" ]; do
		echo "noinline struct page *site$i(void) { return alloc_pages(GFP_KERNEL, 0); }"
		i=$((i + 1))
	done
	echo 'static int __init sites_init(void) { return 0; }'
	echo 'static void __exit sites_exit(void) { }'
	echo 'module_init(sites_init);'
	echo 'module_exit(sites_exit);'
	echo 'MODULE_LICENSE("GPL");'
} >"$d/sites$n.c"
