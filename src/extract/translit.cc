#include "extract/translit.h"

#include <cctype>
#include <sstream>

#include "core/data.h"
#include "core/utf8.h"
#include "text/text.h"

namespace nufuz::extract {

namespace {

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) out += utf8::Next(s, i);
  return out;
}

bool IsVowelLetter(char32_t c) {
  return c == U'ا' || c == U'و' || c == U'ي';
}

// Letters that occur (almost) only in words of Arabic origin: a word with one
// of them is spelt the Arabic way (غ gh, ق q, و u), otherwise the way Russian,
// Turkic and Western names are usually spelt from Arabic script (غ g, ق k, و o).
bool ArabicOrigin(const std::u32string& w) {
  for (char32_t c : w) {
    if (c == U'ع' || c == U'ح' || c == U'ص' || c == U'ض' || c == U'ط' || c == U'ظ' || c == U'ذ' ||
        c == U'ث')
      return true;
  }
  return false;
}

const char* Consonant(char32_t c, bool arabic) {
  switch (c) {
    case U'ب': return "b";
    case U'ت': return "t";
    case U'ث': return "th";
    case U'ج': return "j";
    case U'ح': return "h";
    case U'خ': return "kh";
    case U'د': return "d";
    case U'ذ': return "dh";
    case U'ر': return "r";
    case U'ز': return "z";
    case U'س': return "s";
    case U'ش': return "sh";
    case U'ص': return "s";
    case U'ض': return "d";
    case U'ط': return "t";
    case U'ظ': return "z";
    case U'ع': return "";
    case U'غ': return arabic ? "gh" : "g";
    case U'ف': return "f";
    case U'ق': return arabic ? "q" : "k";
    case U'ك': return "k";
    case U'ل': return "l";
    case U'م': return "m";
    case U'ن': return "n";
    case U'ه': return "h";
    case U'ة': return "a";
    case U'ء':
    case U'ئ':
    case U'ؤ': return "";
    case U'پ': return "p";
    case U'چ': return "ch";
    case U'گ': return "g";
    case U'ژ': return "zh";
    case U'ڤ': return "v";
    default: return nullptr;
  }
}

bool EndsWith(const std::u32string& s, std::u32string_view suf) {
  return s.size() > suf.size() + 1 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

std::string Capitalise(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

std::string Transliterator::RuleWord(std::string_view key, bool may_have_article) {
  std::u32string w = Decode(key);
  std::string prefix;
  if (may_have_article && w.size() > 4 && w[0] == U'ا' && w[1] == U'ل') {  // الحسين -> Al-Hussein
    prefix = "Al-";
    w = w.substr(2);
  }
  // Russian and Turkic endings, spelt as usual in English.
  std::string ending;
  struct End {
    std::u32string_view ar;
    const char* en;
  };
  static constexpr End kEnds[] = {{U"وفا", "ova"},   {U"يفا", "eva"}, {U"فيتش", "vich"},
                                  {U"يتش", "ich"},   {U"سكي", "sky"}, {U"ييف", "yev"},
                                  {U"اييف", "ayev"}, {U"يف", "ev"},   {U"وف", "ov"}};
  // These endings are not Arabic: a name with one is spelt the foreign way.
  bool arabic = ArabicOrigin(w);
  for (const End& e : kEnds) {
    if (EndsWith(w, e.ar)) {
      ending = e.en;
      w = w.substr(0, w.size() - e.ar.size());
      arabic = false;
      break;
    }
  }
  // Classify each letter as consonant (C) or vowel (V) and spell it.
  std::vector<std::string> parts;
  std::vector<bool> vowel;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char32_t c = w[i];
    bool first = i == 0;
    bool last = i + 1 == w.size();
    char32_t next = last ? 0 : w[i + 1];
    bool prev_vowel = !first && vowel.back();
    if (c == U'ا') {
      if (first && next == U'ي') {
        parts.push_back("i");
        vowel.push_back(true);
        ++i;
        continue;
      }
      if (first && next == U'و') {
        parts.push_back(arabic ? "u" : "o");
        vowel.push_back(true);
        ++i;
        continue;
      }
      parts.push_back("a");
      vowel.push_back(true);
    } else if (c == U'و') {
      bool consonantal = first || prev_vowel || (!last && IsVowelLetter(next) && next != U'و');
      if (consonantal) {
        parts.push_back(first && !arabic ? "v" : "w");
        vowel.push_back(false);
      } else {
        parts.push_back(arabic ? "u" : "o");
        vowel.push_back(true);
      }
    } else if (c == U'ي') {
      bool after_ain = !first && w[i - 1] == U'ع';  // سعيد Said
      bool consonantal = !after_ain && (first || prev_vowel || (!last && IsVowelLetter(next)));
      if (consonantal) {
        parts.push_back("y");
        vowel.push_back(false);
      } else {
        parts.push_back("i");
        vowel.push_back(true);
      }
    } else if (c == U'ه' && last) {
      parts.push_back(w.size() > 2 ? "a" : "h");
      vowel.push_back(true);
    } else if (c == U'ع') {
      // Ain: a vowel carrier. Before a consonant it sounds as a.
      bool before_consonant = !last && !IsVowelLetter(next);
      bool a = before_consonant || last || (!first && !prev_vowel);
      parts.push_back(a ? "a" : "");
      vowel.push_back(true);
    } else {
      const char* s = Consonant(c, arabic);
      if (!s) {
        if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
          parts.push_back(std::string(1, static_cast<char>(c)));
          vowel.push_back(false);
        }
        continue;
      }
      parts.push_back(s);
      vowel.push_back(false);
    }
  }
  // Short vowels are not written: infer one where consonants cluster.
  std::string out;
  const std::size_t n = parts.size();
  std::size_t consonants = 0;
  for (bool v : vowel) consonants += v ? 0 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    out += parts[i];
    if (i + 1 >= n || vowel[i] || vowel[i + 1]) continue;
    bool at_start = i == 0;
    bool before_last = i + 2 == n && ending.empty();
    if (arabic) {
      // CCC -> CaCaC (Hasan); CCCC -> CaCCaC (Rahman).
      if (at_start || before_last) out += "a";
    } else if (before_last && consonants >= 3) {
      // Blinken, Lomaken: a final nasal or liquid after a consonant.
      char32_t lastc = w.back();
      if (lastc == U'ن' || lastc == U'ر' || lastc == U'ل' || lastc == U'م') out += "e";
    } else if (n == 2) {
      out += "a";
    }
  }
  out += ending;
  if (out.empty()) out.assign(1, 'x');
  return prefix + Capitalise(out);
}

