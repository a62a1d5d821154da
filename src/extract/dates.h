// extract/dates.h: dates and spans of time, and the publication date from a
// dateline.
//
// Contract
// - Reads: Document::text, tokens (text::Tokenize must have run), published.
//   Adds DATE spans in text order:
//     attrs value   "YYYY", "YYYY-MM" or "YYYY-MM-DD": at the precision the
//                   text gives ("يونيو 2022" -> 2022-06)
//           anchor  "absolute" (the text gives the year) or "relative"
//                   (resolved against the publication date or an earlier
//                   date of the text)
//           kind    "point", or "range" for spans of time (منذ 1991، بين 2019
//                   و2022، خلال العامين الأخيرين، التسعينيات), which also
//                   carry attrs "from" and "to" (when known); a range's value
//                   is its start
//     A date whose value cannot be resolved (a relative date without a
//     publication date) is not output: no DATE ever carries a guessed value.
// - Publication date: when Document::published is empty, a full date
//   (day, month and year) on a short line (at most 12 tokens) within the
//   first 60 tokens ("موسكو - 08-10-2025 | 12:18", "نشر في 8 أكتوبر 2025")
//   becomes Document::published with published_source "dateline".
// - Absolute forms: 08-10-2025 (day first) and 2025-10-08; [day] month
//   [/month] [year] with the month names of data/lexicon/months.tsv (both
//   series, slashed or bracketed pairs "نوفمبر/تشرين الثاني 2025", Maghrebi
//   names); years after عام/العام/سنة, after a preposition (في 2024) or alone
//   (four digits 1900-2100, not followed by a unit or scale word and not after
//   an approximator, so "2000 جندي" is a quantity, not a year); "2022م".
//   Hijri: "1446هـ" is a range of the Gregorian dates of that Hijri year
//   (ICU islamic-civil calendar), value = its first Gregorian year; a Hijri
//   day and month with year convert to the Gregorian day.
// - Relative forms, resolved against `published` (P):
//   * a month without a year: P's year; with الماضي the latest such month
//     before P's month, with المقبل the next one after it;
//   * العام/الشهر/الأسبوع + الماضي/المقبل/الجاري, هذا العام: P shifted (a
//     week gives the month of its Thursday, kind "range" with from/to days);
//   * أمس، اليوم، غدا، أول أمس، بعد غد: P's day shifted (at P's precision);
//   * a weekday (الخميس): the occurrence nearest to P (within 3 days either
//     side; exactly P when it is P's weekday); الماضي after it or a past
//     marker forces the latest occurrence on or before P, المقبل/القادم or a
//     future marker (سـ، سوف) in the four tokens before forces the next on or
//     after P;
//   * part-of qualifiers keep the head's precision (أواخر مايو -> YYYY-05;
//     أواخر عام 2025 -> 2025), except that بداية/مطلع/مستهل + a year is its
//     January and نهاية/ختام + a year its December (a point, not a period:
//     "في بداية العام" -> YYYY-01);
//   * قبل/منذ + a duration (قبل عامين، منذ ثلاثة أشهر) counts back from P;
//     بعد + a duration (بعد ستة أسابيع، بعد أيام) counts forward from the
//     last date the text gave in the previous two sentences, else from P;
//     days and weeks give a day (at the anchor's precision), months a month,
//     years a year; a vague plural (بعد أيام) gives one precision coarser;
//   * اليوم/الشهر/العام + ذاته/نفسه: the last date the text gave;
//   * decades (التسعينيات) are ranges: value = the decade's first year,
//     from/to its first and last year (أوائل/منتصف/أواخر narrow them to
//     X0-X3, X4-X6, X7-X9); the century is the latest one not after P (the
//     20th without P).
//   * an ordinal day (الخامس، الحادي والعشرين) + من + a month is that day;
//     + من الشهر [الجاري|الماضي|نفسه] a day of P's month shifted, or of the
//     last date's month (bare الشهر: the last date's month, else P's);
//   * a day and month with الماضي/المقبل: the latest such day before P /
//     the next after it (3 ديسمبر الماضي with P = 20 Dec is this December);
//   * a month without a year in the sentence of a date of another year, or
//     the next sentence, takes that year (في عام 2022 ... في مارس);
//   * اليوم/الأسبوع/الشهر/العام + التالي/السابق: the last date shifted by
//     one unit (not when an event anchors it: اليوم التالي لوصوله); within
//     a sentence, a date earlier than the last one is a flashback and does
//     not move that anchor;
//   * a part of the day (مساء، صباح، فجر...) before a date joins its span;
//     أمس الخميس is one date; الأحد ("the one") is the weekday when set off
//     by commas;
//   * a definite unit is no duration (منذ اليوم الأول), nor is "عاما بعد
//     عام".
// - Ranges: منذ + date (to = P), بين X و Y and من X إلى/حتى Y, خلال + N
//   last units (خلال العامين الأخيرين: from P-2 to P), spans of days
//   (يومي 18 و19 مايو، من 3 إلى 7 يوليو: value = the first day) and of
//   years (2022-2026).
// - Linear in tokens; a word that no lexicon knows is skipped before any
//   parser runs; lexicons (months.tsv, date_words.tsv, numbers.tsv and
//   the first words of units.tsv/currencies.tsv) are hash maps. Immutable
//   after Load; Run is thread-safe on distinct documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "core/document.h"
#include "core/status.h"
#include "extract/quantities.h"
#include "extract/string_map.h"

