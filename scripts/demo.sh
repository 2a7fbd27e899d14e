#!/usr/bin/env bash
# Installs what is missing, builds in release, enriches the sample articles and runs
# Byline's Kafka client against the embedded cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
byline=.build/release/byline
out=$(mktemp)
"$byline" enrich --input samples/articles.jsonl --output "$out"
python3 - "$out" <<'PY'
import collections, json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
entities = sum(len(r["entities"]) for r in records)
quotes = [q for r in records for q in r["quotes"]]
speakers = collections.Counter(q["speaker"]["name"] for q in quotes if q["speaker"])
print(f"enriched {len(records)} sample articles: {entities} entities, {len(quotes)} quotes, "
      f"{sum(1 for q in quotes if q['speaker'])} attributed")
print("most quoted:", ", ".join(f"{name} ({count})" for name, count in speakers.most_common(5)))
print("one record:")
print(json.dumps(records[0], ensure_ascii=False, indent=2)[:3000])
PY
rm -f "$out"
echo
echo "Kafka layer on the embedded cluster:"
"$byline" bench kafka --messages 20000
