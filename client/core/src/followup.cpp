#include "samrad/client/followup.h"

#include "samrad/crypto/primitives.h"
#include "samrad/v1/workflow.pb.h"

namespace samrad::client {
namespace {

constexpr const char* kFollowUpKind = "followup";
constexpr std::size_t kMaxText = 16 * 1024;

Error malformed(const std::string& what) {
  return Error(ErrorCode::DataLoss, "followup.malformed", "a follow-up record " + what);
}

template <typename I>
std::string raw(const I& id) {
  return std::string(reinterpret_cast<const char*>(id.view().data()), id.view().size());
}

template <typename I>
Result<I> idOf(const std::string& s, const char* field) {
  auto id = I::fromBytes(crypto::asBytes(s));
  if (!id) {
    return malformed(std::string("has a bad ") + field);
  }
  return *id;
}

// An answer outside the known range reads as "not given": a later version
// of the definitions may add choices this client does not know.
template <typename E>
E choice(std::uint32_t wire, int highest) {
  return wire >= 1 && static_cast<int>(wire) <= highest ? static_cast<E>(wire) : E::NotGiven;
}

}  // namespace

crypto::Bytes FollowUp::serialize() const {
  v1::FollowUpRecord m;
  m.set_case_id(raw(caseId));
  m.set_definitions(definitions);
  m.set_living_situation(static_cast<std::uint32_t>(living));
  m.set_children(children);
  m.set_protected_identity(protectedIdentity);
  m.set_prior_contacts(priorContacts);
  m.set_violence_kinds(violenceKinds);
  m.set_frequency(static_cast<std::uint32_t>(frequency));
  m.set_risk_method(riskMethod);
  m.set_risk_level(static_cast<std::uint32_t>(risk));
  m.set_assessed_at(assessedAt);
  for (const auto& x : measures) {
    auto* out = m.add_measures();
    out->set_agency_id(raw(x.agency));
    out->set_measure(x.measure);
    out->set_started_at(x.startedAt);
  }
  m.set_goals_met(static_cast<std::uint32_t>(goals));
  m.set_violence_after(static_cast<std::uint32_t>(after));
  m.set_own_words(ownWords);
  m.set_followed_up_at(followedUpAt);
  m.set_closure_reason(static_cast<std::uint32_t>(closure));
  m.set_closed_at(closedAt);
  m.set_updated_at(updatedAt);
  std::string out;
  m.SerializeToString(&out);
  return {out.begin(), out.end()};
}

Result<FollowUp> FollowUp::parse(crypto::ByteView bytes) {
  v1::FollowUpRecord m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed("cannot be read");
  }
  FollowUp f;
  SAMRAD_ASSIGN_OR_RETURN(f.caseId, idOf<crypto::CaseId>(m.case_id(), "case id"));
  f.definitions = m.definitions();
  f.living = choice<LivingSituation>(m.living_situation(), 5);
  f.children = m.children();
  f.protectedIdentity = m.protected_identity();
  f.priorContacts = m.prior_contacts();
  f.violenceKinds = m.violence_kinds() & 63U;
  f.frequency = choice<Frequency>(m.frequency(), 4);
  f.riskMethod = m.risk_method();
  f.risk = choice<RiskLevel>(m.risk_level(), 3);
  f.assessedAt = m.assessed_at();
  for (const auto& x : m.measures()) {
    FollowUpMeasure measure;
    SAMRAD_ASSIGN_OR_RETURN(measure.agency, idOf<crypto::AgencyId>(x.agency_id(), "agency"));
    measure.measure = x.measure();
    measure.startedAt = x.started_at();
    f.measures.push_back(std::move(measure));
  }
  f.goals = choice<GoalsMet>(m.goals_met(), 3);
  f.after = choice<ViolenceAfter>(m.violence_after(), 5);
  f.ownWords = m.own_words();
  f.followedUpAt = m.followed_up_at();
  f.closure = choice<ClosureReason>(m.closure_reason(), 5);
  f.closedAt = m.closed_at();
  f.updatedAt = m.updated_at();
  return f;
}

crypto::ObjectId FollowUpBook::objectOf(const crypto::CaseId& caseId) {
  const crypto::Hash h = crypto::sha256({crypto::asBytes("samrad/v1/followup"), caseId.view()});
  return *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

Status FollowUpBook::record(const FollowUp& in, std::int64_t now) {
  if (!cases_.find(in.caseId)) {
    return Error(ErrorCode::NotFound, "followup.case_unknown", "no such case on this device");
  }
  std::size_t text = in.riskMethod.size() + in.ownWords.size();
  for (const auto& m : in.measures) {
    text += m.measure.size();
  }
  if (text > kMaxText || in.measures.size() > 100) {
    return Error(ErrorCode::InvalidArgument, "followup.too_long",
                 "a follow-up holds at most 16 KiB of text and 100 measures");
  }
  const std::int64_t dates[] = {in.assessedAt, in.followedUpAt, in.closedAt};
  for (auto d : dates) {
    if (d < 0 || d > now + 24 * 3600) {
      return Error(ErrorCode::InvalidArgument, "followup.bad_dates",
                   "a follow-up's dates are when things happened, not in the future");
    }
  }
  FollowUp f = in;
  f.definitions = FollowUp::kDefinitions;
  f.updatedAt = now;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(f.caseId));
  return replica_.write(objectOf(f.caseId), kFollowUpKind, f.serialize(), scope);
}

std::optional<FollowUp> FollowUpBook::find(const crypto::CaseId& caseId) {
  auto o = replica_.object(objectOf(caseId));
  if (!o) {
    return std::nullopt;
  }
  auto f = FollowUp::parse(o->plaintext);
  if (!f.ok() || f->caseId != caseId) {
    return std::nullopt;
  }
  return *f;
}

std::vector<FollowUp> FollowUpBook::all() {
  std::vector<FollowUp> out;
  for (const auto& o : replica_.objects(kFollowUpKind)) {
    auto f = FollowUp::parse(o.plaintext);
    if (f.ok() && objectOf(f->caseId) == o.id) {
      out.push_back(std::move(*f));
    }
  }
  return out;
}

}  // namespace samrad::client
