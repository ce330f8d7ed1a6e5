// SPDX-License-Identifier: GPL-2.0
/*
 * allocprof_holder: keeps pages other modules hand it, and frees them
 * when it is unloaded: a free that comes after the allocating module is
 * gone.
 */
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/spinlock.h>

static LIST_HEAD(held);
static DEFINE_SPINLOCK(held_lock);

void allocprof_holder_take(struct page *page)
{
	spin_lock(&held_lock);
	list_add(&page->lru, &held);
	spin_unlock(&held_lock);
}
EXPORT_SYMBOL_GPL(allocprof_holder_take);

static int __init holder_init(void)
{
	return 0;
}

static void __exit holder_exit(void)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}
module_init(holder_init);
module_exit(holder_exit);
MODULE_LICENSE("GPL");
