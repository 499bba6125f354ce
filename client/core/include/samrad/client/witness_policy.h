// The group's witness policy (DESIGN §3, Transparency): how many of the
// group's agencies must cosign the server's log before members rely on it
// without a warning. The coordinator sets it, as a whole-group object only a
// coordinator's device makes count; every member's client checks the newest
// checkpoint that many agencies cosigned — the cosignatures verified against
// the group's own devices — and warns when there is none, or none recent.
#pragma once

#include <cstdint>
#include <optional>

#include "samrad/client/platform_client.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"

namespace samrad::client {

struct WitnessPolicy {
  std::uint32_t agencies = 0;  // 0: no requirement
  std::int64_t setAt = 0;
  crypto::DeviceId setBy;
};

// A cosigned checkpoint older than this is not "recent": devices cosign at
// every sync, so two days without one means the group is not watching.
inline constexpr std::int64_t kWitnessFreshSeconds = 48LL * 3600;

struct WitnessCheck {
  std::uint32_t required = 0;
  // The group's agencies that cosigned the newest checkpoint that met the
  // policy, as this device verified them (0 when none did).
  std::uint32_t agencies = 0;
  std::uint64_t size = 0;     // that checkpoint's tree size
  std::int64_t newestAt = 0;  // its newest cosignature by the group's devices
  bool ok = true;             // met, and recent
};

// Reasons: witness.not_coordinator, witness.bad_policy (more agencies than
// the group has).
Status setWitnessPolicy(GroupReplica& replica, const crypto::DeviceId& me, std::uint32_t agencies,
                        std::int64_t now);
// The policy in force: the newest version a coordinator's device wrote.
std::optional<WitnessPolicy> witnessPolicy(GroupReplica& replica);
// Checks the server's newest checkpoint cosigned by `policy.agencies`
// agencies against the log key this device pinned and the group's devices.
// Reasons: verify.checkpoint_signature, verify.cosignature, rpc.*.
Result<WitnessCheck> checkWitnesses(GroupReplica& replica, PlatformClient& server,
                                    const WitnessPolicy& policy, std::int64_t now);

}  // namespace samrad::client
