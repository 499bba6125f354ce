// Attachments over the wire: an encrypted scan uploaded, interrupted, resumed,
// downloaded whole and from an offset, refused to a device without access,
// and never stored in plaintext.
#include "samrad/crypto/attachment.h"

#include <sstream>

#include "platform_fixture.h"
#include "samrad/db/database.h"

namespace samrad::platform_testing {
namespace {

TEST_F(Platform, AnAttachmentSurvivesAnInterruptedUploadAndOnlyItsDevicesReadIt) {
  bootstrap(social_, 2);
  bootstrap(police_, 1);
  enrolMember(social_, samordnare_);
  enrolMember(police_, officer_);
  pinned_.pin(social_.id, social_.root.publicKey());
  pinned_.pin(police_.id, police_.root.publicKey());
  crypto::MembershipChain local(pinned_, {});
  auto genesis = local.makeLink(group_,
                                crypto::OpCreate{{spec(samordnare_, crypto::GroupRole::Coordinator),
                                                  spec(officer_, crypto::GroupRole::Member)}},
                                nowSeconds(), samordnare_.device.signing, samordnare_.device.id);
  ASSERT_TRUE(genesis.ok());
  ASSERT_TRUE(samordnare_.device.client->createGroup(genesis->serialize()).ok());

  // A 300 KiB "scanned consent form" with a marker, encrypted on the client.
  std::string scan(300 * 1024, ' ');
  for (std::size_t i = 0; i < scan.size(); i += 1000) scan.replace(i, 14, "SAMTYCKE-SCAN!");
  const auto key = crypto::SecretBytes::random(32);
  std::istringstream in(scan);
  std::ostringstream out;
  ASSERT_TRUE(crypto::encryptAttachment(in, out, key, crypto::Bytes{1, 2, 3}).ok());
  const std::string wire = out.str();
  const Bytes cipher(wire.begin(), wire.end());

  const crypto::ObjectId id = crypto::ObjectId::random();
  auto& up = *samordnare_.device.client;
  // The connection "breaks" after 100 KiB.
  auto first = up.uploadAttachment(group_, id, cipher, 0, 100 * 1024, {samordnare_.device.id});
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_FALSE(first->complete);
  auto status = up.attachmentStatus(group_, id);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->received, 100U * 1024);
  // Resuming from the wrong place is refused and says where to resume.
  auto wrong = up.uploadAttachment(group_, id, cipher, 0);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason(), "attachment.offset");
  EXPECT_NE(wrong.error().message().find(std::to_string(100 * 1024)), std::string::npos);
  auto rest = up.uploadAttachment(group_, id, cipher, status->received);
  ASSERT_TRUE(rest.ok()) << rest.error().describe();
  EXPECT_TRUE(rest->complete);
  EXPECT_EQ(rest->received, cipher.size());

  auto whole = up.downloadAttachment(group_, id);
  ASSERT_TRUE(whole.ok()) << whole.error().describe();
  ASSERT_EQ(*whole, cipher);
  std::istringstream cin(std::string(whole->begin(), whole->end()));
  std::ostringstream plain;
  ASSERT_TRUE(crypto::decryptAttachment(cin, plain, key, crypto::Bytes{1, 2, 3}).ok());
  EXPECT_EQ(plain.str(), scan);
  auto tail = up.downloadAttachment(group_, id, 200000);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(*tail, Bytes(cipher.begin() + 200000, cipher.end()));

  // The officer is a member but not on the attachment's device list.
  auto refused = officer_.device.client->downloadAttachment(group_, id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "object.no_access");

  // Nothing readable on the server.
  server_->shutdown(1s);
  auto dbKey = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
  auto db = db::Database::open(config_.dataDir / "samrad.db", dbKey->view());
  ASSERT_TRUE(db.ok());
  auto rows = (*db)->prepare("SELECT data FROM attachment_chunks");
  std::size_t stored = 0;
  while (*rows->step()) {
    const Bytes b = rows->columnBlob(0);
    stored += b.size();
    EXPECT_EQ(std::string(b.begin(), b.end()).find("SAMTYCKE"), std::string::npos);
  }
  EXPECT_EQ(stored, cipher.size());
}

}  // namespace
}  // namespace samrad::platform_testing
