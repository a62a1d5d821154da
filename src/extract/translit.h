// extract/translit.h: English spellings of Arabic-script personal names.
//
// Contract
// - Reads data/lexicon/name_translit.tsv (columns ar, en, kind, start,
//   source): usual English spellings of given and family names as Arabic
//   news writes them (محمد Muhammad, سيرغي Sergey, عبد الله Abdullah). Keys
//   are normalised with text::Key on load; multiword rows (عبد الله) match
//   a run of words.
// - Name() spells a name word by word: the longest table entry at each word
//   wins; a word absent from the table is spelt by rule (consonants mapped
//   one to one, long vowels from the matres lectionis ا و ي, Russian and
//   Turkic endings -ov -ev -sky -ich, a short vowel inferred between
//   consonant clusters). The result is never empty for a non-empty input.
// - Slug() turns an English name into an id fragment: lower-case ASCII
//   letters and digits, words joined by '-'.
// - Immutable after Load; share across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "extract/string_map.h"

namespace nufuz::extract {

class Transliterator {
 public:
  struct Entry {
    std::string en;
    std::string kind;    // given | family | particle | any
    bool start = false;  // may open a name with no title before it
  };

  static Result<std::shared_ptr<const Transliterator>> Load(const std::filesystem::path& data_dir);
  // From rows already parsed (tests): {ar, en, kind, start}.
  static std::shared_ptr<const Transliterator> FromRows(
      const std::vector<std::vector<std::string>>& rows);

  // English spelling of an Arabic name (words separated by spaces).
  std::string Name(std::string_view arabic) const;
  // English spelling of one word by rule only (no table).
  // `may_have_article`: false when the word as written opens with أل / إل,
  // which is never the article (أليمبايف -> Alimbayev, not Al-Imbayev).
  static std::string RuleWord(std::string_view key, bool may_have_article = true);
  // The table entry for a normalised key (one word or "w1 w2"), or null.
  const Entry* Find(std::string_view key) const;
  // With the key's StringMapHash already computed (see DocForms).
  const Entry* Find(std::string_view key, std::uint64_t hash) const {
    return table_.Find(key, hash);
  }

 private:
  void Add(std::string_view ar, Entry e);
  StringMap<Entry> table_;
  std::size_t max_words_ = 1;
};

// "Sergey Lavrov" -> "sergey-lavrov". Never empty: "x" when nothing remains.
std::string Slug(std::string_view english);

}  // namespace nufuz::extract
