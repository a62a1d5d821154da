#include "core/document.h"

#include <algorithm>

namespace nufuz {

const char* FormatName(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kJsonl: return "jsonl";
    case Format::kPdf: return "pdf";
  }
  return "text";
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "info";
}

const char* TokenKindName(TokenKind k) {
  switch (k) {
    case TokenKind::kArabic: return "arabic";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kNumber: return "number";
    case TokenKind::kDate: return "date";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
  }
  return "symbol";
}

const std::string* Span::Attr(std::string_view key) const {
  for (const auto& [k, v] : attrs)
    if (k == key) return &v;
  return nullptr;
}

std::uint32_t RepairInfo::ToBefore(std::uint32_t offset) const {
  // Edits are sorted; offsets between edits shift by the accumulated delta.
  std::int64_t delta = 0;
  for (const Edit& e : edits) {
    if (offset < e.start) break;
    if (offset < e.end)
      return e.orig_start + std::min<std::uint32_t>(offset - e.start, e.orig_end - e.orig_start);
    delta = static_cast<std::int64_t>(e.orig_end) - e.end;
  }
  return static_cast<std::uint32_t>(static_cast<std::int64_t>(offset) + delta);
}

std::uint32_t RepairInfo::ToAfter(std::uint32_t offset) const {
  std::int64_t delta = 0;
  for (const Edit& e : edits) {
    if (offset < e.orig_start) break;
    if (offset < e.orig_end)
      return e.start + std::min<std::uint32_t>(offset - e.orig_start, e.end - e.start);
    delta = static_cast<std::int64_t>(e.end) - e.orig_end;
  }
  return static_cast<std::uint32_t>(static_cast<std::int64_t>(offset) + delta);
}

bool Event::Factual() const {
  if (negated) return false;
  for (const auto& m : modality)
    if (m == "possible" || m == "hypothetical") return false;
  return true;
}

void Document::Diagnose(Severity severity, std::string stage, std::string code, std::string message,
                        std::optional<std::uint64_t> offset) {
  diagnostics.push_back({severity, std::move(stage), std::move(code), std::move(message), offset});
}

void Document::Fail(std::string stage, std::string code, std::string message,
                    std::optional<std::uint64_t> offset) {
  failed = true;
  Diagnose(Severity::kError, std::move(stage), std::move(code), std::move(message), offset);
}

std::string Document::ErrorMessage() const {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::kError) return d.message;
  return {};
}

}  // namespace nufuz
