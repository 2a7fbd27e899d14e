#!/usr/bin/env bash
# Installs the system packages Byline builds and runs against, if any is missing.
set -euo pipefail
packages=(librdkafka-dev kcat pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
# scripts/check-deploy.sh runs its linters from a Python virtual environment.
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing+=(python3 python3-venv)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_prefix=()
[ "$(id -u)" -ne 0 ] && sudo_prefix=(sudo)
echo "installing: ${missing[*]}" >&2
"${sudo_prefix[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
