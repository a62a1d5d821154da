#include "extract/gazetteer.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "text/text.h"

namespace nufuz::extract {

namespace {

constexpr std::string_view kArticle = "ال";

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

std::string_view StripArticle(std::string_view key, bool* had) {
  if (had) *had = false;
  // Two letters must remain (four bytes: Arabic letters are two bytes each).
  if (key.size() >= kArticle.size() + 4 && key.substr(0, kArticle.size()) == kArticle) {
    if (had) *had = true;
    return key.substr(kArticle.size());
  }
  return key;
}

std::vector<TokenForms> ComputeForms(const Document& doc) {
  std::vector<TokenForms> out(doc.tokens.size());
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    TokenForms& f = out[i];
    f.arabic = t.kind == TokenKind::kArabic;
    bool had = false;
    f.whole = std::string(StripArticle(t.key, &had));
    if (t.prefix_cps > 0) {
      std::string_view surface = doc.Surface(t);
      std::size_t b = utf8::BytesOfPrefix(surface, t.prefix_cps);
      std::string k = text::Key(surface.substr(b));
      bool core_had = false;
      f.core = std::string(StripArticle(k, &core_had));
      had |= core_had;  // والصين cut as و + الصين
    } else {
      f.core = f.whole;
    }
    // The stem differs from the core by a pronoun suffix; matching names on it
    // would read فيومه as في + اليوم, so a suffixed token offers its core only.
    f.stem = f.core;
    f.article = had || (t.proclitics & kCliticAl);
    std::uint32_t cps = t.prefix_cps;
    if ((t.proclitics & kCliticAl) && !(t.proclitics & kCliticLi) && cps >= 2) cps -= 2;
    f.clitic_cps = cps;
  }
  return out;
}

// ---------------------------------------------------------------------------
// PhraseMatcher

std::uint32_t PhraseMatcher::Symbol(std::string_view s) const {
  const std::uint32_t* sym = symbols_.Find(s);
  return sym ? *sym : 0;
}

std::uint32_t PhraseMatcher::Child(std::uint32_t node, std::uint32_t sym) const {
  auto it = edges_.find((static_cast<std::uint64_t>(node) << 32) | sym);
  return it == edges_.end() ? 0 : it->second;
}

void PhraseMatcher::Add(const std::vector<std::string>& words, std::uint32_t value,
                        bool need_article) {
  if (words.empty()) return;
  std::uint32_t node = 0;
  for (const std::string& w : words) {
    std::uint32_t sym = *symbols_.Emplace(w, static_cast<std::uint32_t>(symbols_.size() + 1)).first;
    std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | sym;
    auto eit = edges_.find(key);
    if (eit == edges_.end()) {
      nodes_.push_back(Node{});
      eit = edges_.emplace(key, static_cast<std::uint32_t>(nodes_.size() - 1)).first;
    }
    node = eit->second;
  }
  if (nodes_[node].value < 0) {
    nodes_[node].value = value;
    nodes_[node].need_article = need_article && words.size() == 1;
    ++phrases_;
  }
}

void PhraseMatcher::Walk(const std::vector<TokenForms>& forms, std::size_t i, std::uint32_t node,
                         std::uint32_t depth, bool first_whole, Match& best) const {
  if (i >= forms.size() || depth >= 16) return;
  const TokenForms& f = forms[i];
  const std::string* cands[3] = {&f.core, &f.whole, &f.stem};
  std::uint32_t tried[3] = {0, 0, 0};
  for (int c = 0; c < 3; ++c) {
    // An earlier candidate with the same text has the same symbol: skipped
    // below either way, without hashing it again.
    if ((c >= 1 && *cands[c] == *cands[0]) || (c == 2 && *cands[c] == *cands[1])) continue;
    std::uint32_t sym = Symbol(*cands[c]);
    if (!sym || sym == tried[0] || sym == tried[1]) continue;
    tried[c] = sym;
    std::uint32_t child = Child(node, sym);
    if (!child) continue;
    bool fw = depth == 0 ? (c == 1 && f.whole != f.core) : first_whole;
    const Node& n = nodes_[child];
    if (n.value >= 0 && depth + 1 > best.length && (!n.need_article || f.article)) {
      best.value = static_cast<std::uint32_t>(n.value);
      best.length = depth + 1;
      best.first_by_whole = fw;
    }
    Walk(forms, i + 1, child, depth + 1, fw, best);
  }
}

PhraseMatcher::Match PhraseMatcher::Longest(const std::vector<TokenForms>& forms,
                                            std::size_t i) const {
  Match best;
  Walk(forms, i, 0, 0, false, best);
  return best;
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

int Gazetteer::Nisba(const TokenForms& t) const {
  if (!t.arabic) return -1;
  const std::uint32_t* e = nisba_.Find(t.core);
  if (!e) e = nisba_.Find(t.whole);
  return e ? static_cast<int>(*e) : -1;
}

const GazEntry* Gazetteer::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromTables(
    const std::vector<std::pair<std::string, std::string>>& files, const text::Lexicon* lexicon) {
  auto g = std::make_shared<Gazetteer>();
  auto sorted = files;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    std::string sa = std::filesystem::path(a.first).stem().string();
    std::string sb = std::filesystem::path(b.first).stem().string();
    int pa = FilePriority(sa), pb = FilePriority(sb);
    return pa != pb ? pa < pb : sa < sb;
  });
  for (const auto& [name, content] : sorted) {
    auto table = TsvTable::Parse(content, name);
    if (!table.ok()) return table.status();
    std::string stem = std::filesystem::path(name).stem().string();
    Status s = stem == "nisba" ? g->AddNisba(*table) : g->AddTable(name, *table, lexicon);
    if (!s.ok()) return s;
  }
  for (const auto& [core, target] : g->pending_nisba_) {
    auto it = g->by_id_.find(target);
    if (it != g->by_id_.end()) g->nisba_.Emplace(core, it->second);
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
