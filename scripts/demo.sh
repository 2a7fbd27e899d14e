#!/usr/bin/env bash
# Installs what is missing, builds in release and runs `byline demo`: the embedded Kafka
# cluster, two workers in one group, the sample articles in, enriched records out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --force-resolved-versions
exec .build/release/byline demo "$@"
