#include "samrad/crypto/login.h"

#include <string_view>

namespace samrad::crypto {

Bytes loginMessage(ByteView serverId, const DeviceId& device, ByteView challenge) {
  static constexpr std::string_view kLabel{"samrad/v1/login\0", 16};
  Bytes m;
  appendBytes(m, asBytes(kLabel));
  appendBytes(m, serverId);
  appendBytes(m, device.view());
  appendBytes(m, challenge);
  return m;
}

}  // namespace samrad::crypto
