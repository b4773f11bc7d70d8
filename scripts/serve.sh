#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080/ (opens on the sample).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
# No auto-reload: Trunk injects it as an inline script, which the page's Content-Security-Policy
# (index.html) refuses. Reload the page after an edit.
exec trunk serve --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}" "$@"
