// What a device signs to log in: a fresh server challenge bound to the
// server's identity and the device (DESIGN §3, "Transport"), so a signature
// made for one server, device or challenge is worthless for any other.
#pragma once

#include "samrad/crypto/primitives.h"
#include "samrad/crypto/secure.h"

namespace samrad::crypto {

inline constexpr std::size_t kLoginChallengeSize = 32;

// "samrad/v1/login\0" || len-prefixed server id || device id || challenge,
// each as appendBytes writes it.
[[nodiscard]] Bytes loginMessage(ByteView serverId, const DeviceId& device, ByteView challenge);

}  // namespace samrad::crypto
