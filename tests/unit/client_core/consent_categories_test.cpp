// Consent categories are kept by code, so a lawyer's register never mixes
// the languages of the members who registered them (#27, item 9).
#include <gtest/gtest.h>

#include "samrad/client/consent.h"

namespace samrad::client {
namespace {

TEST(ConsentCategories, TemplateCategoriesAreKeptByCodeWhateverLanguageNamedThem) {
  EXPECT_EQ(consentCategoryCode("hälsa"), "health");
  EXPECT_EQ(consentCategoryCode("Health"), "health");
  EXPECT_EQ(consentCategoryCode("health"), "health");
  EXPECT_EQ(consentCategoryCode("  Våld i nära relation "), "violence_close_relationship");
  EXPECT_EQ(consentCategoryCode("VÅLD I NÄRA RELATION"), "violence_close_relationship");
  EXPECT_EQ(consentCategoryCode("violence in a close relationship"), "violence_close_relationship");
  EXPECT_EQ(consentCategoryCode("Ekonomi"), "finances");
  // Anything else is the member's own words, trimmed.
  EXPECT_EQ(consentCategoryCode(" skolgång "), "skolgång");
  for (const auto& c : standardConsentCategories()) {
    EXPECT_EQ(consentCategoryCode(c.code), c.code);
    EXPECT_EQ(consentCategoryCode(c.sv), c.code);
    EXPECT_EQ(consentCategoryCode(c.en), c.code);
  }
}

TEST(ConsentCategories, EachReaderSeesThemInTheirLanguageOldRecordsToo) {
  EXPECT_EQ(consentCategoryLabel("children", Language::Swedish), "barn");
  EXPECT_EQ(consentCategoryLabel("children", Language::English), "children");
  // A record made before codes stored the label of the member's language.
  EXPECT_EQ(consentCategoryLabel("boende", Language::English), "housing");
  EXPECT_EQ(consentCategoryLabel("housing", Language::Swedish), "boende");
  EXPECT_EQ(consentCategoryLabel("skolgång", Language::English), "skolgång");
}

}  // namespace
}  // namespace samrad::client
