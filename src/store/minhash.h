// store/minhash.h: index terms, MinHash signatures and LSH bands for
// same-story clustering (used by store.h; pure, exposed for tests).
//
// Contract
// - IndexTerms reads Document::tokens (the text stage must have run) and
//   returns one term per word, number or date token: its stem (the key
//   without proclitics, article and pronoun suffix; the key when the stem is
//   empty), so أ/ا, ة/ه, diacritics and clitics fold. Punctuation, symbols,
//   URLs and e-mails are not terms.
// - Shingles are `shingle` consecutive content terms (terms of at least
//   `min_term_cps` code points, which drops most function words: في من على).
// - MinHash keeps, for each of `hashes` seeded 64-bit mixers, the minimum
//   over the document's shingles (low 32 bits). The fraction of equal slots of
//   two signatures estimates the Jaccard similarity of their shingle sets.
// - Bands: the signature is cut into `bands` runs of hashes/bands rows; two
//   documents become candidate pairs when one band hashes equal. A pair of
//   similarity s is a candidate with probability 1 - (1 - s^r)^b.
// - Linear in the number of tokens times `hashes`. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"

namespace nufuz::store {

struct MinHashOptions {
  int shingle = 2;               // terms per shingle
  int hashes = 256;              // signature length
  int bands = 128;               // LSH bands (2 rows each); hashes % bands must be 0
  std::size_t min_term_cps = 3;  // shorter terms are left out of shingles
};

struct Term {
  std::string key;                             // stem (or key) of the token
  std::uint32_t byte_start = 0, byte_end = 0;  // the token's bytes in text
};

std::vector<Term> IndexTerms(const Document& doc);

using Signature = std::vector<std::uint32_t>;

// Empty when the document has no shingle (too short to cluster).
Signature MinHash(const std::vector<Term>& terms, const MinHashOptions& options);
// Fraction of equal slots; 0 when either signature is empty or they differ in length.
double EstimateJaccard(const Signature& a, const Signature& b);
// One 64-bit bucket hash per band (band index mixed in).
std::vector<std::uint64_t> BandHashes(const Signature& sig, const MinHashOptions& options);
// Exact Jaccard similarity of the two shingle sets (measurement only).
double ShingleJaccard(const std::vector<Term>& a, const std::vector<Term>& b,
                      const MinHashOptions& options);

// Signature <-> little-endian bytes for storage.
std::string SignatureBytes(const Signature& sig);
Signature SignatureFromBytes(const std::string& bytes);

// 64-bit FNV-1a followed by a splitmix64 finaliser (stable across platforms).
std::uint64_t Hash64(std::string_view s, std::uint64_t seed = 0);

}  // namespace nufuz::store
