// For a program whose job is serving the emulator (twilio-usage-emulator,
// bench/emulator-serve). Emulator does not call this itself: malloc's
// settings belong to the whole process, and an emulator running inside
// someone's test binary must not change them.
#pragma once

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace twilio_usage::testing {

/// Each records page allocates and frees a few hundred kilobytes on a server
/// thread's heap. With glibc's defaults the heap is trimmed after each page
/// and grown again for the next; keeping it cut the emulator's CPU per page
/// by a quarter on long listings (bench/README.md). Call it first in main(),
/// before any thread starts. Does nothing where glibc's mallopt is missing.
inline void keep_heap_between_pages() {
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
}

}  // namespace twilio_usage::testing
