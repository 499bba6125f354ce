#include "samrad/client/key_store.h"

#include <gtest/gtest.h>

#include <fstream>

#include "samrad/crypto/primitives.h"
#include "samrad/testing/support.h"

namespace samrad::client {
namespace {

using crypto::asBytes;

// The floor keeps the suite fast while still exercising real Argon2id.
constexpr KdfParams kTestParams = kKdfFloor;

crypto::SecretBytes secretOf(std::string_view s) {
  return crypto::SecretBytes::copyOf(asBytes(s));
}

TEST(KeyStore, KeepsSecretsAcrossRestartsBehindThePassphrase) {
  testing::TempDir dir;
  {
    auto ks = KeyStore::create(dir.path(), asBytes("korrekt häst batteri"), kTestParams);
    ASSERT_TRUE(ks.ok()) << ks.error().describe();
    ASSERT_TRUE(
        (*ks)->putSecret("device.signing", secretOf("SIGNING-SEED-0123456789abcdef!!")).ok());
  }
  auto ks = KeyStore::open(dir.path(), asBytes("korrekt häst batteri"));
  ASSERT_TRUE(ks.ok()) << ks.error().describe();
  auto s = (*ks)->getSecret("device.signing");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->equals(asBytes("SIGNING-SEED-0123456789abcdef!!")));
  EXPECT_EQ((*ks)->getSecret("nothing").error().reason(), "keystore.no_secret");
}

TEST(KeyStore, NothingReadableOnDisk) {
  testing::TempDir dir;
  {
    auto ks = KeyStore::create(dir.path(), asBytes("pass phrase"), kTestParams);
    ASSERT_TRUE(ks.ok());
    ASSERT_TRUE((*ks)->putSecret("k", secretOf("PLAINTEXT-SECRET-MARKER")).ok());
  }
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    const std::string bytes = testing::readFile(e.path());
    EXPECT_EQ(bytes.find("PLAINTEXT-SECRET-MARKER"), std::string::npos) << e.path();
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos) << e.path();
  }
}

TEST(KeyStore, AWrongPassphraseIsClearAndDamagesNothing) {
  testing::TempDir dir;
  ASSERT_TRUE(KeyStore::create(dir.path(), asBytes("right"), kTestParams).ok());
  const std::string keyBefore = testing::readFile(KeyStore::wrapPath(dir.path()));
  const std::string dbBefore = testing::readFile(KeyStore::databasePath(dir.path()));
  auto wrong = KeyStore::open(dir.path(), asBytes("wrong"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason(), "keystore.wrong_passphrase");
  EXPECT_EQ(testing::readFile(KeyStore::wrapPath(dir.path())), keyBefore);
  EXPECT_EQ(testing::readFile(KeyStore::databasePath(dir.path())), dbBefore);
  EXPECT_TRUE(KeyStore::open(dir.path(), asBytes("right")).ok());
}

TEST(KeyStore, ChangingThePassphraseDoesNotReencryptTheDatabase) {
  testing::TempDir dir;
  {
    auto ks = KeyStore::create(dir.path(), asBytes("old"), kTestParams);
    ASSERT_TRUE((*ks)->putSecret("k", secretOf("value")).ok());
  }
  const std::string dbBefore = testing::readFile(KeyStore::databasePath(dir.path()));
  {
    auto ks = KeyStore::open(dir.path(), asBytes("old"));
    ASSERT_TRUE(ks.ok());
    ASSERT_TRUE((*ks)->changePassphrase(asBytes("new"), kTestParams).ok());
  }
  EXPECT_EQ(testing::readFile(KeyStore::databasePath(dir.path())), dbBefore);
  EXPECT_EQ(KeyStore::open(dir.path(), asBytes("old")).error().reason(),
            "keystore.wrong_passphrase");
  auto ks = KeyStore::open(dir.path(), asBytes("new"));
  ASSERT_TRUE(ks.ok());
  EXPECT_TRUE((*ks)->getSecret("k")->equals(asBytes("value")));
}

TEST(KeyStore, RefusesArgon2ParametersBelowTheFloor) {
  testing::TempDir dir;
  auto weak = KeyStore::create(dir.path() / "a", asBytes("p"), {1, 64ULL << 20});
  EXPECT_EQ(weak.error().reason(), "keystore.weak_params");
  auto small = KeyStore::create(dir.path() / "b", asBytes("p"), {3, 8ULL << 20});
  EXPECT_EQ(small.error().reason(), "keystore.weak_params");

  // Someone with write access lowers the parameters in the file: refused
  // before any derivation, so the weakening never takes effect.
  ASSERT_TRUE(KeyStore::create(dir.path() / "c", asBytes("p"), kTestParams).ok());
  const auto path = KeyStore::wrapPath(dir.path() / "c");
  std::string bytes = testing::readFile(path);
  bytes[15] = 1;  // ops limit (big-endian u64 at offset 8) := 1
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  EXPECT_EQ(KeyStore::open(dir.path() / "c", asBytes("p")).error().reason(),
            "keystore.weak_params");
}

TEST(KeyStore, RefusesADamagedKeyFileAndAMissingStore) {
  testing::TempDir dir;
  EXPECT_EQ(KeyStore::open(dir.path(), asBytes("p")).error().reason(), "keystore.missing");
  ASSERT_TRUE(KeyStore::create(dir.path(), asBytes("p"), kTestParams).ok());
  EXPECT_EQ(KeyStore::create(dir.path(), asBytes("p"), kTestParams).error().reason(),
            "keystore.exists");
  const auto path = KeyStore::wrapPath(dir.path());
  std::string bytes = testing::readFile(path);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, 40);
  EXPECT_EQ(KeyStore::open(dir.path(), asBytes("p")).error().reason(), "keystore.corrupt");
}

}  // namespace
}  // namespace samrad::client
