// SPDX-License-Identifier: GPL-2.0
/*
 * allocprof_rcufree: allocates NR objects at one call site of its own and
 * releases them with kfree_rcu() in its exit, the usual way for objects
 * readers may still see.  The unload must wait for those frees, not
 * report them as memory still allocated.
 */
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#define NR 16

struct rcufree_obj {
	struct rcu_head rcu;
	char payload[200];
};

static struct rcufree_obj *objs[NR];

static int __init rcufree_init(void)
{
	int i;

	for (i = 0; i < NR; i++) {
		objs[i] = kzalloc(sizeof(*objs[i]), GFP_KERNEL);
		if (!objs[i])
			goto fail;
	}
	return 0;
fail:
	while (i--)
		kfree(objs[i]);
	return -ENOMEM;
}

static void __exit rcufree_exit(void)
{
	int i;

	for (i = 0; i < NR; i++)
		kfree_rcu(objs[i], rcu);
}
module_init(rcufree_init);
module_exit(rcufree_exit);
MODULE_LICENSE("GPL");
