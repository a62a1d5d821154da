// extract/string_map.h: a string-keyed hash map looked up by string_view.
//
// Contract
// - StringMap<V> owns its keys and answers Find(std::string_view) without
//   building a std::string (GCC 12's unordered containers have no
//   heterogeneous lookup). Open addressing with linear probing over a
//   power-of-two table of (fingerprint, index) slots, so most mismatches cost
//   neither a visit to the entry nor a string compare. A one-bit-per-key
//   filter (8-16 bits per key, small enough to stay in cache) answers most
//   absent keys before the table is touched.
// - Emplace keeps the first value given for a key (like unordered_map::emplace);
//   operator[] inserts a default value when the key is new.
// - No iteration order is promised (and none is offered): use it for lookups
//   only. Pointers to values stay valid until the next insertion.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nufuz::extract {

// FNV-1a over 8-byte words with a final mix: cheap for the short keys
// (words, phrases) the extractors look up.
inline std::uint64_t StringMapHash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    // The 1-7 byte tail, little-endian as a memcpy would load it, without a
    // library call for the variable length.
    const auto* p = reinterpret_cast<const unsigned char*>(s.data() + i);
    std::uint64_t w = 0;
    switch (s.size() - i) {
      case 7: w |= std::uint64_t{p[6]} << 48; [[fallthrough]];
      case 6: w |= std::uint64_t{p[5]} << 40; [[fallthrough]];
      case 5: w |= std::uint64_t{p[4]} << 32; [[fallthrough]];
      case 4: w |= std::uint64_t{p[3]} << 24; [[fallthrough]];
      case 3: w |= std::uint64_t{p[2]} << 16; [[fallthrough]];
      case 2: w |= std::uint64_t{p[1]} << 8; [[fallthrough]];
      default: w |= p[0];
    }
    h = (h ^ w) * 0x100000001b3ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

template <typename V>
class StringMap {
 public:
  const V* Find(std::string_view key) const { return Find(key, StringMapHash(key)); }
  // With the key's StringMapHash already computed (see DocForms).
  // The filter test is inline at the caller; most keys end there.
  [[gnu::always_inline]] const V* Find(std::string_view key, std::uint64_t h) const {
    if (entries_.empty() || !MayHave(h)) return nullptr;
    return Probe(key, h);
  }
  V* Find(std::string_view key) {
    return const_cast<V*>(static_cast<const StringMap*>(this)->Find(key));
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

 private:
  [[gnu::noinline]] const V* Probe(std::string_view key, std::uint64_t h) const {
    const std::uint64_t fp = h & kFingerprint;
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
      std::uint64_t slot = slots_[s];
      if (slot == kEmpty) return nullptr;
      if ((slot & kFingerprint) != fp) continue;
      const Entry& en = entries_[static_cast<std::uint32_t>(slot)];
      if (en.key == key) return &en.value;
    }
  }

 public:
  // Inserts (key, value) unless key is present; returns the stored value and
  // whether it was inserted.
  std::pair<V*, bool> Emplace(std::string_view key, V value) {
    std::uint64_t h = StringMapHash(key);
    if (V* v = FindHashed(key, h)) return {v, false};
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.push_back(Entry{std::string(key), h, std::move(value)});
    Place(static_cast<std::uint32_t>(entries_.size() - 1));
    return {&entries_.back().value, true};
  }
  V& operator[](std::string_view key) { return *Emplace(key, V{}).first; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  // A slot: the hash's high 32 bits, then the entry index; all ones = empty.
  static constexpr std::uint64_t kEmpty = ~0ull;
  static constexpr std::uint64_t kFingerprint = 0xFFFFFFFF00000000ull;
  struct Entry {
    std::string key;
    std::uint64_t hash;
    V value;
  };
  V* FindHashed(std::string_view key, std::uint64_t h) {
    if (entries_.empty()) return nullptr;
    const std::uint64_t fp = h & kFingerprint;
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
      std::uint64_t slot = slots_[s];
      if (slot == kEmpty) return nullptr;
      if ((slot & kFingerprint) != fp) continue;
      Entry& en = entries_[static_cast<std::uint32_t>(slot)];
      if (en.key == key) return &en.value;
    }
  }
  std::size_t FilterBit(std::uint64_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> 32) & filter_mask_;
  }
  bool MayHave(std::uint64_t h) const {
    std::size_t b = FilterBit(h);
    return (filter_[b >> 6] >> (b & 63)) & 1;
  }
  void Place(std::uint32_t e) {
    const std::uint64_t h = entries_[e].hash;
    std::size_t b = FilterBit(h);
    filter_[b >> 6] |= 1ull << (b & 63);
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_)
      if (slots_[s] == kEmpty) {
        slots_[s] = (h & kFingerprint) | e;
        return;
      }
  }
  void Grow() {
    std::size_t n = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(n, kEmpty);
    mask_ = n - 1;
    filter_.assign(n / 16, 0);  // 4 bits per slot
    filter_mask_ = n * 4 - 1;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) Place(e);
  }

  std::vector<Entry> entries_;
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> filter_;
  std::size_t filter_mask_ = 0;
};

}  // namespace nufuz::extract
