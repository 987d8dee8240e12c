#!/usr/bin/env bash
# The README's "Installed" route, end to end: installs this build's headers
# and pkg-config file into a scratch DESTDIR, then builds a program with
# nothing but that tree and `pkg-config --cflags --libs twilio-usage`, and
# runs it. Fails when a header the others include is not installed, or when
# the .pc file lacks a flag or a library they need.
# Usage: check_install.sh BUILD_DIR APP_SOURCE CXX [CXX ARGS...]
set -euo pipefail
build_dir=$1 app_source=$2
shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

meson install -C "$build_dir" --no-rebuild --tags devel --destdir "$scratch/root" --quiet
pc=$(find "$scratch/root" -name twilio-usage.pc)
if [ -z "$pc" ]; then
  echo "check_install: no twilio-usage.pc under the DESTDIR" >&2
  exit 1
fi
# The .pc file names the final prefix; point it at the DESTDIR copy.
mkdir "$scratch/pc"
sed "s|^prefix=|prefix=$scratch/root|" "$pc" >"$scratch/pc/twilio-usage.pc"
flags=$(PKG_CONFIG_PATH="$scratch/pc" pkg-config --cflags --libs twilio-usage)
echo "check_install: $* $app_source $flags"

"$@" -O0 -MD -MF "$scratch/app.d" "$app_source" -o "$scratch/app" $flags
# A copy installed earlier (say in /usr/local/include, a default search
# directory) must not stand in for a header the scratch tree lacks.
elsewhere=$(tr -s ' \\' '\n\n' <"$scratch/app.d" | grep '/twilio_usage/' | grep -v "^$scratch/" | grep -vxF "$app_source" || true)
if [ -n "$elsewhere" ]; then
  echo "check_install: headers read from outside the installed tree:" >&2
  echo "$elsewhere" >&2
  exit 1
fi
"$scratch/app"
