// Opens the HTML report in headless Chromium (Debian's `chromium`): the page
// must load with no script error (the report records errors into the DOM as
// .nufuz-js-error and marks <html data-nufuz-ready="1"> when its script ran;
// Chromium's own console log is checked too), and a screenshot is saved to
// the build directory (report_screenshot.png). Skips when Chromium is absent;
// NUFUZ_CHROMIUM names another binary.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "report/report.h"
#include "report_fixture.h"
#include "test_util.h"

namespace nufuz::report {
namespace {

namespace fs = std::filesystem;

std::string Chromium() {
  if (const char* env = std::getenv("NUFUZ_CHROMIUM"); env && *env) {
    return fs::exists(env) ? env : "";
  }
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(p)) return p;
  }
  return {};
}

fs::path BuildDir() {
  return fs::path(NUFUZ_BINARY).parent_path();
}

struct BrowserRun {
  int exit_code = -1;
  std::string out, err;
};

// Runs Chromium headless on `page` with `extra` flags; stdout and stderr are
// captured through files in `work`.
BrowserRun Browse(const fs::path& work, const fs::path& page, const std::string& extra) {
  static int n = 0;
  fs::path profile = work / ("profile" + std::to_string(++n));
  fs::create_directories(profile);
  fs::path out = work / "stdout.txt", err = work / "stderr.txt";
  std::string cmd = "timeout 120 '" + Chromium() +
                    "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                    "--disable-background-networking --disable-component-update --disable-sync "
                    "--disable-dev-shm-usage --hide-scrollbars --enable-logging=stderr --v=0 "
                    "--user-data-dir='" +
                    profile.string() + "' " + extra + " 'file://" + page.string() + "' >'" +
                    out.string() + "' 2>'" + err.string() + "'";
  BrowserRun r;
  int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = testing::ReadFile(out);
  r.err = testing::ReadFile(err);
  return r;
}

class ReportBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    if (Chromium().empty()) GTEST_SKIP() << "chromium not installed (apt-get install chromium)";
    work_ = fs::temp_directory_path() / ("nufuz_report_browser_" + std::to_string(::getpid()));
    fs::create_directories(work_);
  }
  void TearDown() override {
    if (!work_.empty()) fs::remove_all(work_);
  }
  fs::path work_;
};

TEST_F(ReportBrowser, LoadsWithoutErrorsAndSavesAScreenshot) {
  fs::path page = BuildDir() / "report_browser_test.html";
  ASSERT_TRUE(WriteFileAtomic(page, RenderHtml(testing::SampleReport())).ok());

  BrowserRun dom = Browse(work_, page, "--virtual-time-budget=3000 --dump-dom");
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_NE(dom.out.find("data-nufuz-ready=\"1\""), std::string::npos)
      << "the report's script did not run to the end";
  EXPECT_EQ(dom.out.find("nufuz-js-error\""), std::string::npos) << dom.out.substr(0, 4000);
  EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;
  EXPECT_EQ(dom.err.find(":CONSOLE"), std::string::npos) << dom.err;
  // The browser parsed the sections and the charts.
  EXPECT_NE(dom.out.find("id=\"evidence\""), std::string::npos);
  EXPECT_NE(dom.out.find("class=\"chart network\""), std::string::npos);

  fs::path png = BuildDir() / "report_screenshot.png";
  fs::remove(png);
  BrowserRun shot =
      Browse(work_, page, "--window-size=1400,2400 --screenshot='" + png.string() + "'");
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  ASSERT_TRUE(fs::exists(png)) << shot.err;
  std::string bytes = testing::ReadFile(png);
  ASSERT_GT(bytes.size(), 20000u);  // a real picture, not a blank page
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

// The harness itself: a page with a broken script must be caught.
TEST_F(ReportBrowser, DetectsAScriptError) {
  std::string html = RenderHtml(testing::SampleReport());
  std::size_t body_end = html.rfind("</body>");
  ASSERT_NE(body_end, std::string::npos);
  html.insert(body_end, "<script>nufuzNoSuchFunction();</script>");
  fs::path page = work_ / "broken.html";
  ASSERT_TRUE(WriteFileAtomic(page, html).ok());
  BrowserRun dom = Browse(work_, page, "--virtual-time-budget=3000 --dump-dom");
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_NE(dom.out.find("class=\"nufuz-js-error\""), std::string::npos);
  EXPECT_NE(dom.out.find("nufuzNoSuchFunction"), std::string::npos);
}

}  // namespace
}  // namespace nufuz::report
