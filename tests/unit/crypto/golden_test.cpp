// Golden vectors for Samråd's own formats, from seeded keys and fixed ids:
// any change to an encoding shows up here as a diff against the checked-in
// file. Regenerate deliberately with SAMRAD_UPDATE_GOLDEN=1 (and say why in the
// commit) — an independent implementation can test itself against the file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "samrad/crypto/attachment.h"
#include "samrad/crypto/certificates.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/membership.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/crypto/person_tag.h"
#include "samrad/crypto/tlog_proof.h"
#include "test_helpers.h"

namespace samrad::crypto {
namespace {

Bytes filled(std::uint8_t b, std::size_t n = 32) {
  return Bytes(n, b);
}
template <typename T>
T take(Result<T> r) {
  if (!r.ok()) std::abort();
  return std::move(r).value();
}
template <typename I>
I idOf(std::uint8_t b) {
  return *I::fromBytes(filled(b, kIdSize));
}

std::map<std::string, std::string> computeVectors() {
  std::map<std::string, std::string> v;
  constexpr std::int64_t t = 1790000000;
  const auto root = take(SigningKeyPair::fromSeed(filled(0x01)));
  const auto identity = take(SigningKeyPair::fromSeed(filled(0x02)));
  const auto deviceSigning = take(SigningKeyPair::fromSeed(filled(0x03)));
  const auto deviceBox = take(BoxKeyPair::fromSecret(filled(0x04)));
  const auto agency = idOf<AgencyId>(0x10);
  const auto user = idOf<UserId>(0x11);
  const auto device = idOf<DeviceId>(0x12);
  const auto group = idOf<GroupId>(0x13);

  v["key_id.agency_root"] = toHex(root.keyId().view());
  UserCertificate uc{user, agency, UserRole::Member, identity.publicKey(), t - 100, t + 100, 7};
  const Envelope userCert = issueUserCertificate(root, uc);
  v["envelope.user_certificate"] = toHex(userCert.serialize());
  DeviceCertificate dc{device,  user,   deviceSigning.publicKey(), deviceBox.publicKey(),
                       t - 100, t + 100};
  const Envelope devCert = issueDeviceCertificate(identity, dc);
  v["envelope.device_certificate"] = toHex(devCert.serialize());

  TrustStore roots;
  roots.pin(agency, root.publicKey());
  MembershipChain chain(roots, RevocationList{});
  MemberSpec spec{userCert, GroupRole::Coordinator, {devCert}};
  const Envelope genesis = take(chain.makeLink(group, OpCreate{{spec}}, t, deviceSigning, device));
  v["envelope.chain_genesis"] = toHex(genesis.serialize());
  if (!chain.append(genesis).ok()) std::abort();
  v["chain.head"] = chain.state().head.hex();
  v["chain.member_set_digest"] = chain.state().memberSetDigest().hex();
  v["group_code"] = groupCode(group, chain.state().head);

  const ContentContext ctx{"case-brief",      group, idOf<ObjectId>(0x14), 3, 1, device,
                           chain.state().head};
  v["content.associated_data"] = toHex(ctx.associatedData());

  v["safety_number"] =
      safetyNumber(user.view(), identity.publicKey(), idOf<UserId>(0x15).view(), root.publicKey());
  Bytes scalar(32, 0);
  scalar[0] = 0x17;
  const PersonTagKey tagKey{1, SecretBytes::copyOf(filled(0x16)), SecretBytes::copyOf(scalar), {}};
  v["person_tag.811218-9876"] = toHex(take(personTag(group, tagKey, "811218-9876", 2026)));

  MemoryLogStore store;
  MerkleLog log(store);
  for (int i = 0; i < 5; ++i) (void)log.append(asBytes("entry " + std::to_string(i)));
  const Checkpoint cp{"samrad.example/log", 5, *log.root(5), {}};
  NoteSigner logKey("samrad.example/log", NoteKeyType::Ed25519,
                    take(SigningKeyPair::fromSeed(filled(0x01))));
  NoteSigner witness("socialtjansten.example/witness", NoteKeyType::Cosignature,
                     take(SigningKeyPair::fromSeed(filled(0x02))));
  Note note{cp.text(), {}};
  note.addSignature(logKey.verifier().name, logKey.signText(cp.text()));
  note.addSignature(witness.verifier().name,
                    witness.cosign(cp.text(), static_cast<std::uint64_t>(t)));
  v["note.checkpoint"] = toHex(asBytes(note.serialize()));
  v["vkey.log"] = logKey.verifier().vkey();
  v["vkey.witness"] = witness.verifier().vkey();
  // An audit bundle's proof file (C2SP tlog-proof) for entry 2.
  TlogProof proof;
  proof.extra = Bytes(asBytes("entry 2").begin(), asBytes("entry 2").end());
  proof.index = 2;
  proof.hashes = *log.inclusionProof(2, 5);
  proof.checkpoint = note.serialize();
  v["tlog_proof.entry_2"] = toHex(asBytes(proof.serialize()));
  return v;
}

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}
std::string bin(const std::string& hexText) {
  const Bytes b = testing::hex(hexText);
  return {b.begin(), b.end()};
}
std::string u64be(std::uint64_t v) {
  std::string s(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8)
    s[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
  return s;
}

// Seed corpora for the fuzz targets, from the same vectors.
void writeFuzzCorpora(const std::map<std::string, std::string>& v) {
  const std::string dir = SAMRAD_FUZZ_DIR;
  auto put = [&](const std::string& target, const std::string& name, const std::string& bytes) {
    std::filesystem::create_directories(dir + "/" + target + "/corpus");
    writeFile(dir + "/" + target + "/corpus/" + name, bytes);
  };
  for (const char* k :
       {"envelope.user_certificate", "envelope.device_certificate", "envelope.chain_genesis"}) {
    const std::string b = bin(v.at(k));
    put("envelope", k, b);
    put("envelope", std::string(k) + ".truncated", b.substr(0, b.size() / 2));
  }
  put("certificate", "user", bin(v.at("envelope.user_certificate")));
  put("certificate", "device", bin(v.at("envelope.device_certificate")));
  put("chain_link", "genesis", bin(v.at("envelope.chain_genesis")));
  put("note", "checkpoint", bin(v.at("note.checkpoint")));
  put("note", "vkey", v.at("vkey.log"));
  put("tlog_proof", "entry_2", bin(v.at("tlog_proof.entry_2")));
  put("note", "checkpoint_body", "samrad.example/log\n5\n" + std::string(44, 'A') + "\n");

  // Inclusion proof of leaf 0 in the RFC 6962 8-leaf tree; consistency 6 -> 8.
  const std::string leaf0 = bin("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  const std::string root8 = bin("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  const std::string root6 = bin("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef");
  put("proof", "inclusion_0_8",
      u64be(0) + u64be(8) + leaf0 + root8 +
          bin("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7") +
          bin("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e") +
          bin("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
  put("proof", "consistency_6_8",
      u64be(6) + u64be(8) + root6 + root8 +
          bin("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a") +
          bin("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0") +
          bin("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));

  const auto signer = take(SigningKeyPair::fromSeed(filled(0x03)));
  const ContentContext ctx{"case-brief",         idOf<GroupId>(0x13),    idOf<ObjectId>(0x14), 3, 1,
                           idOf<DeviceId>(0x12), sha256(asBytes("head"))};
  const auto epochKey = SecretBytes::copyOf(filled(0x06));
  const EncryptedObject obj =
      take(encryptObject(ctx, asBytes("de-identified brief"), {epochKey, std::nullopt}, signer));
  const Bytes objWire = obj.serialize();
  put("content_object", "object", std::string(objWire.begin(), objWire.end()));

  const auto streamKey = SecretBytes::copyOf(filled(0x05));
  for (std::size_t n : {std::size_t{0}, std::size_t{100}, kAttachmentChunk + 3}) {
    std::istringstream in(std::string(n, 'z'));
    std::ostringstream out;
    (void)take(encryptAttachment(in, out, streamKey, Bytes{0x0a}));
    put("attachment", "stream_" + std::to_string(n), out.str());
  }
}

TEST(Golden, OurFormatsAreStable) {
  const std::string path = SAMRAD_GOLDEN_FILE;
  const auto vectors = computeVectors();
  if (std::getenv("SAMRAD_UPDATE_GOLDEN") != nullptr) {
    std::ofstream out(path, std::ios::trunc);
    out << "# Samråd golden vectors: name value (see tests/unit/crypto/golden_test.cpp)\n";
    for (const auto& [k, val] : vectors) out << k << ' ' << val << '\n';
    writeFuzzCorpora(vectors);
    GTEST_SUCCEED() << "rewrote " << path;
    return;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path;
  std::map<std::string, std::string> stored;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    stored[line.substr(0, sp)] = line.substr(sp + 1);
  }
  EXPECT_EQ(stored.size(), vectors.size());
  for (const auto& [k, val] : vectors) {
    EXPECT_EQ(stored[k], val) << k;
  }
}

}  // namespace
}  // namespace samrad::crypto
