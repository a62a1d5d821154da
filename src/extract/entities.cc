#include "extract/entities.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/utf8.h"
#include "text/text.h"

namespace nufuz::extract {

namespace {
bool IsCapital(const GazEntry& e);
}  // namespace

EntityExtractor::EntityExtractor(std::shared_ptr<const text::Lexicon> lexicon,
                                 std::shared_ptr<const Gazetteer> gazetteer,
                                 std::shared_ptr<const Titles> titles,
                                 std::shared_ptr<const Transliterator> translit,
                                 const std::vector<std::string>& time_words,
                                 std::shared_ptr<const CommonWords> common)
    : lexicon_(std::move(lexicon)),
      gazetteer_(std::move(gazetteer)),
      titles_(std::move(titles)),
      translit_(std::move(translit)),
      common_(std::move(common)) {
  for (const GazEntry& e : gazetteer_->entries()) capital_.push_back(IsCapital(e));
  for (const std::string& w : time_words) {
    const std::string key = text::Key(w);
    time_words_.Emplace(StripArticle(key), true);
  }
}

Result<std::shared_ptr<const EntityExtractor>> EntityExtractor::Load(
    const std::filesystem::path& data_dir, std::shared_ptr<const text::Lexicon> lexicon) {
  if (!lexicon) return Status::Error(StatusCode::kInternal, "EntityExtractor: no lexicon");
  auto gaz = Gazetteer::Load(data_dir, lexicon.get());
  if (!gaz.ok()) return gaz.status();
  auto titles = Titles::Load(data_dir, lexicon.get());
  if (!titles.ok()) return titles.status();
  auto translit = Transliterator::Load(data_dir);
  if (!translit.ok()) return translit.status();
  std::vector<std::string> time_words;
  if (auto dw = TsvTable::Load(data_dir / "lexicon" / "date_words.tsv", {"word"}); dw.ok()) {
    const int c = dw->Column("word");
    for (std::size_t r = 0; r < dw->rows(); ++r) time_words.push_back(dw->Cell(r, c));
  }
  auto common = CommonWords::Load(data_dir);
  if (!common.ok()) return common.status();
  return std::make_shared<const EntityExtractor>(
      std::move(lexicon), std::move(gaz.value()), std::move(titles.value()),
      std::move(translit.value()), time_words, std::move(common.value()));
}

namespace {

enum class HitKind : std::uint8_t { kGaz, kTitle, kNisba };

struct Hit {
  std::uint32_t b = 0, e = 0;  // tokens [b, e)
  HitKind kind = HitKind::kGaz;
  std::uint32_t value = 0;    // gazetteer entry or title index
  bool by_whole = false;      // first token matched as written (no clitics cut)
  std::uint8_t conj_cps = 0;  // a conjunction the tokeniser left on the first token
};

// Words that link a title to the place or body it belongs to (closed class).
bool IsLinkWord(const TokenForms& f) {
  return f.whole == "في" || f.whole == "لدي";
}

std::string CountryCode(const std::string& id) {
  auto colon = id.find(':');
  return colon == std::string::npos ? id : id.substr(colon + 1);
}

struct Mention {
  std::uint32_t start, end;
  bool nisba = false;  // a nisba adjective (الروسية) naming the entity
};

struct Out {
  Entity entity;
  std::vector<Mention> mentions;
};

class Emitter {
 public:
  Out& Get(const std::string& id) {
    // Most calls find a known id: look up before emplace builds a node.
    if (auto known = index_.find(id); known != index_.end()) return outs_[known->second];
    auto [it, fresh] = index_.emplace(id, outs_.size());
    if (fresh) {
      outs_.emplace_back();
      outs_.back().entity.id = id;
    }
    return outs_[it->second];
  }
  bool Has(const std::string& id) const { return index_.count(id) != 0; }
  void Finish(Document& doc) {
    for (Out& o : outs_) {
      std::sort(o.mentions.begin(), o.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.start < b.start; });
      o.mentions.erase(std::unique(o.mentions.begin(), o.mentions.end(),
                                   [](const Mention& a, const Mention& b) {
                                     return a.start == b.start && a.end == b.end;
                                   }),
                       o.mentions.end());
    }
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < outs_.size(); ++k)
      if (!outs_[k].mentions.empty()) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return outs_[a].mentions.front().start < outs_[b].mentions.front().start;
    });
    for (std::size_t k : order) {
      Out& o = outs_[k];
      for (const Mention& m : o.mentions) {
        Span s;
        s.start = m.start;
        s.end = m.end;
        s.label = "ENTITY";
        s.attrs.emplace_back("entity", o.entity.id);
        if (m.nisba) s.attrs.emplace_back("form", "nisba");
        doc.spans.push_back(std::move(s));
      }
      auto same = std::find_if(doc.entities.begin(), doc.entities.end(),
                               [&](const Entity& e) { return e.id == o.entity.id; });
      if (same == doc.entities.end()) doc.entities.push_back(std::move(o.entity));
    }
  }

 private:
  std::vector<Out> outs_;
  std::unordered_map<std::string, std::size_t> index_;
};

