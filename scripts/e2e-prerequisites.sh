#!/usr/bin/env bash
# What the end-to-end tests need beyond npm ci: Debian's Chromium (playwright cannot download a
# browser here) and the pinned real n8n in its cache folder. Both are installed once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
	if [ "$(id -u)" != 0 ]; then
		echo "Chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
		exit 1
	fi
	echo "Installing Debian's chromium ..." >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash "$here/install-n8n.sh" >/dev/null
