// The one de-identification gate and where a case's pseudonyms are kept: a
// finding nobody decided about stops the text, a high risk stops it, and the
// pseudonym book opens only with the case's key and is never readable on disk.
#include "samrad/client/deid_gate.h"

#include <gtest/gtest.h>

#include "samrad/client/key_store.h"
#include "samrad/client/pseudonym_store.h"
#include "samrad/deid/scanner.h"
#include "samrad/testing/support.h"

namespace samrad::client {
namespace {

TEST(DeidGate, AFindingNobodyDecidedAboutStopsTheText) {
  const std::string text = "Sambon Hodan Warsame ringde från 070-123 45 67.";
  const auto refused = checkDeidentified(text, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "deid.findings_remain");
  EXPECT_NE(refused.error().message().find("Hodan Warsame"), std::string::npos);
  EXPECT_NE(refused.error().message().find("PHONE"), std::string::npos);

  DeidReview partly;
  partly.kept = {{deid::FindingType::Name, "Hodan Warsame"}};  // the phone is still undecided
  EXPECT_EQ(checkDeidentified(text, partly).error().reason(), "deid.findings_remain");
  partly.kept.push_back({deid::FindingType::Name, "070-123 45 67"});  // not as a name
  EXPECT_EQ(checkDeidentified(text, partly).error().reason(), "deid.findings_remain");
  partly.kept.push_back({deid::FindingType::Phone, "070-123 45 67"});
  EXPECT_TRUE(checkDeidentified(text, partly).ok());

  DeidReview all;
  all.keptAll = true;
  EXPECT_TRUE(checkDeidentified(text, all).ok());
  EXPECT_TRUE(checkDeidentified("Kvinna i 40-årsåldern, hot från tidigare partner.", {}).ok());
}

TEST(DeidGate, AHighRiskStopsTheTextEvenWhenEveryFindingIsKept) {
  DeidReview review;
  review.keptAll = true;
  review.quasi.municipality = "Uppvidinge";
  review.quasi.population = 9600;
  review.quasi.sex = deid::Sex::Female;
  review.quasi.exactBirthDate = true;
  const auto refused = checkDeidentified("Kvinna, hot från tidigare partner.", review);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "deid.risk_high");
  review.quasi.exactBirthDate = false;
  review.quasi.municipality.clear();
  review.quasi.population = 0;
  EXPECT_TRUE(checkDeidentified("Kvinna, hot från tidigare partner.", review).ok());
}

class PseudonymStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ks = KeyStore::create(dir_.path(), crypto::asBytes("lösen"), kKdfFloor);
    ASSERT_TRUE(ks.ok()) << ks.error().describe();
    store_ = std::move(*ks);
  }
  void giveCaseKey(const crypto::CaseId& id) {
    auto put = store_->database().prepare(
        "INSERT INTO replica_case_keys (group_id, case_id, key, published) VALUES (?1, ?2, ?3, "
        "1)");
    ASSERT_TRUE(put.ok());
    const auto key = crypto::SecretBytes::random(32);
    put->bindBlob(1, group_.view()).bindBlob(2, id.view()).bindBlob(3, key.view());
    ASSERT_TRUE(put->run().ok());
  }
  deid::Finding name(const std::string& text) {
    deid::Finding f;
    f.type = deid::FindingType::Name;
    f.text = text;
    return f;
  }

  testing::TempDir dir_;
  std::unique_ptr<KeyStore> store_;
  crypto::GroupId group_ = crypto::GroupId::random();
};

TEST_F(PseudonymStoreTest, TheSamePersonKeepsThePseudonymInTheCasesNextBrief) {
  const auto caseId = crypto::CaseId::random();
  giveCaseKey(caseId);
  PseudonymStore pseudonyms(store_->database());
  {
    auto book = pseudonyms.load(group_, caseId);
    ASSERT_TRUE(book.ok()) << book.error().describe();
    EXPECT_TRUE(book->empty());
    EXPECT_EQ(book->pseudonymFor(name("Hodan Warsame")), "Person A");
    EXPECT_EQ(book->pseudonymFor(name("Liban")), "Person B");
    ASSERT_TRUE(pseudonyms.save(group_, caseId, *book).ok());
  }
  // The next brief, another day: the book comes back from the device.
  auto book = pseudonyms.load(group_, caseId);
  ASSERT_TRUE(book.ok()) << book.error().describe();
  EXPECT_EQ(book->pseudonymFor(name("Hodan")), "Person A");
  EXPECT_EQ(book->pseudonymFor(name("Hodans")), "Person A:s");
  EXPECT_EQ(book->pseudonymFor(name("Warsame")), "Person A");
  EXPECT_EQ(book->pseudonymFor(name("Liban")), "Person B");
  EXPECT_EQ(book->pseudonymFor(name("Milica")), "Person C");

  // Another case has a book of its own.
  const auto other = crypto::CaseId::random();
  giveCaseKey(other);
  auto fresh = pseudonyms.load(group_, other);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->pseudonymFor(name("Liban")), "Person A");
}

TEST_F(PseudonymStoreTest, WithoutTheCaseKeyThereIsNoBookAndNothingIsReadableOnDisk) {
  const auto caseId = crypto::CaseId::random();
  PseudonymStore pseudonyms(store_->database());
  EXPECT_EQ(pseudonyms.load(group_, caseId).error().reason(), "deid.no_case_key");
  deid::PseudonymBook book;
  book.pseudonymFor(name("PSEUDONYM-MARKER Warsame"));
  EXPECT_EQ(pseudonyms.save(group_, caseId, book).error().reason(), "deid.no_case_key");

  giveCaseKey(caseId);
  ASSERT_TRUE(pseudonyms.save(group_, caseId, book).ok());
  // Sealed in the row, not only by the database's own encryption.
  auto row = store_->database().prepare("SELECT sealed FROM deid_pseudonyms");
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(*row->step());
  const auto sealed = row->columnBlob(0);
  const std::string bytes(sealed.begin(), sealed.end());
  EXPECT_EQ(bytes.find("pseudonym-marker"), std::string::npos);
  EXPECT_EQ(bytes.find("Person A"), std::string::npos);
  // The key gone (the case deleted from this device): the book cannot open.
  ASSERT_TRUE(store_->database().exec("UPDATE replica_case_keys SET key = zeroblob(32)").ok());
  EXPECT_EQ(pseudonyms.load(group_, caseId).error().reason(), "deid.pseudonyms_corrupt");
}

}  // namespace
}  // namespace samrad::client
