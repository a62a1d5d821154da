#include "ingest/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

namespace nufuz::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsElement(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

bool IsText(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
         n->type == GUMBO_NODE_WHITESPACE;
}

GumboTag Tag(const GumboNode* n) {
  return IsElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector* Children(const GumboNode* n) {
  if (IsElement(n)) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

std::string_view Attr(const GumboNode* n, const char* name) {
  if (!IsElement(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboNode* n, const char* name) {
  return IsElement(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

// Depth-first walk without recursion. enter(n) returns whether to descend;
// exit(n) is called for every entered node after its children.
template <typename Enter, typename Exit>
void Walk(const GumboNode* root, Enter&& enter, Exit&& exit) {
  if (!enter(root)) {
    exit(root);
    return;
  }
  std::vector<std::pair<const GumboNode*, unsigned>> stack;
  stack.emplace_back(root, 0u);
  while (!stack.empty()) {
    const GumboNode* n = stack.back().first;
    unsigned i = stack.back().second;
    const GumboVector* kids = Children(n);
    if (kids != nullptr && i < kids->length) {
      stack.back().second = i + 1;
      const auto* c = static_cast<const GumboNode*>(kids->data[i]);
      if (enter(c)) {
        stack.emplace_back(c, 0u);
      } else {
        exit(c);
      }
      continue;
    }
    exit(n);
    stack.pop_back();
  }
}

bool IsDroppedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: return true;
    default: return false;
  }
}

// Line breaks a block element produces: 2 = paragraph, 1 = line, 0 = inline.
int BreaksOf(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY: return 2;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SUMMARY: return 1;
    default: return 0;
  }
}

bool IsHidden(const GumboNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (Lower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(n, "style"));
  if (style.empty()) return false;
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Collapses whitespace; block elements become line breaks.
class Emitter {
 public:
  void Text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (space_ && newlines_ == 0) out_.push_back(' ');
      space_ = false;
      out_.push_back(c);
      newlines_ = 0;
    }
  }
  void Space() { space_ = true; }
  // Ensures at least n line breaks (n = 2: a blank line) before more text.
  void Break(int n) {
    space_ = false;
    if (out_.empty()) return;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    while (newlines_ < n) {
      out_.push_back('\n');
      ++newlines_;
    }
  }
  // <br>: one more line break, at most a blank line.
  void LineBreak() {
    space_ = false;
    if (out_.empty()) return;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (newlines_ < 2) {
      out_.push_back('\n');
      ++newlines_;
    }
  }
  std::string Take() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool space_ = false;
  int newlines_ = 2;
};

// Text of a subtree with whitespace collapsed, on one line.
std::string TextOf(const GumboNode* root) {
  Emitter e;
  Walk(
      root,
      [&](const GumboNode* n) {
        if (IsText(n)) e.Text(n->v.text.text);
        if (IsElement(n) && (Tag(n) == GUMBO_TAG_SCRIPT || Tag(n) == GUMBO_TAG_STYLE)) return false;
        return true;
      },
      [](const GumboNode*) {});
  std::string s = e.Take();
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

struct Info {
  std::size_t all = 0;    // text bytes below, everything but script/style
  std::size_t kept = 0;   // text bytes below that extraction keeps
  std::size_t p_own = 0;  // text bytes of direct <p> children and text children
  std::size_t p_in = 0;   // p_own summed over the subtree
  bool skip = false;
  bool content = false;  // lexicon marks it as a main-content container
};

const HtmlLexicon::Entry* LexiconMatch(const GumboNode* n, const HtmlLexicon* lex) {
  if (lex == nullptr || !IsElement(n)) return nullptr;
  for (const char* attr : {"class", "id"}) {
    std::string_view v = Attr(n, attr);
    if (v.empty()) continue;
    if (const auto* e = lex->Match(v, false)) return e;
  }
  std::string_view role = Attr(n, "role");
  if (!role.empty()) return lex->Match(role, true);
  return nullptr;
}

bool IsArticleBody(const GumboNode* n) {
  return Lower(Attr(n, "itemprop")).find("articlebody") != std::string::npos;
}

const char* const kDateMetaNames[] = {
    "pubdate",           "publishdate",   "publish_date",          "publish-date",
    "publication_date",  "date",          "dc.date.issued",        "dcterms.issued",
    "dc.date",           "dcterms.date",  "sailthru.date",         "parsely-pub-date",
    "article.published", "datepublished", "original-publish-date", "article:published",
    "dc.date.created",   "date.published"};

void FindJsonLd(const nlohmann::json& j, int depth, std::optional<std::string>& date,
                std::string& headline, std::string& publisher, std::string& url) {
  if (depth > 32) return;
  if (j.is_array()) {
    for (const auto& e : j) FindJsonLd(e, depth + 1, date, headline, publisher, url);
    return;
  }
  if (!j.is_object()) return;
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (!date) {
    std::string d = str("datePublished");
    if (d.empty()) d = str("dateCreated");
    if (auto p = ParseDate(d)) date = p;
  }
  if (headline.empty()) headline = str("headline");
  if (publisher.empty()) {
    auto it = j.find("publisher");
    if (it != j.end() && it->is_object()) {
      auto name = it->find("name");
      if (name != it->end() && name->is_string()) publisher = name->get<std::string>();
    }
  }
  if (url.empty() && j.contains("datePublished")) url = str("url");
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"}) {
    auto it = j.find(key);
    if (it != j.end() && (it->is_array() || it->is_object()))
      FindJsonLd(*it, depth + 1, date, headline, publisher, url);
  }
}

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

// Deepest element nesting the markup could produce: an upper bound from
// counting start and end tags, so gumbo's recursive tree destruction never
// meets a tree deep enough to exhaust the stack.
std::size_t NestingBound(std::string_view html) {
  std::size_t depth = 0, max_depth = 0;
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    char c = html[i + 1];
    if (c == '/') {
      if (depth > 0) --depth;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      max_depth = std::max(max_depth, ++depth);
    }
  }
  return max_depth;
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  auto digits = [&](std::size_t pos, std::size_t n) -> int {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto format = [](int y, int m, int d) -> std::optional<std::string> {
    if (y < 1800 || y > 2200) return std::nullopt;
    char buf[16];
    if (m < 1 || m > 12) {
      std::snprintf(buf, sizeof buf, "%04d", y);
    } else if (d < 1 || d > 31) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    }
    return std::string(buf);
  };
  auto is_sep = [&](std::size_t pos) {
    return pos < s.size() && (s[pos] == '-' || s[pos] == '/' || s[pos] == '.');
  };
  // Reads 1-2 digits at pos; advances pos.
  auto small = [&](std::size_t& pos) -> int {
    int v = digits(pos, 2);
    if (v >= 0) {
      pos += 2;
      return v;
    }
    v = digits(pos, 1);
    if (v >= 0) ++pos;
    return v;
  };
  int y = digits(0, 4);
  if (y >= 0) {
    if (is_sep(4)) {
      std::size_t pos = 5;
      int m = small(pos);
      if (m < 1 || m > 12) return format(y, 0, 0);
      if (!is_sep(pos)) return format(y, m, 0);
      ++pos;
      int d = small(pos);
      return format(y, m, d);
    }
    int m = digits(4, 2), d = digits(6, 2);
    if (m >= 1 && d >= 1 && (s.size() == 8 || s[8] == 'T' || s[8] == ' ')) return format(y, m, d);
    if (s.size() == 4) return format(y, 0, 0);
  }
  // DD-MM-YYYY (day first, as Arabic sites write it).
  {
    std::size_t pos = 0;
    int d = small(pos);
    if (d >= 1 && is_sep(pos)) {
      ++pos;
      int m = small(pos);
      if (m >= 1 && is_sep(pos)) {
        int yy = digits(pos + 1, 4);
        if (yy >= 0) return format(yy, m, d);
      }
    }
  }
  // English month names: "8 October 2025", "Oct 8, 2025", "Wed, 08 Oct 2025 ...".
  static const std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string low = Lower(s.substr(0, 64));
  int month = 0, day = 0, year = 0;
  std::size_t i = 0;
  while (i < low.size()) {
    if (std::isalpha(static_cast<unsigned char>(low[i]))) {
      std::size_t j = i;
      while (j < low.size() && std::isalpha(static_cast<unsigned char>(low[j]))) ++j;
      if (month == 0 && j - i >= 3) {
        for (int k = 0; k < 12; ++k)
          if (low.compare(i, 3, kMonths[k]) == 0) month = k + 1;
      }
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(low[i]))) {
      std::size_t j = i;
      int v = 0;
      while (j < low.size() && std::isdigit(static_cast<unsigned char>(low[j])) && j - i < 5)
        v = v * 10 + (low[j++] - '0');
      if (j - i == 4 && year == 0) {
        year = v;
      } else if (j - i <= 2 && day == 0 && year == 0) {
        day = v;
      }
      if (year != 0) break;
      i = j;
    } else {
      ++i;
    }
  }
  if (month != 0 && year != 0) return format(year, month, day);
  return std::nullopt;
}

HtmlResult ExtractHtml(std::string_view html, const HtmlLexicon* lexicon) {
  HtmlResult r;
  if (NestingBound(html) > 20000) {
    r.failed = true;
    r.error = "HTML nested too deeply";
    return r;
  }
  std::unique_ptr<GumboOutput, GumboDeleter> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (!out || out->document == nullptr) {
    r.failed = true;
    r.error = "unparseable HTML";
    return r;
  }
  const GumboNode* doc = out->document;

  // Metadata over the whole tree.
  std::string og_title, title_tag, canonical, og_url, site_name, headline;
  std::optional<std::string> meta_primary, meta_other, ld_date, time_pub;
  std::string meta_primary_from, meta_other_from;
  std::string ld_headline, ld_publisher, ld_url;
  const GumboNode* body = nullptr;
  int bad_depth = 0;
  auto is_bad = [&](const GumboNode* n) {
    GumboTag t = Tag(n);
    if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE) return true;
    const auto* e = LexiconMatch(n, lexicon);
    return e != nullptr && !e->content;
  };
  Walk(
      doc,
      [&](const GumboNode* n) {
        if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
        GumboTag t = Tag(n);
        if (is_bad(n)) ++bad_depth;
        switch (t) {
          case GUMBO_TAG_BODY:
            if (body == nullptr) body = n;
            break;
          case GUMBO_TAG_TITLE:
            if (title_tag.empty()) title_tag = TextOf(n);
            return false;
          case GUMBO_TAG_H1:
            if (headline.empty() && bad_depth == 0) {
              std::string h = TextOf(n);
              if (h.size() >= 4) headline = std::move(h);
            }
            return false;
          case GUMBO_TAG_LINK:
            if (canonical.empty() && Lower(Attr(n, "rel")) == "canonical")
              canonical = std::string(Attr(n, "href"));
            break;
          case GUMBO_TAG_TIME:
            if (!time_pub && Lower(Attr(n, "itemprop")) == "datepublished")
              time_pub = ParseDate(Attr(n, "datetime"));
            break;
          case GUMBO_TAG_META: {
            std::string key = Lower(Attr(n, "property"));
            if (key.empty()) key = Lower(Attr(n, "name"));
            if (key.empty()) key = Lower(Attr(n, "itemprop"));
            std::string_view content = Attr(n, "content");
            if (key.empty() || content.empty()) break;
            if (key == "og:title" && og_title.empty()) og_title = std::string(content);
            if (key == "og:url" && og_url.empty()) og_url = std::string(content);
            if (key == "og:site_name" && site_name.empty()) site_name = std::string(content);
            if (!meta_primary && (key == "article:published_time" || key == "og:published_time" ||
                                  key == "og:article:published_time")) {
              meta_primary = ParseDate(content);
              if (meta_primary) meta_primary_from = "meta " + key;
            }
            if (!meta_other) {
              for (const char* name : kDateMetaNames) {
                if (key == name) {
                  meta_other = ParseDate(content);
                  if (meta_other) meta_other_from = "meta " + key;
                  break;
                }
              }
            }
            break;
          }
          case GUMBO_TAG_SCRIPT: {
            if (Lower(Attr(n, "type")).find("ld+json") == std::string::npos) return false;
            const GumboVector* kids = Children(n);
            std::string json;
            for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
              const auto* c = static_cast<const GumboNode*>(kids->data[i]);
              if (IsText(c)) json += c->v.text.text;
            }
            nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
            if (j.is_discarded()) {
              r.notes.push_back("unparseable JSON-LD block ignored");
            } else {
              FindJsonLd(j, 0, ld_date, ld_headline, ld_publisher, ld_url);
            }
            return false;
          }
          case GUMBO_TAG_STYLE: return false;
          default: break;
        }
        return true;
      },
      [&](const GumboNode* n) {
        if (IsElement(n) && is_bad(n)) --bad_depth;
      });
  if (body == nullptr) body = doc;

  // Pass 1: all text below each element.
  std::unordered_map<const GumboNode*, Info> info;
  std::vector<const GumboNode*> order;  // elements in document order
  info.reserve(1024);
  Walk(
      body,
      [&](const GumboNode* n) {
        if (IsElement(n)) {
          info[n];
          order.push_back(n);
        }
        return !(IsElement(n) && (Tag(n) == GUMBO_TAG_SCRIPT || Tag(n) == GUMBO_TAG_STYLE));
      },
      [&](const GumboNode* n) {
        if (n == body || n->parent == nullptr) return;
        std::size_t len = IsText(n) && n->type != GUMBO_NODE_WHITESPACE
                              ? std::strlen(n->v.text.text)
                              : (IsElement(n) ? info[n].all : 0);
        if (IsElement(n->parent)) info[n->parent].all += len;
      });
  const std::size_t body_all = IsElement(body) ? info[body].all : 0;

  // Pass 2: what is skipped, what is kept, where the paragraphs are.
  Walk(
      body,
      [&](const GumboNode* n) {
        if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
        Info& in = info[n];
        if (n == body) return true;
        GumboTag t = Tag(n);
        if (IsDroppedTag(t) || IsHidden(n)) {
          in.skip = true;
          return false;
        }
        if (const auto* e = LexiconMatch(n, lexicon)) {
          if (e->content) {
            in.content = true;
          } else if (in.all * 2 <= body_all) {  // a wrapper of most of the page is no widget
            in.skip = true;
            return false;
          }
        }
        return true;
      },
      [&](const GumboNode* n) {
        if (n == body || n->parent == nullptr || !IsElement(n->parent)) return;
        Info& parent = info[n->parent];
        if (IsText(n)) {
          if (n->type == GUMBO_NODE_WHITESPACE) return;
          std::size_t len = std::strlen(n->v.text.text);
          parent.kept += len;
          parent.p_own += len;
          parent.p_in += len;
          return;
        }
        if (!IsElement(n)) return;
        const Info& in = info[n];
        if (in.skip) return;
        parent.kept += in.kept;
        parent.p_in += in.p_in;
        if (Tag(n) == GUMBO_TAG_P) {
          parent.p_own += in.kept;
          parent.p_in += in.kept;
        }
      });

  // Choose the main content container.
  const GumboNode* root = body;
  if (IsElement(body)) {
    const std::size_t total_p = info[body].p_in;
    const GumboNode* best[4] = {nullptr, nullptr, nullptr, nullptr};
    const GumboNode* densest = nullptr;
    for (const GumboNode* n : order) {
      const Info& in = info[n];
      if (in.skip) continue;
      int cat = -1;
      if (IsArticleBody(n)) {
        cat = 0;
      } else if (in.content) {
        cat = 1;
      } else if (Tag(n) == GUMBO_TAG_ARTICLE) {
        cat = 2;
      } else if (Tag(n) == GUMBO_TAG_MAIN || Lower(Attr(n, "role")) == "main") {
        cat = 3;
      }
      if (cat >= 0 && (best[cat] == nullptr || info[best[cat]].p_in < in.p_in)) best[cat] = n;
      if (densest == nullptr || info[densest].p_own < in.p_own) densest = n;
    }
    // A skipped ancestor hides an element from extraction.
    auto visible = [&](const GumboNode* n) {
      for (const GumboNode* a = n; a != nullptr && a != body; a = a->parent)
        if (IsElement(a) && info[a].skip) return false;
      return true;
    };
    bool chosen = false;
    if (total_p > 0) {
      for (const GumboNode* c : best) {
        if (c != nullptr && visible(c) && info[c].p_in * 2 >= total_p) {
          root = c;
          chosen = true;
          break;
        }
      }
      if (!chosen && densest != nullptr && visible(densest) && info[densest].p_own > 0) {
        const GumboNode* n = densest;
        while (n != body && n->parent != nullptr && IsElement(n->parent) &&
               info[n].p_in * 10 < total_p * 6)
          n = n->parent;
        root = n;
        chosen = n != body;
      }
    }
    r.notes.push_back(chosen ? std::string("main text from <") +
                                   gumbo_normalized_tagname(Tag(root)) + ">"
                             : std::string("no article container found; main text from <body>"));
  }

  // Pass 3: the text.
  Emitter e;
  Walk(
      root,
      [&](const GumboNode* n) {
        if (IsText(n)) {
          e.Text(n->v.text.text);
          return false;
        }
        if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
        auto it = info.find(n);
        if (it != info.end() && it->second.skip) return false;
        GumboTag t = Tag(n);
        if (t == GUMBO_TAG_BR) {
          e.LineBreak();
          return false;
        }
        if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) e.Space();
        if (int b = BreaksOf(t)) e.Break(b);
        return true;
      },
      [&](const GumboNode* n) {
        if (!IsElement(n)) return;
        GumboTag t = Tag(n);
        if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) e.Space();
        if (int b = BreaksOf(t)) e.Break(b);
      });
  r.text = e.Take();

  // The headline leads the text when the container left it out.
  if (!headline.empty() && r.text.compare(0, headline.size(), headline) != 0 &&
      r.text.find(headline + "\n") == std::string::npos) {
    r.text = headline + "\n\n" + r.text;
  }

  // <time datetime> inside the article, when nothing better dates it.
  if (root != body) {
    Walk(
        root,
        [&](const GumboNode* n) {
          if (time_pub || !IsElement(n)) return false;
          if (Tag(n) == GUMBO_TAG_TIME) {
            time_pub = ParseDate(Attr(n, "datetime"));
            return false;
          }
          return true;
        },
        [](const GumboNode*) {});
  }

  if (meta_primary) {
    r.published = meta_primary;
    r.published_from = meta_primary_from;
  } else if (ld_date) {
    r.published = ld_date;
    r.published_from = "JSON-LD datePublished";
  } else if (meta_other) {
    r.published = meta_other;
    r.published_from = meta_other_from;
  } else if (time_pub) {
    r.published = time_pub;
    r.published_from = "<time datetime>";
  }

  r.title = !og_title.empty()      ? og_title
            : !ld_headline.empty() ? ld_headline
            : !headline.empty()    ? headline
                                   : title_tag;
  r.url = !canonical.empty() ? canonical : !og_url.empty() ? og_url : ld_url;
  r.outlet = !site_name.empty() ? site_name : ld_publisher;
  return r;
}

}  // namespace nufuz::ingest
