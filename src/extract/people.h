// extract/people.h: titles, person names and their resolution in a document.
//
// Contract
// - Titles::Load reads data/lexicon/titles.tsv (columns ar, role_en, kind,
//   source). kind is one of
//     person    a title that introduces a person (الرئيس، وزير الخارجية)
//     org       a state body named by its function (وزارة الخارجية)
//     body      a generic body (الحكومة، الجيش): an entity only with a country
//     prefix    makes a role of the title that follows (نائب، مساعد، المتحدث باسم)
//     modifier  qualifies a role (السابق، الأسبق -> attr tenure=former)
//     report    a reporting word that may precede a name (قال، بحسب، وفقا لـ)
//   and is compiled into a PhraseMatcher like the gazetteer.
// - A name is 1-4 name words: words in the transliteration table, or words
//   the lexicon does not know (a word with a conjunction must be unknown
//   without it; a word with a preposition must be unknown as written). Names
//   stop at punctuation, known words, titles and gazetteer names. A function
//   word is no name word, and an ordinary word (CommonWords) starts no name
//   unless a usual given name precedes it.
// - DocPeople collects the people of one document: a new name whose last
//   word is a known person's surname, with compatible first words, is the
//   same person; later bare surnames and a title alone ("الرئيس الكازاخستاني"
//   when exactly one person with that role and country is known) resolve to
//   the person. Person ids are "person:" + Slug(name_en) (gazetteer people
//   keep their gazetteer id).
// - Titles is immutable after Load; DocPeople is per document, not shared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "extract/gazetteer.h"
#include "extract/string_map.h"
#include "extract/translit.h"

namespace nufuz::text {
class Lexicon;
}

namespace nufuz::extract {

enum class TitleKind : std::uint8_t { kPerson, kOrg, kBody, kPrefix, kModifier, kReport };

struct TitleInfo {
  std::string ar;       // as written in titles.tsv
  std::string role_en;  // "president", "Ministry of Foreign Affairs", "deputy", "former"
  TitleKind kind = TitleKind::kPerson;
};

class Titles {
 public:
  static Result<std::shared_ptr<const Titles>> Load(const std::filesystem::path& data_dir,
                                                    const text::Lexicon* lexicon);
  // Rows {ar, role_en, kind} (tests).
  static Result<std::shared_ptr<const Titles>> FromRows(
      const std::vector<std::vector<std::string>>& rows, const text::Lexicon* lexicon);
  const PhraseMatcher& matcher() const { return matcher_; }
  const TitleInfo& info(std::uint32_t v) const { return infos_[v]; }
  std::size_t size() const { return infos_.size(); }

 private:
  Status Add(TitleInfo info, const text::Lexicon* lexicon, const std::string& where);
  std::vector<TitleInfo> infos_;
  PhraseMatcher matcher_;
};

// A set of keys held in one buffer: CommonWords' list has ~100k words, and a
// std::string per word (StringMap) cost start-up time and ~10 MB of peak
// memory. Build with AddSurface, then Seal once; Contains before Seal
// answers no.
class KeySet {
 public:
  // Room for about `keys` keys of `bytes` bytes in all (a hint).
  void Reserve(std::size_t keys, std::size_t bytes);
  // Appends the key of `surface` (text::AppendKey) without a copy.
  void AddSurface(std::string_view surface);
  // Builds the table once all keys are in (duplicates are kept out of it).
  void Seal();
  bool Contains(std::string_view key) const;

 private:
  std::string_view KeyAt(std::uint32_t i) const {
    const std::uint64_t b = spans_[i] >> 32;
    return std::string_view(buf_).substr(b, (spans_[i] & 0xFFFFFFFFu) - b);
  }
  std::string buf_;                   // the keys, one after another
  std::vector<std::uint64_t> spans_;  // key i: begin << 32 | end in buf_
  // Slot: the hash's high 32 bits, then the key index; all ones = empty.
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
};

// Evidence that a word is an ordinary Arabic word and no name. The Arabic
// word lists hold many foreign names (بوتين، زيا، كريستوفر), so being listed
// alone proves nothing; a word counts as ordinary when it is
//   - a function word (lexicon/function_words.tsv: خلال، عبر), or
//   - listed (lexicon/repair_system_words.tsv) together with the stem of an
//     inflection a name does not take: the accusative -ا (شخصا / شخص,
//     احتجاجا / احتجاج), the plural -ات (محادثات / محادثة، تصريحات / تصريح),
//     the sound plural -ون / -ين (ناشطون / ناشط) or the broken plural فعلاء
//     of a فعيل (سفراء / سفير).
// Keys are normalised (text::Key). Names of the transliteration table are
// tested before this and stay names (رانيا، ماريا).
class CommonWords {
 public:
  // Either file may be missing (a smaller data set still runs).
  static Result<std::shared_ptr<const CommonWords>> Load(const std::filesystem::path& data_dir);
  // From explicit lists (tests); words as written.
  static std::shared_ptr<const CommonWords> FromWords(
      const std::vector<std::string>& function_words, const std::vector<std::string>& words);
  bool Function(std::string_view key) const { return function_.Contains(key); }
  // Function word, or a listed word with a listed stem (see above).
  bool Ordinary(std::string_view key) const;

 private:
  StringMap<bool> function_;
  KeySet words_;
};

// Whether token i may be a word of a person's name (see the contract).
// `strong`: the context already says a name follows (a title, a usual given
// name): a word the lexicon knows is then accepted unless it looks like a
// function word or a verb (the Arabic hunspell list holds many foreign names).
// `common` (may be null): a function word is never a name word; an ordinary
// word (CommonWords::Ordinary) is none unless `after_given`.
bool IsNameWord(const Document& doc, const std::vector<TokenForms>& forms, std::size_t i,
                const text::Lexicon& lexicon, const Transliterator& translit, bool strong,
                const CommonWords* common = nullptr, bool after_given = false);

// The name starting at token i: the number of name words (0..4). Stops at
// tokens in `blocked`, at a line break and at a non-name word.
std::size_t ScanName(const Document& doc, const std::vector<TokenForms>& forms, std::size_t i,
                     const std::vector<bool>& blocked, const text::Lexicon& lexicon,
                     const Transliterator& translit, bool strong,
                     const CommonWords* common = nullptr);

struct Person {
  std::vector<std::string> words;  // word cores of the fullest name seen
  std::string name_ar;             // surface of that name, clitics removed
  std::string gaz_id;              // gazetteer id, when from the gazetteer
  std::string role, country, org, tenure;
  // The family name is an ordinary word that the document also cites alone
  // after a reporting verb (عزرا زيا ... وقالت زيا): later bare mentions of it
  // resolve although the word list knows it.
  bool vouched = false;
  // Mentions: code points [start, end).
  struct M {
    std::uint32_t start, end;
  };
  std::vector<M> mentions;
};

class DocPeople {
 public:
  // Adds (or merges into a known person) and returns the person's index.
  std::size_t Add(Person p);
  // Marks later bare surnames (uncovered tokens) as mentions of the person.
  // A surname the lexicon knows as an ordinary word (حسن) is not resolved.
  void ResolveSurnames(const Document& doc, const std::vector<TokenForms>& forms,
                       const text::Lexicon& lexicon, std::vector<bool>& covered);
  // The only person with this role and country, or -1.
  int ByRole(const std::string& role, const std::string& country) const;
  std::vector<Person>& people() { return people_; }

 private:
  std::vector<Person> people_;
};

}  // namespace nufuz::extract
