// SPDX-License-Identifier: GPL-2.0
/*
 * allocbench: time allocation and free pairs, per operation, at module
 * load.  Built against the kernel being measured (6.1 with or without the
 * series, or 6.12); prints one line per benchmark:
 *
 *   allocbench: NAME NS_PER_OP
 *
 * Under qemu -icount shift=0 a guest nanosecond is one guest instruction.
 * (A load that fails would be retried by busybox insmod with the other
 * system call, running everything twice: unload it with rmmod instead.)
 */
#include <linux/gfp.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static unsigned int iters = 20000;
module_param(iters, uint, 0444);
MODULE_PARM_DESC(iters, "iterations of each benchmark");

/*
 * percpu_pad: bytes of percpu memory held while the percpu benchmark runs.
 * The cost of a percpu alloc+free depends on how fragmented the free space
 * around the allocation is; shifting it shows how much (not used by make
 * bench).
 */
static unsigned int percpu_pad;
module_param(percpu_pad, uint, 0444);
MODULE_PARM_DESC(percpu_pad, "percpu bytes held during the percpu benchmark");

static struct kmem_cache *cache64;
static void *objs[64];

static void report(const char *name, u64 ns, u64 ops)
{
	/* Hundredths, so that small costs are not rounded away. */
	u64 x100 = div64_u64(ns * 100, ops);

	pr_info("allocbench: %s %llu.%02llu\n", name, x100 / 100, x100 % 100);
}

#define BENCH(name, ops, body)						\
	do {								\
		u64 _t0, _t1;						\
		unsigned int _i;					\
		for (_i = 0; _i < iters / 10; _i++) { body; }		\
		_t0 = ktime_get_ns();					\
		for (_i = 0; _i < iters; _i++) { body; }		\
		_t1 = ktime_get_ns();					\
		report(name, _t1 - _t0, (u64)iters * (ops));		\
	} while (0)

static noinline void kmalloc_cycle(unsigned int i)
{
	size_t size = 8 + (i % 30) * 8;	/* 8 .. 240 */

	kfree(kmalloc(size, GFP_KERNEL));
}

static noinline void kmalloc_batch(void)
{
	unsigned int j;

	for (j = 0; j < 64; j++)
		objs[j] = kmalloc(64, GFP_KERNEL);
	for (j = 0; j < 64; j++)
		kfree(objs[j]);
}

static noinline void cache_cycle(void)
{
	kmem_cache_free(cache64, kmem_cache_alloc(cache64, GFP_KERNEL));
}

static noinline void pages_cycle(unsigned int order)
{
	struct page *page = alloc_pages(GFP_KERNEL, order);

	if (page)
		__free_pages(page, order);
}

static noinline void vmalloc_cycle(void)
{
	vfree(vmalloc(16384));
}

static noinline void percpu_cycle(void)
{
	free_percpu(__alloc_percpu(16, 8));
}

static int __init allocbench_init(void)
{
	void __percpu *pad;

	cache64 = kmem_cache_create("allocbench64", 64, 0, 0, NULL);
	if (!cache64)
		return -ENOMEM;

	BENCH("kmalloc_free_8_240", 1, kmalloc_cycle(_i));
	BENCH("kmalloc64_batch64", 64, kmalloc_batch());
	BENCH("kmem_cache_alloc_free_64", 1, cache_cycle());
	BENCH("alloc_pages_free_order0", 1, pages_cycle(0));
	BENCH("alloc_pages_free_order3", 1, pages_cycle(3));
	BENCH("vmalloc_vfree_16k", 1, vmalloc_cycle());
	pad = percpu_pad ? __alloc_percpu(percpu_pad, 4) : NULL;
	BENCH("alloc_free_percpu_16", 1, percpu_cycle());
	free_percpu(pad);
	/*
	 * The same with 4 KiB held, so that the allocation lands a page
	 * further: the two figures differ by how fragmented the free space
	 * around each spot is, which depends on everything allocated before
	 * (the static per-CPU area included), not on the allocator's code.
	 */
	pad = __alloc_percpu(4096, 4);
	if (pad) {
		BENCH("alloc_free_percpu_16_after4k", 1, percpu_cycle());
		free_percpu(pad);
	}
	pr_info("allocbench: done\n");

	kmem_cache_destroy(cache64);
	return 0;
}
module_init(allocbench_init);

static void __exit allocbench_exit(void)
{
}
module_exit(allocbench_exit);

MODULE_DESCRIPTION("Allocation micro-benchmark");
MODULE_LICENSE("GPL");
