#!/usr/bin/env bash
# What the queue-mode tests, `npm run dev -- --queue` and the benchmark's queue case need beyond the
# e2e prerequisites: Debian's Postgres (server and psql) and Redis. Installed once, never started
# as services: sandbox/queue.ts starts its own on loopback ports with data in a temporary folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "Missing for queue mode: ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'." >&2
		exit 1
	fi
	echo "Installing Debian's ${missing[*]} ..." >&2
	apt-get update -qq
	# The packages' own services are not wanted (policy-rc.d: no service starts during the install).
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		trap 'rm -f /usr/sbin/policy-rc.d' EXIT
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "${1:-}" != "--no-e2e" ]; then bash "$here/e2e-prerequisites.sh"; fi
