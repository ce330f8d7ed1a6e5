// SPDX-License-Identifier: GPL-2.0
/*
 * allocprof_slabchurn: holds @count kmalloc(512) and @count kmalloc(1024)
 * objects, allocated alternately, from load to unload.  Filling and
 * emptying kmalloc-512 and kmalloc-1k together is what made upstream's
 * slab extension vectors pin each other's slabs.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static unsigned int count = 4096;
module_param(count, uint, 0444);
MODULE_PARM_DESC(count, "objects of each size to hold");

static void **objs;

static noinline void *churn_512(void)
{
	return kmalloc(512, GFP_KERNEL);
}

static noinline void *churn_1k(void)
{
	return kmalloc(1024, GFP_KERNEL);
}

static void free_objs(void)
{
	unsigned int i;

	for (i = 0; i < 2 * count; i++)
		kfree(objs[i]);
	vfree(objs);
}

static int __init churn_init(void)
{
	unsigned int i;

	objs = vzalloc(array_size(2 * count, sizeof(*objs)));
	if (!objs)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		objs[2 * i] = churn_512();
		objs[2 * i + 1] = churn_1k();
		if (!objs[2 * i] || !objs[2 * i + 1]) {
			free_objs();
			return -ENOMEM;
		}
	}
	return 0;
}

static void __exit churn_exit(void)
{
	free_objs();
}
module_init(churn_init);
module_exit(churn_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test module: holds kmalloc-512 and kmalloc-1k objects");
