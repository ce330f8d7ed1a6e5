#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# build.sh CONFIG: configure and build one kernel in build/obj/CONFIG, then
# the project's test modules against it.  Incremental, ccache on.
. "$(dirname "$0")/lib.sh"

name=${1:?usage: build.sh CONFIG}
valid_config "$name"
src=$(config_src "$name")
case $src in
"$UPSTREAM_DIR") "$TOP/harness/upstream.sh" ;;
"$BASE_DIR") "$TOP/harness/base.sh" ;;
*) "$TOP/harness/base.sh" && "$TOP/harness/apply.sh" ;;
esac
obj=${OBJ_DIR:-$OBJ_ROOT/$name}
mkdir -p "$obj"

# Expand '# include:' lines depth first; each fragment once.
declare -A seen=()
expand() {
	local f=$TOP/configs/$1.config inc
	[ -f "$f" ] || die "configs/$1.config not found (included from a fragment)"
	[ -n "${seen[$1]:-}" ] && return 0
	seen[$1]=1
	for inc in $(sed -n 's/^# include:[[:space:]]*//p' "$f"); do
		expand "$inc"
	done
	grep -E '^(CONFIG_[A-Za-z0-9_]+=|# CONFIG_[A-Za-z0-9_]+ is not set)' "$f" || true
}
frag=$obj/allocprof.fragment
expand "$name" >"$frag.new"
# Fragments may add options of their own on the command line.
for o in ${KCONFIG_ADD:-}; do echo "$o" >>"$frag.new"; done
# And the source they were merged onto: a Kconfig option a patch adds is
# only set by configuring again (an old .config keeps the new option at
# its default, off), so a changed source reconfigures too.
printf '# source: %s\n' "$(cat "$src.stamp" 2>/dev/null)" >>"$frag.new"

export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
export KBUILD_BUILD_USER=allocprof KBUILD_BUILD_HOST=guest
export CCACHE_NOHASHDIR=1
kmake() {
	make -C "$src" O="$obj" ARCH=x86_64 CC="ccache gcc" HOSTCC="ccache gcc" \
		-j"$JOBS" "$@"
}

configure() {
	kmake KCONFIG_ALLCONFIG="$frag" allnoconfig
}

# Every option the fragments ask for must have stuck (Kconfig silently drops
# a value whose dependencies are not met).  The fragments are written for
# 6.1: on 6.12 (upstream*), an option its Kconfig no longer has is skipped.
gone() {
	[ "$src" = "$UPSTREAM_DIR" ] || return 1
	! grep -rqsxE --include='Kconfig*' "(menu)?config ${1#CONFIG_}" "$src"
}
verify() {
	local bad=0 line sym
	while read -r line; do
		sym=${line#\# }
		sym=${sym%%[= ]*}
		if gone "$sym"; then
			msg "config $name: $sym is not in $src's Kconfig, skipped"
			continue
		fi
		case $line in
		"# CONFIG_"*)
			if grep -qE "^$sym=[ym]" "$obj/.config"; then
				msg "config $name: $sym is set, the fragments want it off"
				bad=1
			fi
			;;
		CONFIG_*)
			if ! grep -qxF "$line" "$obj/.config"; then
				msg "config $name: wanted '$line', got '$(grep -E "^(# )?${line%%=*}[= ]" "$obj/.config" || echo 'not present')'"
				bad=1
			fi
			;;
		esac
	done < <(if [ "${VERIFY:-all}" = guest ]; then
		grep -E '^(CONFIG_|# CONFIG_)' "$TOP/configs/guest.config"
	else
		# The last assignment of a symbol wins, as in Kconfig.
		tac "$frag" | awk '{ s = $0; sub(/^# /, "", s); sub(/[= ].*/, "", s) }
			!seen[s]++' | tac
	fi)
	return $bad
}

if [ ! -f "$obj/.config" ] || ! cmp -s "$frag.new" "$frag"; then
	mv "$frag.new" "$frag"
	step "config-$name" configure || die "configuring $name failed"
	verify || { rm -f "$frag"; die "configuration $name does not have what its fragments ask for"; }
else
	rm -f "$frag.new"
fi

step "build-$name" kmake bzImage modules ||
	die "building $name failed"
# The base builds without a compiler warning: so must the series.
if grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:|^WARNING: modpost' "$LOGS/build-$name.log" >"$LOGS/build-$name.warnings"; then
	msg "build $name: compiler or modpost warnings (log $LOGS/build-$name.log):"
	sed 's/^/    | /' "$LOGS/build-$name.warnings" | head -n 20
	die "building $name gave warnings"
fi

# The project's test modules (tests/modules/*/) built against this kernel.
build_test_modules() {
	local d out=$obj/test-modules
	rm -rf "$out"
	mkdir -p "$out"
	for d in "$TOP"/tests/modules/*/; do
		[ -f "$d/Kbuild" ] || [ -f "$d/Makefile" ] || continue
		cp -r "$d" "$out/"
	done
	# A module with 5000 allocation call sites (module-tags.sh), where
	# the kernel has allocation tags.
	if grep -qx 'CONFIG_MEM_ALLOC_PROFILING=y' "$obj/.config"; then
		"$TOP/bench/gen-sites.sh" 5000 "$out/sites5000"
	fi
	for d in "$out"/*/; do
		[ -d "$d" ] || continue
		kmake M="${d%/}" modules || return 1
	done
}
# (Not for 6.12: only the benchmark runs there.)
if [ "$src" != "$UPSTREAM_DIR" ] && compgen -G "$TOP/tests/modules/*/Kbuild" >/dev/null; then
	step "modules-$name" build_test_modules || die "building the test modules for $name failed"
fi
msg "build: $obj/arch/x86/boot/bzImage"
