#!/usr/bin/env bash
# The README's "Installed" route, end to end: installs this build's headers
# and pkg-config file into a scratch DESTDIR, then builds a program with
# nothing but that tree and `pkg-config --cflags --libs twilio-usage`, and
# runs it, header-only and then separately compiled (the README's "Separate
# compilation": src.hpp and testing/src.hpp compiled once in a file of their
# own). Fails when a header the others include is not installed, when the
# .pc file lacks a flag or a library they need, or when the separately
# compiled app still compiles the library's code itself.
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
export PKG_CONFIG_PATH="$scratch/pc"
cflags=$(pkg-config --cflags twilio-usage)
libs=$(pkg-config --libs twilio-usage)
echo "check_install: $* $app_source $cflags $libs"

# A copy installed earlier (say in /usr/local/include, a default search
# directory) must not stand in for a header the scratch tree lacks.
check_headers_came_from_scratch() {
  local elsewhere
  elsewhere=$(tr -s ' \\' '\n\n' <"$1" | grep '/twilio_usage/' | grep -v "^$scratch/" | grep -vxF "$app_source" || true)
  if [ -n "$elsewhere" ]; then
    echo "check_install: $2 read headers from outside the installed tree:" >&2
    echo "$elsewhere" >&2
    exit 1
  fi
}

"$@" -O0 -MD -MF "$scratch/app.d" "$app_source" -o "$scratch/app" $cflags $libs
check_headers_came_from_scratch "$scratch/app.d" "the header-only app"
"$scratch/app"

modes="-DTWILIO_USAGE_SEPARATE_COMPILATION -DTWILIO_USAGE_EMULATOR_SEPARATE_COMPILATION"
printf '#include <twilio_usage/src.hpp>\n#include <twilio_usage/testing/src.hpp>\n' >"$scratch/library.cpp"
"$@" -O0 $modes -MD -MF "$scratch/library.d" -c "$scratch/library.cpp" -o "$scratch/library.o" $cflags
"$@" -O0 $modes -MD -MF "$scratch/app_separate.d" -c "$app_source" -o "$scratch/app_separate.o" $cflags
check_headers_came_from_scratch "$scratch/library.d" "src.hpp's file"
check_headers_came_from_scratch "$scratch/app_separate.d" "the separately compiled app"
# The point of the mode: the app's own object declares the client and the
# emulator and leaves their code to library.o.
compiled_here=$(nm -C --defined-only "$scratch/app_separate.o" |
  grep -E ' [TW] twilio_usage::(Client::Client\(.*shared_ptr|detail::Executor::Executor\(|HttplibTransport::exchange\(|testing::Emulator::start\(\))' || true)
if [ -n "$compiled_here" ]; then
  echo "check_install: the separately compiled app defines what src.hpp should:" >&2
  echo "$compiled_here" | head -n 5 >&2
  exit 1
fi
"$@" "$scratch/app_separate.o" "$scratch/library.o" -o "$scratch/app_separate" $libs
"$scratch/app_separate"