void SetAttr(Attrs& attrs, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  for (auto& [k, v] : attrs)
    if (k == key) {
      if (v.empty()) v = value;
      return;
    }
  attrs.emplace_back(key, value);
}

// A capital that acts (تنظر موسكو، فلك واشنطن، لموسكو) stands for its state,
// as analysts read it; a capital as a location (في دوشانبي، إلى أستانا،
// بموسكو، العاصمة أستانا) is the place.
// The reading is decided once per document by majority of the capital's
// mentions (ties: the place), so one name is one entity in a document.
bool IsCapital(const GazEntry& e) {
  const std::string* kind = e.Attr("kind");
  return e.type == "PLACE" && kind && *kind == "CAPITAL" && e.Attr("country");
}

bool ActsAsState(const Document& doc, const std::vector<TokenForms>& forms,
                 const std::vector<Hit>& hits, const std::vector<int>& hit_at, const Hit& h) {
  if (doc.tokens[h.b].proclitics & kCliticBi) return false;
  std::size_t b = h.b;
  // A nisba between the cue and the name belongs to the cue ("العاصمة الأردنية عمان").
  if (b > 1 && hit_at[b - 1] >= 0 && hits[hit_at[b - 1]].kind == HitKind::kNisba) --b;
  if (b == 0) return true;
  const std::string_view prev = forms[b - 1].core;
  static const std::vector<std::string> kLocative = {"في",   "الي",   "عبر",   "نحو",
                                                     "داخل", "عاصمه", "مدينه", "حتي"};
  return std::find(kLocative.begin(), kLocative.end(), prev) == kLocative.end();
}

// Whether a cue before token b says a settlement follows: العاصمة، عاصمة،
// مدينة, possibly with a nisba between (العاصمة الأردنية عمان), or the name
// opens a dateline ("عمان - ", "عمان (رويترز)").
bool SettlementCue(const Document& doc, const std::vector<TokenForms>& forms,
                   const std::vector<Hit>& hits, const std::vector<int>& hit_at, const Hit& h) {
  std::size_t b = h.b;
  if (b > 1 && hit_at[b - 1] >= 0 && hits[hit_at[b - 1]].kind == HitKind::kNisba) --b;
  if (b > 0) {
    const std::string_view prev = forms[b - 1].core;
    if (prev == "عاصمه" || prev == "مدينه") return true;
  }
  const Token& t = doc.tokens[h.b];
  // (A newline between the previous token and this one: searched between
  // them only, not to the end of a long single-line text.)
  bool line_start = h.b == 0;
  if (!line_start) {
    const std::size_t from = doc.tokens[h.b - 1].byte_end;
    const std::size_t to = std::min<std::size_t>(t.byte_start, doc.text.size());
    line_start = from < to && std::string_view(doc.text).substr(from, to - from).find('\n') !=
                                  std::string_view::npos;
  }
  if (line_start && h.e < doc.tokens.size() && !forms[h.e].arabic) {
    const std::string_view next = doc.Surface(doc.tokens[h.e]);
    return next == "-" || next == "–" || next == "(" || next == ":";
  }
  return false;
}

