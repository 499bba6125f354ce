// Network input: platform requests as the services decode them. The first byte
// picks a request type, the rest is that protobuf message; the fields go to
// the domain layer exactly as the handlers pass them, as a logged-in member of
// a real group on a real (temporary) SQLCipher store.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "../common/fixtures.h"
#include "../common/fuzz_target.h"
#include "samrad/common/log.h"
#include "samrad/server/domain/platform.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/v1/advice.pb.h"
#include "samrad/v1/auth.pb.h"
#include "samrad/v1/cases.pb.h"
#include "samrad/v1/consent.pb.h"
#include "samrad/v1/enrollment.pb.h"
#include "samrad/v1/groups.pb.h"
#include "samrad/v1/log.pb.h"
#include "samrad/v1/objects.pb.h"

namespace {

using namespace samrad;

class FixedClock final : public server::domain::Clock {
 public:
  [[nodiscard]] std::int64_t now() const override { return fuzz::kTime; }
};

// The log a request names: the world's group, the directory or the legacy
// log (an unknown group id would only be refused before the domain).
crypto::LogId logOf(const v1::LogSelector& sel, const crypto::GroupId& group) {
  if (sel.legacy()) return crypto::LogId::legacy();
  if (sel.group_id().empty()) return crypto::LogId::directory();
  return crypto::LogId::ofGroup(group);
}

struct World {
  std::filesystem::path dir;
  std::unique_ptr<server::storage::ServerStore> serverStore;
  std::unique_ptr<server::storage::SqlStore> store;
  FixedClock clock;
  std::unique_ptr<server::domain::Platform> platform;
  server::domain::Caller caller;
  server::domain::Caller requester;  // an external requester the group allowed
  crypto::GroupId group;
  crypto::ObjectId request;  // an advice request waiting for its answer

