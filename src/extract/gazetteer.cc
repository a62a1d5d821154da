#include "extract/gazetteer.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "text/text.h"

namespace nufuz::extract {

namespace {

const text::Lexicon& EmptyLexicon() {
  static const std::shared_ptr<const text::Lexicon> kEmpty = text::Lexicon::FromWords({});
  return *kEmpty;
}

std::vector<std::string> SplitPipe(const std::string& s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= s.size()) {
    std::size_t e = s.find('|', b);
    if (e == std::string::npos) e = s.size();
    std::string part = s.substr(b, e - b);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    if (!part.empty()) out.push_back(std::move(part));
    b = e + 1;
  }
  return out;
}

// Type implied by a gazetteer file's name.
std::string TypeOfFile(const std::string& stem) {
  static const std::map<std::string, std::string> kTypes = {
      {"countries", "COUNTRY"}, {"blocs", "BLOC"},           {"places", "PLACE"},
      {"orgs", "ORG"},          {"organisations", "ORG"},    {"organizations", "ORG"},
      {"bodies", "ORG"},        {"companies", "COMPANY"},    {"media", "MEDIA"},
      {"infra", "INFRA"},       {"infrastructure", "INFRA"}, {"people", "PERSON"},
      {"persons", "PERSON"}};
  auto it = kTypes.find(stem);
  return it == kTypes.end() ? std::string() : it->second;
}

// Load order: countries first (they win shared spellings), then blocs,
// organisations, places, the rest alphabetically.
int FilePriority(const std::string& stem) {
  static const std::vector<std::string> kOrder = {"countries", "blocs",     "orgs",  "places",
                                                  "infra",     "companies", "media", "people"};
  auto it = std::find(kOrder.begin(), kOrder.end(), stem);
  return it == kOrder.end() ? static_cast<int>(kOrder.size())
                            : static_cast<int>(it - kOrder.begin());
}

bool IsValidType(const std::string& t) {
  static const std::vector<std::string> kTypes = {"COUNTRY", "BLOC",   "ORG",   "COMPANY",
                                                  "MEDIA",   "PERSON", "PLACE", "INFRA"};
  return std::find(kTypes.begin(), kTypes.end(), t) != kTypes.end();
}

}  // namespace

// ---------------------------------------------------------------------------
// PhraseMatcher

std::uint32_t PhraseMatcher::Symbol(std::string_view s, std::uint64_t hash) const {
  const std::uint32_t* sym = symbols_.Find(s, hash);
  return sym ? *sym : 0;
}

std::uint32_t PhraseMatcher::Child(std::uint32_t node, std::uint32_t sym) const {
  return edges_.Find((static_cast<std::uint64_t>(node) << 32) | sym);
}

std::uint32_t PhraseMatcher::EdgeMap::Emplace(std::uint64_t key, std::uint32_t child) {
  if (std::uint32_t known = Find(key)) return known;
  if ((size_ + 1) * 2 > slots_.size()) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> old = std::move(slots_);
    const std::size_t n = old.empty() ? 64 : old.size() * 2;
    slots_.assign(n, {kEmpty, 0});
    mask_ = n - 1;
    for (const auto& e : old)
      if (e.first != kEmpty) {
        std::size_t s = Slot(e.first);
        while (slots_[s].first != kEmpty) s = (s + 1) & mask_;
        slots_[s] = e;
      }
  }
  std::size_t s = Slot(key);
  while (slots_[s].first != kEmpty) s = (s + 1) & mask_;
  slots_[s] = {key, child};
  ++size_;
  return child;
}

