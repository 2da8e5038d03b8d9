#!/usr/bin/env bash
# Smoke test of an installed Smarketing Workshop: the headless commands from a scratch folder,
# and with --window the window itself on a virtual X display (Xvfb) for a few seconds.
#
#   packaging/smoke-test.sh [--window] PROGRAM [ARGS...]
#
# PROGRAM is what a user runs: the wheel's `smarketing-workshop` console script, or the
# bundle's program. Exits non-zero, saying which step failed, when any step fails.
set -uo pipefail

window=0
if [ "${1:-}" = "--window" ]; then window=1; shift; fi
if [ $# -lt 1 ]; then echo "usage: $0 [--window] PROGRAM [ARGS...]" >&2; exit 2; fi
program=("$@")

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
# Never the user's own settings, recent files or signing authority.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
  XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" SMARKETING_WORKSHOP_DATA="$scratch/data"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

failed=0
step() {  # step NAME EXPECTED-TEXT COMMAND...: the command must exit 0 and print the text
  local name=$1 expected=$2; shift 2
  local output
  if ! output=$(QT_QPA_PLATFORM=offscreen "$@" 2>&1); then
    echo "FAILED: $name (exit status not 0)"; echo "$output" | sed 's/^/    /'; failed=1; return
  fi
  if ! grep -qF -- "$expected" <<<"$output"; then
    echo "FAILED: $name (no \"$expected\" in its output)"; echo "$output" | sed 's/^/    /'; failed=1; return
  fi
  echo "ok: $name"
}

step "--version" "Smarketing Workshop" "${program[@]}" --version
step "demo" "Wrote the demo workshop" "${program[@]}" demo demo.smw
step "export --sla" "Wrote the signed SLA" "${program[@]}" export demo.smw --sla sla.pdf --ca ca.pem
step "verify" "all 3 signatures valid" "${program[@]}" verify --trust ca.pem sla.pdf
step "check-goal" "Time-bound" "${program[@]}" check-goal --today 2027-01-15 "Increase MQLs by 20% by end of Q3 2027"

if [ "$window" = 1 ]; then
  if ! command -v Xvfb >/dev/null; then
    echo "FAILED: the window (Xvfb is not installed)"; failed=1
  else
    exec 3< <(Xvfb -displayfd 1 -nolisten tcp -screen 0 1280x800x24 2>"$scratch/xvfb.log")
    xvfb=$!
    read -r -t 20 display <&3 || display=""
    if [ -z "$display" ]; then
      echo "FAILED: the window (Xvfb did not start)"; cat "$scratch/xvfb.log"; failed=1
    else
      env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY DISPLAY=":$display" \
        timeout -s TERM 8 "${program[@]}" demo.smw >"$scratch/window.out" 2>"$scratch/window.err"
      status=$?
      if [ "$status" != 124 ]; then
        echo "FAILED: the window (it ended by itself with status $status before 8 s)"
        sed 's/^/    /' "$scratch/window.out" "$scratch/window.err"; failed=1
      elif [ -s "$scratch/window.err" ]; then
        echo "FAILED: the window (it printed warnings)"; sed 's/^/    /' "$scratch/window.err"; failed=1
      else
        echo "ok: the window ran 8 s on Xvfb :$display with no warning"
      fi
    fi
    kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null
  fi
fi

if [ "$failed" != 0 ]; then echo "smoke test FAILED: ${program[*]}"; exit 1; fi
echo "smoke test passed: ${program[*]}"
