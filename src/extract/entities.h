// extract/entities.h: entity and person mentions.
//
// Contract
// - Reads: Document::text and tokens (text::Tokenize must have run). Adds:
//   Document::entities (one per id, in order of first mention) and an ENTITY
//   span per mention with attr "entity" = id. Never rewrites other records.
// - Gazetteer names: longest match at each token over word cores (see
//   gazetteer.h). A mention excludes attached conjunctions and prepositions
//   (وبكازاخستان -> كازاخستان) and keeps the article when it is written as ال
//   (والولايات المتحدة -> الولايات المتحدة); after a fused لل the article is
//   not in the text as written, so للصين -> صين.
// - Names listed in ambiguous.tsv (عمان: Oman or Amman) take the PLACE
//   reading after a settlement cue (العاصمة الأردنية عمان, a dateline), else
//   the reading the document's other mentions support (الأردن, مسقط, دول
//   الخليج), else the first listed (docs/gazetteer.md).
// - Nisba adjectives (nisba.tsv: الروسي، الصينية، الكازاخستاني) are mentions of
//   the country or bloc they denote, typed as that entity (gold convention:
//   "الغزو الروسي" names Russia). When one follows a person title it is also
//   the person's attr country; after a state body named by function
//   (titles.tsv kind org: الحكومة، وزارة الخارجية، الجمارك) it makes a
//   country-specific ORG: id "org:<slug of body>-<country code>" (e.g.
//   "org:ministry-of-foreign-affairs-kaz"), name "Ministry of Foreign Affairs
//   (Kazakhstan)", attr country. "في كازاخستان" after the body does the
//   same. A body with no country is an ORG with id "org:<slug>" and attr
//   scope=unresolved (the knowledge base must not merge those across
//   documents).
// - People: see people.h. attrs: role (English), country (gazetteer id),
//   org (gazetteer id of an organisation in the title), tenure (former).
// - Linear in tokens; the extractor is immutable after Load and may be shared
//   by threads; Run only touches the Document it is given.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "extract/forms.h"
#include "extract/gazetteer.h"
#include "extract/people.h"
#include "extract/translit.h"

namespace nufuz::text {
class Lexicon;
}

namespace nufuz::extract {

class EntityExtractor {
 public:
  // Loads gazetteer/*.tsv, lexicon/titles.tsv, lexicon/name_translit.tsv,
  // the words of lexicon/date_words.tsv and the word lists of CommonWords
  // from data_dir. `lexicon` is the
  // tokeniser's (also used to tell names from ordinary words).
  static Result<std::shared_ptr<const EntityExtractor>> Load(
      const std::filesystem::path& data_dir, std::shared_ptr<const text::Lexicon> lexicon);
  // From parts (tests).
  // `time_words`: normalised keys of words of time (see time_words_).
  EntityExtractor(std::shared_ptr<const text::Lexicon> lexicon,
                  std::shared_ptr<const Gazetteer> gazetteer, std::shared_ptr<const Titles> titles,
                  std::shared_ptr<const Transliterator> translit,
                  const std::vector<std::string>& time_words = {},
                  std::shared_ptr<const CommonWords> common = nullptr);

  void Run(Document& doc) const;
  // With the document's forms computed once for all extractors (forms.h).
  void Run(Document& doc, const DocForms& forms) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const Transliterator& translit() const { return *translit_; }

 private:
  std::shared_ptr<const text::Lexicon> lexicon_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::shared_ptr<const Titles> titles_;
  std::shared_ptr<const Transliterator> translit_;
  // Ordinary words that start no person (people.h); null in small tests.
  std::shared_ptr<const CommonWords> common_;
  std::vector<bool> capital_;  // per gazetteer entry: a capital (see entities.cc), decided at load
  // Words of time (lexicon/date_words.tsv: أمس، عام): never a family name.
  StringMap<bool> time_words_;
};

}  // namespace nufuz::extract