void PhraseMatcher::Add(const std::vector<std::string>& words, std::uint32_t value,
                        bool need_article) {
  if (words.empty()) return;
  std::uint32_t node = 0;
  for (const std::string& w : words) {
    std::uint32_t sym = *symbols_.Emplace(w, static_cast<std::uint32_t>(symbols_.size() + 1)).first;
    std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | sym;
    if (node == 0) {
      if (opens_.size() <= (sym >> 6)) opens_.resize((sym >> 6) + 1, 0);
      opens_[sym >> 6] |= 1ull << (sym & 63);
    }
    std::uint32_t child = edges_.Find(key);
    if (!child) {
      nodes_.push_back(Node{});
      child = edges_.Emplace(key, static_cast<std::uint32_t>(nodes_.size() - 1));
    }
    node = child;
  }
  if (nodes_[node].value < 0) {
    nodes_[node].value = value;
    nodes_[node].need_article = need_article && words.size() == 1;
    ++phrases_;
  }
}

bool PhraseMatcher::Set(const std::vector<std::string>& words, std::uint32_t value) {
  std::uint32_t node = 0;
  for (const std::string& w : words) {
    const std::uint32_t* sym = symbols_.Find(w, StringMapHash(w));
    if (!sym || !(node = Child(node, *sym))) return false;
  }
  if (node == 0 || nodes_[node].value < 0) return false;
  nodes_[node].value = value;
  return true;
}

std::vector<PhraseMatcher::TokenSyms> PhraseMatcher::Intern(const DocForms& forms) const {
  const std::vector<TokenForms>& toks = forms.tokens();
  std::vector<TokenSyms> out(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const TokenForms& f = toks[i];
    TokenSyms& s = out[i];
    // A candidate with the text of an earlier one has its symbol: left 0 so
    // the walk tries each distinct form once.
    // Forms are mostly views of the same bytes: equal hashes and pointers
    // settle most comparisons without reading the text.
    auto same = [](std::string_view a, std::uint64_t ha, std::string_view b, std::uint64_t hb) {
      return ha == hb && a.size() == b.size() && (a.data() == b.data() || a == b);
    };
    s[0] = Symbol(f.core, f.core_hash);
    if (!same(f.whole, f.whole_hash, f.core, f.core_hash)) s[1] = Symbol(f.whole, f.whole_hash);
    if (!same(f.stem, f.stem_hash, f.core, f.core_hash) &&
        !same(f.stem, f.stem_hash, f.whole, f.whole_hash))
      s[2] = Symbol(f.stem, f.stem_hash);
    else if (conj_forms_ && f.clitic_cps == 0 && f.whole.size() >= 8 && s[0] == 0 &&
             (StartsWith(f.whole, "و") || StartsWith(f.whole, "ف"))) {
      // Two bytes per Arabic letter: the conjunction is the first two.
      const std::string_view rest = f.whole.substr(2);
      if (const std::uint32_t sym = Symbol(rest, StringMapHash(rest))) s[2] = sym | kConjStripped;
    }
  }
  return out;
}

void PhraseMatcher::Walk(const std::vector<TokenSyms>& syms, const DocForms& forms, std::size_t i,
                         std::uint32_t node, std::uint32_t depth, bool first_whole, bool first_conj,
                         Match& best) const {
  if (i >= syms.size() || depth >= 16) return;
  const TokenSyms& s = syms[i];
  for (int c = 0; c < 3; ++c) {
    const bool conj = s[c] & kConjStripped;
    const std::uint32_t sym = s[c] & ~kConjStripped;
    if (!sym || (conj && depth > 0)) continue;
    std::uint32_t child = Child(node, sym);
    if (!child) continue;
    // The whole key is a candidate of its own only when it differs from the core.
    bool fw = depth == 0 ? c == 1 : first_whole;
    bool fc = depth == 0 ? conj : first_conj;
    const Node& n = nodes_[child];
    if (n.value >= 0 && depth + 1 > best.length && (!fc || depth >= 1) &&
        (!n.need_article || forms[i].article)) {
      best.value = static_cast<std::uint32_t>(n.value);
      best.length = depth + 1;
      best.first_by_whole = fw;
      best.first_conj_cps = fc ? 1 : 0;
    }
    Walk(syms, forms, i + 1, child, depth + 1, fw, fc, best);
  }
}

