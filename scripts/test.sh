#!/usr/bin/env bash
# Installs what is missing, builds everything (the tests run the byline executable),
# checks the deployment files, runs the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --force-resolved-versions
scripts/check-deploy.sh
swift test
