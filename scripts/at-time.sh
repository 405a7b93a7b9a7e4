#!/usr/bin/env bash
# Runs a command as if it were another time of day (or day of the year), for every process it
# starts: Node, the embedded PostgreSQL, `next start` (not Chromium: see below). Needs
# Debian's faketime.
#
#   scripts/at-time.sh "2026-12-01 02:30 UTC" npx vitest run --project integration
#
# The clock is shifted, not restarted: FAKETIME="@<time>" would start the clock at <time> in
# every new process (PostgreSQL, the server, each test worker), so processes started seconds
# apart would disagree by those seconds. A relative offset keeps them all on one clock.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: scripts/at-time.sh '<date -d time, e.g. 2026-12-01 02:30 UTC>' <command> [args...]" >&2
  exit 2
fi
at="$1"
shift
lib=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketime\.so\.1$' | head -n 1 || true)
if [ -z "$lib" ]; then
  echo "libfaketime is missing: apt-get install -y faketime" >&2
  exit 2
fi
target=$(date -d "$at" +%s)
offset=$((target - $(date +%s)))
echo "at-time: clock shifted by ${offset}s to $(date -u -d "@$target" '+%Y-%m-%d %H:%M:%S UTC') ($(TZ=America/New_York date -d "@$target" '+%a %H:%M New York'), $(TZ=Europe/London date -d "@$target" '+%a %H:%M London'))" >&2
# Chromium hangs at start-up under libfaketime, so Playwright gets a Chromium on the real clock:
# a browser whose clock disagrees with the server's, which the board corrects for (serverTime).
if [ -z "${CHROMIUM_PATH:-}" ] && [ -x /usr/bin/chromium ]; then
  wrapper="${TMPDIR:-/tmp}/at-time-chromium"
  printf '#!/bin/sh\nunset LD_PRELOAD FAKETIME FAKETIME_DONT_FAKE_MONOTONIC\nexec /usr/bin/chromium "$@"\n' > "$wrapper"
  chmod +x "$wrapper"
  export CHROMIUM_PATH="$wrapper"
fi
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
export FAKETIME="$(printf '%+d' "$offset")"
# Timers and performance.now() keep real time; only the wall clock moves.
export FAKETIME_DONT_FAKE_MONOTONIC=1
exec "$@"
