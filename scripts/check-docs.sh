#!/usr/bin/env bash
# Builds the DocC catalogs of BylineKafka and BylineWorker against the symbols of the
# current debug build; a warning (a broken link, an undocumented parameter) fails it.
# Output in .build-docs/<module>.doccarchive.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-symbol-graph >/dev/null
graphs=$(find .build -path '*/symbolgraph' -type d | head -1)
for module in BylineKafka BylineWorker; do
    dir=.build-docs/symbols-$module
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$graphs/$module.symbols.json" "$dir/"
    docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$dir" \
        --output-path ".build-docs/$module.doccarchive" --warnings-as-errors >/dev/null
    echo "docs: $module built"
done
