#include "samrad/server/domain/login_guard.h"

#include <algorithm>
#include <iterator>

#include "samrad/crypto/login.h"

namespace samrad::server::domain {

bool LoginGuard::take(Bucket& b, double burst, double perSecond, std::int64_t now) {
  if (b.tokens < 0) {
    b = {burst, now};
  } else if (now > b.at) {
    b.tokens = std::min(burst, b.tokens + static_cast<double>(now - b.at) * perSecond);
    b.at = now;
  }
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

void LoginGuard::forgetIdle(std::int64_t now) {
  // A peer whose bucket has refilled since its last call is as good as new.
  const auto refill = static_cast<std::int64_t>(settings_.peerBurst / settings_.peerPerSecond) + 1;
  std::erase_if(peers_, [&](const auto& p) { return now - p.second.at >= refill; });
  std::erase_if(failures_, [&](const auto& f) {
    return f.second.empty() || f.second.back() <= now - settings_.failureWindow;
  });
  for (auto it = challenges_.begin(); it != challenges_.end();) {
    std::erase_if(it->second, [&](const Outstanding& o) { return o.expires <= now; });
    it = it->second.empty() ? challenges_.erase(it) : std::next(it);
  }
}

Status LoginGuard::admit(std::string_view peer, std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = peers_.find(peer);
  if (it == peers_.end()) {
    if (peers_.size() >= settings_.maxTracked) forgetIdle(now);
    if (peers_.size() >= settings_.maxTracked) {
      return Error(ErrorCode::ResourceExhausted, "auth.rate_limited",
                   "the server is receiving too many logins; try again in a minute");
    }
    it = peers_.emplace(std::string(peer), Bucket{-1, 0}).first;
  }
  if (!take(it->second, settings_.peerBurst, settings_.peerPerSecond, now)) {
    return Error(ErrorCode::ResourceExhausted, "auth.rate_limited",
                 "too many login attempts from this address; try again in a minute");
  }
  if (!take(global_, settings_.globalBurst, settings_.globalPerSecond, now)) {
    return Error(ErrorCode::ResourceExhausted, "auth.rate_limited",
                 "the server is receiving too many logins; try again in a minute");
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
  Outstanding fresh{crypto::randomBytes(crypto::kLoginChallengeSize),
                    now + settings_.challengeLifetime};
  std::lock_guard lock(mu_);
  // Only enrolled devices get here (the caller checks), so this map is as
  // large as the devices that asked within a challenge's lifetime.
  if (challenges_.size() >= settings_.maxTracked) forgetIdle(now);
  auto& held = challenges_[device];
  std::erase_if(held, [&](const Outstanding& o) { return o.expires <= now; });
  if (held.size() >= settings_.challengesPerDevice) held.erase(held.begin());
  held.push_back(fresh);
  return {std::move(fresh.challenge), fresh.expires};
}

bool LoginGuard::redeem(const crypto::DeviceId& device, crypto::ByteView challenge,
                        std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = challenges_.find(device);
  if (it == challenges_.end()) return false;
  auto& held = it->second;
  bool found = false;
  for (auto o = held.begin(); o != held.end(); ++o) {
    if (crypto::constantTimeEqual(o->challenge, challenge)) {
      found = o->expires > now;
      held.erase(o);
      break;
    }
  }
  if (held.empty()) challenges_.erase(it);
  return found;
}

void LoginGuard::recordFailedSignature(const crypto::DeviceId& device, std::string_view peer,
                                       std::int64_t now) {
  std::lock_guard lock(mu_);
  if (failures_.size() >= settings_.maxTracked) forgetIdle(now);
  failures_[FailureKey{device, std::string(peer)}].push_back(now);
}

std::string peerAddress(std::string_view grpcPeer) {
  // gRPC writes "ipv4:a.b.c.d:port", "ipv6:[addr]:port" or "unix:path".
  if (grpcPeer.starts_with("ipv4:") || grpcPeer.starts_with("ipv6:")) {
    const auto colon = grpcPeer.rfind(':');
    if (colon != std::string_view::npos && colon > 4) return std::string(grpcPeer.substr(0, colon));
  }
  return std::string(grpcPeer);
}

}  // namespace samrad::server::domain
