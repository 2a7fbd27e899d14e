#!/usr/bin/env bash
# Installs what is missing, builds in release and runs the demo on the embedded cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
.build/release/byline bench kafka --messages 20000