// ---------------------------------------------------------------------------
// Names

namespace {

std::vector<std::string> NameWordsWith(std::string_view arabic, const text::Lexicon& lex,
                                       bool* had_article) {
  Document d;
  d.text = std::string(arabic);
  text::Tokenize(d, lex);
  std::vector<std::string> words;
  if (had_article) *had_article = false;
  for (std::size_t i = 0; i < d.tokens.size(); ++i) {
    bool had = false;
    words.emplace_back(StripArticle(d.tokens[i].key, &had));
    if (i == 0 && had_article) *had_article = had;
  }
  return words;
}

}  // namespace

std::vector<std::string> NameWords(std::string_view arabic, bool* had_article) {
  return NameWordsWith(arabic, EmptyLexicon(), had_article);
}

const std::string* GazEntry::Attr(std::string_view key) const {
  for (const auto& [k, v] : attrs)
    if (k == key) return &v;
  return nullptr;
}

Status Gazetteer::AddTable(const std::string& file, const TsvTable& table,
                           const text::Lexicon* lexicon) {
  const text::Lexicon& lex = lexicon ? *lexicon : EmptyLexicon();
  std::string stem = std::filesystem::path(file).stem().string();
  int id = table.Column("id"), ar = table.Column("ar_names"), en = table.Column("name_en"),
      type = table.Column("type"), wd = table.Column("wikidata");
  if (ar < 0) ar = table.Column("ar");
  if (id < 0 || ar < 0) return Status::Ok();  // not an entity table
  if (en < 0)
    return Status::Error(StatusCode::kDataError, table.path() + ": entity table lacks name_en");
  std::string implied = TypeOfFile(stem);
  if (type < 0 && implied.empty()) return Status::Ok();  // attribute vocabulary (languages)
  static const std::vector<std::string> kCore = {"id", "type",     "name_en", "ar_names",
                                                 "ar", "wikidata", "source",  "aliases_ar"};
  for (std::size_t r = 0; r < table.rows(); ++r) {
    GazEntry e;
    e.id = table.Cell(r, id);
    e.type = type >= 0 && !table.Cell(r, type).empty() ? table.Cell(r, type) : implied;
    e.name_en = table.Cell(r, en);
    e.wikidata = wd >= 0 ? table.Cell(r, wd) : std::string();
    if (e.id.empty()) continue;
    if (!IsValidType(e.type))
      return Status::Error(StatusCode::kDataError,
                           table.Where(r) + ": unknown entity type '" + e.type + "'");
    if (e.name_en.empty()) e.name_en = e.id;
    for (std::size_t c = 0; c < table.header().size(); ++c) {
      const std::string& h = table.header()[c];
      if (std::find(kCore.begin(), kCore.end(), h) != kCore.end()) continue;
      if (!table.Cell(r, static_cast<int>(c)).empty())
        e.attrs.emplace_back(h, table.Cell(r, static_cast<int>(c)));
    }
    auto names = SplitPipe(table.Cell(r, ar));
    int aliases = table.Column("aliases_ar");
    if (aliases >= 0)
      for (auto& a : SplitPipe(table.Cell(r, aliases))) names.push_back(std::move(a));
    if (!names.empty()) e.name_ar = names.front();
    auto [it, fresh] = by_id_.emplace(e.id, static_cast<std::uint32_t>(entries_.size()));
    if (fresh) entries_.push_back(std::move(e));
    std::uint32_t index = it->second;
    for (const auto& name : names) {
      bool had = false;
      auto words = NameWordsWith(name, lex, &had);
      // A one-word name with ال whose bare form is an ordinary word needs
      // the article (الغرب "the West" / غرب "west of").
      bool need = had && words.size() == 1 && lexicon && lexicon->Contains(words[0]);
      names_.Add(words, index, need);
      // After the preposition ل the article fuses (ل + الأمم -> للأمم; ل +
      // اللجنة -> للجنة), and the tokeniser keeps the fused word whole when
      // the word list has it ("الأمين العام للأمم المتحدة"): that spelling is
      // a name of its own.
      if (had) {
        constexpr std::string_view kLam = "ل";
        std::string fused(kLam);
        if (!StartsWith(words[0], kLam)) fused += kLam;
        fused += words[0];
        words[0] = std::move(fused);
        names_.Add(words, index, false);
      }
    }
  }
  return Status::Ok();
}

