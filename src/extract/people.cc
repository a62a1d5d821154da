#include "extract/people.h"

#include "core/data.h"
#include "text/text.h"

namespace nufuz::extract {

void KeySet::Reserve(std::size_t keys, std::size_t bytes) {
  buf_.reserve(bytes);
  spans_.reserve(keys);
}

void KeySet::AddSurface(std::string_view surface) {
  const std::size_t b = buf_.size();
  text::AppendKey(surface, buf_);
  spans_.push_back(std::uint64_t{b} << 32 | buf_.size());
}

void KeySet::Seal() {
  const std::size_t n = spans_.size();
  std::size_t size = 16;
  while (size < 2 * n) size *= 2;
  slots_.assign(size, ~0ull);
  mask_ = size - 1;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string_view key = KeyAt(i);
    const std::uint64_t h = StringMapHash(key);
    const std::uint64_t fp = h & 0xFFFFFFFF00000000ull;
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
      const std::uint64_t slot = slots_[s];
      if (slot == ~0ull) {
        slots_[s] = fp | i;
        break;
      }
      if ((slot & 0xFFFFFFFF00000000ull) == fp && KeyAt(static_cast<std::uint32_t>(slot)) == key)
        break;  // a duplicate: the first copy answers
    }
  }
}

bool KeySet::Contains(std::string_view key) const {
  if (slots_.empty()) return false;
  const std::uint64_t h = StringMapHash(key);
  const std::uint64_t fp = h & 0xFFFFFFFF00000000ull;
  for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
    const std::uint64_t slot = slots_[s];
    if (slot == ~0ull) return false;
    if ((slot & 0xFFFFFFFF00000000ull) == fp && KeyAt(static_cast<std::uint32_t>(slot)) == key)
      return true;
  }
}

Status Titles::Add(TitleInfo info, const text::Lexicon* lexicon, const std::string& where) {
  (void)lexicon;
  auto words = NameWords(info.ar);
  if (words.empty()) return Status::Error(StatusCode::kDataError, where + ": empty title");
  matcher_.Add(words, static_cast<std::uint32_t>(infos_.size()));
  infos_.push_back(std::move(info));
  return Status::Ok();
}

namespace {

bool ParseKind(const std::string& s, TitleKind* k) {
  if (s == "person")
    *k = TitleKind::kPerson;
  else if (s == "org")
    *k = TitleKind::kOrg;
  else if (s == "body")
    *k = TitleKind::kBody;
  else if (s == "prefix")
    *k = TitleKind::kPrefix;
  else if (s == "modifier")
    *k = TitleKind::kModifier;
  else if (s == "report")
    *k = TitleKind::kReport;
  else
    return false;
  return true;
}

}  // namespace

Result<std::shared_ptr<const Titles>> Titles::FromRows(
    const std::vector<std::vector<std::string>>& rows, const text::Lexicon* lexicon) {
  auto t = std::make_shared<Titles>();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() < 3) continue;
    TitleInfo info{rows[r][0], rows[r][1], TitleKind::kPerson};
    if (!ParseKind(rows[r][2], &info.kind))
      return Status::Error(StatusCode::kDataError,
                           "titles row " + std::to_string(r) + ": bad kind");
    Status s = t->Add(std::move(info), lexicon, "titles row " + std::to_string(r));
    if (!s.ok()) return s;
  }
  return std::shared_ptr<const Titles>(std::move(t));
}

Result<std::shared_ptr<const Titles>> Titles::Load(const std::filesystem::path& data_dir,
                                                   const text::Lexicon* lexicon) {
  auto table = TsvTable::Load(data_dir / "lexicon" / "titles.tsv", {"ar", "role_en", "kind"});
  if (!table.ok()) return table.status();
  auto t = std::make_shared<Titles>();
  int ar = table->Column("ar"), en = table->Column("role_en"), kind = table->Column("kind");
  for (std::size_t r = 0; r < table->rows(); ++r) {
    TitleInfo info{table->Cell(r, ar), table->Cell(r, en), TitleKind::kPerson};
    if (!ParseKind(table->Cell(r, kind), &info.kind))
      return Status::Error(StatusCode::kDataError,
                           table->Where(r) + ": unknown kind '" + table->Cell(r, kind) + "'");
    Status s = t->Add(std::move(info), lexicon, table->Where(r));
    if (!s.ok()) return s;
  }
  return std::shared_ptr<const Titles>(std::move(t));
}

