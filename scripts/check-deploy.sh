#!/usr/bin/env bash
# Checks deploy/ without a container engine: lints the Dockerfile (hadolint), validates the
# Kubernetes manifests (kubernetes-validate) and the compose file (the Compose
# specification's schema) offline, checks that they and `byline run` agree, checks the alert
# rules and the Grafana dashboard against the metrics the worker exports (and runs the
# rules' unit tests where promtool is installed), and checks with ldd that the release
# binary, built as the Dockerfile builds it, needs no library beyond what the runtime image
# installs.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-deploy-check
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check -r scripts/deploy/requirements.txt
wheel=$(ls "$work"/wheels/docker_compose-1.29.2-*.whl 2>/dev/null || true)
if [ -z "$wheel" ]; then
    "$work/venv/bin/pip" download -q --disable-pip-version-check --no-deps docker-compose==1.29.2 -d "$work/wheels"
    wheel=$(ls "$work"/wheels/docker_compose-1.29.2-*.whl)
fi

"$work/venv/bin/hadolint" --failure-threshold warning deploy/Dockerfile
echo "Dockerfile: hadolint clean"
"$work/venv/bin/kubernetes-validate" --strict --quiet deploy/k8s/*.yaml
echo "Kubernetes manifests: valid against the Kubernetes schemas (KEDA's custom resources are checked below)"
# promtool (rule checks and the alert rules' unit tests) from Debian's prometheus package,
# unpacked, not installed: nothing starts. Best effort: without it the check says so.
if [ ! -x "$work/promtool/usr/bin/promtool" ]; then
    (cd "$work" && rm -f prometheus_*.deb && apt-get download prometheus >/dev/null 2>&1 \
        && dpkg-deb -x prometheus_*.deb promtool && rm -f prometheus_*.deb) || echo "promtool: not available from apt here"
fi
[ -x "$work/promtool/usr/bin/promtool" ] && export PROMTOOL="$PWD/$work/promtool/usr/bin/promtool"
"$work/venv/bin/python" scripts/deploy/check_observability.py

scripts/build-release.sh
binary=.build-static/release/byline
"$work/venv/bin/python" scripts/deploy/check_manifests.py "$wheel" "$binary"

# The runtime image is debian:trixie-slim plus librdkafka1 (which brings its own
# dependencies) and ca-certificates: the base image has libc6, libgcc-s1 and libstdc++6.
allowed='^(linux-vdso\.so\.1|ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libutil\.so\.1|libgcc_s\.so\.1|libstdc\+\+\.so\.6|librdkafka\.so\.1)$'
if ldd "$binary" | grep -q "not found"; then
    ldd "$binary"; echo "ldd: a library is missing" >&2; exit 1
fi
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
unexpected=$(echo "$needed" | grep -Ev "$allowed" || true)
if [ -n "$unexpected" ]; then
    echo "the binary needs libraries the runtime image lacks: $unexpected" >&2; exit 1
fi
echo "release binary needs only: $(echo $needed)"
