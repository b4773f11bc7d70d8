#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080/ (opens on the sample).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
