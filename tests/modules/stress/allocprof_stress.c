// SPDX-License-Identifier: GPL-2.0
/*
 * allocprof_stress: one thread per online CPU allocates and frees through
 * kmalloc, the page allocator, vmalloc and percpu for @secs seconds,
 * keeping a window of live objects so that frees come long after their
 * allocations (across profiling switches).  Each thread frees everything
 * before it stops and then counts itself in @finished, so that a test can
 * check this module's call sites are back to zero before unloading it.
 */
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static unsigned int secs = 10;
module_param(secs, uint, 0444);
MODULE_PARM_DESC(secs, "seconds each thread runs");

static int nthreads;
module_param(nthreads, int, 0444);
MODULE_PARM_DESC(nthreads, "threads started");

/* Read-only counters as module parameters: kp->arg is the counter. */
static int counter_get(char *buf, const struct kernel_param *kp)
{
	return sprintf(buf, "%ld\n", atomic_long_read(kp->arg));
}

static const struct kernel_param_ops counter_ops = {
	.get = counter_get,
};

static atomic_long_t finished = ATOMIC_LONG_INIT(0);
module_param_cb(finished, &counter_ops, &finished, 0444);
MODULE_PARM_DESC(finished, "threads that have freed everything and stopped");

static atomic_long_t ops = ATOMIC_LONG_INIT(0);
module_param_cb(ops, &counter_ops, &ops, 0444);
MODULE_PARM_DESC(ops, "allocations made so far, all threads (each also freed)");

#define WINDOW	64

enum kind { KMALLOC, PAGES, VMALLOC, PERCPU, KINDS };

struct slot {
	enum kind kind;
	void *p;
	void __percpu *pcpu;
};

static noinline void stress_alloc(struct slot *s, u32 r)
{
	s->kind = r % KINDS;
	switch (s->kind) {
	case KMALLOC:
		s->p = kmalloc(8 + (r >> 8) % 1024, GFP_KERNEL);
		break;
	case PAGES:
		s->p = (void *)__get_free_pages(GFP_KERNEL, (r >> 8) % 3);
		break;
	case VMALLOC:
		s->p = vmalloc(PAGE_SIZE * (1 + (r >> 8) % 4));
		break;
	case PERCPU:
		s->pcpu = __alloc_percpu(8 + (r >> 8) % 64, 8);
		break;
	default:
		break;
	}
	/* Remember the order of a page allocation in the low bits. */
	if (s->kind == PAGES && s->p)
		s->p = (void *)((unsigned long)s->p | ((r >> 8) % 3));
}

static void stress_free(struct slot *s)
{
	unsigned long addr = (unsigned long)s->p;

	switch (s->kind) {
	case KMALLOC:
		kfree(s->p);
		break;
	case PAGES:
		if (addr)
			free_pages(addr & PAGE_MASK, addr & ~PAGE_MASK);
		break;
	case VMALLOC:
		vfree(s->p);
		break;
	case PERCPU:
		free_percpu(s->pcpu);
		break;
	default:
		break;
	}
	s->p = NULL;
	s->pcpu = NULL;
}

static int stress_thread(void *unused)
{
	unsigned long end = jiffies + secs * HZ;
	struct slot *slots;
	unsigned int i;
	u32 r;

	slots = kcalloc(WINDOW, sizeof(*slots), GFP_KERNEL);
	if (!slots)
		goto out;
	while (time_before(jiffies, end) && !kthread_should_stop()) {
		r = get_random_u32();
		i = r % WINDOW;
		stress_free(&slots[i]);
		stress_alloc(&slots[i], r >> 6);
		atomic_long_inc(&ops);
		cond_resched();
	}
	for (i = 0; i < WINDOW; i++)
		stress_free(&slots[i]);
	kfree(slots);
out:
	atomic_long_inc(&finished);
	/* Stay until unloaded, so that the module can stop us safely. */
	while (!kthread_should_stop())
		msleep(100);
	return 0;
}

static struct task_struct *threads[NR_CPUS];

static int __init stress_init(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		threads[cpu] = kthread_run_on_cpu(stress_thread, NULL, cpu,
						  "allocstress/%u");
		if (IS_ERR(threads[cpu]))
			threads[cpu] = NULL;
		else
			nthreads++;
	}
	return 0;
}

static void __exit stress_exit(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		if (threads[cpu])
			kthread_stop(threads[cpu]);
}
module_init(stress_init);
module_exit(stress_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test module: concurrent allocations of every kind");
