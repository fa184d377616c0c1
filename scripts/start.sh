#!/usr/bin/env bash
# Install PlanCoach on a fresh machine and start the web workspace on http://127.0.0.1:7860
# (offline, on the embedded drafter unless an LLM is configured; see README "Settings").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
exec .venv/bin/plancoach serve "$@"
