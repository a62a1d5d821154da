#include "store/minhash.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include "core/utf8.h"

namespace nufuz::store {
namespace {

std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool IsTermKind(TokenKind k) {
  return k == TokenKind::kArabic || k == TokenKind::kLatin || k == TokenKind::kNumber ||
         k == TokenKind::kDate;
}

// Hashes of the document's shingles (deduplicated).
std::vector<std::uint64_t> ShingleHashes(const std::vector<Term>& terms,
                                         const MinHashOptions& options) {
  std::vector<std::uint64_t> content;
  content.reserve(terms.size());
  for (const auto& t : terms)
    if (utf8::Length(t.key) >= options.min_term_cps) content.push_back(Hash64(t.key));
  std::vector<std::uint64_t> out;
  const std::size_t k = static_cast<std::size_t>(std::max(1, options.shingle));
  if (content.size() < k) return out;
  out.reserve(content.size() - k + 1);
  for (std::size_t i = 0; i + k <= content.size(); ++i) {
    std::uint64_t h = 0x51ed270b27a1c3d5ULL;
    for (std::size_t j = 0; j < k; ++j) h = Mix(h ^ content[i + j]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::uint64_t Hash64(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix(h);
}

std::vector<Term> IndexTerms(const Document& doc) {
  std::vector<Term> out;
  out.reserve(doc.tokens.size());
  for (const auto& t : doc.tokens) {
    if (!IsTermKind(t.kind)) continue;
    const std::string& k = t.stem.empty() ? t.key : t.stem;
    if (k.empty()) continue;
    out.push_back({k, t.byte_start, t.byte_end});
  }
  return out;
}

Signature MinHash(const std::vector<Term>& terms, const MinHashOptions& options) {
  std::vector<std::uint64_t> shingles = ShingleHashes(terms, options);
  if (shingles.empty() || options.hashes <= 0) return {};
  Signature sig(static_cast<std::size_t>(options.hashes),
                std::numeric_limits<std::uint32_t>::max());
  for (std::size_t i = 0; i < sig.size(); ++i) {
    const std::uint64_t seed = Mix(0x1234567ULL + i);
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    for (std::uint64_t s : shingles)
      best = std::min(best, static_cast<std::uint32_t>(Mix(s ^ seed)));
    sig[i] = best;
  }
  return sig;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  std::size_t eq = 0;
  for (std::size_t i = 0; i < a.size(); ++i) eq += a[i] == b[i];
  return static_cast<double>(eq) / static_cast<double>(a.size());
}

std::vector<std::uint64_t> BandHashes(const Signature& sig, const MinHashOptions& options) {
  std::vector<std::uint64_t> out;
  if (sig.empty() || options.bands <= 0) return out;
  const std::size_t rows = sig.size() / static_cast<std::size_t>(options.bands);
  if (rows == 0) return out;
  for (std::size_t b = 0; b < static_cast<std::size_t>(options.bands); ++b) {
    std::uint64_t h = Mix(0xba5eba11ULL + b);
    for (std::size_t r = 0; r < rows; ++r) h = Mix(h ^ sig[b * rows + r]);
    // SQLite integers are signed 64-bit; keep 63 bits so the value round-trips.
    out.push_back(h >> 1);
  }
  return out;
}

double ShingleJaccard(const std::vector<Term>& a, const std::vector<Term>& b,
                      const MinHashOptions& options) {
  std::vector<std::uint64_t> x = ShingleHashes(a, options), y = ShingleHashes(b, options);
  if (x.empty() || y.empty()) return 0.0;
  std::vector<std::uint64_t> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(x.size() + y.size() - common.size());
}

std::string SignatureBytes(const Signature& sig) {
  std::string out;
  out.reserve(sig.size() * 4);
  for (std::uint32_t v : sig)
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return out;
}

Signature SignatureFromBytes(const std::string& bytes) {
  Signature sig(bytes.size() / 4);
  for (std::size_t i = 0; i < sig.size(); ++i) {
    std::uint32_t v = 0;
    for (int j = 0; j < 4; ++j)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i * 4 + j])) << (8 * j);
    sig[i] = v;
  }
  return sig;
}

}  // namespace nufuz::store
