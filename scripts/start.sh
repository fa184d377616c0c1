#!/usr/bin/env bash
# Install PlanCoach on a fresh machine and start the web workspace on http://127.0.0.1:7860.
# Offline, on the embedded drafter unless an LLM is configured (see docs/settings.md).
# The PDF export uses Debian's fonts-wqy-zenhei for Chinese plans; it is installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv ..."
  python3 -m venv .venv
fi
echo "Installing PlanCoach and its dependencies (the first time takes a few minutes) ..."
set +e
.venv/bin/python -m pip install --disable-pip-version-check -e . 2>&1 | tee .venv/install.log \
  | grep --line-buffered -E "^(Collecting|Successfully installed|ERROR)"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "The installation failed; the full log is in .venv/install.log" >&2
  exit "$status"
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q . && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-zenhei >/dev/null) \
    || echo "note: fonts-wqy-zenhei could not be installed; Chinese PDF export will ask for it" >&2
fi
echo "Starting the workspace (the knowledge base is indexed in the background on the first start) ..."
exec .venv/bin/plancoach serve "$@"