// Whether the context says a name that is also an ordinary word (مالي:
// Mali or "financial") is the entity: a preposition written on it (بمالي،
// لمالي), a preposition or a compass word before it (في مالي، شمال مالي), a
// title in construct (رئيس مالي), or another state, place or body right
// before it (النيجر ومالي).
bool EntityCue(const Document& doc, const std::vector<TokenForms>& forms, const Gazetteer& gaz,
               const std::vector<Hit>& hits, const std::vector<int>& hit_at, const Hit& h) {
  constexpr std::uint8_t kPrep = kCliticBi | kCliticLi | kCliticKa;
  if (doc.tokens[h.b].proclitics & kPrep) return true;
  // An adjective follows its noun: a sentence that opens with the word has
  // the state as its subject ("مالي تطرد ...").
  if (h.b == 0) return true;
  if (!forms[h.b - 1].arabic) {
    const std::string_view p = doc.Surface(doc.tokens[h.b - 1]);
    return p == "." || p == "!" || p == "?" || p == "\u061F" ||
           doc.text.find('\n', doc.tokens[h.b - 1].byte_end) < doc.tokens[h.b].byte_start;
  }
  // Nor does it follow a verb: a past verb with the feminine ت, which a
  // state takes as its subject (أمهلت مالي، طردت مالي), is no noun it could
  // qualify (plurals in ات take the feminine adjective).
  {
    const Token& pt = doc.tokens[h.b - 1];
    const std::string_view pk = forms[h.b - 1].core;
    if (!forms[h.b - 1].article && pt.suffix.empty() && pk.size() >= 8 && EndsWith(pk, "ت") &&
        !EndsWith(pk, "ات"))
      return true;
  }
  if (const int x = hit_at[h.b - 1]; x >= 0) {
    const Hit& p = hits[x];
    // A title or body in construct (رئيس مالي، حكومة مالي); after a
    // conjunction the word is one more adjective ("دعم سياسي ومالي").
    if (p.kind == HitKind::kTitle) return !(doc.tokens[h.b].proclitics & (kCliticWa | kCliticFa));
    return p.kind == HitKind::kGaz && !(p.value & Gazetteer::kAmbiguous) &&
           gaz.entries()[p.value].type != "PERSON";
  }
  static const std::vector<std::string_view> kBefore = {
      "في",  "الي", "من",   "عن",   "مع",  "علي", "بين", "نحو",  "داخل",   "عبر",
      "حتي", "ضد",  "شمال", "جنوب", "شرق", "غرب", "وسط", "دوله", "جمهوريه"};
  const std::string_view prev = forms[h.b - 1].core;
  return std::find(kBefore.begin(), kBefore.end(), prev) != kBefore.end();
}

// Ambiguous names (ambiguous.tsv, e.g. عمان: Oman or Amman). A name that is
// also an ordinary word (reading kWord) is the entity after an EntityCue; a
// mention with a settlement cue is the place reading. Otherwise the document
// decides: each unambiguous mention supports a reading it is tied to (the
// reading itself, the reading's country such as الأردن for Amman, a place in
// the reading such as مسقط for Oman, a bloc with the reading among its
// members such as دول الخليج); the best supported reading wins, ties go to the
// first listed.
void ResolveAmbiguous(const Document& doc, const std::vector<TokenForms>& forms,
                      const Gazetteer& gaz, std::vector<Hit>& hits,
                      const std::vector<int>& hit_at) {
  const auto& entries = gaz.entries();
  auto tied = [&](std::uint32_t r, const GazEntry& x) {
    if (r == Gazetteer::kWord) return false;
    const GazEntry& reading = entries[r];
    if (x.id == reading.id) return true;
    if (const std::string* c = reading.Attr("country"); c && *c == x.id) return true;
    if (const std::string* c = x.Attr("country"); c && *c == reading.id) return true;
    if (const std::string* m = x.Attr("members")) {
      for (std::size_t b = 0; b <= m->size();) {
        std::size_t e = m->find('|', b);
        if (e == std::string::npos) e = m->size();
        if (std::string_view(*m).substr(b, e - b) == reading.id) return true;
        b = e + 1;
      }
    }
    return false;
  };
  std::unordered_map<std::uint32_t, std::uint32_t> chosen;  // group value -> entry
  for (Hit& h : hits) {
    if (h.kind != HitKind::kGaz || !(h.value & Gazetteer::kAmbiguous)) continue;
    const auto& readings = gaz.Readings(h.value);
    const bool word =
        std::find(readings.begin(), readings.end(), Gazetteer::kWord) != readings.end();
    if (word && EntityCue(doc, forms, gaz, hits, hit_at, h)) {
      h.value = *std::find_if(readings.begin(), readings.end(),
                              [](std::uint32_t r) { return r != Gazetteer::kWord; });
      continue;
    }
    // With the article the name is the adjective (الوضع المالي "the
    // financial situation"), whatever else the document names; a nisba of
    // the country after a state body (الجيش المالي) had its cue above.
    if (word && forms[h.b].article) {
      h.value = Gazetteer::kWord;
      continue;
    }
    if (SettlementCue(doc, forms, hits, hit_at, h)) {
      const auto place = std::find_if(readings.begin(), readings.end(), [&](std::uint32_t r) {
        return r != Gazetteer::kWord && entries[r].type == "PLACE";
      });
      if (place != readings.end()) {
        h.value = *place;
        continue;
      }
    }
    auto [it, fresh] = chosen.emplace(h.value, readings.front());
    if (fresh) {
      int best = 0;
      for (std::uint32_t r : readings) {
        int support = 0;
        for (const Hit& x : hits)
          if (x.kind != HitKind::kTitle && !(x.value & Gazetteer::kAmbiguous))
            support += tied(r, entries[x.value]);
        if (support > best) {
          best = support;
          it->second = r;
        }
      }
    }
    h.value = it->second;
  }
}

}  // namespace

