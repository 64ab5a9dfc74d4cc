#!/usr/bin/env bash
# Installs the Debian 12 packages kg needs to build, test, run the demo and
# (with --bench) run the peer benchmarks; `kg serve` needs cpp-httplib, the
# Python module pybind11 and Python's headers (tested with pytest), the MPI
# build Open MPI; with --mermaid, also Mermaid's
# parser from the npm registry for the Mermaid syntax test (needs node and
# npm; the test is skipped without it). The evidence map needs node, npm
# and Chromium (its browser test) and the npm packages pinned in
# viewer/package-lock.json (Cytoscape.js, compiled into kg; puppeteer-core,
# the test's driver). Idempotent: installs only what is
# missing and runs `apt-get update` at most once, and only when it must.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config ccache
  libboost-graph-dev libboost-serialization-dev libxxhash-dev
  rapidjson-dev libexpat1-dev libgraphviz-dev graphviz fonts-dejavu-core fonts-liberation2
  doctest-dev libcli11-dev libfmt-dev help2man
  clang libclang-rt-14-dev
  python3 python3-networkx python3-numpy python3-scipy python3-igraph python3-graph-tool
  chromium
  libcpp-httplib-dev
  pybind11-dev python3-dev python3-pytest
  libopenmpi-dev openmpi-bin
)
# Debian's node and npm, unless some node is installed already (another
# distribution's nodejs package carries its own npm and conflicts with Debian's).
if ! command -v npm >/dev/null 2>&1; then
  build_packages+=(nodejs npm)
fi
bench_packages=(time python3-pydot wrk)

wanted=("${build_packages[@]}")
mermaid=false
for option in "$@"; do
  case "$option" in
    --bench) wanted+=("${bench_packages[@]}") ;;
    --mermaid) mermaid=true ;;
  esac
done

if $mermaid; then
  root=$(cd "$(dirname "$0")/.." && pwd)
  if [[ ! -d "$root/tests/oracle/mermaid/node_modules/mermaid" ]]; then
    echo "install-deps: installing mermaid and jsdom into tests/oracle/mermaid" >&2
    npm install --prefix "$root/tests/oracle/mermaid" --no-audit --no-fund --silent
  fi
fi

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The viewer's npm packages, exactly as the lock file pins them; again only
# when the lock file is newer than what is installed.
viewer=$(cd "$(dirname "$0")/../viewer" && pwd)
if [[ ! -f "$viewer/node_modules/.package-lock.json" || "$viewer/package-lock.json" -nt "$viewer/node_modules/.package-lock.json" ]]; then
  echo "install-deps: installing the viewer's npm packages into viewer/node_modules" >&2
  npm ci --prefix "$viewer" --no-audit --no-fund --silent
fi
