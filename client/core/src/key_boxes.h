// Key boxes as the group's objects carry them: a key sealed to each of a
// list of devices (case keys, the key for repeat checks), encoded
//   count(4) || { device(16) || length(4) || sealed box }*
// Internal to the client core.
#pragma once

#include <string>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/content.h"

namespace samrad::client {

// A verification failure of something from the group: loud, and it stops the
// group on this device (DataLoss, reason "verify." + the cause's).
Error verifyError(const std::string& what, const Error& cause);

crypto::Bytes encodeBoxes(const std::vector<crypto::CaseKeyBox>& boxes);
// The box sealed to `me`. Reasons: verify.case_keys_malformed (DataLoss),
// case.no_key.
Result<crypto::Bytes> boxFor(crypto::ByteView encoded, const crypto::DeviceId& me);
// Every device a box is sealed to. Reason: verify.case_keys_malformed.
Result<std::vector<crypto::DeviceId>> boxedDevices(crypto::ByteView encoded);

}  // namespace samrad::client