namespace nufuz::extract {

// A calendar date at year, month or day precision (month/day 0 = absent).
struct DateValue {
  int year = 0, month = 0, day = 0;
  bool valid() const { return year > 0; }
  std::string ToString() const;  // "YYYY[-MM[-DD]]"
  // Parses "YYYY[-MM[-DD]]"; nullopt when malformed or out of range.
  static std::optional<DateValue> Parse(std::string_view s);
};

class DateExtractor {
 public:
  struct Options {
    bool dateline = true;  // fill Document::published from a dateline
  };
  // Loads data/lexicon/{months,date_words,numbers,units,currencies}.tsv.
  static Result<std::shared_ptr<const DateExtractor>> Load(const std::filesystem::path& data_dir,
                                                           Options options);
  static Result<std::shared_ptr<const DateExtractor>> Load(const std::filesystem::path& data_dir) {
    return Load(data_dir, Options());
  }

  void Run(Document& doc) const;
  // With the document's forms computed once for all extractors (forms.h).
  void Run(Document& doc, const DocForms& forms) const;

  // The publication date a dateline near the top gives, or nullopt.
  std::optional<DateValue> Dateline(const Document& doc) const;
  std::optional<DateValue> Dateline(const DocForms& forms) const;

  struct Month {
    int month = 0;
    bool hijri = false;
    bool ambiguous = false;
  };
  // Kinds of date_words.tsv rows (see the file's header).
  enum class WordKind : std::uint8_t {
    kWeekday,
    kWeakWeekday,
    kDeictic,
    kUnit,
    kYearWord,
    kRel,
    kThis,
    kPart,
    kSince,
    kDuring,
    kBetween,
    kUntil,
    kAfter,
    kBefore,
    kDecade,
    kSame,
    kEra,
    kRecent,
    kNotDate,
    kOrdinal,
    kDaytime,
    kSeq,
  };
  struct Word {
    WordKind kind = WordKind::kNotDate;
    std::string value;
  };
  struct Impl;

 private:
  Options options_;
  std::shared_ptr<const NumberReader> numbers_;
  PhraseTable<Month> months_;
  PhraseTable<Word> words_;
  PhraseTable<char> quantity_words_;  // units and currencies (a number before them is no year)
  // The first word (normalised key) of every date word and month name ->
  // a bit per WordKind of the date words it starts, and kStartsMonth when it
  // starts a month name. The parsers probe each token for many kinds of
  // word; with these bits folded per token (Impl::Kinds), a probe for a kind
  // no phrase at the token has is one bit test.
  static constexpr std::uint32_t kStartsMonth = 1u << 30;
  StringMap<std::uint32_t> first_kinds_;
};

}  // namespace nufuz::extract
