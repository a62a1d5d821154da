// extract/gazetteer.h: the gazetteer and the phrase matcher over tokens.
//
// Contract
// - Gazetteer::Load reads every data/gazetteer/*.tsv that has the columns
//   `id` and `ar_names` (pipe-separated Arabic spellings) plus `name_en`;
//   `type` comes from a column or, when absent, from the file name
//   (countries COUNTRY, blocs BLOC, places PLACE, orgs ORG, companies
//   COMPANY, media MEDIA, infra INFRA, people PERSON). Optional columns
//   (wikidata, country, role, start, end, iso2, iso3, status, aliases_en)
//   become the entry's attrs. Files without `ar_names` (languages.tsv) are
//   attribute vocabularies and skipped; nisba.tsv (ar, target) is read as the
//   nisba table. When two rows share a spelling the first file in load order
//   (countries, blocs, orgs, places, ..., then alphabetical) wins, except for
//   the spellings listed in ambiguous.tsv (ar, ids): those match with all
//   their readings (Readings) and the extractor chooses by context.
// - Every Arabic spelling is cut into words and each word compiled into its
//   normalised key without the article (text::Key, leading ال removed): the
//   "core" of the word. Text tokens are compared by the same cores, computed
//   three ways (TokenForms, forms.h) so that attached clitics (وبكازاخستان،
//   للصين، والولايات) and the tokeniser's occasional wrong split of a name
//   (فلاديمير -> ف + لاديمير) both still match.
// - The article: a one-word name written with ال whose core is an ordinary
//   word (الغرب / غرب "west") matches only with the article; otherwise the
//   article is optional.
// - PhraseMatcher is a trie over word cores (hash map from core to symbol,
//   edges keyed by node and symbol): Add() everything, then it is frozen.
//   Per document, Intern() looks each token's forms up once; Longest() then
//   returns the longest phrase starting at a token by walking the trie over
//   those integers (linear in the phrase length, at most 3 forms per token).
// - Immutable after Load; share as shared_ptr<const Gazetteer> across threads.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/data.h"
#include "core/document.h"
#include "core/status.h"
#include "extract/forms.h"
#include "extract/string_map.h"

namespace nufuz::text {
class Lexicon;
}

namespace nufuz::extract {

// A key with a leading ال removed (when at least two letters remain).
// Inline: DocForms calls it for every token.
inline std::string_view StripArticle(std::string_view key, bool* had = nullptr) {
  if (had) *had = false;
  // Two letters must remain (four bytes: Arabic letters are two bytes each).
  constexpr std::string_view kAl = "ال";
  if (key.size() >= kAl.size() + 4 && StartsWith(key, kAl)) {
    if (had) *had = true;
    return key.substr(kAl.size());
  }
  return key;
}

class PhraseMatcher {
 public:
  struct Match {
    std::uint32_t value = 0;
    std::uint32_t length = 0;     // tokens; 0 = no match
    bool first_by_whole = false;  // the first token matched by its whole key
    // The first token matched without a conjunction the tokeniser left on it
    // (وآسيا: واسيا is also a verb, so it stays whole): the code points to
    // skip for the mention.
    std::uint8_t first_conj_cps = 0;
  };
  // Adds a phrase of word cores with a value. `need_article`: the phrase
  // (one word) matches only tokens carrying ال. The first value added for a
  // phrase is kept.
  void Add(const std::vector<std::string>& words, std::uint32_t value, bool need_article = false);
  // Replaces the value of a phrase already added (ambiguous names, see
  // Gazetteer); false when the phrase is unknown.
  bool Set(const std::vector<std::string>& words, std::uint32_t value);
  // The symbols of each token's candidate forms in the order core, whole,
  // stem (0: no phrase has the word, or the same text as an earlier
  // candidate). A token the tokeniser left whole that begins with و or ف
  // offers, in the stem's place when that is the core, its text without
  // the conjunction, marked kConjStripped: it may open a phrase of two
  // words or more only (وآسيا الوسطى, not واسيا alone). One lookup per distinct form per document;
  // matching then walks the trie over integers.
  using TokenSyms = std::array<std::uint32_t, 3>;
  static constexpr std::uint32_t kConjStripped = 0x80000000u;
  std::vector<TokenSyms> Intern(const DocForms& forms) const;
  // Inline: most tokens open no phrase, and are passed over without a call.
  Match Longest(const std::vector<TokenSyms>& syms, const DocForms& forms, std::size_t i) const {
    Match best;
    if (i < syms.size() &&
        (Opens(syms[i][0]) || Opens(syms[i][1]) || Opens(syms[i][2] & ~kConjStripped)))
      Walk(syms, forms, i, 0, 0, false, false, best);
    return best;
  }
  std::size_t phrases() const { return phrases_; }
  // Whether Intern offers a whole token's text without و/ف (see Intern); on
  // for the gazetteer's names, whose multiword names follow conjunctions.
  void set_conj_forms(bool on) { conj_forms_ = on; }

 private:
  struct Node {
    std::int64_t value = -1;
    bool need_article = false;
  };
  std::uint32_t Symbol(std::string_view s, std::uint64_t hash) const;
  std::uint32_t Child(std::uint32_t node, std::uint32_t sym) const;
  void Walk(const std::vector<TokenSyms>& syms, const DocForms& forms, std::size_t i,
            std::uint32_t node, std::uint32_t depth, bool first_whole, bool first_conj,
            Match& best) const;

