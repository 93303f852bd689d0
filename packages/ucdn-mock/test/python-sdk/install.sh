#!/usr/bin/env bash
# Installs UCloud's official Python SDK (requirements.txt, pinned) into <repo>/.tools/ucloud-sdk-python3
# (git-ignored). Idempotent: does nothing when the pinned set is already there. Needs python3 (3.9+) with the
# venv module and access to PyPI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
venv="$root/.tools/ucloud-sdk-python3"
stamp="$venv/requirements.installed"

# Several test files may ask at once: one installs, the others wait for it and then find it done (flock is
# util-linux: on a machine without it, concurrent first installs are not serialized).
mkdir -p "$root/.tools"
if command -v flock >/dev/null; then
  exec 9>"$root/.tools/ucloud-sdk-python3.lock"
  flock 9
fi

if [ -x "$venv/bin/python" ] && cmp -s "$here/requirements.txt" "$stamp"; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$here/requirements.txt"
cp "$here/requirements.txt" "$stamp"
