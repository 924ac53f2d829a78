#!/usr/bin/env bash
# Installs a real n8n once into a cache folder outside the package's node_modules and prints that
# folder. Used by `npm run dev`, `npm run test:e2e` and .ci/run, so all three run the same n8n.
#   N8N_VERSION      the n8n to install (default: the pinned 2.x below; 1.123.81 is the tested 1.x)
#   N8N_CACHE_DIR    where installs live (default: ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-ninjaone-nexthink)
# n8n 2.x runs under Node 24, n8n 1.x under Node 22 (its isolated-vm has binaries for 22 and 24 only,
# and 1.x asks for Node <= 22); scripts/use-node.sh fetches that Node into .tools/. The result is
# <cache>/n8n-<version>/node_modules/.bin/n8n and <cache>/n8n-<version>/.node-bin, the folder of the
# Node that runs it (kept in the cache too); a `.installed` stamp marks a finished install, so a second call returns at once
# and a broken half-install is redone.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${N8N_VERSION:-2.41.1}"
case "$version" in
1.*) node_major=22 ;;
*) node_major=24 ;;
esac
cache="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-ninjaone-nexthink}"
if [ "${_N8N_INSTALL_UNDER_NODE:-}" != "$node_major" ]; then
	export _N8N_INSTALL_UNDER_NODE="$node_major"
	# The Node that runs this n8n lives in the cache beside it, not in a checkout that may go away.
	export NODE_TOOLS_DIR="$cache/node$node_major"
	exec bash "$repo/scripts/use-node.sh" "$node_major" bash "${BASH_SOURCE[0]}" "$@"
fi
dir="$cache/n8n-$version"
stamp="$dir/.installed"
mkdir -p "$cache"
exec 9>"$cache/.install-$version.lock"
flock 9 # one install at a time (dev and e2e started together wait for each other)
if [ -f "$stamp" ] && [ -x "$dir/node_modules/.bin/n8n" ]; then
	dirname "$(command -v node)" >"$dir/.node-bin" # the same major as at install time
	echo "$dir"
	exit 0
fi
nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
start=$(date +%s)
echo "Installing n8n@$version into $dir (first time only: a few minutes, about 1.1 GB) ..." >&2
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
if [ "$node_major" = 22 ]; then
	# n8n-nodes-base 1.x takes xlsx from a CDN that cannot be reached here; the registry's 0.18.5 is the same code line.
	printf '{ "name": "n8n-sandbox-runtime", "private": true, "overrides": { "xlsx": "0.18.5" } }\n' >package.json
else
	printf '{ "name": "n8n-sandbox-runtime", "private": true }\n' >package.json
fi
# --ignore-scripts: n8n's optional Kafka client cannot build here and n8n does not need it to start;
# isolated-vm ships prebuilt binaries. sqlite3's prebuilt binary cannot be downloaded, so it is compiled.
npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error "n8n@$version" >&2
echo "Compiling sqlite3 for Node $(node --version) ..." >&2
npm rebuild sqlite3 --ignore-scripts=false --nodedir="$nodedir" --loglevel=error >&2
node -e "require('$dir/node_modules/sqlite3')" >&2
dirname "$(command -v node)" >"$dir/.node-bin"
touch "$stamp"
echo "n8n@$version installed in $(( $(date +%s) - start )) s" >&2
echo "$dir"