  World() {
    log::init(log::Format::Text, log::Level::Error);
    char templ[] = "/tmp/samrad-fuzz-XXXXXX";
    dir = mkdtemp(templ);
    serverStore = std::move(server::storage::ServerStore::open(dir)).value();
    store = std::make_unique<server::storage::SqlStore>(serverStore->database());
    platform = std::make_unique<server::domain::Platform>(
        *store, clock, crypto::randomBytes(16), crypto::sha256(crypto::asBytes("op")),
        crypto::SigningKeyPair::generate(), "fuzz.log");
    (void)store->insertAgency({fuzz::agency(), 2, fuzz::key(0x01).publicKey()});
    // The golden coordinator: user 0x11, device 0x12 with signing seed 0x03.
    const crypto::UserCertificate uc = fuzz::user();
    const crypto::DeviceId device = *crypto::DeviceId::fromBytes(fuzz::filled(0x12, 16));
    const crypto::Envelope userCert = crypto::issueUserCertificate(fuzz::key(0x01), uc);
    const crypto::Envelope devCert = crypto::issueDeviceCertificate(
        fuzz::key(0x02),
        {device, uc.user, fuzz::key(0x03).publicKey(), crypto::BoxKeyPair::generate().publicKey(),
         fuzz::kTime - 100, fuzz::kTime + 100});
    caller = {device, uc.user, uc.agency, crypto::UserRole::Member};
    group = *crypto::GroupId::fromBytes(fuzz::filled(0x13, 16));
    crypto::MembershipChain chain(fuzz::roots(), {});
    auto genesis = chain.makeLink(
        group, crypto::OpCreate{{{userCert, crypto::GroupRole::Coordinator, {devCert}}}},
        fuzz::kTime, fuzz::key(0x03), device);
    if (!genesis.ok() || !platform->createGroup(caller, genesis->serialize()).ok()) std::abort();
    // Advice: an intake key, an allowed requester and one request from them.
    requester = {*crypto::DeviceId::fromBytes(fuzz::filled(0x32, 16)),
                 *crypto::UserId::fromBytes(fuzz::filled(0x31, 16)), uc.agency,
                 crypto::UserRole::External};
    request = *crypto::ObjectId::fromBytes(fuzz::filled(0x33, 16));
    server::domain::AdviceRecord waiting;
    waiting.group = group;
    waiting.id = request;
    waiting.requesterUser = requester.user;
    waiting.requesterDevice = requester.device;
    waiting.question = crypto::Bytes(200, 0x44);
    waiting.submittedAt = waiting.statusAt = fuzz::kTime;
    if (!store->putIntakeKey(group, {crypto::Bytes(100, 0x45), device, fuzz::kTime}).ok() ||
        !store->setRequester(group, requester.user, true, fuzz::kTime).ok() ||
        !store->putAdvice(waiting).ok()) {
      std::abort();
    }
  }
  ~World() {
    platform.reset();
    store.reset();
    serverStore.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

World& world() {
  static World w;
  return w;
}

crypto::Bytes bytes(const std::string& s) {
  return {s.begin(), s.end()};
}

template <typename I>
std::optional<I> id(const std::string& s) {
  auto r = I::fromBytes(crypto::asBytes(s));
  if (!r) return std::nullopt;
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  World& w = world();
  const std::uint8_t selector = data[0] % 20;
  const void* body = data + 1;
  const int len = static_cast<int>(size - 1);
  switch (selector) {
    case 0: {
      v1::PutObjectRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto oid = id<crypto::ObjectId>(r.object_id());
      if (!oid) return 0;
      server::domain::AccessSpec access;
      access.caseId = id<crypto::CaseId>(r.case_id());
      (void)w.platform->putObject(w.caller, w.group, *oid, r.expected_version(), bytes(r.object()),
                                  access);
      break;
    }
    case 1: {
      v1::AppendLinkRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->appendLink(w.caller, w.group, bytes(r.link()));
      break;
    }
    case 2: {
      v1::CreateGroupRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->createGroup(w.caller, bytes(r.genesis_link()));
      break;
    }
    case 3: {
      v1::RegisterUserRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->registerUser(w.caller, bytes(r.user_certificate()));
      break;
    }
    case 4: {
      v1::EnrollDeviceRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->enrollDevice(r.enrollment_code(), bytes(r.device_certificate()));
      break;
    }
    case 5: {
      v1::PutEpochKeysRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->putEpochKeys(w.caller, w.group, bytes(r.bundle()));
      break;
    }
    case 6: {
      v1::GetObjectRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto oid = id<crypto::ObjectId>(r.object_id());
      if (oid) (void)w.platform->getObject(w.caller, w.group, *oid, r.version());
      break;
    }
    case 8: {
      v1::RegisterConsentRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto cid = id<crypto::CaseId>(r.case_id());
      auto record = id<crypto::ObjectId>(r.record_object_id());
      if (!cid || !record) return 0;
      server::domain::ConsentSpec spec{*cid, {}, r.valid_from(), r.valid_until(), *record, {}};
      spec.formAttachment = id<crypto::ObjectId>(r.form_attachment_id());
      for (const auto& a : r.recipient_agencies()) {
        auto aid = id<crypto::AgencyId>(a);
        if (!aid) return 0;
        spec.recipients.push_back(*aid);
      }
      (void)w.platform->registerConsent(w.caller, w.group, spec);
      break;
    }
    case 9: {
      v1::WithdrawConsentRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto cid = id<crypto::CaseId>(r.case_id());
      if (cid) (void)w.platform->withdrawConsent(w.caller, w.group, *cid);
      break;
    }
    case 10: {
      v1::ListConsentsRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto after = id<crypto::CaseId>(r.page().page_token());
      (void)w.platform->listConsents(w.caller, w.group, after ? &*after : nullptr,
                                     r.page().page_size());
      (void)w.platform->expireConsents();
      break;
    }
    case 11: {
      v1::RegisterReferralRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto cid = id<crypto::CaseId>(r.case_id());
      crypto::Hash tag;
      if (!cid || r.person_tag().size() != tag.bytes.size()) return 0;
      std::copy(r.person_tag().begin(), r.person_tag().end(), tag.bytes.begin());
      (void)w.platform->registerReferral(w.caller, w.group, *cid, tag, r.generation());
      (void)w.platform->listRepeatReferrals(w.caller, w.group);
      break;
    }
    case 19: {
      v1::RotatePersonTagsRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->rotatePersonTags(w.caller, w.group, r.to_generation(),
                                         crypto::asBytes(r.delta()));
      (void)w.platform->listRepeatReferrals(w.caller, w.group);
      break;
    }
    case 12: {
      v1::SubmitAdviceRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto rid = id<crypto::ObjectId>(r.request_id());
      if (rid)
        (void)w.platform->submitAdvice(w.requester, w.group, *rid, bytes(r.sealed_question()));
      (void)w.platform->listAdvice(w.requester, w.group, nullptr, 10);
      break;
    }
    case 13: {
      v1::AnswerAdviceRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      // Always at the waiting request: the answer's shape is what is tested.
      (void)w.platform->answerAdvice(w.caller, w.group, w.request, bytes(r.answer()));
      break;
    }
    case 14: {
      v1::SetIntakeKeyRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->setIntakeKey(w.caller, w.group, bytes(r.intake()));
      break;
    }
    case 15: {
      v1::SetRetentionPolicyRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      (void)w.platform->setRetentionPolicy(w.caller, w.group,
                                           {r.policy().deidentified_case_months(),
                                            r.policy().consented_case_months(),
                                            r.policy().consent_record_years(),
                                            0,
                                            {}});
      (void)w.platform->applyRetention();
      break;
    }
    case 16: {
      v1::ShareCaseRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto cid = id<crypto::CaseId>(r.case_id());
      if (!cid) return 0;
      std::vector<crypto::DeviceId> devices;
      for (const auto& d : r.device_ids()) {
        auto did = id<crypto::DeviceId>(d);
        if (!did) return 0;
        devices.push_back(*did);
      }
      (void)w.platform->shareCase(w.caller, w.group, *cid, devices);
      break;
    }
    case 17: {
      v1::AddCosignatureRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      const crypto::LogId log = logOf(r.log(), w.group);
      (void)w.platform->witnessCheckpoint(w.caller, log);  // puts one up for witnessing
      (void)w.platform->addCosignature(w.caller, log, r.size(), crypto::asBytes(r.cosignature()));
      break;
    }
    case 18: {
      // The log's read requests: numbers from the network.
      v1::GetConsistencyProofRequest c;
      if (c.ParseFromArray(body, len)) {
        (void)w.platform->consistencyProof(w.caller, logOf(c.log(), w.group), c.first_size(),
                                           c.second_size());
      }
      v1::GetInclusionProofRequest i;
      if (i.ParseFromArray(body, len)) {
        (void)w.platform->inclusionProof(w.caller, logOf(i.log(), w.group), i.index(),
                                         i.tree_size());
      }
      v1::GetLogEntriesRequest e;
      if (e.ParseFromArray(body, len)) {
        (void)w.platform->logEntries(w.caller, logOf(e.log(), w.group), e.start(), e.count());
      }
      v1::GetWitnessedCheckpointRequest wc;
      if (wc.ParseFromArray(body, len)) {
        (void)w.platform->witnessedCheckpoint(w.caller, logOf(wc.log(), w.group),
                                              wc.min_agencies());
      }
      break;
    }
    default: {
      v1::LoginRequest r;
      if (!r.ParseFromArray(body, len)) return 0;
      auto did = id<crypto::DeviceId>(r.device_id());
      if (did) {
        // The network address as gRPC names it; the fuzzed login cannot choose it.
        (void)w.platform->challenge(*did, "ipv4:127.0.0.1");
        (void)w.platform->login(*did, bytes(r.challenge()), bytes(r.signature()), "ipv4:127.0.0.1");
      }
      break;
    }
  }
  return 0;
}
