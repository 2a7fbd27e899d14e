#!/usr/bin/env bash
# Enrichment speed on one core, beside the spaCy + textacy peer stack on the same articles
# in the same run when its harness is set up (../shared/anchors/nlp/README.md):
#   ANCHOR_PYTHON=/path/to/anchor/venv/bin/python scripts/bench-enrich.sh [ARTICLES.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-samples/articles.jsonl}
# The binary the container ships (deploy/Dockerfile, scripts/check-deploy.sh): the Swift
# runtime linked in, whose calls then skip the shared library's indirection.
swift build -c release --static-swift-stdlib --force-resolved-versions --product byline --scratch-path .build-static >/dev/null
byline_line=$(taskset -c 0 .build-static/release/byline bench enrich --input "$articles" --rounds 300 | tail -1)
echo "byline: $byline_line"
anchor_dir=${ANCHOR_DIR:-../shared/anchors/nlp}
if [ -n "${ANCHOR_PYTHON:-}" ] && [ -f "$anchor_dir/anchor_enrich.py" ]; then
  repeated=$(mktemp)
  for _ in 1 2 3 4 5; do cat "$articles"; done > "$repeated"
  anchor_line=$(taskset -c 0 "$ANCHOR_PYTHON" "$anchor_dir/anchor_enrich.py" --in "$repeated" --out /dev/null 2>/dev/null | tail -1)
  rm -f "$repeated"
  echo "spaCy + textacy: $anchor_line"
  python3 - "$byline_line" "$anchor_line" <<'PY'
import re, sys
ours = float(re.search(r"([\d.]+) articles/s", sys.argv[1]).group(1))
theirs = float(re.search(r"articles/s ([\d.]+)", sys.argv[2]).group(1))
print(f"ratio byline / spaCy+textacy: {ours / theirs:.0f}x articles/s per core")
PY
else
  echo "(set ANCHOR_PYTHON to compare with spaCy + textacy in the same run)"
fi
