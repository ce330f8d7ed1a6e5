// SPDX-License-Identifier: GPL-2.0
/*
 * pagetest: page states for the page accounting tests.
 *
 *   pagetest thp READY GO          fault one anonymous THP
 *   pagetest anon N READY GO       fault N anonymous pages
 *   pagetest migrate N READY GO    fault N pages on node 0, then, after GO,
 *                                  move them to node 1 with move_pages(2)
 *
 * Each creates the file READY when its memory is in place and then reads
 * the FIFO GO; migrate does its move, creates READY.moved and reads GO
 * once more.  Then it unmaps everything and exits: 0 if all went as asked.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define HPAGE (2UL << 20)
#define MPOL_BIND 2
#define MPOL_MF_MOVE (1 << 1)

static void touch_file(const char *path)
{
	int fd = open(path, O_CREAT | O_WRONLY, 0644);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	close(fd);
}

static void wait_go(const char *fifo)
{
	char c;
	int fd = open(fifo, O_RDONLY);

	if (fd < 0 || read(fd, &c, 1) < 0) {
		perror(fifo);
		exit(1);
	}
	close(fd);
}

static long thp_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/self/smaps_rollup", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "AnonHugePages: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	unsigned long nodemask = 1, i, n;
	char *p, *a;

	if (argc == 4 && !strcmp(argv[1], "thp")) {
		p = mmap(NULL, 2 * HPAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return 1;
		a = (char *)(((unsigned long)p + HPAGE - 1) & ~(HPAGE - 1));
		madvise(a, HPAGE, MADV_HUGEPAGE);
		memset(a, 1, HPAGE);
		if (thp_kb() < 2048) {
			fprintf(stderr, "no THP: AnonHugePages %ld kB\n", thp_kb());
			return 1;
		}
		touch_file(argv[2]);
		wait_go(argv[3]);
		munmap(p, 2 * HPAGE);
		return 0;
	}
	if (argc == 5 && (!strcmp(argv[1], "anon") ||
			  !strcmp(argv[1], "migrate"))) {
		int migrate = !strcmp(argv[1], "migrate");
		void **pages;
		int *nodes, *status;

		n = strtoul(argv[2], NULL, 0);
		p = mmap(NULL, n * 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		pages = calloc(n, sizeof(*pages));
		nodes = calloc(n, sizeof(*nodes));
		status = calloc(n, sizeof(*status));
		if (p == MAP_FAILED || !pages || !nodes || !status)
			return 1;
		madvise(p, n * 4096, MADV_NOHUGEPAGE);
		/* Fault everything on node 0. */
		if (migrate && syscall(SYS_mbind, p, n * 4096, MPOL_BIND,
				       &nodemask, 8 * sizeof(nodemask), 0)) {
			perror("mbind");
			return 1;
		}
		memset(p, 2, n * 4096);
		touch_file(argv[3]);
		wait_go(argv[4]);
		if (migrate) {
			char moved[256];

			for (i = 0; i < n; i++) {
				pages[i] = p + i * 4096;
				nodes[i] = 1;
			}
			if (syscall(SYS_move_pages, 0, n, pages, nodes, status,
				    MPOL_MF_MOVE)) {
				perror("move_pages");
				return 1;
			}
			for (i = 0; i < n; i++)
				if (status[i] != 1) {
					fprintf(stderr, "page %lu on node %d\n",
						i, status[i]);
					return 1;
				}
			snprintf(moved, sizeof(moved), "%s.moved", argv[3]);
			touch_file(moved);
			wait_go(argv[4]);
		}
		munmap(p, n * 4096);
		return 0;
	}
	fprintf(stderr, "usage: pagetest thp READY GO | anon|migrate N READY GO\n");
	return 2;
}
