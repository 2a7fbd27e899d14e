#!/usr/bin/env bash
# Enrichment speed on one core, beside the spaCy + textacy peer stack on the same articles
# in the same run when its harness is set up (../shared/anchors/nlp/README.md):
#   ANCHOR_PYTHON=/path/to/anchor/venv/bin/python scripts/bench-enrich.sh [ARTICLES.jsonl] [ROUNDS]
# Each round runs Byline, then the anchor, pinned to core 0; on a shared machine one round
# can be off by a tenth, so the median of the rounds' ratios (3 by default) is the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-samples/articles.jsonl}
rounds=${2:-3}
# The binary the container ships, built as deploy/Dockerfile builds it.
scripts/build-release.sh >/dev/null
anchor_dir=${ANCHOR_DIR:-../shared/anchors/nlp}
with_anchor=false
if [ -n "${ANCHOR_PYTHON:-}" ] && [ -f "$anchor_dir/anchor_enrich.py" ]; then
  with_anchor=true
  repeated=$(mktemp)
  trap 'rm -f "$repeated"' EXIT
  for _ in 1 2 3 4 5; do cat "$articles"; done > "$repeated"
fi
ratios=()
for round in $(seq "$rounds"); do
  byline_line=$(taskset -c 0 .build-static/release/byline bench enrich --input "$articles" --rounds 300 | tail -1)
  echo "round $round byline: $byline_line"
  $with_anchor || break
  anchor_line=$(taskset -c 0 "$ANCHOR_PYTHON" "$anchor_dir/anchor_enrich.py" --in "$repeated" --out /dev/null 2>/dev/null | tail -1)
  echo "round $round spaCy + textacy: $anchor_line"
  ratios+=("$(python3 - "$byline_line" "$anchor_line" <<'PY'
import re, sys
ours = float(re.search(r"([\d.]+) articles/s", sys.argv[1]).group(1))
theirs = float(re.search(r"articles/s ([\d.]+)", sys.argv[2]).group(1))
print(f"{ours / theirs:.1f}")
PY
)")
  echo "round $round ratio: ${ratios[-1]}x"
done
if $with_anchor; then
  python3 -c 'import statistics, sys; r = [float(x) for x in sys.argv[1:]]; print(f"ratio byline / spaCy+textacy: median {statistics.median(r):.0f}x articles/s per core over {len(r)} rounds ({min(r):.0f}x to {max(r):.0f}x)")' "${ratios[@]}"
else
  echo "(set ANCHOR_PYTHON to compare with spaCy + textacy in the same run)"
fi
