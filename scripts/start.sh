#!/usr/bin/env bash
# Install PlanCoach on a fresh machine and start the web workspace on http://127.0.0.1:7860.
# Offline, on the embedded drafter unless an LLM is configured (see docs/settings.md).
# The PDF export uses Debian's fonts-wqy-zenhei for Chinese plans; it is installed when missing.
# It prints a few lines of progress; pip's own output goes to .venv/install.log, named if the install fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv ..."
  python3 -m venv .venv
fi
log="$PWD/.venv/install.log"
echo "Installing PlanCoach (the first run takes a few minutes) ..."
.venv/bin/python -m pip install --disable-pip-version-check -e . >"$log" 2>&1 &
pip=$!
every=${PLANCOACH_PROGRESS_EVERY:-15}  # seconds between two progress lines (the tests shorten it)
started=$SECONDS
last=$SECONDS
while kill -0 "$pip" 2>/dev/null; do  # a line every 15 s, so a long first install is seen to move
  sleep 1
  if [ $((SECONDS - last)) -ge "$every" ] && kill -0 "$pip" 2>/dev/null; then
    last=$SECONDS
    installing=$(sed -n 's/^Installing collected packages: //p' "$log" | tr ',' '\n' | grep -c . || true)
    if [ "$installing" -gt 0 ]; then  # all fetched: pip unpacks them, the longest step, in silence
      echo "  ... installing the $installing packages ($((SECONDS - started)) s so far)"
    else
      echo "  ... $(grep -c '^Collecting' "$log" || true) packages fetched so far"
    fi
  fi
done
status=0
wait "$pip" || status=$?
if [ "$status" -ne 0 ]; then
  echo "The installation failed (pip exited with $status); its output is in $log. The last lines:" >&2
  tail -n 5 "$log" >&2
  exit "$status"
fi
echo "Installed."
if ! fc-list :lang=zh 2>/dev/null | grep -q . && command -v apt-get >/dev/null 2>&1; then
  echo "Installing a Chinese font for PDF export (fonts-wqy-zenhei) ..."
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-zenhei >/dev/null) \
    || echo "note: fonts-wqy-zenhei could not be installed; Chinese PDF export will ask for it" >&2
fi
echo "Starting the workspace (the first start indexes the knowledge base in the background) ..."
exec .venv/bin/plancoach serve "$@"
