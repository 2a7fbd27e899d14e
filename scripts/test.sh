#!/usr/bin/env bash
# Installs what is missing, builds everything (the tests run the byline executable), runs the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build
swift test