Status Gazetteer::AddNisba(const TsvTable& table) {
  int ar = table.Column("ar"), target = table.Column("target");
  if (ar < 0 || target < 0)
    return Status::Error(StatusCode::kDataError, table.path() + ": nisba table needs ar, target");
  for (std::size_t r = 0; r < table.rows(); ++r) {
    std::string key = text::Key(table.Cell(r, ar));
    pending_nisba_.emplace_back(std::string(StripArticle(key)), table.Cell(r, target));
  }
  return Status::Ok();
}

Status Gazetteer::AddAmbiguous(const TsvTable& table, const text::Lexicon* lexicon) {
  const text::Lexicon& lex = lexicon ? *lexicon : EmptyLexicon();
  int ar = table.Column("ar"), ids = table.Column("ids");
  if (ar < 0 || ids < 0)
    return Status::Error(StatusCode::kDataError, table.path() + ": ambiguous table needs ar, ids");
  for (std::size_t r = 0; r < table.rows(); ++r) {
    std::vector<std::uint32_t> group;
    for (const std::string& id : SplitPipe(table.Cell(r, ids))) {
      if (id == "word") {
        group.push_back(kWord);
        continue;
      }
      auto it = by_id_.find(id);
      if (it == by_id_.end())
        return Status::Error(StatusCode::kDataError, table.Where(r) + ": unknown id '" + id + "'");
      group.push_back(it->second);
    }
    if (group.size() < 2) continue;
    bool had = false;
    auto words = NameWordsWith(table.Cell(r, ar), lex, &had);
    if (words.empty()) continue;
    // The phrase must already be some entry's name; a spelling no table has
    // is nothing to choose between.
    if (!names_.Set(words, kAmbiguous | static_cast<std::uint32_t>(ambiguous_.size()))) continue;
    // A one-word name that is also an ordinary adjective in ي (مالي) has a
    // feminine (مالية) that is the country's nisba only by context.
    const auto entity =
        std::find_if(group.begin(), group.end(), [](std::uint32_t r) { return r != kWord; });
    if (words.size() == 1 && EndsWith(words[0], "ي") && entity != group.end() &&
        std::find(group.begin(), group.end(), kWord) != group.end() &&
        entries_[*entity].type == "COUNTRY")
      word_nisba_.Emplace(words[0] + text::Key("\u0629"), *entity);
    ambiguous_.push_back(std::move(group));
  }
  return Status::Ok();
}

namespace {

// The listed form a nisba dual is read through (two bytes per Arabic
// letter): -يان -> -يين (فرنسيان), -يتان / -يتين -> -ية (روسيتان).
bool DualBase(std::string_view w, std::string& out) {
  static const std::string kTa = text::Key("\u0629");
  if (w.size() >= 10 && (EndsWith(w, "يتان") || EndsWith(w, "يتين"))) {
    out.assign(w.substr(0, w.size() - 6));
    out += kTa;
    return true;
  }
  if (w.size() >= 8 && EndsWith(w, "يان")) {
    out.assign(w.substr(0, w.size() - 4));
    out += "ين";
    return true;
  }
  return false;
}

}  // namespace

