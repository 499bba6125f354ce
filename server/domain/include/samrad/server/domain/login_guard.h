// Login's defences against strangers on the network, in memory.
//
// What it defends against (issue: "anyone can lock a device out"): before,
// five junk Login calls from anywhere kept any device out for good (a junk
// challenge counted as a failed login), a junk Login also used up the
// device's one outstanding challenge, and every GetChallenge cost an fsync.
// Now:
//  * a device may hold a few outstanding challenges; a Login redeems only the
//    one it names, so nobody else's call can spend it;
//  * only a real failed signature (on a challenge the server issued) counts,
//    and it counts against the device *from that network peer*: a stranger
//    elsewhere cannot lock the device out;
//  * every peer and the server as a whole have a budget of GetChallenge and
//    Login calls (token buckets), so a flood costs bounded CPU and memory;
//  * challenges live in memory: a restart forgets them and the client asks
//    again, so issuing one writes nothing to disk.
// Thread-safe; its own lock, no rules of the domain beyond these.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"
#include "samrad/crypto/secure.h"

namespace samrad::server::domain {

struct LoginGuardSettings {
  std::size_t challengesPerDevice = 4;  // the oldest goes when a fifth is issued
  std::int64_t challengeLifetime = 60;  // seconds
  int maxFailedSignatures = 5;          // per device and peer, within the window
  std::int64_t failureWindow = 300;     // seconds
  // Calls (GetChallenge and Login) per network address: a burst, then a
  // steady rate. Generous, because a municipality's whole office may share
  // one address behind its firewall.
  double peerBurst = 600;
  double peerPerSecond = 20;
  // All calls together: bounds the signature checks a flood can cause.
  double globalBurst = 4000;
  double globalPerSecond = 2000;
  // Past this many remembered peers or (device, peer) pairs, idle ones are
  // forgotten first; what cannot be forgotten is refused.
  std::size_t maxTracked = 100000;
};

class LoginGuard {
 public:
  explicit LoginGuard(LoginGuardSettings settings = {}) : settings_(settings) {}

  // Spends one call of `peer`'s budget and of the global one; RESOURCE_EXHAUSTED
  // "auth.rate_limited" when either is empty. First thing on every GetChallenge
  // and Login.
  [[nodiscard]] Status admit(std::string_view peer, std::int64_t now);
  // True while `device` has had too many failed signatures from `peer`.
  [[nodiscard]] bool lockedOut(const crypto::DeviceId& device, std::string_view peer,
                               std::int64_t now);
  // A fresh challenge for `device` and when it expires.
  [[nodiscard]] std::pair<crypto::Bytes, std::int64_t> issue(const crypto::DeviceId& device,
                                                             std::int64_t now);
  // Takes the challenge if `device` holds it unexpired; single use.
  [[nodiscard]] bool redeem(const crypto::DeviceId& device, crypto::ByteView challenge,
                            std::int64_t now);
  void recordFailedSignature(const crypto::DeviceId& device, std::string_view peer,
                             std::int64_t now);

  [[nodiscard]] const LoginGuardSettings& settings() const { return settings_; }

 private:
  struct Bucket {
    double tokens = 0;
    std::int64_t at = 0;
  };
  struct Outstanding {
    crypto::Bytes challenge;
    std::int64_t expires = 0;
  };
  using FailureKey = std::pair<crypto::DeviceId, std::string>;

  static bool take(Bucket& b, double burst, double perSecond, std::int64_t now);
  void forgetIdle(std::int64_t now);

  const LoginGuardSettings settings_;
  std::mutex mu_;
  Bucket global_{-1, 0};  // tokens < 0: not started yet
  std::map<std::string, Bucket, std::less<>> peers_;
  std::map<crypto::DeviceId, std::vector<Outstanding>> challenges_;
  std::map<FailureKey, std::deque<std::int64_t>> failures_;
};

// The network address of a gRPC peer string without its port
// ("ipv4:192.0.2.7:53211" → "ipv4:192.0.2.7", "ipv6:[::1]:4711" → "ipv6:[::1]"):
// a client gets a new port on every connection, not a new address.
[[nodiscard]] std::string peerAddress(std::string_view grpcPeer);

}  // namespace samrad::server::domain
