#!/usr/bin/env bash
# Runs a command under Node 24 (n8n 2.x needs it): see scripts/use-node.sh.
exec bash "$(dirname "${BASH_SOURCE[0]}")/use-node.sh" 24 "$@"