void Transliterator::Add(std::string_view ar, Entry e) {
  auto words = SplitWords(text::Key(ar));
  if (words.empty() || e.en.empty()) return;
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  max_words_ = std::max(max_words_, words.size());
  table_.Emplace(key, std::move(e));
}

Result<std::shared_ptr<const Transliterator>> Transliterator::Load(
    const std::filesystem::path& data_dir) {
  auto table = TsvTable::Load(data_dir / "lexicon" / "name_translit.tsv", {"ar", "en"});
  if (!table.ok()) return table.status();
  auto t = std::make_shared<Transliterator>();
  int ar = table->Column("ar"), en = table->Column("en"), kind = table->Column("kind"),
      start = table->Column("start");
  for (std::size_t r = 0; r < table->rows(); ++r) {
    Entry e;
    e.en = table->Cell(r, en);
    e.kind = kind >= 0 ? table->Cell(r, kind) : "any";
    e.start = start >= 0 && table->Cell(r, start) == "1";
    t->Add(table->Cell(r, ar), std::move(e));
  }
  return std::shared_ptr<const Transliterator>(std::move(t));
}

std::shared_ptr<const Transliterator> Transliterator::FromRows(
    const std::vector<std::vector<std::string>>& rows) {
  auto t = std::make_shared<Transliterator>();
  for (const auto& row : rows) {
    if (row.size() < 2) continue;
    Entry e;
    e.en = row[1];
    e.kind = row.size() > 2 ? row[2] : "any";
    e.start = row.size() > 3 && row[3] == "1";
    t->Add(row[0], std::move(e));
  }
  return t;
}

const Transliterator::Entry* Transliterator::Find(std::string_view key) const {
  return table_.Find(key);
}

std::string Transliterator::Name(std::string_view arabic) const {
  auto words = SplitWords(text::Key(arabic));
  // The words as written, for the hamza the key folds away.
  const auto written = SplitWords(arabic);
  std::string out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t took = 0;
    std::string spelt;
    for (std::size_t n = std::min(max_words_, words.size() - i); n >= 1 && !took; --n) {
      std::string key;
      for (std::size_t k = 0; k < n; ++k) {
        if (k) key += ' ';
        key += words[i + k];
      }
      if (const Entry* e = Find(key)) {
        spelt = e->en;
        took = n;
      }
      if (n == 1) break;
    }
    if (!took) {
      // Latin and digits pass through; Arabic words are spelt by rule.
      const std::string& w = words[i];
      bool ascii = !w.empty() && static_cast<unsigned char>(w[0]) < 0x80;
      const bool hamza_al =
          written.size() == words.size() &&
          (written[i].rfind("\u0623\u0644", 0) == 0 || written[i].rfind("\u0625\u0644", 0) == 0);
      spelt = ascii ? w : RuleWord(w, !hamza_al);
      took = 1;
    }
    if (!out.empty()) out += ' ';
    out += spelt;
    i += took;
  }
  if (out.empty()) out = "Unknown";
  return out;
}

std::string Slug(std::string_view english) {
  std::string out;
  bool dash = false;
  std::size_t i = 0;
  while (i < english.size()) {
    char32_t c = utf8::Next(english, i);
    // Fold the Latin accents names carry (é -> e) by their base letter.
    if (c >= 0xC0 && c <= 0x17F) {
      static constexpr std::string_view kFold =
          "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
      if (c < 0x100)
        c = static_cast<char32_t>(kFold[c - 0xC0]);
      else
        c = U'a' + 0;  // Latin Extended-A: rare in names; keep a letter
    }
    if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else {
      dash = true;
    }
  }
  if (out.empty()) out.assign(1, 'x');
  return out;
}

}  // namespace nufuz::extract
