// Prints CLDR display names from the installed ICU, as TSV on stdout:
//   territory <TAB> ISO2 <TAB> arabic name        (one line per ISO country)
//   language  <TAB> code <TAB> arabic name
//   icu       <TAB> version <TAB> cldr version
// Built and run by scripts/gazetteer/gen_countries.py; not part of the engine.
#include <unicode/locid.h>
#include <unicode/uclean.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <iostream>
#include <string>

int main() {
  UErrorCode status = U_ZERO_ERROR;
  UVersionInfo cldr;
  ulocdata_getCLDRVersion(cldr, &status);
  char cldr_s[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(cldr, cldr_s);
  std::cout << "icu\t" << U_ICU_VERSION << "\t" << cldr_s << "\n";
  const icu::Locale ar("ar");
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
    icu::Locale loc("", *c);
    icu::UnicodeString name;
    loc.getDisplayCountry(ar, name);
    std::string out;
    name.toUTF8String(out);
    std::cout << "territory\t" << *c << "\t" << out << "\n";
  }
  for (const char* const* l = icu::Locale::getISOLanguages(); *l != nullptr; ++l) {
    icu::Locale loc(*l);
    icu::UnicodeString name;
    loc.getDisplayLanguage(ar, name);
    std::string out;
    name.toUTF8String(out);
    std::cout << "language\t" << *l << "\t" << out << "\n";
  }
  return 0;
}
