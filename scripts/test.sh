#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, lint and type-check, then run the tests. `.ci/run` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,lint]'

# The browser test drives Debian's chromium (Playwright's own browser download is not reachable),
# the PDF checks render with poppler, and the `postgres` tests start a throwaway PostgreSQL server;
# install them when missing.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The linter and the type checker first: any finding fails the run before the tests start.
.venv/bin/ruff check --quiet .
.venv/bin/mypy

exec .venv/bin/python -m pytest -q "$@"
