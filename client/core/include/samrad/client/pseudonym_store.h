// Where a case's pseudonym book lives: only on the referring agency's
// devices, in the device's encrypted database, sealed under a key derived
// from the case key — so it is never sent, and it becomes unreadable when the
// case key goes (retention). The same person then keeps the same pseudonym
// in the case's later briefs and minutes.
#pragma once

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"
#include "samrad/db/database.h"
#include "samrad/deid/pseudonyms.h"

namespace samrad::client {

class PseudonymStore {
 public:
  // `db` is the device's local database (KeyStore::database()).
  explicit PseudonymStore(db::Database& db) : db_(db) {}

  // The case's book; an empty one when none was kept yet. Fails with
  // "deid.no_case_key" when this device does not hold the case key.
  Result<deid::PseudonymBook> load(const crypto::GroupId& group, const crypto::CaseId& caseId);
  Status save(const crypto::GroupId& group, const crypto::CaseId& caseId,
              const deid::PseudonymBook& book);
  Status forget(const crypto::GroupId& group, const crypto::CaseId& caseId);

 private:
  Result<crypto::SecretBytes> sealingKey(const crypto::GroupId& group,
                                         const crypto::CaseId& caseId);
  db::Database& db_;
};

}  // namespace samrad::client
