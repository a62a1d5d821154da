#include "ingest/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

namespace nufuz::ingest {
namespace {

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

}  // namespace

PdfResult ExtractPdf(std::string_view bytes) {
  SilencePoppler();
  PdfResult r;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    r.error = "unreadable PDF: over 2 GiB";
    return r;
  }
  // load_from_raw_data borrows the bytes; they outlive the document here.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    // poppler refuses encrypted files without a password at load time too.
    if (bytes.find("/Encrypt") != std::string_view::npos) {
      r.error = "encrypted PDF";
    } else {
      r.error = "unreadable PDF";
    }
    return r;
  }
  if (doc->is_locked()) {
    r.error = "encrypted PDF";
    return r;
  }
  r.title = ToUtf8(doc->get_title());
  const int n = doc->pages();
  if (n <= 0) {
    r.error = "unreadable PDF: no pages";
    return r;
  }
  r.pages.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      r.pages.emplace_back();
      continue;
    }
    r.pages.push_back(
        ToUtf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
  }
  r.ok = true;
  return r;
}

}  // namespace nufuz::ingest
