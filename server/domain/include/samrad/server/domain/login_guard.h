// Login's defences against strangers on the network, in memory.
//
// What it defends against (issue: "anyone can lock a device out"): before,
// five junk Login calls from anywhere kept any device out for good (a junk
// challenge counted as a failed login), a junk Login also used up the
// device's one outstanding challenge, and every GetChallenge cost an fsync.
// Now:
//  * a challenge is stateless: the server's MAC over the device, an expiry and
//    a nonce. The server keeps nothing per device until a challenge is
//    redeemed, so nobody can spend or crowd out another's challenge by asking
//    for challenges of their own; a redeemed one is remembered until it
//    expires, so each works once;
//  * only a real failed signature (on a challenge the server issued) counts,
//    and it counts against the device *from that network address*: a
//    stranger elsewhere cannot lock the device out;
//  * every address (an IPv6 /64 counts as one) has a budget of GetChallenge
//    and Login calls (a token bucket), and what the guard remembers is
//    bounded, so a flood costs bounded CPU and memory;
//  * nothing is written to disk: a restart forgets it all (and the MAC key),
//    and a client simply asks for a new challenge.
// There is deliberately no budget shared by all callers: a flood from many
// addresses would spend it and lock every device out, the very attack this
// guards against. What the server as a whole spends is bounded by the
// addresses' budgets, the remembered-state cap and the worker pool.
// Thread-safe; its own lock, no rules of the domain beyond these.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"
#include "samrad/crypto/secure.h"

namespace samrad::server::domain {

struct LoginGuardSettings {
  std::int64_t challengeLifetime = 60;  // seconds
  int maxFailedSignatures = 5;          // per device and address, within the window
  std::int64_t failureWindow = 300;     // seconds
  // Calls (GetChallenge and Login) per network address: a burst, then a
  // steady rate. Generous, because a municipality's whole office may share
  // one address behind its firewall.
  double peerBurst = 600;
  double peerPerSecond = 20;
  // Most addresses, (device, address) failure records and redeemed
  // challenges remembered at once. When full, what has expired or refilled
  // goes first (at most one sweep a second); past that a new address is
  // refused, a failure goes uncounted, a challenge cannot be redeemed.
  std::size_t maxTracked = 100000;
};

class LoginGuard {
 public:
  explicit LoginGuard(LoginGuardSettings settings = {});

  // Spends one call of `peer`'s budget; RESOURCE_EXHAUSTED "auth.rate_limited"
  // when it is empty. First thing on every GetChallenge and Login.
  [[nodiscard]] Status admit(std::string_view peer, std::int64_t now);
  // True while `device` has had too many failed signatures from `peer`.
  [[nodiscard]] bool lockedOut(const crypto::DeviceId& device, std::string_view peer,
                               std::int64_t now);
  // A fresh challenge for `device` and when it expires.
  [[nodiscard]] std::pair<crypto::Bytes, std::int64_t> issue(const crypto::DeviceId& device,
                                                             std::int64_t now);
  // True, once, for a challenge this guard issued to `device` that has not
  // expired.
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
  using FailureKey = std::pair<crypto::DeviceId, std::string>;

  [[nodiscard]] crypto::Bytes tag(const crypto::DeviceId& device, crypto::ByteView expiresAndNonce);
  bool take(Bucket& b, std::int64_t now) const;
  // Under mu_: forgets what has expired or refilled, at most once a second.
  void sweep(std::int64_t now);

  const LoginGuardSettings settings_;
  const crypto::SecretBytes macKey_;  // this process's; a restart makes a new one
  std::mutex mu_;
  std::int64_t lastSweep_ = 0;
  std::map<std::string, Bucket, std::less<>> peers_;
  std::map<FailureKey, std::deque<std::int64_t>> failures_;
  std::map<crypto::Bytes, std::int64_t> redeemed_;  // challenge → its expiry
};

// The network address of a gRPC peer string without its port, an IPv6
// address reduced to its /64 (one subscriber's whole prefix is one caller):
// "ipv4:192.0.2.7:53211" → "ipv4:192.0.2.7",
// "ipv6:[2001:db8:1:2:3::9]:4711" → "ipv6:2001:db8:1:2::/64".
[[nodiscard]] std::string peerAddress(std::string_view grpcPeer);

}  // namespace samrad::server::domain