Result<std::shared_ptr<const CommonWords>> CommonWords::Load(
    const std::filesystem::path& data_dir) {
  auto c = std::make_shared<CommonWords>();
  const auto lex = data_dir / "lexicon";
  std::error_code ec;
  if (const auto p = lex / "function_words.tsv"; std::filesystem::exists(p, ec)) {
    auto t = TsvView::Load(p, {"word"});
    if (!t.ok()) return t.status();
    const int col = t->Column("word");
    for (std::size_t r = 0; r < t->rows(); ++r)
      c->function_.Emplace(text::Key(t->Cell(r, col)), true);
  }
  if (const auto p = lex / "repair_system_words.tsv"; std::filesystem::exists(p, ec)) {
    auto t = TsvView::Load(p, {"word"});
    if (!t.ok()) return t.status();
    const int col = t->Column("word");
    // Keys go straight into one buffer (about 8 bytes each, 100k words).
    c->words_.Reserve(t->rows(), t->rows() * 16);
    for (std::size_t r = 0; r < t->rows(); ++r) c->words_.AddSurface(t->Cell(r, col));
    c->words_.Seal();
  }
  return std::shared_ptr<const CommonWords>(std::move(c));
}

std::shared_ptr<const CommonWords> CommonWords::FromWords(
    const std::vector<std::string>& function_words, const std::vector<std::string>& words) {
  auto c = std::make_shared<CommonWords>();
  for (const auto& w : function_words) c->function_.Emplace(text::Key(w), true);
  for (const auto& w : words) c->words_.AddSurface(w);
  c->words_.Seal();
  return c;
}

bool CommonWords::Ordinary(std::string_view key) const {
  if (function_.Contains(key)) return true;
  if (key.size() < 8 || !words_.Contains(key)) return false;  // four letters at least
  // The sound masculine plural (مسؤولين / مسؤول، ناشطون / ناشط), with a
  // stem of three letters at least.
  if (key.size() >= 10 && (EndsWith(key, "ون") || EndsWith(key, "ين")) &&
      words_.Contains(key.substr(0, key.size() - 4)))
    return true;
  // The broken plural فعلاء of a listed فعيل (سفراء / سفير، خبراء / خبير).
  if (key.size() == 10 && EndsWith(key, "اء")) {
    std::string sg(key.substr(0, 4));
    sg += "ي";
    sg += key.substr(4, 2);
    if (words_.Contains(sg)) return true;
  }
  // Each Arabic letter of a key is two bytes.
  if (EndsWith(key, "ا")) return words_.Contains(key.substr(0, key.size() - 2));
  if (EndsWith(key, "ات") && key.size() >= 10) {
    const std::string_view stem = key.substr(0, key.size() - 4);
    static const std::string kTaMarbuta = text::Key("\u0629");
    std::string fem(stem);
    fem += kTaMarbuta;
    return words_.Contains(stem) || words_.Contains(fem);
  }
  return false;
}

bool IsNameWord(const Document& doc, const std::vector<TokenForms>& forms, std::size_t i,
                const text::Lexicon& lexicon, const Transliterator& translit, bool strong,
                const CommonWords* common, bool after_given) {
  if (i >= forms.size() || !forms[i].arabic) return false;
  const Token& t = doc.tokens[i];
  const TokenForms& f = forms[i];
  if (f.whole.size() < 4) return false;  // one-letter words are particles
  std::string_view surface = doc.Surface(t);
  // A function word is no name word (خلال after a title). The preposition
  // على and the name علي share a key; the written alef maksura tells them
  // apart, so a function word the name table knows stays a name only when
  // it is not written with one.
  if (common && (common->Function(f.whole) || common->Function(f.core)) &&
      ((!translit.Find(f.whole) && !translit.Find(f.core)) || EndsWith(surface, "ى")))
    return false;
  if (translit.Find(f.whole) || translit.Find(f.core) || translit.Find(t.key)) return true;
  // An ordinary word (محادثات، شخصا after a title) starts no name; after a
  // usual given name the surname is expected, and a family name may be an
  // ordinary word (عزرا زيا).
  if (common && !after_given && (common->Ordinary(f.whole) || common->Ordinary(f.core)))
    return false;
  // A long word ending in the pronouns ها or هم that the tokeniser left
  // attached (وزرائها read as و + زرائها) is a noun with its possessor.
  if (!after_given && f.whole.size() >= 10 && (EndsWith(f.whole, "ها") || EndsWith(f.whole, "هم")))
    return false;
  // Tanween (مؤخراً، جداً), a future prefix, a pronoun suffix or a ta marbuta
  // (متخصصة) mark ordinary words, not names written in Arabic script.
  if (surface.find("\u064B") != std::string_view::npos) return false;
  if (t.proclitics & kCliticSa) return false;
  if (!t.suffix.empty()) return false;
  if (f.whole.size() >= 2 && f.whole.compare(f.whole.size() - 2, 2, "ه") == 0) return false;
  if (lexicon.Contains(f.whole) || lexicon.Contains(t.key)) {
    // A word with the article is no name here either (القوات after قائد:
    // the tokeniser leaves a listed word whole, article and all).
    if (!strong || t.proclitics || f.article || f.whole.size() < 8) return false;
    // Imperfect verbs (يزور، تستضيف، نرى) and the like are not names.
    std::string_view first = std::string_view(f.whole).substr(0, 2);
    // Participles and verbal nouns (مشترك) likewise, and perfect verbs of the
    // derived forms, which open with alef (استقبل، انتقد، أعلن: "ولي العهد
    // استقبل ..."); foreign names with a row in the name table passed above.
    if (first == "ي" || first == "ت" || first == "م" || first == "ا") return false;
    return true;
  }
  // A word the tokeniser cut a clitic from is a name only if what remains is
  // not a word (بزيارة = ب + زيارة); names that merely begin with ب ل ك
  // (بوتين) need a table row.
  if ((t.proclitics & ~kCliticAl) && lexicon.Contains(f.core)) return false;
  // A word with the article is an adjective after a title (الإعلامي), unless
  // it continues a name that began with the article (الحسن الخطيب).
  // The article is never written with hamza: أليمبايف is a name the
  // tokeniser read as ال + يمبايف.
  const bool hamza_al = t.proclitics == kCliticAl && (StartsWith(surface, "\u0623\u0644") ||
                                                      StartsWith(surface, "\u0625\u0644"));
  if (((t.proclitics & kCliticAl) || f.article) && !hamza_al) return false;
  return true;
}

