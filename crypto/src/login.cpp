#include "samrad/crypto/login.h"

#include <sodium.h>

#include <string>

namespace samrad::crypto {

Bytes loginMessage(ByteView serverId, const Hash& tlsCertificate, const DeviceId& device,
                   ByteView challenge) {
  static constexpr std::string_view kLabel{"samrad/v1/login\0", 16};
  Bytes m;
  appendBytes(m, asBytes(kLabel));
  appendBytes(m, serverId);
  appendBytes(m, tlsCertificate.view());
  appendBytes(m, device.view());
  appendBytes(m, challenge);
  return m;
}

Result<Hash> tlsCertificateDigest(std::string_view pem) {
  static constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
  static constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
  const auto bad = [] {
    return Error(ErrorCode::InvalidArgument, "login.bad_certificate",
                 "the server's TLS certificate is not a PEM certificate");
  };
  const auto begin = pem.find(kBegin);
  if (begin == std::string_view::npos) return bad();
  const auto body = begin + kBegin.size();
  const auto end = pem.find(kEnd, body);
  if (end == std::string_view::npos) return bad();
  const std::string_view b64 = pem.substr(body, end - body);
  Bytes der(b64.size());
  std::size_t len = 0;
  if (sodium_base642bin(der.data(), der.size(), b64.data(), b64.size(), " \t\r\n", &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len == 0) {
    return bad();
  }
  der.resize(len);
  return sha256(der);
}

}  // namespace samrad::crypto
