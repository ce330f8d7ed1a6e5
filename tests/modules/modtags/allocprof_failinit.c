// SPDX-License-Identifier: GPL-2.0
/*
 * allocprof_failinit: its init allocates at two call sites of its own,
 * frees what it allocated and fails, as an init whose later step fails
 * does.  The load fails with -ENODEV; the module's tags must go with it.
 */
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/slab.h>

static int __init failinit_init(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	void *buf = kmalloc(512, GFP_KERNEL);

	if (page)
		__free_pages(page, 1);
	kfree(buf);
	return -ENODEV;
}
module_init(failinit_init);
MODULE_LICENSE("GPL");
