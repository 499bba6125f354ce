#include "samrad/server/domain/login_guard.h"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "samrad/crypto/login.h"

namespace samrad::server::domain {
namespace {

// A challenge: expiry (8 bytes, big-endian) || nonce (8) || MAC (16).
constexpr std::size_t kExpiresSize = 8;
constexpr std::size_t kNonceSize = 8;
constexpr std::size_t kTagSize = crypto::kLoginChallengeSize - kExpiresSize - kNonceSize;
static_assert(kTagSize == 16, "a 128-bit MAC");
constexpr std::string_view kTagContext = "samrad/v1/login-challenge";

void putU64(std::uint8_t* out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<std::uint8_t>(v & 0xff);
    v >>= 8;
  }
}

std::uint64_t getU64(const std::uint8_t* in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | in[i];
  return v;
}

}  // namespace

LoginGuard::LoginGuard(LoginGuardSettings settings)
    : settings_(settings), macKey_(crypto::SecretBytes::random(crypto_generichash_KEYBYTES)) {}

crypto::Bytes LoginGuard::tag(const crypto::DeviceId& device, crypto::ByteView expiresAndNonce) {
  crypto::Bytes out(kTagSize);
  crypto_generichash_state st;
  crypto_generichash_init(&st, macKey_.view().data(), macKey_.view().size(), kTagSize);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kTagContext.data()),
                            kTagContext.size());
  crypto_generichash_update(&st, device.view().data(), device.view().size());
  crypto_generichash_update(&st, expiresAndNonce.data(), expiresAndNonce.size());
  crypto_generichash_final(&st, out.data(), out.size());
  sodium_memzero(&st, sizeof st);
  return out;
}