namespace {

// After a usual given name, two shapes the tokeniser takes apart are family
// names: an article word ending in ي that is no word of the lexicon
// (المعيني، الحلبوسي: the Arab family name is a nisba; nisbas of countries are
// gazetteer hits and never reach here; الماضي، الأراضي are words), and a word
// read as the preposition ك, a stem and the pronoun ي (كافولي -> ك + افول + ي),
// a reading prose hardly has after a name (with ب and ل it does: بممثلي).
bool FamilyNameAfterGiven(const Document& doc, const std::vector<TokenForms>& forms, std::size_t i,
                          const text::Lexicon& lexicon) {
  if (i >= forms.size() || !forms[i].arabic) return false;
  const Token& t = doc.tokens[i];
  const TokenForms& f = forms[i];
  if (doc.Surface(t).find("\u064B") != std::string_view::npos) return false;
  if (!EndsWith(f.whole, "ي") || lexicon.Contains(f.whole)) return false;
  // The article as written (the tokeniser may read المعيني as المعين + ي).
  if (StartsWith(t.key, "ال") && !(t.proclitics & ~kCliticAl))
    return f.whole.size() >= 8;  // four letters after ال
  return t.proclitics == kCliticKa && t.suffix == "ي" && f.whole.size() >= 10;
}

}  // namespace

std::size_t ScanName(const Document& doc, const std::vector<TokenForms>& forms, std::size_t i,
                     const std::vector<bool>& blocked, const text::Lexicon& lexicon,
                     const Transliterator& translit, bool strong, const CommonWords* common) {
  std::size_t n = 0;
  while (n < 4 && i + n < forms.size() && !blocked[i + n]) {
    const Token& t = doc.tokens[i + n];
    if (n > 0) {
      const Token& prev = doc.tokens[i + n - 1];
      if (doc.text.find('\n', prev.byte_end) < t.byte_start) break;  // a line break
    }
    // After a given name the surname is expected.
    bool given = n > 0 && translit.Find(forms[i + n - 1].whole) &&
                 translit.Find(forms[i + n - 1].whole)->kind == "given";
    // With no title, a third word must be in the table ("كتب دونالد هاريسون
    // مقالا": the accusative مقالا is no name).
    if (!strong && n >= 2 && !translit.Find(forms[i + n].whole)) break;
    bool ok = IsNameWord(doc, forms, i + n, lexicon, translit, strong || given, common, given) ||
              (given && FamilyNameAfterGiven(doc, forms, i + n, lexicon));
    // Al-X Al-Y: a word with the article continues a name opened by one.
    if (!ok && n > 0 && forms[i + n - 1].article && forms[i + n].article &&
        t.proclitics == kCliticAl && t.suffix.empty())
      ok = true;
    if (!ok) break;
    // Inside a name, a word with a conjunction starts a new item (و), unless
    // the table knows the word as written (فيدرين).
    if (n > 0 && (t.proclitics & (kCliticWa | kCliticFa)) && !translit.Find(forms[i + n].whole))
      break;
    ++n;
  }
  return n;
}

