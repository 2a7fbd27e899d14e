#!/usr/bin/env bash
# Remakes deploy/byline.profdata, the execution counts scripts/build-release.sh optimises
# with: builds byline instrumented, enriches ARTICLES once, and keeps the counts of the
# functions that ran.
#   scripts/make-profile.sh [ARTICLES.jsonl]
# The default is PolNeAR's training split: news that no benchmark reads (they read
# samples/ and the shared eval sets). Enrichment only: code with no counts (the Kafka
# path) is compiled as without a profile, while counts from a pipeline run beside them
# took the enrichment's whole gain away. Run it again after changing enrichment code: a
# function changed since gets no counts.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-../shared/corpora/polnear/train.jsonl}
[ -f "$articles" ] || { echo "no articles at $articles" >&2; exit 1; }
toolchain=$(dirname "$(readlink -f "$(command -v swiftc)")")
profdata=$toolchain/llvm-profdata
runtime=$(ls "$toolchain"/../lib/clang/*/lib/linux/libclang_rt.profile-"$(uname -m)".a 2>/dev/null | head -1 || true)
[ -x "$profdata" ] && [ -f "$runtime" ] || { echo "the toolchain has no llvm-profdata or profile runtime" >&2; exit 1; }
scratch=.build-profile
counts=$(mktemp -d)
trap 'rm -rf "$counts"' EXIT
swift build -c release --static-swift-stdlib --force-resolved-versions --product byline --scratch-path "$scratch" \
    -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate \
    -Xlinker "$runtime" -Xlinker -u__llvm_profile_runtime
LLVM_PROFILE_FILE="$counts/byline.profraw" "$scratch/release/byline" bench enrich --input "$articles" --rounds 1
"$profdata" merge --sparse -o deploy/byline.profdata "$counts/byline.profraw"
scripts/build-release.sh --sources-digest > deploy/byline.profdata.sources
echo "deploy/byline.profdata: $(wc -c < deploy/byline.profdata) bytes, from enriching $articles"