bool LoginGuard::take(Bucket& b, std::int64_t now) const {
  if (now > b.at) {
    b.tokens = std::min(settings_.peerBurst,
                        b.tokens + static_cast<double>(now - b.at) * settings_.peerPerSecond);
  }
  // A clock set back restarts the refill from its new time rather than
  // freezing it until the old time comes round again.
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

void LoginGuard::sweep(std::int64_t now) {
  if (now == lastSweep_) return;  // a full map costs one scan a second, not one a call
  lastSweep_ = now;
  // An address whose bucket has refilled since its last call is as good as new.
  const auto refill = static_cast<std::int64_t>(settings_.peerBurst / settings_.peerPerSecond) + 1;
  std::erase_if(peers_,
                [&](const auto& p) { return now - p.second.at >= refill || now < p.second.at; });
  std::erase_if(failures_, [&](const auto& f) {
    return f.second.empty() || f.second.back() <= now - settings_.failureWindow;
  });
  std::erase_if(redeemed_, [&](const auto& r) { return r.second <= now; });
}

Status LoginGuard::admit(std::string_view peer, std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = peers_.find(peer);
  if (it == peers_.end()) {
    if (peers_.size() >= settings_.maxTracked) sweep(now);
    if (peers_.size() >= settings_.maxTracked) {
      return Error(ErrorCode::ResourceExhausted, "auth.rate_limited",
                   "the server is receiving too many logins; try again in a minute");
    }
    it = peers_.emplace(std::string(peer), Bucket{settings_.peerBurst, now}).first;
  }
  if (!take(it->second, now)) {
    return Error(ErrorCode::ResourceExhausted, "auth.rate_limited",
                 "too many login attempts from this address; try again in a minute");
  }
  return okStatus();
}

bool LoginGuard::lockedOut(const crypto::DeviceId& device, std::string_view peer,
                           std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(FailureKey{device, std::string(peer)});
  if (it == failures_.end()) return false;
  auto& times = it->second;
  while (!times.empty() && times.front() <= now - settings_.failureWindow) times.pop_front();
  if (times.empty()) {
    failures_.erase(it);
    return false;
  }
  return static_cast<int>(times.size()) >= settings_.maxFailedSignatures;
}

std::pair<crypto::Bytes, std::int64_t> LoginGuard::issue(const crypto::DeviceId& device,
                                                         std::int64_t now) {
  const std::int64_t expires = now + settings_.challengeLifetime;
  crypto::Bytes c(kExpiresSize);
  putU64(c.data(), static_cast<std::uint64_t>(expires));
  const crypto::Bytes nonce = crypto::randomBytes(kNonceSize);
  c.insert(c.end(), nonce.begin(), nonce.end());
  const crypto::Bytes t = tag(device, c);
  c.insert(c.end(), t.begin(), t.end());
  return {std::move(c), expires};
}

bool LoginGuard::redeem(const crypto::DeviceId& device, crypto::ByteView challenge,
                        std::int64_t now) {
  if (challenge.size() != crypto::kLoginChallengeSize) return false;
  const crypto::ByteView signedPart = challenge.first(kExpiresSize + kNonceSize);
  if (!crypto::constantTimeEqual(tag(device, signedPart), challenge.last(kTagSize))) return false;
  const auto expires = static_cast<std::int64_t>(getU64(challenge.data()));
  if (expires <= now || expires > now + settings_.challengeLifetime) return false;
  std::lock_guard lock(mu_);
  if (redeemed_.size() >= settings_.maxTracked) sweep(now);
  if (redeemed_.size() >= settings_.maxTracked) return false;
  // Single use: a second Login with the same challenge finds it here.
  return redeemed_.emplace(crypto::Bytes(challenge.begin(), challenge.end()), expires).second;
}

void LoginGuard::recordFailedSignature(const crypto::DeviceId& device, std::string_view peer,
                                       std::int64_t now) {
  std::lock_guard lock(mu_);
  FailureKey key{device, std::string(peer)};
  auto it = failures_.find(key);
  if (it == failures_.end()) {
    if (failures_.size() >= settings_.maxTracked) sweep(now);
    // Full of live records: this failure goes uncounted. The lockout only
    // slows a guesser down, and no one guesses an Ed25519 signature.
    if (failures_.size() >= settings_.maxTracked) return;
    it = failures_.emplace(std::move(key), std::deque<std::int64_t>{}).first;
  }
  it->second.push_back(now);
}

std::string peerAddress(std::string_view grpcPeer) {
  // gRPC writes "ipv4:a.b.c.d:port", "ipv6:[addr]:port" (brackets sometimes
  // percent-encoded) or "unix:path".
  if (grpcPeer.starts_with("ipv4:")) {
    const auto colon = grpcPeer.rfind(':');
    if (colon > 4) return std::string(grpcPeer.substr(0, colon));
    return std::string(grpcPeer);
  }
  if (grpcPeer.starts_with("ipv6:")) {
    std::string host(grpcPeer.substr(5));
    for (const std::string_view enc : {"%5B", "%5b", "%5D", "%5d"}) {
      for (auto p = host.find(enc); p != std::string::npos; p = host.find(enc)) {
        host.replace(p, enc.size(), (enc[2] == 'B' || enc[2] == 'b') ? "[" : "]");
      }
    }
    if (host.starts_with('[')) {
      const auto close = host.find(']');
      host = host.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    }
    if (const auto zone = host.find('%'); zone != std::string::npos) host.resize(zone);
    std::array<std::uint8_t, 16> addr{};
    if (::inet_pton(AF_INET6, host.c_str(), addr.data()) != 1) return std::string(grpcPeer);
    // An IPv4 address in IPv6 clothes (::ffff:a.b.c.d) is that IPv4 address.
    if (std::all_of(addr.begin(), addr.begin() + 10, [](std::uint8_t b) { return b == 0; }) &&
        addr[10] == 0xff && addr[11] == 0xff) {
      return "ipv4:" + std::to_string(addr[12]) + "." + std::to_string(addr[13]) + "." +
             std::to_string(addr[14]) + "." + std::to_string(addr[15]);
    }
    std::fill(addr.begin() + 8, addr.end(), 0);  // the /64: one subscriber's prefix
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (::inet_ntop(AF_INET6, addr.data(), text.data(), text.size()) == nullptr) {
      return std::string(grpcPeer);
    }
    return "ipv6:" + std::string(text.data()) + "/64";
  }
  return std::string(grpcPeer);
}

}  // namespace samrad::server::domain