namespace {

// Two names denote the same person when their last words agree and the
// shorter one's other words are all in the longer one.
bool SamePerson(const Person& a, const Person& b) {
  if (!a.gaz_id.empty() && a.gaz_id == b.gaz_id) return true;
  if (a.words.empty() || b.words.empty()) return false;
  if (a.words.back() != b.words.back()) return false;
  const Person& s = a.words.size() <= b.words.size() ? a : b;
  const Person& l = &s == &a ? b : a;
  for (std::size_t k = 0; k + 1 < s.words.size(); ++k) {
    bool found = false;
    for (const auto& w : l.words) found |= w == s.words[k];
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::size_t DocPeople::Add(Person p) {
  for (std::size_t k = 0; k < people_.size(); ++k) {
    Person& q = people_[k];
    if (!SamePerson(q, p)) continue;
    if (p.words.size() > q.words.size()) {
      q.words = p.words;
      q.name_ar = p.name_ar;
    }
    if (q.gaz_id.empty()) q.gaz_id = p.gaz_id;
    if (q.role.empty()) q.role = p.role;
    if (q.country.empty()) q.country = p.country;
    if (q.org.empty()) q.org = p.org;
    if (q.tenure.empty()) q.tenure = p.tenure;
    q.vouched |= p.vouched;
    for (auto& m : p.mentions) q.mentions.push_back(m);
    return k;
  }
  people_.push_back(std::move(p));
  return people_.size() - 1;
}

void DocPeople::ResolveSurnames(const Document& doc, const std::vector<TokenForms>& forms,
                                const text::Lexicon& lexicon, std::vector<bool>& covered) {
  if (people_.empty()) return;
  // Surnames' hashes once: most tokens are told apart by hash alone.
  std::vector<std::uint64_t> surname_hash(people_.size(), 0);
  for (std::size_t k = 0; k < people_.size(); ++k)
    if (!people_[k].words.empty()) surname_hash[k] = StringMapHash(people_[k].words.back());
  // One bit per surname hash (its low six bits): most tokens are passed
  // over on three bit tests, before the pass over the hashes.
  std::uint64_t bits = 0;
  for (const std::uint64_t h : surname_hash) bits |= 1ull << (h & 63);
  auto may = [bits](std::uint64_t h) { return (bits >> (h & 63)) & 1; };
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (covered[i] || !forms[i].arabic) continue;
    const TokenForms& f = forms[i];
    if (!may(f.whole_hash) && !may(f.core_hash) && !may(f.stem_hash)) continue;
    bool any = false;  // a tight pass over the hashes before the full test
    for (const std::uint64_t h : surname_hash)
      any |= h == f.whole_hash || h == f.core_hash || h == f.stem_hash;
    if (!any) continue;
    int who = -1;
    for (std::size_t k = 0; k < people_.size(); ++k) {
      const Person& p = people_[k];
      const std::uint64_t h = surname_hash[k];
      if (h != f.whole_hash && h != f.core_hash && h != f.stem_hash) continue;
      if (p.words.empty() || !f.Has(p.words.back())) continue;
      // A short surname that is also an ordinary word (حسن) stays unresolved;
      // the Arabic word list also holds many foreign names, so long ones pass.
      // It still resolves when the name's other words are foreign (unknown
      // to the word list): "إيغور نورا" ... "نورا".
      if (p.words.back().size() < 10 && lexicon.Contains(p.words.back()) && !p.vouched) {
        bool foreign = p.words.size() >= 2;
        for (std::size_t w = 0; w + 1 < p.words.size(); ++w)
          foreign &= !lexicon.Contains(p.words[w]);
        if (!foreign || doc.tokens[i].proclitics || !doc.tokens[i].suffix.empty()) continue;
      }
      if (who >= 0) {
        who = -2;  // two people share the surname: leave it
        break;
      }
      who = static_cast<int>(k);
    }
    if (who < 0) continue;
    std::uint32_t start = doc.tokens[i].start;
    if (forms[i].core == people_[who].words.back() && forms[i].whole != forms[i].core)
      start += forms[i].clitic_cps;
    people_[who].mentions.push_back({start, doc.tokens[i].end});
    covered[i] = true;
  }
}

int DocPeople::ByRole(const std::string& role, const std::string& country) const {
  int who = -1;
  for (std::size_t k = 0; k < people_.size(); ++k) {
    if (people_[k].role != role || people_[k].country != country) continue;
    if (who >= 0) return -1;
    who = static_cast<int>(k);
  }
  return who;
}

}  // namespace nufuz::extract
