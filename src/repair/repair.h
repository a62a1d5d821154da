// repair/repair.h: detects and repairs damaged Arabic text.
//
// Contract
// - Reads: Document::text (cleaned). Adds: Document::repair (verdict,
//   confidence, edits, stats) and, when it repairs, replaces text with the
//   repaired text, keeping the old one in repair.before; Edit records map
//   repaired offsets back. Runs before tokenisation.
// - Two kinds of damage: lost letters (a PDF font without Unicode mapping
//   for medial kaf and final yeh/alef maksura), and visual-order damage
//   (sentence-final punctuation printed at the start of a line; reversed
//   word runs, reported as diagnostics where not repaired).
// - Mode kAuto repairs only when the lost-letter signature is found; on text
//   without it the text is unchanged. kOn repairs regardless; kOff skips.
// - Evidence, per word: the candidates the damage rule allows (see
//   damage.h), weighed by data/lexicon/repair_words.tsv (curated weights),
//   data/lexicon/repair_system_words.tsv (generated from Debian's
//   tesseract-ocr-ara word list by scripts/build_repair_lexicon.sh),
//   data/lexicon/repair_word_freq.tsv (word counts of the project's own
//   clean news text, corpus/news, by scripts/build_repair_freq.sh: they move
//   a listed reading by at most 1.0 against the word as it stands, which
//   breaks near-ties, مستشفى over مستشفي, and overturns no context rule;
//   a given name or a person's name gains nothing from them), the
//   gazetteer names (data/gazetteer/*.tsv, when present), the word counts of
//   a clean corpus the caller names (LoadOptions::corpus) or hands in
//   (LoadOptions::word_counts: the CLI passes the knowledge base's counts of
//   documents judged undamaged), words of the same
//   document that survived undamaged, other forms of a nisba in the document
//   (عسكرية backs عسكري), consecutive words of multi-word gazetteer names
//   (شي جين بينغ), and the neighbouring words: definite agreement of nisba
//   adjectives (not after a feminine head, a verb, a definite dual or sound
//   plural other than before a person's name, or for a frequent word or a
//   name alone; the ي form must be listed whole, a listed nisba, a name, or
//   backed by the document: التقرير الملف stays, ملفي being "my file"; a
//   hyphen with no blank joins two words into one phrase: المغرب-العربي),
//   coordination with a nisba (اقتصادي وسياسي), read both ways
//   (a following و + nisba, whole or restored by its own evidence, backs
//   this word's nisba: روس وصين -> روسي وصيني), over أو (الروسي أو الصين ->
//   الصيني) and between demonyms, which are gazetteer names (المصري والعرب
//   -> والعربي) or a dash (الهندي ـ الباكستاني), but not onto a word
//   followed by a nisba of its own (النووي والتعاون الاقتصادي), an
//   indefinite adjective closed by a preposition, conjunction (also و + a
//   particle: ولم), أن, damaged function word or punctuation, or followed by
//   a masculine indefinite adjective of the shapes فعيل, فاعل or a derived
//   participle (نظام عالمي جديد), when a list knows the nisba's other forms
//   (so not بشكل منسق: منسقة is the participle's feminine) and, for a
//   frequent noun (رئيس, عالم), only when the document has other forms of
//   the nisba (مكتب رئيس سابق stays) (not after a quantifier, a number 3-10
//   or a hundred, thousand, million, not on a two-letter preposition with a
//   pronoun (به), not after an adverb used as a preposition or a preposition
//   with a pronoun, not on a word with ب/ل, and not over a better-rated
//   place name); no definite nisba after an indefinite noun (construct
//   state: حقوق الإنسان); a noun in ى other than a place noun in م is a
//   feminine head (الذكرى), and a definite feminine head or a land name in ا
//   takes a listed elative or ordinal in ى (القمة الأولى, آسيا الوسطى), and
//   a listed elative in ى takes no agreement to its misspelling in ي (الحد
//   الأدنى); a sentence opening on و + a past verb's shape in ى takes ى over
//   ي (ونفى المتحدث), and so does one right after قد or إذ (إذ التقى), and
//   after قد it beats a noun of the same letters (قد تبنى, not تبن); after
//   لم no final ي/ى is restored on a verb (jussive: لم يبق); a final ائ,
//   which no word has, takes its ي (a nisba: عدائي) even when no list knows
//   it; a final ي/ى whose form is listed whole breaks a tie with a word
//   known only through its stem (المدعي over ال + مدع); a nisba no list
//   holds whose other forms a list holds (-ية -يين -يون -يات, with ال, or
//   the noun in ة: لوجستية backs لوجستي) is a weak candidate when the word
//   as it stands is no word; sentence-final punctuation printed at the start
//   of a line does not break a phrase for these neighbour rules; a past
//   verb's shape in ى with ال, ب/ل or after a preposition yields to the
//   masdar in ي (السعي); no conjunction + word reading after a preposition
//   (من فلك); a word of a person's name (gazetteer rows with an id starting
//   person:) takes no list-only nisba from agreement; a preposition needs a
//   following word and does not follow a preposition; a lone letter between
//   lone letters is an abbreviation (أ ف ب); a word of a verb's shape in ن
//   or ي listed with the article is a noun (نظام: النظام), and so is one in
//   ت listed with it right after a preposition or quantifier (أي تدخل
//   خارجي); a tie between a restored final letter and a restored kaf goes to
//   the final; the ordinal ثان takes ي before an elative or a definite noun
//   (ثاني أكبر) and not elsewhere; بين between أن/إن and a verb's shape is
//   no preposition (أن بكين تريد), nor before a feminine participle (إن بكين
//   مستعدة); هي counts as a definite feminine head (هي الأولى); a definite
//   demonym or nisba before a word of a person's name is in apposition with
//   it (الكازاخستاني قاسم); a listed name after a head definite by a pronoun
//   is its predicate (مقرها الصين), not a nisba; on a word that already ends
//   in ي the neighbour rules back no candidate (فوري, not فكوري), and a word
//   listed whole is preferred to a reading as و/ف + a word; a feminine noun
//   with open ت and no suffix that is no word is a dual in construct
//   (بجمهوريت -> بجمهوريتي: جمهورية is listed); persons' names: after a
//   title (data/lexicon/titles.tsv, kind person or prefix) and the definite
//   words or prepositions that qualify it (النائب الأردني السابق), a given
//   name (data/lexicon/name_translit.tsv, kind given) is restored before a
//   word of content (رام -> رامي), and anywhere before a definite word that
//   no list knows either way; such a word after a given name, or after the
//   word in a title's name slot, is a family name and takes ي (العويط ->
//   العويطي); a noun in construct with a proper name (listed, or no word
//   at all) is definite, and a listed nisba with the article after the
//   name agrees with it (ميناء نوفوروسيسك الروسي), not after ب/و.
// - Detection: per block (paragraph) and per document, counting damaged
//   function words (ف إل عل الت الذ) against letters the damage would have
//   removed (a medial kaf, a joined final yeh). Verdict and confidence go to
//   Document::repair; stats name what was counted.
// - Cost: linear in the text. Detection is one allocation-free pass (a
//   dictionary probe only for words no longer than the longest damaged
//   shape); document evidence and candidate scoring run only when a block
//   is to be repaired, memoised per word form, over open-addressing tables.
// - Model is immutable after Load and may be shared across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::repair {

