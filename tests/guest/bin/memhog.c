// SPDX-License-Identifier: GPL-2.0
/* memhog: touch memory, 1 MiB at a time, until the OOM killer stops us. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	for (;;) {
		char *p = malloc(1 << 20);

		if (!p) {
			sleep(1);
			continue;
		}
		memset(p, 0x5a, 1 << 20);
	}
}
