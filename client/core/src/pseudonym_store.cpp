#include "samrad/client/pseudonym_store.h"

#include <sodium.h>

#include <string_view>

namespace samrad::client {
namespace {

constexpr std::string_view kLabel = "samrad pseudonym book v1";

crypto::Bytes associated(const crypto::GroupId& group, const crypto::CaseId& caseId) {
  crypto::Bytes ad(kLabel.begin(), kLabel.end());
  crypto::appendBytes(ad, group.view());
  crypto::appendBytes(ad, caseId.view());
  return ad;
}

}  // namespace

Result<crypto::SecretBytes> PseudonymStore::sealingKey(const crypto::GroupId& group,
                                                       const crypto::CaseId& caseId) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto get,
      db_.prepare("SELECT key FROM replica_case_keys WHERE group_id = ?1 AND case_id = ?2"));
  get.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, get.step());
  if (!found) {
    return Error(ErrorCode::FailedPrecondition, "deid.no_case_key",
                 "this device does not hold the case's key yet: open the case here first");
  }
  auto caseKey = crypto::SecretBytes::copyOf(get.columnBlob(0));
  // A key of its own for the book: BLAKE2b keyed with the case key.
  crypto::SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(kLabel.data()),
                     kLabel.size(), caseKey.data(), caseKey.size());
  return key;
}

Result<deid::PseudonymBook> PseudonymStore::load(const crypto::GroupId& group,
                                                 const crypto::CaseId& caseId) {
  SAMRAD_ASSIGN_OR_RETURN(auto key, sealingKey(group, caseId));
  SAMRAD_ASSIGN_OR_RETURN(
      auto get,
      db_.prepare("SELECT sealed FROM deid_pseudonyms WHERE group_id = ?1 AND case_id = ?2"));
  get.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, get.step());
  if (!found) return deid::PseudonymBook{};
  const auto sealed = get.columnBlob(0);
  auto opened = crypto::aeadOpen(key, sealed, associated(group, caseId));
  if (!opened) {
    return Error(ErrorCode::DataLoss, "deid.pseudonyms_corrupt",
                 "the case's pseudonym book on this device cannot be opened");
  }
  return deid::PseudonymBook::parse(
      std::string_view(reinterpret_cast<const char*>(opened->data()), opened->size()));
}

Status PseudonymStore::save(const crypto::GroupId& group, const crypto::CaseId& caseId,
                            const deid::PseudonymBook& book) {
  SAMRAD_ASSIGN_OR_RETURN(auto key, sealingKey(group, caseId));
  std::string text = book.serialize();
  const auto sealed = crypto::aeadSeal(key, crypto::asBytes(text), associated(group, caseId));
  sodium_memzero(text.data(), text.size());
  SAMRAD_ASSIGN_OR_RETURN(auto put, db_.prepare("INSERT OR REPLACE INTO deid_pseudonyms "
                                                "(group_id, case_id, sealed) VALUES (?1, ?2, ?3)"));
  put.bindBlob(1, group.view()).bindBlob(2, caseId.view()).bindBlob(3, sealed);
  return put.run();
}

Status PseudonymStore::forget(const crypto::GroupId& group, const crypto::CaseId& caseId) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto del, db_.prepare("DELETE FROM deid_pseudonyms WHERE group_id = ?1 AND case_id = ?2"));
  del.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  return del.run();
}

}  // namespace samrad::client
