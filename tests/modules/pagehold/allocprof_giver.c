// SPDX-License-Identifier: GPL-2.0
/*
 * allocprof_giver: allocates NR pages at one call site of its own.  With
 * give=1 it hands them to allocprof_holder and is unloaded with them
 * still allocated; with give=0 it frees them itself in its exit.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>

#define NR 4

void allocprof_holder_take(struct page *page);

static bool give;
module_param(give, bool, 0444);

static struct page *pages[NR];

static int __init giver_init(void)
{
	int i;

	for (i = 0; i < NR; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		if (!pages[i])
			return -ENOMEM;
	}
	if (give)
		for (i = 0; i < NR; i++)
			allocprof_holder_take(pages[i]);
	return 0;
}

static void __exit giver_exit(void)
{
	int i;

	if (!give)
		for (i = 0; i < NR; i++)
			__free_page(pages[i]);
}
module_init(giver_init);
module_exit(giver_exit);
MODULE_LICENSE("GPL");
