#include "key_boxes.h"

#include <algorithm>
#include <functional>

namespace samrad::client {
namespace {

using crypto::Bytes;

void putU32(Bytes& out, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

Error malformed() {
  return Error(ErrorCode::DataLoss, "verify.case_keys_malformed", "a list of key boxes is damaged");
}

// Calls `each` for every box in order until it returns true.
Status walkBoxes(crypto::ByteView encoded,
                 const std::function<bool(crypto::ByteView device, crypto::ByteView box)>& each) {
  std::size_t at = 0;
  auto u32 = [&](std::uint32_t& v) {
    if (encoded.size() - at < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | encoded[at++];
    return true;
  };
  std::uint32_t count = 0;
  if (!u32(count) || count > 100000) return malformed();
  for (std::uint32_t i = 0; i < count; ++i) {
    if (encoded.size() - at < 16) return malformed();
    const crypto::ByteView device = encoded.subspan(at, 16);
    at += 16;
    std::uint32_t len = 0;
    if (!u32(len) || encoded.size() - at < len) return malformed();
    if (each(device, encoded.subspan(at, len))) return okStatus();
    at += len;
  }
  return okStatus();
}

}  // namespace

Error verifyError(const std::string& what, const Error& cause) {
  return Error(ErrorCode::DataLoss, "verify." + cause.reason(),
               what + " failed verification (" + cause.message() +
                   "); this device stops using the group until it is checked");
}

Bytes encodeBoxes(const std::vector<crypto::CaseKeyBox>& boxes) {
  Bytes out;
  putU32(out, static_cast<std::uint32_t>(boxes.size()));
  for (const auto& b : boxes) {
    crypto::appendBytes(out, b.device.view());
    putU32(out, static_cast<std::uint32_t>(b.sealed.size()));
    crypto::appendBytes(out, b.sealed);
  }
  return out;
}

Result<Bytes> boxFor(crypto::ByteView encoded, const crypto::DeviceId& me) {
  std::optional<Bytes> found;
  SAMRAD_TRY(walkBoxes(encoded, [&](crypto::ByteView device, crypto::ByteView box) {
    if (!std::equal(device.begin(), device.end(), me.view().begin())) return false;
    found = Bytes(box.begin(), box.end());
    return true;
  }));
  if (found) return std::move(*found);
  return Error(ErrorCode::PermissionDenied, "case.no_key",
               "this device is not among those the case is shared with");
}

Result<std::vector<crypto::DeviceId>> boxedDevices(crypto::ByteView encoded) {
  std::vector<crypto::DeviceId> out;
  SAMRAD_TRY(walkBoxes(encoded, [&](crypto::ByteView device, crypto::ByteView) {
    out.push_back(*crypto::DeviceId::fromBytes(device));
    return false;
  }));
  return out;
}

}  // namespace samrad::client
