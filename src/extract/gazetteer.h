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
//   (countries, blocs, orgs, places, ..., then alphabetical) wins.
// - Every Arabic spelling is cut into words and each word compiled into its
//   normalised key without the article (text::Key, leading ال removed): the
//   "core" of the word. Text tokens are compared by the same cores, computed
//   three ways (see TokenForms) so that attached clitics (وبكازاخستان،
//   للصين، والولايات) and the tokeniser's occasional wrong split of a name
//   (فلاديمير -> ف + لاديمير) both still match.
// - The article: a one-word name written with ال whose core is an ordinary
//   word (الغرب / غرب "west") matches only with the article; otherwise the
//   article is optional.
// - PhraseMatcher is a trie over word cores (hash map from core to symbol,
//   edges keyed by node and symbol): Add() everything, then it is frozen and
//   only Match() may be called; Match() returns the longest phrase starting
//   at a token (linear in the phrase length, at most 3 forms per token).
// - Immutable after Load; share as shared_ptr<const Gazetteer> across threads.
#pragma once

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
#include "extract/string_map.h"

namespace nufuz::text {
class Lexicon;
}

namespace nufuz::extract {

// A key with a leading ال removed (when at least two letters remain).
std::string_view StripArticle(std::string_view key, bool* had = nullptr);

// The forms of one token that matching compares (all normalised keys).
struct TokenForms {
  std::string whole;  // the token's key without a leading article
  std::string core;   // key of the surface after the tokeniser's proclitics
  std::string stem;   // the tokeniser's stem
  bool arabic = false;
  bool article = false;  // the token carries ال (attached or after a clitic)
  // Code points of conjunction/preposition proclitics before the word (ال kept
  // unless written fused as لل), for mention offsets.
  std::uint32_t clitic_cps = 0;
  bool Has(std::string_view form) const { return form == whole || form == core || form == stem; }
};
std::vector<TokenForms> ComputeForms(const Document& doc);

class PhraseMatcher {
 public:
  struct Match {
    std::uint32_t value = 0;
    std::uint32_t length = 0;     // tokens; 0 = no match
    bool first_by_whole = false;  // the first token matched by its whole key
  };
  // Adds a phrase of word cores with a value. `need_article`: the phrase
  // (one word) matches only tokens carrying ال. The first value added for a
  // phrase is kept.
  void Add(const std::vector<std::string>& words, std::uint32_t value, bool need_article = false);
  Match Longest(const std::vector<TokenForms>& forms, std::size_t i) const;
  std::size_t phrases() const { return phrases_; }

 private:
  struct Node {
    std::int64_t value = -1;
    bool need_article = false;
  };
  std::uint32_t Symbol(std::string_view s) const;
  std::uint32_t Child(std::uint32_t node, std::uint32_t sym) const;
  void Walk(const std::vector<TokenForms>& forms, std::size_t i, std::uint32_t node,
            std::uint32_t depth, bool first_whole, Match& best) const;

  StringMap<std::uint32_t> symbols_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  std::vector<Node> nodes_{Node{}};
  std::size_t phrases_ = 0;
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
  // Longest gazetteer name starting at token i.
  PhraseMatcher::Match Longest(const std::vector<TokenForms>& forms, std::size_t i) const {
    return names_.Longest(forms, i);
  }
  // The entry a nisba adjective at token i denotes, or -1.
  int Nisba(const TokenForms& t) const;
  std::size_t names() const { return names_.phrases(); }

 private:
  Status AddTable(const std::string& file, const TsvTable& table, const text::Lexicon* lexicon);
  Status AddNisba(const TsvTable& table);
  std::vector<GazEntry> entries_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  StringMap<std::uint32_t> nisba_;
  std::vector<std::pair<std::string, std::string>> pending_nisba_;  // core -> target id
  PhraseMatcher names_;
};

}  // namespace nufuz::extract
