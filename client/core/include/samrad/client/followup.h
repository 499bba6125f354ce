// Systematic follow-up of a case ("uppföljning", issue #9): did the support
// help? Variables in four stages — background, before support, during
// support, after support — kept as an encrypted object of the case, shared
// like the case, versioned by the definitions they were answered under.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samrad/client/cases.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"

namespace samrad::client {

enum class LivingSituation { NotGiven = 0, Alone, WithPerpetrator, WithOthers, Sheltered, Other };
enum class Frequency { NotGiven = 0, Once, Monthly, Weekly, Daily };
enum class RiskLevel { NotGiven = 0, Low, Moderate, High };
enum class GoalsMet { NotGiven = 0, Yes, Partly, No };
enum class ViolenceAfter { NotGiven = 0, Stopped, Reduced, Unchanged, Increased, NotKnown };
enum class ClosureReason { NotGiven = 0, GoalsMet, Moved, Declined, ConsentWithdrawn, Other };

// Kinds of violence, as bits.
enum ViolenceKind : std::uint32_t {
  kPhysical = 1,
  kPsychological = 2,
  kSexual = 4,
  kEconomic = 8,
  kDigital = 16,
  kHonour = 32,
};

struct FollowUpMeasure {
  crypto::AgencyId agency;
  std::string measure;
  std::int64_t startedAt = 0;
};

struct FollowUp {
  static constexpr std::uint32_t kDefinitions = 1;

  crypto::CaseId caseId;
  std::uint32_t definitions = kDefinitions;
  LivingSituation living = LivingSituation::NotGiven;
  std::uint32_t children = 0;
  bool protectedIdentity = false;
  std::uint32_t priorContacts = 0;
  std::uint32_t violenceKinds = 0;  // ViolenceKind bits
  Frequency frequency = Frequency::NotGiven;
  std::string riskMethod;
  RiskLevel risk = RiskLevel::NotGiven;
  std::int64_t assessedAt = 0;
  std::vector<FollowUpMeasure> measures;
  GoalsMet goals = GoalsMet::NotGiven;
  ViolenceAfter after = ViolenceAfter::NotGiven;
  std::string ownWords;
  std::int64_t followedUpAt = 0;
  ClosureReason closure = ClosureReason::NotGiven;
  std::int64_t closedAt = 0;
  std::int64_t updatedAt = 0;

  [[nodiscard]] crypto::Bytes serialize() const;
  static Result<FollowUp> parse(crypto::ByteView bytes);  // followup.malformed
};

class FollowUpBook {
 public:
  FollowUpBook(GroupReplica& replica, CaseBook& cases) : replica_(replica), cases_(cases) {}

  // Writes the case's follow-up, shared like the case. Reasons:
  // followup.case_unknown, followup.too_long, followup.bad_dates.
  Status record(const FollowUp& f, std::int64_t now);
  [[nodiscard]] std::optional<FollowUp> find(const crypto::CaseId& caseId);
  [[nodiscard]] std::vector<FollowUp> all();

  static crypto::ObjectId objectOf(const crypto::CaseId& caseId);

 private:
  GroupReplica& replica_;
  CaseBook& cases_;
};

}  // namespace samrad::client
