# Sourced by the scripts: puts the project's tools on PATH and keeps Trunk offline.
export PATH="$HOME/.cargo/bin:$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules/.bin:$PATH"
# Trunk must never download a tool: it uses the pinned ones installed by setup.sh.
export TRUNK_OFFLINE=true
