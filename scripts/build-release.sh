#!/usr/bin/env bash
# Builds the byline binary the container ships, into SCRATCH (default .build-static):
#   scripts/build-release.sh [SCRATCH] [more swift build arguments]
# - the Swift runtime linked in (--static-swift-stdlib): its calls skip the shared
#   library's indirection;
# - optimised with deploy/byline.profdata, the counts of a run over news articles
#   (scripts/make-profile.sh): the compiler lays out and inlines for the paths news takes.
# deploy/Dockerfile, scripts/check-deploy.sh and scripts/bench-enrich.sh build with it.
#   scripts/build-release.sh --sources-digest   # the enrichment sources' digest, for the profile
set -euo pipefail
cd "$(dirname "$0")/.."
sources_digest() {
    find Sources/BylineEnrichment -name '*.swift' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1
}
if [ "${1:-}" = --sources-digest ]; then sources_digest; exit 0; fi
# A function changed since the profile was made is compiled without its counts: say so.
if [ "$(cat deploy/byline.profdata.sources 2>/dev/null)" != "$(sources_digest)" ]; then
    echo "warning: deploy/byline.profdata was made from other enrichment sources; changed functions get no counts (remake it: scripts/make-profile.sh)" >&2
fi
scratch=${1:-.build-static}
shift $(($# > 0 ? 1 : 0))
# An incremental build does not redo modules for a new profile, even under a new flag:
# a build made with another profile (or none) is cleared first.
checksum=$(sha256sum deploy/byline.profdata | cut -d' ' -f1)
if [ "$(cat "$scratch/profile.sha256" 2>/dev/null)" != "$checksum" ]; then
    rm -rf "$scratch"/*/release "$scratch/release"
    mkdir -p "$scratch" && echo "$checksum" > "$scratch/profile.sha256"
fi
swift build -c release --static-swift-stdlib --force-resolved-versions --product byline --scratch-path "$scratch" \
    -Xswiftc -Xfrontend -Xswiftc "-ir-profile-use=$PWD/deploy/byline.profdata" "$@"