enum class Mode { kAuto, kOn, kOff };

struct LoadOptions {
  // Clean Arabic text whose word counts become evidence: a .txt file, or a
  // folder whose .txt files (recursively, sorted) are read once at load,
  // at most kMaxCorpusBytes in all. A file that itself carries the
  // lost-letter signature is skipped (damaged shapes are no evidence). A
  // word seen at least twice gets a prior that grows with the log of its
  // count (never above a curated weight's range, never lowering a listed
  // word): frequent forms win ties against rare ones (فرص عمل, not عملي),
  // and the user's own names and terms become known words.
  std::filesystem::path corpus;
  // Word counts from elsewhere (the knowledge base's clean documents,
  // store::Store::WordCounts): word -> occurrences, each word as
  // core/words.h splits text (a key that is not exactly one such word of at
  // least two letters is ignored). Summed with the corpus files' counts
  // before the weighting above, with the same thresholds. Repaired text
  // must never be counted here: it would confirm the repair's own guesses.
  std::vector<std::pair<std::string, std::uint64_t>> word_counts;
};
inline constexpr std::uintmax_t kMaxCorpusBytes = 256u << 20;

class Model {
 public:
  // Loads word evidence: data_dir/lexicon/*, the system Arabic word lists
  // when installed, the gazetteer names when present, options.corpus and
  // options.word_counts (linear in their size).
  // A corpus path that does not exist is an error.
  static Result<std::shared_ptr<const Model>> Load(const std::filesystem::path& data_dir,
                                                   const LoadOptions& options = {});
  struct Impl;
  const Impl& impl() const { return *impl_; }
  explicit Model(std::unique_ptr<Impl> impl);
  ~Model();

 private:
  std::unique_ptr<Impl> impl_;
};

struct Options {
  // Moves sentence-final punctuation printed at the start of a line to the
  // end of that line (only in blocks judged damaged, or in kOn).
  bool move_punctuation = true;
};

void Repair(Document& doc, const Model& model, Mode mode, const Options& options = {});

}  // namespace nufuz::repair