  // Trie edges (node << 32 | symbol) -> child node, open addressing in one
  // flat array: a walk's lookups stay within a few cache lines.
  class EdgeMap {
   public:
    std::uint32_t Find(std::uint64_t key) const {
      if (slots_.empty()) return 0;
      for (std::size_t s = Slot(key);; s = (s + 1) & mask_) {
        if (slots_[s].first == kEmpty) return 0;
        if (slots_[s].first == key) return slots_[s].second;
      }
    }
    // Adds key -> child unless present; returns the stored child.
    std::uint32_t Emplace(std::uint64_t key, std::uint32_t child);

   private:
    static constexpr std::uint64_t kEmpty = ~0ull;
    std::size_t Slot(std::uint64_t key) const {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_;
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;
    std::size_t mask_ = 0, size_ = 0;
  };

  // Whether a symbol opens some phrase (an edge from the root): one bit per
  // symbol, small enough to stay in cache, so most tokens are passed over
  // without a lookup in the (large) edge table.
  bool Opens(std::uint32_t sym) const {
    return sym && (sym >> 6) < opens_.size() && ((opens_[sym >> 6] >> (sym & 63)) & 1);
  }

  StringMap<std::uint32_t> symbols_;
  std::vector<std::uint64_t> opens_;
  EdgeMap edges_;
  std::vector<Node> nodes_{Node{}};
  std::size_t phrases_ = 0;
  bool conj_forms_ = false;
};

// Cuts an Arabic name into word cores (see the contract). `had_article` is
// set when the (only or first) word carried ال.
std::vector<std::string> NameWords(std::string_view arabic, bool* had_article = nullptr);

struct GazEntry {
  std::string id, type, name_en, name_ar, wikidata;
  Attrs attrs;  // country, role, start, end, iso2, iso3, status, ...
  const std::string* Attr(std::string_view key) const;
};

class Gazetteer {
 public:
  // Loads data_dir/gazetteer/*.tsv. `lexicon` decides which one-word names
  // need their article (see the contract); may be null.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::filesystem::path& data_dir,
                                                       const text::Lexicon* lexicon);
  // From TSV texts in memory (tests): {file name, content}.
  static Result<std::shared_ptr<const Gazetteer>> FromTables(
      const std::vector<std::pair<std::string, std::string>>& files, const text::Lexicon* lexicon);

  const std::vector<GazEntry>& entries() const { return entries_; }
  const GazEntry* Find(std::string_view id) const;
  // The names' trie: Intern a document once, then Longest at each token.
  const PhraseMatcher& matcher() const { return names_; }
  // The entry a nisba adjective at token i denotes, or -1. A dual with no
  // row of its own is read through the row of its oblique or feminine form
  // (فرنسيان -> فرنسيين، روسيتان -> روسية).
  int Nisba(const TokenForms& t) const;
  // A nisba of two words (الكورية الجنوبية -> South Korea, الأفريقي الجنوبي)
  // at tokens a, b: the entry, or -1. Checked before the one-word reading,
  // which would take the first word alone (الكورية -> Korea).
  int Nisba2(const TokenForms& a, const TokenForms& b) const;
  // A phrase listed in ambiguous.tsv matches with value kAmbiguous | group:
  // the extractor picks one of the group's entries (in the file's order, the
  // first is the reading when the context says nothing) by context.
  static constexpr std::uint32_t kAmbiguous = 1u << 31;
  // The reading "an ordinary word, no entity" (id `word` in ambiguous.tsv:
  // مالي is Mali or "financial").
  static constexpr std::uint32_t kWord = ~0u;
  const std::vector<std::uint32_t>& Readings(std::uint32_t value) const {
    return ambiguous_[value & ~kAmbiguous];
  }
  std::size_t names() const { return names_.phrases(); }
  // The country whose nisba the word may be although it is an ordinary
  // word too (مالية: "financial" or Malian; ambiguous.tsv rows with the
  // reading `word`), or -1. The caller needs the country from elsewhere in
  // the document.
  int WordNisba(const TokenForms& t) const {
    if (!t.arabic || word_nisba_.empty()) return -1;
    const std::uint32_t* e = word_nisba_.Find(t.core, t.core_hash);
    return e ? static_cast<int>(*e) : -1;
  }

 private:
  Status AddTable(const std::string& file, const TsvTable& table, const text::Lexicon* lexicon);
  Status AddNisba(const TsvTable& table);
  Status AddAmbiguous(const TsvTable& table, const text::Lexicon* lexicon);
  std::vector<GazEntry> entries_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  StringMap<std::uint32_t> nisba_;
  // Two-word nisbas keyed "<first> <second>" (cores without the article),
  // and their first words, so most tokens are passed over on one lookup.
  StringMap<std::uint32_t> nisba2_;
  StringMap<bool> nisba2_first_;
  std::vector<std::pair<std::string, std::string>> pending_nisba_;  // core -> target id
  PhraseMatcher names_;
  std::vector<std::vector<std::uint32_t>> ambiguous_;  // group -> entries
  StringMap<std::uint32_t> word_nisba_;                // see WordNisba
};

}  // namespace nufuz::extract
