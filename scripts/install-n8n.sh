#!/usr/bin/env bash
# Installs the pinned real n8n once into a cache folder outside the package's node_modules and prints
# that folder. Used by `npm run dev`, `npm run test:e2e` and .ci/run, so all three run the same n8n.
#   N8N_VERSION      the n8n to install (default: the pinned one below)
#   N8N_CACHE_DIR    where installs live (default: ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-ninjaone-nexthink)
# Runs under Node 24 (scripts/node24.sh fetches it into .tools/ where the machine's Node is older).
# The result is <cache>/n8n-<version>/node_modules/.bin/n8n; a `.installed` stamp marks a finished
# install, so a second call returns at once and a broken half-install is redone.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${_N8N_INSTALL_UNDER_NODE24:-}" != 1 ]; then
	export _N8N_INSTALL_UNDER_NODE24=1
	exec bash "$repo/scripts/node24.sh" bash "${BASH_SOURCE[0]}" "$@"
fi
version="${N8N_VERSION:-2.41.1}"
cache="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-ninjaone-nexthink}"
dir="$cache/n8n-$version"
stamp="$dir/.installed"
mkdir -p "$cache"
exec 9>"$cache/.install-$version.lock"
flock 9 # one install at a time (dev and e2e started together wait for each other)
if [ -f "$stamp" ] && [ -x "$dir/node_modules/.bin/n8n" ]; then
	echo "$dir"
	exit 0
fi
nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
start=$(date +%s)
echo "Installing n8n@$version into $dir (first time only: a few minutes, about 1.1 GB) ..." >&2
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
printf '{ "name": "n8n-sandbox-runtime", "private": true }\n' >package.json
# --ignore-scripts: n8n's optional Kafka client cannot build here and n8n does not need it to start;
# isolated-vm ships prebuilt binaries. sqlite3's prebuilt binary cannot be downloaded, so it is compiled.
npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error "n8n@$version" >&2
echo "Compiling sqlite3 for Node $(node --version) ..." >&2
npm rebuild sqlite3 --ignore-scripts=false --nodedir="$nodedir" --loglevel=error >&2
node -e "require('$dir/node_modules/sqlite3')" >&2
touch "$stamp"
echo "n8n@$version installed in $(( $(date +%s) - start )) s" >&2
echo "$dir"
