#!/usr/bin/env bash
# `npm run dev`: a real n8n at http://localhost:5678 with both packages installed as n8n installs them
# (packed), the example workflows imported and the sandbox APIs (simulated NinjaOne and Nexthink) to point them at. Everything runs
# under Node 24 (fetched into .tools/ where the machine's Node is older); the pinned n8n is installed
# once into ~/.cache/n8n-nodes-ninjaone-nexthink (scripts/install-n8n.sh). Options: see sandbox/dev.ts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -d node_modules/typescript ]; then
	echo "[dev] Installing the project's dependencies (npm ci) ..."
	bash scripts/node24.sh npm ci --no-audit --no-fund
fi
exec bash scripts/node24.sh node -r ./scripts/ts-register.js sandbox/dev.ts "$@"