int Gazetteer::Nisba(const TokenForms& t) const {
  if (!t.arabic) return -1;
  const std::uint32_t* e = nisba_.Find(t.core, t.core_hash);
  if (!e) e = nisba_.Find(t.whole, t.whole_hash);
  if (!e) {
    std::string base;
    if (DualBase(t.core, base)) e = nisba_.Find(base);
    if (!e && t.whole != t.core && DualBase(t.whole, base)) e = nisba_.Find(base);
  }
  return e ? static_cast<int>(*e) : -1;
}

int Gazetteer::Nisba2(const TokenForms& a, const TokenForms& b) const {
  if (!a.arabic || !b.arabic || nisba2_.empty()) return -1;
  const bool same = a.whole_hash == a.core_hash && a.whole == a.core;
  for (int k = 0; k < (same ? 1 : 2); ++k) {
    const std::string_view first = k == 0 ? a.core : a.whole;
    if (!nisba2_first_.Find(first, k == 0 ? a.core_hash : a.whole_hash)) continue;
    for (const std::string_view second : {b.core, b.whole}) {
      std::string k(first);
      k += ' ';
      k += second;
      if (const std::uint32_t* e = nisba2_.Find(k)) return static_cast<int>(*e);
    }
  }
  return -1;
}

const GazEntry* Gazetteer::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromTables(
    const std::vector<std::pair<std::string, std::string>>& files, const text::Lexicon* lexicon) {
  auto g = std::make_shared<Gazetteer>();
  g->names_.set_conj_forms(true);
  auto sorted = files;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    std::string sa = std::filesystem::path(a.first).stem().string();
    std::string sb = std::filesystem::path(b.first).stem().string();
    int pa = FilePriority(sa), pb = FilePriority(sb);
    return pa != pb ? pa < pb : sa < sb;
  });
  std::vector<TsvTable> ambiguous;  // read last: its ids refer to every other table
  for (const auto& [name, content] : sorted) {
    auto table = TsvTable::Parse(content, name);
    if (!table.ok()) return table.status();
    std::string stem = std::filesystem::path(name).stem().string();
    if (stem == "ambiguous") {
      ambiguous.push_back(std::move(table.value()));
      continue;
    }
    Status s = stem == "nisba" ? g->AddNisba(*table) : g->AddTable(name, *table, lexicon);
    if (!s.ok()) return s;
  }
  for (const TsvTable& t : ambiguous)
    if (Status s = g->AddAmbiguous(t, lexicon); !s.ok()) return s;
  for (const auto& [core, target] : g->pending_nisba_) {
    auto it = g->by_id_.find(target);
    if (it == g->by_id_.end()) continue;
    const std::size_t space = core.find(' ');
    if (space == std::string::npos) {
      g->nisba_.Emplace(core, it->second);
      continue;
    }
    // Each word without its article, as tokens' cores are.
    const std::string_view first = StripArticle(std::string_view(core).substr(0, space));
    const std::string_view second = StripArticle(std::string_view(core).substr(space + 1));
    if (second.find(' ') != std::string_view::npos) continue;  // two words at most
    g->nisba2_first_.Emplace(first, true);
    g->nisba2_.Emplace(std::string(first) + " " + std::string(second), it->second);
  }
  g->pending_nisba_.clear();
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::filesystem::path& data_dir,
                                                         const text::Lexicon* lexicon) {
  std::filesystem::path dir = data_dir / "gazetteer";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Status::Error(StatusCode::kNotFound, dir.string() + ": no gazetteer directory");
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& de : std::filesystem::directory_iterator(dir, ec)) {
    if (!de.is_regular_file() || de.path().extension() != ".tsv") continue;
    auto text = ReadSmallFile(de.path());
    if (!text.ok()) return text.status();
    files.emplace_back(de.path().string(), std::move(text.value()));
  }
  if (ec) return Status::Error(StatusCode::kIoError, dir.string() + ": " + ec.message());
  return FromTables(files, lexicon);
}

}  // namespace nufuz::extract
