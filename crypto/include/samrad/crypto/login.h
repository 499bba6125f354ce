// What a device signs to log in: a fresh server challenge bound to the
// server's identity, to the TLS certificate of the server the device is
// actually talking to, and to the device (DESIGN §3, "Transport"). A
// signature made for one server, device or challenge is worthless for any
// other — and one made through a relay (a server that passes another's
// challenge on) names the relay's certificate, so the real server refuses it.
#pragma once

#include <string_view>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"
#include "samrad/crypto/secure.h"

namespace samrad::crypto {

inline constexpr std::size_t kLoginChallengeSize = 32;

// "samrad/v1/login\0" || len-prefixed server id || len-prefixed SHA-256 of the
// server's TLS leaf certificate (DER) || device id || challenge, each as
// appendBytes writes it.
[[nodiscard]] Bytes loginMessage(ByteView serverId, const Hash& tlsCertificate,
                                 const DeviceId& device, ByteView challenge);

// SHA-256 of the DER of the first certificate in `pem` (the leaf: what a TLS
// peer presents first). Reason: login.bad_certificate.
Result<Hash> tlsCertificateDigest(std::string_view pem);

}  // namespace samrad::crypto
