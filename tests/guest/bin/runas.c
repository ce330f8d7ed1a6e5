// SPDX-License-Identifier: GPL-2.0
/* runas UID GID PROG [ARG...]: run PROG as UID:GID with no groups. */
#define _GNU_SOURCE
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: runas UID GID PROG [ARG...]\n");
		return 2;
	}
	if (setgroups(0, NULL) || setgid(atoi(argv[2])) ||
	    setuid(atoi(argv[1]))) {
		perror("runas");
		return 2;
	}
	execvp(argv[3], argv + 3);
	perror(argv[3]);
	return 127;
}
