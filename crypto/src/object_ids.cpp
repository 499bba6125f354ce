#include "samrad/crypto/object_ids.h"

#include <string_view>

namespace samrad::crypto {
namespace {

ObjectId firstBytes(const Hash& h) {
  return *ObjectId::fromBytes(ByteView(h.bytes.data(), ObjectId{}.bytes.size()));
}

}  // namespace

ObjectId epochHistoryObjectId(const GroupId& group, const DeviceId& device) {
  static constexpr std::string_view kLabel = "samrad/v1/epoch-history";
  return firstBytes(sha256({asBytes(kLabel), group.view(), device.view()}));
}

ObjectId logViewObjectId(const DeviceId& device) {
  static constexpr std::string_view kLabel = "samrad/v1/log-view";
  return firstBytes(sha256({asBytes(kLabel), device.view()}));
}

ObjectId caseKeyBoxObjectId(const CaseId& caseId, const DeviceId& device) {
  static constexpr std::string_view kLabel = "samrad/v1/case-key-box";
  return firstBytes(sha256({asBytes(kLabel), caseId.view(), device.view()}));
}

ObjectId caseKeysObjectId(const CaseId& caseId, const AgencyId& agency) {
  static constexpr std::string_view kLabel = "samrad/v1/case-keys";
  return firstBytes(sha256({asBytes(kLabel), caseId.view(), agency.view()}));
}

}  // namespace samrad::crypto
