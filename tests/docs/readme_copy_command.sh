#!/usr/bin/env bash
# The README's "Copying" route, exactly as printed: the shell block between
# <!-- readme-copy-command: begin --> and <!-- readme-copy-command: end --> is
# run in a scratch folder holding the README's tour as app.cpp, then ./app runs
# against `twilio-usage emulator` with only the variables its banner exports.
#
#   readme_copy_command.sh README.md SOURCE_ROOT TWILIO_USAGE_EXE
set -euo pipefail
readme=$1 source_root=$(cd "$2" && pwd) cli=$3

block=$(awk '/<!-- readme-copy-command: begin/ {on=1; next}
             /<!-- readme-copy-command: end/ {on=0}
             on && !/^ *```/' "$readme")
[ -n "$block" ] || { echo "FAILED: no readme-copy-command block in $readme"; exit 1; }
echo "the README's commands:"; echo "$block"

scratch=$(mktemp -d)
emulator_pid=
cleanup() {
  [ -z "$emulator_pid" ] || kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
cp "$source_root/examples/readme_tour.cpp" "$scratch/app.cpp"

# The commands as printed; TWILIO_USAGE_CPP is where the README says this repository is.
(cd "$scratch" && env -u TWILIO_ACCOUNT_SID -u TWILIO_AUTH_TOKEN TWILIO_USAGE_CPP="$source_root" bash -euo pipefail -c "$block")
[ -x "$scratch/app" ] || { echo "FAILED: the README's commands made no ./app"; exit 1; }

# The emulator's banner, then the tour with only what the banner exports.
"$cli" emulator --port 0 >"$scratch/banner.txt" &
emulator_pid=$!
for _ in $(seq 100); do grep -q '^  export TWILIO_AUTH_TOKEN=' "$scratch/banner.txt" && break; sleep 0.1; done
exports=$(grep '^  export TWILIO_' "$scratch/banner.txt" | sed 's/^  export //')
[ "$(echo "$exports" | wc -l)" -eq 3 ] || { echo "FAILED: the banner exports no three variables:"; cat "$scratch/banner.txt"; exit 1; }
# shellcheck disable=SC2086
output=$(cd "$scratch" && env -i PATH="$PATH" $exports ./app) || { echo "FAILED: ./app exited $?"; echo "$output"; exit 1; }
echo "$output" | tail -n 3
echo "$output" | grep -q '^created UT[0-9a-f]\{32\}$' || { echo "FAILED: the tour did not create a trigger"; exit 1; }
lines=$(echo "$output" | wc -l)
[ "$lines" -gt 30 ] || { echo "FAILED: the tour printed only $lines lines"; exit 1; }
echo "1 passed, 0 failed"
