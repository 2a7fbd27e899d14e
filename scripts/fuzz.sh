#!/usr/bin/env bash
# Fuzzes the record decoder and the whole enrichment with libFuzzer and AddressSanitizer:
#   scripts/fuzz.sh [SECONDS]            (default 60)
# Starts from the seed corpus in Tests/FuzzSeeds; new inputs that reach new code are kept
# in .build-fuzz/corpus, crashes in .build-fuzz/crashes. Prints libFuzzer's figures and the
# slowest inputs per KB. Replay a crash with a plain build:
#   swift run byline-fuzz .build-fuzz/crashes/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
swift build -c release --force-resolved-versions --product byline-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld >/dev/null  # gold fails on the fuzzer runtime
binary=.build-fuzz/release/byline-fuzz
mkdir -p .build-fuzz/corpus .build-fuzz/crashes
# -timeout: an input that takes longer than 10 s is a finding (enrichment must stay linear).
# The whole run is kept in a log. Swift's backtracer is off: libFuzzer and the sanitizer print
# the trace, and the backtracer once hung for 20 minutes symbolising a sanitizer's abort.
log=.build-fuzz/last-run.log
if ! SWIFT_BACKTRACE=enable=no "$binary" .build-fuzz/corpus Tests/FuzzSeeds -max_total_time="$seconds" -timeout=10 -max_len=65536 \
    -rss_limit_mb=4096 -artifact_prefix=.build-fuzz/crashes/ -print_final_stats=1 >"$log" 2>&1; then
    grep -m 1 -A 60 -E "ERROR: |deadly signal|Fatal error" "$log" || true
    tail -25 "$log"
    echo "fuzz: a finding; its input is in .build-fuzz/crashes/, the whole run in $log" >&2
    exit 1
fi
tail -25 "$log"
# The slowest inputs per KB of the corpus, timed with the plain replay build.
swift build -c release --force-resolved-versions --product byline-fuzz >/dev/null
python3 - .build/release/byline-fuzz .build-fuzz/corpus <<'PY'
import os, subprocess, sys, time
binary, folder = sys.argv[1], sys.argv[2]
files = [os.path.join(folder, name) for name in os.listdir(folder)]
# Per KB only means something for inputs of some size: process start-up noise swamps tiny ones.
files = [f for f in sorted(files, key=os.path.getsize, reverse=True)[:200] if os.path.getsize(f) >= 512]
timed = []
for path in files:
    started = time.perf_counter()
    subprocess.run([binary, path], check=True, stdout=subprocess.DEVNULL)
    timed.append(((time.perf_counter() - started) * 1000, os.path.getsize(path), path))
started = time.perf_counter()
subprocess.run([binary, "Tests/FuzzSeeds/empty.json"], check=True, stdout=subprocess.DEVNULL)
startup = (time.perf_counter() - started) * 1000
print(f"corpus: {len(os.listdir(folder))} inputs; {len(timed)} of at least 512 bytes replayed (start-up {startup:.0f} ms, subtracted)")
for ms, size, path in sorted(timed, key=lambda t: (t[0] - startup) / max(t[1], 1), reverse=True)[:5]:
    print(f"  {(ms - startup) / max(size / 1024, 1e-3):8.2f} ms/KB  {size:7d} bytes  {os.path.basename(path)}")
PY
