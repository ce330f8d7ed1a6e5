// SPDX-License-Identifier: GPL-2.0
/*
 * readtime FILE REPS: time REPS full reads of FILE; print ns per read, and
 * the lines and bytes of one read.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static char buf[1 << 16];

int main(int argc, char **argv)
{
	struct timespec a, b;
	long lines = 0, bytes = 0, reps, r;
	ssize_t n;
	int fd;

	if (argc != 3)
		return 2;
	reps = atol(argv[2]);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (r = 0; r < reps; r++) {
		fd = open(argv[1], O_RDONLY);
		if (fd < 0)
			return 1;
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			if (r == 0) {
				bytes += n;
				for (ssize_t i = 0; i < n; i++)
					lines += buf[i] == '\n';
			}
		close(fd);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%ld %ld %ld\n", ((b.tv_sec - a.tv_sec) * 1000000000L +
				 (b.tv_nsec - a.tv_nsec)) / reps, lines, bytes);
	return 0;
}
