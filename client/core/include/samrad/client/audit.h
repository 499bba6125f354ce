// The audit bundle (docs/audit-bundle.md): what a lawyer takes away to check,
// offline and trusting only public keys, what the transparency log says
// happened in a group over a period — every consent registered, withdrawn or
// expired, every read of a case's content, every membership change — and that
// nothing in that stretch of the log was left out.
//
// export: the log's verifier key, the checkpoint this device verified, every
// log entry in the period as a C2SP tlog-proof with its inclusion proof, the
// certificates and group history needed to check the entries' signatures,
// the agencies' names as this device knows them, the report, a manifest of
// every file's SHA-256 and a signed note by the exporting device over it.
// verify: checks all of it and writes the report; every failure names the
// file and the reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "samrad/client/platform_client.h"
#include "samrad/client/profile.h"
#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"

namespace samrad::client {

class LogMonitor;

struct AuditExportRequest {
  crypto::GroupId group;
  std::int64_t from = 0;  // unix seconds, inclusive
  std::int64_t to = 0;    // unix seconds, exclusive
  std::optional<crypto::CaseId> caseId;
  std::int64_t now = 0;
  // Use the latest checkpoint cosigned by devices of at least this many
  // agencies (0: the checkpoint this device verified last).
  std::size_t witnessedBy = 0;
};

struct AuditExportSummary {
  std::uint64_t first = 0;  // the period's log entries: [first, end)
  std::uint64_t end = 0;
  std::uint64_t logSize = 0;
  std::size_t contextEntries = 0;
  std::size_t files = 0;
};

// Writes the bundle into `dir`, which must not exist yet, signed by
// `device`; `agencyKeys` names the agencies (agencyKeysFile). The checkpoint
// is the one `monitor` verified; the server's entries must lead to its root.
// Reasons: audit.bad_period, audit.exists, audit.empty_log,
// audit.log_mismatch, io.*, and the server's.
Result<AuditExportSummary> exportAuditBundle(PlatformClient& server, const LogMonitor& monitor,
                                             const DeviceIdentity& device,
                                             const std::string& agencyKeys,
                                             const AuditExportRequest& request,
                                             const std::filesystem::path& dir);

struct AuditVerifyOptions {
  // The log's verifier key from a source the lawyer trusts (empty: the
  // bundle's own, and the report says so).
  std::string logKey;
  // Agency roots the lawyer trusts (empty: the bundle's own list).
  std::vector<AgencyKey> trustedAgencies;
  // How many agencies' devices must have cosigned the checkpoint (C2SP
  // tlog-cosignature; their keys are their device certificates, in the log).
  std::size_t requiredCosignatures = 0;
};

struct AuditFailure {
  std::string file;  // relative to the bundle
  std::string reason;
};

struct AuditVerification {
  std::vector<AuditFailure> failures;
  std::string report;  // the report computed from the entries (when they could be read)
  std::size_t entries = 0;
  std::size_t proofs = 0;
  [[nodiscard]] bool ok() const { return failures.empty(); }
};

AuditVerification verifyAuditBundle(const std::filesystem::path& dir,
                                    const AuditVerifyOptions& options);

}  // namespace samrad::client
