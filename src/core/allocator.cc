// The allocator of nufuz's programs (the binary and the benchmarks): mimalloc,
// linked ahead of libc so it serves malloc/free and operator new/delete.
//
// At start-up it maps one arena of 1 GiB. Without it, blocks larger than
// mimalloc's segments (a long document's token vector runs to tens of MB)
// come straight from the OS and go back to it when freed, so every such
// document pays for faulting in and zeroing fresh pages; with the arena they
// are reused. The arena is mapped committed (read-write) because an
// uncommitted one is decommitted on free and faults again, which measured no
// better than none. Committed is not resident: pages count towards RSS only
// once touched (analyze of a 759-article batch peaks at 37 MB). Where the
// kernel refuses the mapping (strict overcommit, little memory) the call
// fails harmlessly and mimalloc allocates from the OS as usual.
#include <mimalloc.h>

#include <cstddef>

namespace {

constexpr std::size_t kArenaBytes = std::size_t{1} << 30;  // 1 GiB

const int kReserved = [] {
  return mi_reserve_os_memory(kArenaBytes, /*commit=*/true, /*allow_large=*/false);
}();

}  // namespace
