#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Write a synthetic /proc/allocinfo profile with N data lines to stdout.
#
# usage: gen-profile.sh [N [VERSION [SEED]]]
#   N        number of data lines (default 50000)
#   VERSION  1.0 or 2.0 (default 2.0: some lines get accurate:no)
#   SEED     awk srand() seed (default 1), for reproducible output

n=${1:-50000}
version=${2:-2.0}
seed=${3:-1}

case $n in
''|*[!0-9]*) echo "gen-profile.sh: N must be a number" >&2; exit 1 ;;
esac
case $version in
1.0|2.0) ;;
*) echo "gen-profile.sh: VERSION must be 1.0 or 2.0" >&2; exit 1 ;;
esac

awk -v n="$n" -v version="$version" -v seed="$seed" 'BEGIN {
	srand(seed)
	ndirs = split("mm kernel fs/ext4 fs/xfs net/core net/ipv4 " \
		      "drivers/gpu/drm drivers/net/ethernet lib block " \
		      "security/selinux kernel/bpf sound/core crypto", \
		      dirs, " ")
	nmods = split("xfs ext4 nf_tables i915 snd_hda_core kvm btrfs", \
		      mods, " ")
	printf "allocinfo - version: %s\n", version
	printf "#     <size>  <calls> <tag info>\n"
	for (i = 0; i < n; i++) {
		calls = int(rand() * rand() * 5000)
		size = 8 * 2 ^ int(rand() * 10)
		bytes = calls * size
		file = sprintf("%s/file%d.c", dirs[1 + i % ndirs], i % 997)
		mod = ""
		if (rand() < 0.2)
			mod = sprintf(" [%s]", mods[1 + int(rand() * nmods)])
		extra = ""
		if (version == "2.0" && rand() < 0.05)
			extra = " accurate:no"
		printf "%12d %8d %s:%d%s func:func_%d%s\n", bytes, calls, \
		       file, 1 + i, mod, i, extra
	}
}'
