#!/usr/bin/env bash
# The LLM path against a real OpenAI-compatible server with a real small model, for the protocol and
# for quality: llama.cpp's server (llama-cpp-python) serving Qwen2.5-Coder-1.5B-Instruct (Q4_K_M).
# Not part of the default CI: the build takes 4-7 minutes, and the model's questions take seconds a plan on 2 cores.
#
#   bash scripts/llm_quality_run.sh            # the dev evaluation (../shared/eval) through the LLM drafter
#   bash scripts/llm_quality_run.sh pytest     # tests/test_llm_server.py against the same server
set -euo pipefail
cd "$(dirname "$0")/.."
LLAMA_VENV="${LLAMA_VENV:-.plancoach/llama-venv}"
PORT="${PORT:-8080}"

[ -x .venv/bin/python ] || { python3 -m venv .venv; }
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
if [ ! -x "$LLAMA_VENV/bin/python" ]; then python3 -m venv "$LLAMA_VENV"; fi
# A portable build: a native one on a Sapphire Rapids guest takes ggml's AMX path, runs at 0.5 token/s and its
# server segfaults on the first request.
"$LLAMA_VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null \
  || CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF}" \
     "$LLAMA_VENV/bin/python" -m pip install -q --disable-pip-version-check --no-binary llama-cpp-python 'llama-cpp-python[server]'
MODEL="$(bash scripts/fetch_test_model.sh)"

"$LLAMA_VENV/bin/python" -m llama_cpp.server --model "$MODEL" --model_alias local --host 127.0.0.1 --port "$PORT" \
  --n_ctx 8192 --n_threads "$(nproc)" --n_threads_batch "$(nproc)" > .plancoach/llama-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null && break; sleep 1; done

export PLANCOACH_DRAFTER=llm PLANCOACH_LLM_BASE_URL="http://127.0.0.1:$PORT/v1" PLANCOACH_LLM_MODEL=local
if [ "${1:-eval}" = "pytest" ]; then
  PLANCOACH_TEST_LLM_URL="$PLANCOACH_LLM_BASE_URL" .venv/bin/python -m pytest -q tests/test_llm_server.py
else
  python3 ../shared/eval/evaluate.py --cmd "$PWD/.venv/bin/plancoach draft {notes} --output {out}" "${@:2}"
fi
