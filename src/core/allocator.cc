// The allocator of nufuz's programs (the binary and the benchmarks): mimalloc,
// linked ahead of libc so it serves malloc/free and operator new/delete.
//
// At start-up it reserves address space for one arena. Without it, blocks
// larger than mimalloc's segments (a long document's token vector runs to
// tens of MB) come straight from the OS and go back to it when freed, so
// every such document pays for faulting in and zeroing fresh pages. With the
// arena they are reused. Reserved is not committed: pages count towards RSS
// only once touched, and reservation fails harmlessly (mimalloc falls back
// to plain OS allocation) where address space is scarce.
#include <mimalloc.h>

#include <cstddef>

namespace {

constexpr std::size_t kArenaBytes = std::size_t{1} << 30;  // 1 GiB of address space

const int kReserved = [] {
  return mi_reserve_os_memory(kArenaBytes, /*commit=*/true, /*allow_large=*/false);
}();

}  // namespace
