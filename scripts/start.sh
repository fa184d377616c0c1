#!/usr/bin/env bash
# Install PlanCoach on a fresh machine and start it: the web workspace on http://127.0.0.1:7860
# once it is part of this version, otherwise a draft of the bundled example notes on the terminal.
# Offline, on the embedded drafter unless an LLM is configured (see README "Settings").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
if [ -f assistant/ui/app.py ]; then
  exec .venv/bin/plancoach serve "$@"
fi
exec .venv/bin/plancoach draft examples/training-specialist.txt --format markdown