void EntityExtractor::Run(Document& doc) const {
  const DocForms forms(doc);
  Run(doc, forms);
}

void EntityExtractor::Run(Document& doc, const DocForms& doc_forms) const {
  const std::vector<TokenForms>& forms = doc_forms.tokens();
  const std::size_t n = forms.size();
  const Gazetteer& gaz = *gazetteer_;
  // Each token's forms looked up once in each trie.
  const auto gaz_syms = gaz.matcher().Intern(doc_forms);
  const auto title_syms = titles_->matcher().Intern(doc_forms);
  const auto& entries = gaz.entries();
  std::vector<bool> covered(n, false);
  std::vector<Hit> hits;
  std::vector<int> hit_at(n, -1);

  // 1. Gazetteer names, titles and nisba adjectives, longest first.
  for (std::size_t i = 0; i < n;) {
    if (!forms[i].arabic) {
      ++i;
      continue;
    }
    auto g = gaz.matcher().Longest(gaz_syms, doc_forms, i);
    auto t = titles_->matcher().Longest(title_syms, doc_forms, i);
    Hit h;
    h.b = static_cast<std::uint32_t>(i);
    if (g.length && g.length >= t.length) {
      h.e = h.b + g.length;
      h.kind = HitKind::kGaz;
      h.value = g.value;
      h.by_whole = g.first_by_whole;
      h.conj_cps = g.first_conj_cps;
    } else if (t.length) {
      h.e = h.b + t.length;
      h.kind = HitKind::kTitle;
      h.value = t.value;
    } else if (int nb2 = i + 1 < n ? gaz.Nisba2(forms[i], forms[i + 1]) : -1; nb2 >= 0) {
      h.e = h.b + 2;
      h.kind = HitKind::kNisba;
      h.value = static_cast<std::uint32_t>(nb2);
    } else if (int nb = gaz.Nisba(forms[i]); nb >= 0) {
      h.e = h.b + 1;
      h.kind = HitKind::kNisba;
      h.value = static_cast<std::uint32_t>(nb);
    } else {
      ++i;
      continue;
    }
    for (std::uint32_t k = h.b; k < h.e; ++k) {
      covered[k] = true;
      hit_at[k] = static_cast<int>(hits.size());
    }
    hits.push_back(h);
    i = h.e;
  }

  // Ambiguous names settle on one reading before anything reads an entry;
  // a name read as an ordinary word is no hit at all.
  for (const Hit& h : hits)
    if (h.kind == HitKind::kGaz && (h.value & Gazetteer::kAmbiguous)) {
      ResolveAmbiguous(doc, forms, gaz, hits, hit_at);
      const auto words = std::remove_if(hits.begin(), hits.end(), [](const Hit& x) {
        return x.kind == HitKind::kGaz && x.value == Gazetteer::kWord;
      });
      if (words != hits.end()) {
        hits.erase(words, hits.end());
        std::fill(covered.begin(), covered.end(), false);
        std::fill(hit_at.begin(), hit_at.end(), -1);
        for (std::size_t k = 0; k < hits.size(); ++k)
          for (std::uint32_t j = hits[k].b; j < hits[k].e; ++j) {
            covered[j] = true;
            hit_at[j] = static_cast<int>(k);
          }
      }
      break;
    }

  // A state body with an adjective that is also a country's nisba (الحكومة
  // المالية: "financial" or Malian) names the country's body only when the
  // document names the country otherwise (في مالي، باماكو).
  // New nisba hits are merged in once after the scan (no insertion per
  // hit), and whether the document names a country is asked once per id.
  std::vector<std::pair<std::size_t, Hit>> body_nisbas;  // (after hit index, hit)
  std::unordered_map<std::string_view, bool> named_in_doc;
  for (std::size_t hi = 0; hi < hits.size(); ++hi) {
    const Hit& h = hits[hi];
    if (h.kind != HitKind::kTitle || h.e >= n || covered[h.e] || !forms[h.e].article) continue;
    const TitleKind kind = titles_->info(h.value).kind;
    if (kind != TitleKind::kOrg && kind != TitleKind::kBody) continue;
    const int c = gaz.WordNisba(forms[h.e]);
    if (c < 0) continue;
    const std::string& id = entries[c].id;
    auto [seen, fresh] = named_in_doc.try_emplace(id, false);
    if (fresh)
      for (const Hit& x : hits) {
        if (x.kind == HitKind::kTitle || (x.value & Gazetteer::kAmbiguous)) continue;
        const GazEntry& e = entries[x.value];
        const std::string* country = e.Attr("country");
        seen->second |= e.id == id || (country && *country == id);
      }
    if (!seen->second) continue;
    Hit nh;
    nh.b = h.e;
    nh.e = h.e + 1;
    nh.kind = HitKind::kNisba;
    nh.value = static_cast<std::uint32_t>(c);
    covered[h.e] = true;
    body_nisbas.emplace_back(hi, nh);
  }
  if (!body_nisbas.empty()) {
    std::vector<Hit> merged;
    merged.reserve(hits.size() + body_nisbas.size());
    auto add = body_nisbas.begin();
    for (std::size_t k = 0; k < hits.size(); ++k) {
      merged.push_back(hits[k]);
      for (; add != body_nisbas.end() && add->first == k; ++add) merged.push_back(add->second);
    }
    hits = std::move(merged);
    for (std::size_t k = 0; k < hits.size(); ++k)
      for (std::uint32_t j = hits[k].b; j < hits[k].e; ++j) hit_at[j] = static_cast<int>(k);
  }

  auto start_of = [&](std::size_t tok, bool by_whole) {
    return doc.tokens[tok].start + (by_whole ? 0 : forms[tok].clitic_cps);
  };
  auto hit_start = [&](const Hit& h) { return start_of(h.b, h.by_whole) + h.conj_cps; };
  // The text from code point `start` (inside token `first`) to the end of
  // token `last`, cut with the tokens' byte offsets: no index of the text.
  auto surface = [&](std::size_t first, std::uint32_t start, std::size_t last) {
    const Token& t = doc.tokens[first];
    const std::size_t b = t.byte_start + utf8::BytesOfPrefix(doc.Surface(t), start - t.start);
    return doc.text.substr(b, doc.tokens[last].byte_end - b);
  };
  // Start of a name word: a conjunction is cut, anything else kept as written
  // (names often begin with ب ل ك: بوتين، بلينكن، لوماكين).
  auto name_start = [&](std::size_t tok) {
    const Token& t = doc.tokens[tok];
    return t.start + ((t.proclitics & (kCliticWa | kCliticFa)) ? 1u : 0u);
  };
  auto name_word = [&](std::size_t tok) -> std::string_view {
    const Token& t = doc.tokens[tok];
    return (t.proclitics & (kCliticWa | kCliticFa)) ? forms[tok].core : forms[tok].whole;
  };

  // A person named by tokens [k, k + len); a gazetteer person right after
  // the words (إريك + كوريلا) is the same person.
  auto make_person = [&](std::size_t k, std::size_t len) {
    Person p;
    std::size_t end = k + len;
    for (std::size_t j = k; j < end; ++j) p.words.emplace_back(name_word(j));
    if (end < n && hit_at[end] >= 0) {
      const Hit& x = hits[hit_at[end]];
      if (x.kind == HitKind::kGaz && x.b == end && entries[x.value].type == "PERSON") {
        p.gaz_id = entries[x.value].id;
        for (std::uint32_t j = x.b; j < x.e; ++j) p.words.emplace_back(name_word(j));
        end = x.e;
      }
    }
    for (std::size_t j = k; j < end; ++j) covered[j] = true;
    std::uint32_t s = name_start(k);
    p.name_ar = surface(k, s, end - 1);
    p.mentions.push_back({s, doc.tokens[end - 1].end});
    return p;
  };

  Emitter out;
  DocPeople people;
  std::vector<int> person_at(n, -1), person_end(n, -1);  // token -> person index

  // 2. Gazetteer and nisba mentions (people are handled with the titles).
  std::unordered_map<std::uint32_t, int> capital_vote;
  for (const Hit& h : hits)
    if (h.kind == HitKind::kGaz && capital_[h.value])
      capital_vote[h.value] +=
          ActsAsState(doc, forms, hits, hit_at, h) && !SettlementCue(doc, forms, hits, hit_at, h)
              ? 1
              : -1;
  for (const Hit& h : hits) {
    if (h.kind == HitKind::kTitle) continue;
    const GazEntry& e = entries[h.value];
    if (h.kind == HitKind::kGaz && e.type == "PERSON") {
      Person p;
      p.gaz_id = e.id;
      for (std::uint32_t k = h.b; k < h.e; ++k) p.words.emplace_back(name_word(k));
      std::uint32_t s = hit_start(h);
      p.name_ar = surface(h.b, s, h.e - 1);
      p.mentions.push_back({s, doc.tokens[h.e - 1].end});
      int who = static_cast<int>(people.Add(std::move(p)));
      person_at[h.b] = who;
      person_end[h.e - 1] = who;
      continue;
    }
    const GazEntry* target = &e;
    if (h.kind == HitKind::kGaz && capital_[h.value] && capital_vote[h.value] > 0)
      if (const GazEntry* c = gaz.Find(*e.Attr("country"))) target = c;
    const GazEntry& t = *target;
    Out& o = out.Get(t.id);
    if (o.entity.name_en.empty()) {
      o.entity.type = t.type;
      o.entity.name_en = t.name_en;
      o.entity.name_ar = t.name_ar;
      o.entity.wikidata = t.wikidata;
      o.entity.attrs = t.attrs;
    }
    o.mentions.push_back({hit_start(h), doc.tokens[h.e - 1].end, h.kind == HitKind::kNisba});
  }

  // A usual given name followed by a short word the lexicon knows (عزرا زيا:
  // زيا is also "costume") is a full name when the document also has that
  // word as the subject of a reporting verb (وقالت زيا), the way a person
  // named in full is then cited by the family name; time words (قال أمس)
  // never are. The words after reporting verbs are collected once, on demand.
  StringMap<bool> report_next;
  bool have_report_next = false;
  auto short_surname = [&](std::size_t j) {
    if (j >= n || covered[j] || hit_at[j] >= 0 || !forms[j].arabic) return false;
    const Token& t = doc.tokens[j];
    const std::string_view w = forms[j].whole;
    if (t.proclitics || !t.suffix.empty() || w.size() < 6 || EndsWith(w, "ه")) return false;
    if (doc.Surface(t).find("\u064B") != std::string_view::npos) return false;
    if (!lexicon_->Contains(w) || time_words_.Find(w, forms[j].whole_hash)) return false;
    if (!have_report_next) {
      have_report_next = true;
      for (const Hit& x : hits)
        if (x.kind == HitKind::kTitle && titles_->info(x.value).kind == TitleKind::kReport &&
            x.e < n && !doc.tokens[x.e].proclitics)
          report_next.Emplace(forms[x.e].whole, true);
    }
    return report_next.Find(w, forms[j].whole_hash) != nullptr;
  };
  auto given_at = [&](std::size_t k) {
    const Transliterator::Entry* g = translit_->Find(name_word(k));
    return g && g->kind == "given";
  };

  // 3a. Names opened by a usual given name (فلاديمير، دونالد، مريم) with no title.
  for (std::size_t i = 0; i < n; ++i) {
    if (covered[i] || !forms[i].arabic) continue;
    const bool conj = doc.tokens[i].proclitics & (kCliticWa | kCliticFa);  // as name_word
    const Transliterator::Entry* e =
        translit_->Find(name_word(i), conj ? forms[i].core_hash : forms[i].whole_hash);
    if (!e || !e->start) continue;
    std::size_t len = ScanName(doc, forms, i, covered, *lexicon_, *translit_, false, common_.get());
    const bool vouched = len == 1 && short_surname(i + 1);
    if (vouched) len = 2;
    bool gaz_next = len == 1 && i + 1 < n && hit_at[i + 1] >= 0 &&
                    hits[hit_at[i + 1]].kind == HitKind::kGaz &&
                    entries[hits[hit_at[i + 1]].value].type == "PERSON";
    if (len < 2 && !gaz_next) continue;
    std::size_t who = people.Add(make_person(i, len));
    people.people()[who].vouched |= vouched;
    person_at[i] = static_cast<int>(who);
    std::uint32_t end_cp = people.people()[who].mentions.back().end;
    for (std::size_t j = i; j < n && doc.tokens[j].end <= end_cp; ++j)
      person_end[j] = static_cast<int>(who);
    i += len - 1;
  }

  // 3b. Titles: people after person titles, state bodies with their country.
  struct Bare {
    std::uint32_t start, end;
    std::string role, country;
  };
  std::vector<Bare> bare_titles;
  std::size_t resume = 0;  // first token not consumed by a title phrase
  for (std::size_t hi = 0; hi < hits.size(); ++hi) {
    const Hit& h = hits[hi];
    if (h.kind != HitKind::kTitle) continue;
    const TitleInfo& info = titles_->info(h.value);

    bool body = info.kind == TitleKind::kOrg || info.kind == TitleKind::kBody;
    if (body) {
      // The body's country: a nisba right after it, a country in construct
      // (وزارة خارجية كازاخستان), or "في <country>".
      std::string country;
      std::uint32_t end_tok = h.e;
      if (h.e < n && hit_at[h.e] >= 0) {
        const Hit& x = hits[hit_at[h.e]];
        if (x.kind != HitKind::kTitle && entries[x.value].type == "COUNTRY") {
          country = entries[x.value].id;
          end_tok = x.e;
        }
      } else if (h.e + 1 < n && IsLinkWord(forms[h.e]) && hit_at[h.e + 1] >= 0) {
        const Hit& x = hits[hit_at[h.e + 1]];
        if (x.kind == HitKind::kGaz && entries[x.value].type == "COUNTRY")
          country = entries[x.value].id;
      }
      std::string base = Slug(info.role_en);
      bool emit = !country.empty() || info.kind == TitleKind::kOrg;
      std::string id = "org:" + base + (country.empty() ? "" : "-" + CountryCode(country));
      Out& o = out.Get(emit ? id : std::string());
      if (emit && o.entity.name_en.empty()) {
        o.entity.type = "ORG";
        o.entity.name_en = info.role_en;
        if (const GazEntry* c = country.empty() ? nullptr : gaz.Find(country))
          o.entity.name_en += " (" + c->name_en + ")";
        o.entity.name_ar = surface(h.b, start_of(h.b, false), end_tok - 1);
        if (country.empty())
          o.entity.attrs.emplace_back("scope", "unresolved");
        else
          o.entity.attrs.emplace_back("country", country);
      }
      if (emit) o.mentions.push_back({start_of(h.b, false), doc.tokens[end_tok - 1].end});
    }
    if (h.b < resume) continue;
    if (info.kind == TitleKind::kModifier) continue;

    if (info.kind == TitleKind::kReport) {
      std::size_t len =
          ScanName(doc, forms, h.e, covered, *lexicon_, *translit_, false, common_.get());
      const Transliterator::Entry* first = h.e < n ? translit_->Find(name_word(h.e)) : nullptr;
      // Words that are also ordinary words (سعيد) do not make a name here.
      bool plain = true;
      for (std::size_t k = h.e; k < h.e + len; ++k)
        if (const auto* e = translit_->Find(name_word(k)); e && !e->start && e->kind == "given")
          plain = false;
      if (len >= 2 && plain && (!first || first->start)) people.Add(make_person(h.e, len));
      continue;
    }

    // A title phrase: titles, prefixes, modifiers, nisbas, countries and
    // bodies, in any order, then the name.
    std::string role, prefix, country, org, tenure;
    bool org_only = true;
    std::size_t k = h.b;
    while (k < n && k < h.b + 12) {
      if (hit_at[k] < 0) {
        if (IsLinkWord(forms[k]) && k + 1 < n && hit_at[k + 1] >= 0 &&
            hits[hit_at[k + 1]].kind == HitKind::kGaz &&
            entries[hits[hit_at[k + 1]].value].type != "PERSON") {
          ++k;
          continue;
        }
        break;
      }
      const Hit& x = hits[hit_at[k]];
      if (x.kind == HitKind::kTitle) {
        const TitleInfo& ti = titles_->info(x.value);
        if (ti.kind == TitleKind::kReport) break;
        if (ti.kind == TitleKind::kModifier) {
          tenure = ti.role_en;
        } else if (ti.kind == TitleKind::kPrefix) {
          if (role.empty()) prefix += (prefix.empty() ? "" : " ") + ti.role_en;
        } else if (ti.kind == TitleKind::kPerson) {
          org_only = false;
          if (role.empty()) role = prefix.empty() ? ti.role_en : prefix + " " + ti.role_en;
        } else if (ti.kind == TitleKind::kOrg || ti.kind == TitleKind::kBody) {
          if (role.empty() && !prefix.empty()) {
            role = prefix + ", " + ti.role_en;
            org_only = false;
          }
        }
      } else if (x.kind == HitKind::kNisba) {
        if (country.empty()) country = entries[x.value].id;
      } else {
        const GazEntry& e = entries[x.value];
        if (e.type == "PERSON") break;
        if (e.type == "COUNTRY") {
          if (country.empty()) country = e.id;
        } else if (org.empty()) {
          org = e.id;
          if (const std::string* c = e.Attr("country"); c && country.empty()) country = *c;
        }
      }
      k = x.e;
    }
    resume = k;
    // A body alone (handled above); a prefix before a named body
    // ("وكيلة وزارة الخارجية الأمريكية") is a person's role.
    if (org_only && role.empty() && (prefix.empty() || org.empty())) continue;
    if (role.empty()) role = prefix;
    Person p;
    p.role = role;
    p.country = country;
    p.org = org;
    p.tenure = tenure;
    if (k < n && hit_at[k] >= 0 && hits[hit_at[k]].kind == HitKind::kGaz &&
        entries[hits[hit_at[k]].value].type == "PERSON") {
      const Hit& x = hits[hit_at[k]];
      p.gaz_id = entries[x.value].id;
      for (std::uint32_t j = x.b; j < x.e; ++j) p.words.emplace_back(name_word(j));
      std::uint32_t s = hit_start(x);
      p.name_ar = surface(x.b, s, x.e - 1);
      p.mentions.push_back({s, doc.tokens[x.e - 1].end});
      people.Add(std::move(p));
      resume = x.e;
      continue;
    }
    std::size_t len = ScanName(doc, forms, k, covered, *lexicon_, *translit_, true, common_.get());
    if (len == 1 && given_at(k) && short_surname(k + 1)) {
      len = 2;
      p.vouched = true;
    }
    if (len == 0) {
      // Apposition: "أوبير فيدرين، وزير الخارجية الفرنسي الأسبق" or a name
      // found before the title was read.
      int who = k < n ? person_at[k] : -1;
      std::size_t before = h.b;
      if (before > 0 && !forms[before - 1].arabic && doc.Surface(doc.tokens[before - 1]) == "،")
        --before;
      if (who < 0 && before > 0) who = person_end[before - 1];
      // "إيغور نورا، مستشار وزارة الطاقة": a name of two or three words
      // right before ", <title>" with no name after the title is the
      // person the title describes (three words only when none is a known
      // word; two when the title context vouches for them).
      if (who < 0 && before < h.b && !role.empty()) {
        for (std::size_t len2 : {std::size_t{3}, std::size_t{2}}) {
          if (before < len2) continue;
          std::size_t j = before - len2;
          bool free = true;
          for (std::size_t q = j; q < before; ++q) free &= !covered[q] && hit_at[q] < 0;
          if (!free) continue;
          std::size_t got =
              ScanName(doc, forms, j, covered, *lexicon_, *translit_, len2 == 2, common_.get());
          // Before ", <title>" the last word may be a short one the word
          // list also knows (نورا): any plain word of two letters or more.
          if (len2 == 2 && got == 1) {
            const Token& lt = doc.tokens[j + 1];
            const std::string_view lw = forms[j + 1].whole;
            bool plain = forms[j + 1].arabic && !lt.proclitics && lt.suffix.empty() &&
                         lw.size() >= 4 && lw.compare(lw.size() - 2, 2, "ه") != 0 &&
                         doc.Surface(lt).find("\u064B") == std::string_view::npos;
            if (plain) got = 2;
          }
          if (got != len2) continue;
          if (j > 0 && forms[j - 1].arabic &&
              ScanName(doc, forms, j - 1, covered, *lexicon_, *translit_, false, common_.get()) >
                  len2)
            continue;  // the name may start earlier: leave it
          Person named = make_person(j, len2);
          named.role = role;
          named.country = country;
          named.org = org;
          named.tenure = tenure;
          who = static_cast<int>(people.Add(std::move(named)));
          person_end[before - 1] = who;
          break;
        }
        if (who >= 0) continue;
      }
      if (who >= 0) {
        Person& q = people.people()[who];
        if (q.role.empty()) q.role = role;
        if (q.country.empty()) q.country = country;
        if (q.org.empty()) q.org = org;
        if (q.tenure.empty()) q.tenure = tenure;
        continue;
      }
      if (!role.empty() && !country.empty() && k > h.b)
        bare_titles.push_back({start_of(h.b, false), doc.tokens[k - 1].end, role, country});
      continue;
    }
    Person named = make_person(k, len);
    p.words = std::move(named.words);
    p.name_ar = std::move(named.name_ar);
    p.gaz_id = std::move(named.gaz_id);
    p.mentions = std::move(named.mentions);
    people.Add(std::move(p));
    resume = k + len;
  }

  // 5. Later surnames and titles alone.
  people.ResolveSurnames(doc, forms, *lexicon_, covered);
  for (const Bare& b : bare_titles) {
    int who = people.ByRole(b.role, b.country);
    if (who >= 0) people.people()[who].mentions.push_back({b.start, b.end});
  }

  for (Person& p : people.people()) {
    const GazEntry* g = p.gaz_id.empty() ? nullptr : gaz.Find(p.gaz_id);
    std::string name_en = g ? g->name_en : translit_->Name(p.name_ar);
    std::string id = g ? g->id : "person:" + Slug(name_en);
    Out& o = out.Get(id);
    if (o.entity.name_en.empty()) {
      o.entity.type = "PERSON";
      o.entity.name_en = name_en;
      o.entity.name_ar = g ? g->name_ar : p.name_ar;
      if (g) {
        o.entity.wikidata = g->wikidata;
        o.entity.attrs = g->attrs;
      }
    }
    SetAttr(o.entity.attrs, "role", p.role);
    SetAttr(o.entity.attrs, "country", p.country);
    SetAttr(o.entity.attrs, "org", p.org);
    SetAttr(o.entity.attrs, "tenure", p.tenure);
    for (const Person::M& m : p.mentions) o.mentions.push_back({m.start, m.end});
  }
  out.Finish(doc);
}

}  // namespace nufuz::extract
