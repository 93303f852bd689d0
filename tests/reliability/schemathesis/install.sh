#!/usr/bin/env bash
# Installs the pinned Schemathesis into <repo>/.tools/venv (git-ignored). Idempotent: does nothing when the
# pinned version is already there. Needs python3 (3.9+) with the venv module and access to PyPI.
set -euo pipefail
SCHEMATHESIS_VERSION=4.32.5
root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="$root/.tools/venv"

if [ -x "$venv/bin/python" ] &&
  [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" = "$SCHEMATHESIS_VERSION" ]; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
"$venv/bin/python" -c 'import schemathesis; print("schemathesis", schemathesis.__version__ if hasattr(schemathesis, "__version__") else "")'
