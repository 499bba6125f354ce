// Consent against the real server and real clients (DESIGN §2): a consented
// case is shared only with the agencies its consent names, the server holds
// every write to that scope, and a withdrawal takes effect at once — every
// device outside the referring agency loses the case, the server deletes
// their key boxes, the audit log records it, and the case leaves the agenda.
// Expiry is enforced on reads before the server's sweep runs, and by the
// sweep after a restart.
#include "samrad/client/consent.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "replica_fixture.h"
#include "samrad/client/cases.h"
#include "samrad/client/pseudonym_store.h"
#include "samrad/v1/log.pb.h"

namespace samrad::platform_testing {
namespace {

constexpr const char* kBrief = "MARKER-Brief Kvinna 40 år, hot via sms från f.d. sambo.";
constexpr const char* kPurpose = "MARKER-Purpose samordnad skyddsplanering";
constexpr const char* kScan = "%PDF-1.4 MARKER-Scan Samtyckesblankett, underskriven av Sara L.";

class Consent : public Replica {
 protected:
  // A police officer refers; a police colleague, a social worker, a nurse
  // and the coordinator (social services) are members.
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    colleague_ = identity(police_, crypto::UserRole::Member);
    worker_ = identity(social_, crypto::UserRole::Member);
    nurseId_ = identity(health_, crypto::UserRole::Member);
    clients_["coord"] = enrol(social_, coord_);
    clients_["officer"] = enrol(police_, officer_);
    clients_["colleague"] = enrol(police_, colleague_);
    clients_["worker"] = enrol(social_, worker_);
    clients_["nurse"] = enrol(health_, nurseId_);
    const auto epochKey = crypto::SecretBytes::random(32);
    startGroup(coord_, *clients_["coord"], {&officer_, &colleague_, &worker_, &nurseId_},
               &epochKey);
    const std::pair<const char*, client::DeviceIdentity*> people[] = {{"coord", &coord_},
                                                                      {"officer", &officer_},
                                                                      {"colleague", &colleague_},
                                                                      {"worker", &worker_},
                                                                      {"nurse", &nurseId_}};
    for (const auto& [name, id] : people) {
      ASSERT_NO_FATAL_FAILURE(openReplica(name, *id, *clients_[name]));
    }
  }

  client::GroupReplica& rep(const std::string& who) { return *replicas_.at(who); }
  client::PlatformClient& cli(const std::string& who) { return *clients_.at(who); }

  client::ConsentForm form(const crypto::CaseId& id, std::int64_t now) const {
    client::ConsentForm f;
    f.caseId = id;
    f.oslWaiver = "OSL 12 kap. 2 §: samtycke till att uppgifter lämnas till socialtjänsten";
    f.gdprBasis = "GDPR art. 6.1 e och art. 9.2 g, myndighetsutövning";
    f.recipients = {social_.id};
    f.categories = {"brott", "social situation"};
    f.purpose = kPurpose;
    f.validFrom = now - 60;
    f.validUntil = now + 180 * 24 * 3600;
    f.method = client::ConsentMethod::OralWithWitness;
    f.witness = "Kim Berg, polisassistent";
    f.formTemplate = "Samtycke Norrsken";
    f.formVersion = "3";
    f.formTextHash = crypto::sha256(crypto::asBytes("Samtyckesblankett, version 3"));
    return f;
  }

  client::DeviceIdentity coord_, officer_, colleague_, worker_, nurseId_;
  std::map<std::string, std::unique_ptr<client::PlatformClient>> clients_;
};

TEST_F(Consent, AWithdrawalTakesTheCaseFromEveryOtherAgencyAtOnce) {
  const std::int64_t now = nowSeconds();
  client::CaseBook officerCases(rep("officer"), police_.id, officer_.user);
  client::ConsentBook officerConsents(rep("officer"), officerCases, cli("officer"), police_.id,
                                      officer_.user);

  // A consented case must say whom it is shared with.
  client::Referral referral{"NRS-2026-021",
                            client::CaseKind::Consented,
                            client::Urgency::Planned,
                            false,
                            kBrief,
                            {},
                            now,
                            {},
                            {}};
  EXPECT_EQ(officerCases.refer(referral).error().reason(), "case.scope_required");
  referral.sharedWith = {social_.id};
  auto referred = officerCases.refer(referral);
  ASSERT_TRUE(referred.ok()) << referred.error().describe();
  const crypto::CaseId caseId = referred->id;

  // Refusals that name what is missing, before anything reaches the server.
  auto f = form(caseId, now);
  f.witness.clear();
  EXPECT_EQ(officerConsents.registerConsent(f, now).error().reason(), "consent.witness_required");
  f = form(caseId, now);
  f.gdprBasis = " ";
  EXPECT_EQ(officerConsents.registerConsent(f, now).error().reason(),
            "consent.gdpr_basis_required");
  f = form(caseId, now);
  f.recipients = {social_.id, health_.id};
  EXPECT_EQ(officerConsents.registerConsent(f, now).error().reason(), "consent.scope_mismatch");
  f = form(caseId, now);
  f.validUntil = f.validFrom - 1;
  EXPECT_EQ(officerConsents.registerConsent(f, now).error().reason(), "consent.bad_validity");
  f.validUntil = now - 1;
  EXPECT_EQ(officerConsents.registerConsent(f, now).error().reason(), "consent.expired");
  f = form(caseId, now);
  f.validFrom = now + 2 * 24 * 3600;
  EXPECT_EQ(officerConsents.registerConsent(f, now).error().reason(), "consent.not_yet_valid");

  // The signed form, scanned, goes up encrypted for the case's devices only.
  // A multi-page scan goes up in segments, and the person sees the progress.
  const std::string bigScan = std::string(kScan) + std::string(700 * 1024, '.');
  std::istringstream scan{bigScan};
  std::vector<std::pair<std::uint64_t, std::uint64_t>> steps;
  auto withScan = officerConsents.attachScannedForm(
      form(caseId, now), scan,
      [&](std::uint64_t sent, std::uint64_t total) { steps.emplace_back(sent, total); });
  ASSERT_TRUE(withScan.ok()) << withScan.error().describe();
  ASSERT_GE(steps.size(), 3U);
  EXPECT_LT(steps.front().first, steps.front().second);
  EXPECT_EQ(steps.back().first, steps.back().second);
  EXPECT_GT(steps.back().second, bigScan.size());  // the ciphertext, a little larger
  auto registered = officerConsents.registerConsent(*withScan, now);
  ASSERT_TRUE(registered.ok()) << registered.error().describe();
  auto onServer = cli("officer").getConsent(group_, caseId);
  ASSERT_TRUE(onServer.ok()) << onServer.error().describe();
  EXPECT_EQ(onServer->status, client::ConsentState::Active);
  EXPECT_EQ(onServer->referringAgency, police_.id);
  EXPECT_EQ(onServer->recipients, std::vector<crypto::AgencyId>{social_.id});
  // Registering twice is refused by the device and by the server.
  EXPECT_EQ(officerConsents.registerConsent(form(caseId, now), now).error().reason(),
            "consent.exists");
  EXPECT_EQ(cli("officer")
                .registerConsent(group_, caseId, {social_.id}, now, now + 3600,
                                 client::ConsentBook::objectOf(caseId))
                .error()
                .reason(),
            "consent.exists");
  // Another agency cannot register the consent of a case it did not refer.
  EXPECT_EQ(cli("worker")
                .registerConsent(group_, caseId, {police_.id}, now, now + 3600,
                                 client::ConsentBook::objectOf(caseId))
                .error()
                .reason(),
            "consent.not_referring_agency");

  // Within scope: the social worker reads the case and the consent record.
  ASSERT_TRUE(rep("worker").pull(cli("worker"), 300ms).ok());
  client::CaseBook workerCases(rep("worker"), social_.id, worker_.user);
  client::ConsentBook workerConsents(rep("worker"), workerCases, cli("worker"), social_.id,
                                     worker_.user);
  ASSERT_TRUE(workerCases.find(caseId).has_value());
  EXPECT_EQ(workerCases.find(caseId)->brief, kBrief);
  ASSERT_TRUE(workerConsents.find(caseId).has_value());
  EXPECT_EQ(workerConsents.find(caseId)->form.purpose, kPurpose);
  // A pseudonym book kept under the case key on this device (as the
  // referring agency's devices keep theirs): it must go when the case does.
  {
    client::PseudonymStore books(stores_["worker"]->database());
    auto book = books.load(group_, caseId);
    ASSERT_TRUE(book.ok()) << book.error().describe();
    deid::Finding name;
    name.type = deid::FindingType::Name;
    name.text = "Kim Berg";
    EXPECT_EQ(book->pseudonymFor(name), "Person A");
    ASSERT_TRUE(books.save(group_, caseId, *book).ok());
  }
  std::ostringstream scanned;
  ASSERT_TRUE(workerConsents.scannedForm(caseId, scanned).ok());
  EXPECT_EQ(scanned.str(), bigScan);
  EXPECT_EQ(cli("nurse").downloadAttachment(group_, *withScan->scannedForm).error().code(),
            ErrorCode::PermissionDenied);
  // Out of scope: healthcare is not named; its device gets neither.
  ASSERT_TRUE(rep("nurse").pull(cli("nurse"), 300ms).ok());
  EXPECT_FALSE(rep("nurse").object(client::CaseBook::objectOf(caseId)).has_value());
  EXPECT_EQ(cli("nurse").getObject(group_, client::CaseBook::objectOf(caseId)).error().code(),
            ErrorCode::PermissionDenied);

  // The server holds every later write to the consent's scope: an edit
  // shared with the nurse is refused and kept, with the reason, for the
  // person to see; the outbox goes on.
  const crypto::ObjectId note = crypto::ObjectId::random();
  ASSERT_TRUE(rep("officer")
                  .write(note, "case-note", crypto::asBytes("anteckning"),
                         client::CaseScope{caseId, {officer_.device, nurseId_.device}})
                  .ok());
  ASSERT_TRUE(officerCases.setStatus(caseId, client::CaseStatus::OnAgenda, now).ok());
  auto pushed = rep("officer").push(cli("officer"));
  ASSERT_TRUE(pushed.ok()) << pushed.error().describe();
  EXPECT_EQ(pushed->refused, 1U);
  EXPECT_EQ(pushed->sent, 1U);
  auto conflicts = rep("officer").conflicts();
  ASSERT_EQ(conflicts.size(), 1U);
  EXPECT_EQ(conflicts[0].refusedReason, "consent.out_of_scope");
  ASSERT_TRUE(rep("officer").discardConflict(note).ok());

  // The person's receipt says what, with whom, until when, how to withdraw.
  const std::map<crypto::AgencyId, std::string> names{{social_.id, "Socialtjänsten Norrby"}};
  const std::string receipt =
      client::consentReceipt(*registered, "NRS-2026-021", names, "Polisen, lokalpolisområde Norrby",
                             "telefon 114 14", client::Language::Swedish);
  for (const char* expected :
       {"KVITTO PÅ SAMTYCKE", "NRS-2026-021", "Socialtjänsten Norrby", "Kim Berg",
        "OSL 12 kap. 2 §", "GDPR art. 6.1 e", "inte den rättsliga grunden",
        "återkalla ditt samtycke", "telefon 114 14", "Samtycke Norrsken, version 3"}) {
    EXPECT_NE(receipt.find(expected), std::string::npos) << expected << "\n" << receipt;
  }
  EXPECT_NE(receipt.find(client::isoDate(now + 180 * 24 * 3600)), std::string::npos);
  const std::string english = client::consentReceipt(*registered, "NRS-2026-021", names, "Police",
                                                     "", client::Language::English);
  EXPECT_NE(english.find("You may withdraw your consent at any time"), std::string::npos);
  // The record keeps the template's category by code ("brott" was typed),
  // the member's own as written; each receipt reads in its own language.
  EXPECT_EQ(registered->form.categories, (std::vector<std::string>{"crime", "social situation"}));
  EXPECT_NE(receipt.find("Vilka uppgifter: brott, social situation"), std::string::npos) << receipt;
  EXPECT_NE(english.find("Which information: crime, social situation"), std::string::npos)
      << english;

  // Only the referring agency withdraws.
  EXPECT_EQ(
      workerConsents.withdraw(caseId, client::ConsentMethod::Written, "", now).error().reason(),
      "consent.not_referring_agency");

  // Withdrawal.
  auto withdrawn = officerConsents.withdraw(caseId, client::ConsentMethod::Written,
                                            "Återkallat vid besök", now + 10);
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().describe();
  EXPECT_GE(withdrawn->deleted, 1U);   // social services' key boxes
  EXPECT_GE(withdrawn->narrowed, 2U);  // the case and its consent record
  EXPECT_EQ(officerConsents.withdraw(caseId, client::ConsentMethod::Written, "", now + 20)
                .error()
                .reason(),
            "consent.already_withdrawn");
  auto ended = cli("colleague").getConsent(group_, caseId);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(ended->status, client::ConsentState::Withdrawn);
  EXPECT_EQ(ended->endedBy, officer_.device);

  // The social worker's device drops the case, its record and its key.
  ASSERT_TRUE(rep("worker").pull(cli("worker"), 300ms).ok());
  EXPECT_FALSE(workerCases.find(caseId).has_value());
  EXPECT_FALSE(workerConsents.find(caseId).has_value());
  auto keys = stores_["worker"]->database().prepare(
      "SELECT count(*) FROM replica_case_keys WHERE case_id = ?1");
  ASSERT_TRUE(keys.ok());
  keys->bindBlob(1, caseId.view());
  ASSERT_TRUE(*keys->step());
  EXPECT_EQ(keys->columnInt(0), 0);
  // … and the case's pseudonym book with it.
  auto books = stores_["worker"]->database().prepare(
      "SELECT count(*) FROM deid_pseudonyms WHERE case_id = ?1");
  ASSERT_TRUE(books.ok());
  books->bindBlob(1, caseId.view());
  ASSERT_TRUE(*books->step());
  EXPECT_EQ(books->columnInt(0), 0);
  for (const auto& id :
       {client::CaseBook::objectOf(caseId), client::ConsentBook::objectOf(caseId)}) {
    auto refused = cli("worker").getObject(group_, id);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code(), ErrorCode::PermissionDenied);
  }
  EXPECT_EQ(cli("worker").downloadAttachment(group_, *withScan->scannedForm).error().code(),
            ErrorCode::PermissionDenied);
  // The coordinator is of social services too: no exception for the role.
  ASSERT_TRUE(rep("coord").pull(cli("coord"), 300ms).ok());
  EXPECT_FALSE(rep("coord").object(client::CaseBook::objectOf(caseId)).has_value());

  // The referring agency keeps it, marked, and off the agenda.
  ASSERT_TRUE(rep("colleague").pull(cli("colleague"), 300ms).ok());
  client::CaseBook colleagueCases(rep("colleague"), police_.id, colleague_.user);
  client::ConsentBook colleagueConsents(rep("colleague"), colleagueCases, cli("colleague"),
                                        police_.id, colleague_.user);
  auto kept = colleagueCases.find(caseId);
  ASSERT_TRUE(kept.has_value());
  EXPECT_TRUE(kept->consentEnded);
  EXPECT_EQ(kept->brief, kBrief);
  ASSERT_TRUE(colleagueConsents.find(caseId).has_value());
  EXPECT_TRUE(colleagueConsents.find(caseId)->withdrawn());
  EXPECT_EQ(colleagueConsents.find(caseId)->withdrawnBy, officer_.user);
  std::ostringstream keptScan;  // the evidence stays with the referring agency
  ASSERT_TRUE(colleagueConsents.scannedForm(caseId, keptScan).ok());
  EXPECT_EQ(keptScan.str(), bigScan);
  EXPECT_TRUE(client::agendaOrder(colleagueCases.cases(), {}).empty());
  // The receipt now says it was withdrawn.
  EXPECT_NE(client::consentReceipt(*colleagueConsents.find(caseId), "NRS-2026-021", names,
                                   "Polisen", "", client::Language::Swedish)
                .find("Du återkallade samtycket den"),
            std::string::npos);
  // Nobody can widen the case again.
  EXPECT_EQ(cli("officer")
                .putObject(group_, crypto::ObjectId::random(), 0, Bytes(1, 0),
                           {officer_.device, worker_.device}, {}, caseId)
                .error()
                .code(),
            ErrorCode::InvalidArgument);  // not an encrypted object: refused before scope
  const crypto::ObjectId late = crypto::ObjectId::random();
  ASSERT_TRUE(rep("officer")
                  .write(late, "case-note", crypto::asBytes("sent"),
                         client::CaseScope{caseId, {officer_.device, worker_.device}})
                  .ok());
  auto again = rep("officer").push(cli("officer"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->refused, 1U);

  // The audit log records registration and withdrawal, metadata only.
  auto cp = cli("officer").checkpoint(crypto::LogId::ofGroup(group_));
  ASSERT_TRUE(cp.ok());
  std::map<int, int> kinds;
  for (std::uint64_t start = 0; start < cp->second; start += 1000) {
    auto entries = cli("officer").logEntries(
        crypto::LogId::ofGroup(group_), start,
        static_cast<std::uint32_t>(std::min<std::uint64_t>(1000, cp->second - start)));
    ASSERT_TRUE(entries.ok());
    for (const auto& raw : *entries) {
      v1::LogEntry e;
      ASSERT_TRUE(e.ParseFromArray(raw.data(), static_cast<int>(raw.size())));
      ++kinds[e.kind()];
      const std::string s(raw.begin(), raw.end());
      EXPECT_EQ(s.find("MARKER-"), std::string::npos);
    }
  }
  EXPECT_EQ(kinds[v1::LOG_ENTRY_CONSENT_REGISTERED], 1);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_CONSENT_WITHDRAWN], 1);
  EXPECT_GE(kinds[v1::LOG_ENTRY_ACCESS_NARROWED], 2);

  // Nothing of the case's content is stored on the server.
  server_->shutdown(1s);
  EXPECT_GT(expectStoreHoldsNone({"MARKER-", "Kim Berg", "Återkallat vid besök", "anteckning"}),
            50U);
}

TEST_F(Consent, AnExpiredConsentIsRefusedOnReadAndEndedByTheSweep) {
  const std::int64_t now = nowSeconds();
  client::CaseBook officerCases(rep("officer"), police_.id, officer_.user);
  client::ConsentBook officerConsents(rep("officer"), officerCases, cli("officer"), police_.id,
                                      officer_.user);
  client::Referral referral{"NRS-2026-022",
                            client::CaseKind::Consented,
                            client::Urgency::Acute,
                            true,
                            kBrief,
                            {},
                            now,
                            {social_.id},
                            {}};
  auto referred = officerCases.refer(referral);
  ASSERT_TRUE(referred.ok()) << referred.error().describe();
  auto f = form(referred->id, now);
  f.validUntil = now + 2;
  ASSERT_TRUE(officerConsents.registerConsent(f, now).ok());
  const auto caseObject = client::CaseBook::objectOf(referred->id);
  ASSERT_TRUE(cli("worker").getObject(group_, caseObject).ok());

  std::this_thread::sleep_for(3s);
  // The sweep has not run yet (every 60 s), but reads check validity.
  auto refused = cli("worker").getObject(group_, caseObject);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "consent.ended");
  EXPECT_TRUE(cli("colleague").getObject(group_, caseObject).ok());
  EXPECT_EQ(cli("worker").getConsent(group_, referred->id)->status, client::ConsentState::Active);

  // A restarted server sweeps at once: expired, access narrowed, logged.
  const int port = server_->port();
  server_->shutdown(1s);
  config_.listen = "127.0.0.1:" + std::to_string(port);
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok()) << app.error().describe();
  server_ = std::move(app).value();
  auto reconnect = [&](const client::DeviceIdentity& who) {
    auto c = connect();
    EXPECT_TRUE(c->login(who.device, who.signing).ok());
    return c;
  };
  auto worker = reconnect(worker_);
  auto expired = worker->getConsent(group_, referred->id);
  ASSERT_TRUE(expired.ok()) << expired.error().describe();
  EXPECT_EQ(expired->status, client::ConsentState::Expired);
  EXPECT_FALSE(expired->endedBy.has_value());
  EXPECT_EQ(worker->getObject(group_, caseObject).error().reason(), "object.no_access");
  ASSERT_TRUE(rep("worker").pull(*worker, 300ms).ok());
  EXPECT_FALSE(rep("worker").object(caseObject).has_value());
  auto colleague = reconnect(colleague_);
  EXPECT_TRUE(colleague->getObject(group_, caseObject).ok());
}

}  // namespace
}  // namespace samrad::platform_testing

namespace samrad::platform_testing {
namespace {

// Everyone a case's log entries of one kind name, in order, for one object.
std::vector<crypto::DeviceId> loggedWriters(client::PlatformClient& c, const crypto::GroupId& group,
                                            const crypto::ObjectId& id) {
  std::vector<crypto::DeviceId> out;
  const auto log = crypto::LogId::ofGroup(group);
  auto cp = c.checkpoint(log);
  if (!cp.ok()) return out;
  for (std::uint64_t start = 0; start < cp->second; start += 1000) {
    auto entries = c.logEntries(
        log, start, static_cast<std::uint32_t>(std::min<std::uint64_t>(1000, cp->second - start)));
    if (!entries.ok()) return out;
    for (const auto& raw : *entries) {
      v1::LogEntry e;
      if (!e.ParseFromArray(raw.data(), static_cast<int>(raw.size()))) continue;
      if (e.kind() != v1::LOG_ENTRY_OBJECT_WRITTEN || e.object_id() != id.str()) continue;
      if (auto d = crypto::DeviceId::fromBytes(crypto::asBytes(e.device_id()))) out.push_back(*d);
    }
  }
  return out;
}

// #25 item 5: a case's record and its consent are the referring agency's.
// A social worker the consent names reads both, and before this could
// rewrite either (and close the case, starting its retention clock).
TEST_F(Consent, OnlyTheReferringAgencyWritesTheCaseAndItsConsent) {
  const std::int64_t now = nowSeconds();
  client::CaseBook officerCases(rep("officer"), police_.id, officer_.user);
  client::ConsentBook officerConsents(rep("officer"), officerCases, cli("officer"), police_.id,
                                      officer_.user);
  client::Referral referral{"NRS-2026-031",
                            client::CaseKind::Consented,
                            client::Urgency::Planned,
                            false,
                            kBrief,
                            {},
                            now,
                            {social_.id},
                            {}};
  auto referred = officerCases.refer(referral);
  ASSERT_TRUE(referred.ok()) << referred.error().describe();
  const crypto::CaseId caseId = referred->id;
  ASSERT_TRUE(officerConsents.registerConsent(form(caseId, now), now).ok());
  const crypto::ObjectId record = client::CaseBook::objectOf(caseId);
  const crypto::ObjectId consentRecord = client::ConsentBook::objectOf(caseId);

  ASSERT_TRUE(rep("worker").pull(cli("worker"), 300ms).ok());
  client::CaseBook workerCases(rep("worker"), social_.id, worker_.user);
  auto seen = workerCases.find(caseId);
  ASSERT_TRUE(seen.has_value());

  // The worker's client does not offer it...
  EXPECT_EQ(workerCases.setStatus(caseId, client::CaseStatus::OnAgenda, now).error().reason(),
            "case.not_allowed");
  EXPECT_EQ(workerCases.close(cli("worker"), caseId, now).error().reason(), "case.not_allowed");
  // ...and a client that tries anyway is refused by the server: the brief,
  // the consent record, and closing the case.
  auto forged = *seen;
  forged.brief = "MARKER-forged brief";
  auto scope = workerCases.scopeOf(caseId);
  ASSERT_TRUE(scope.ok());
  ASSERT_TRUE(rep("worker").write(record, "case", forged.serialize(), *scope).ok());
  auto consentCopy = rep("worker").object(consentRecord);
  ASSERT_TRUE(consentCopy.has_value());
  auto forgedConsent = client::ConsentRecord::parse(consentCopy->plaintext);
  ASSERT_TRUE(forgedConsent.ok());
  forgedConsent->form.validUntil += 365 * 24 * 3600;
  ASSERT_TRUE(
      rep("worker").write(consentRecord, "consent", forgedConsent->serialize(), *scope).ok());
  auto pushed = rep("worker").push(cli("worker"));
  ASSERT_TRUE(pushed.ok()) << pushed.error().describe();
  EXPECT_EQ(pushed->sent, 0U);
  EXPECT_EQ(pushed->refused, 2U);
  for (const auto& c : rep("worker").conflicts()) {
    EXPECT_EQ(c.refusedReason, "object.not_referring_agency");
  }
  auto closed = cli("worker").setCaseState(group_, caseId, false, true, crypto::randomBytes(16));
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().reason(), "case.not_allowed");
  EXPECT_EQ(cli("officer").getObject(group_, record).ok(), true);

  // The coordinator (social services, named by the consent) moves it on;
  // the referring agency's other officer closes it.
  ASSERT_TRUE(rep("coord").pull(cli("coord"), 300ms).ok());
  client::CaseBook coordCases(rep("coord"), social_.id, coord_.user);
  ASSERT_TRUE(coordCases.setStatus(caseId, client::CaseStatus::OnAgenda, now).ok());
  pushed = rep("coord").push(cli("coord"));
  ASSERT_TRUE(pushed.ok() && pushed->sent == 1U);
  ASSERT_TRUE(rep("colleague").pull(cli("colleague"), 300ms).ok());
  client::CaseBook colleagueCases(rep("colleague"), police_.id, colleague_.user);
  EXPECT_EQ(colleagueCases.find(caseId)->status, client::CaseStatus::OnAgenda);
  EXPECT_EQ(colleagueCases.find(caseId)->brief, kBrief);
  ASSERT_TRUE(colleagueCases.close(cli("colleague"), caseId, now).ok());
  // A close whose answer was lost is finished by closing again.
  EXPECT_TRUE(colleagueCases.close(cli("colleague"), caseId, now).ok());

  // Every stored version is on the record, with its writer; the refused
  // ones are not.
  EXPECT_EQ(loggedWriters(cli("officer"), group_, record),
            (std::vector<crypto::DeviceId>{officer_.device, coord_.device, colleague_.device}));
  EXPECT_EQ(loggedWriters(cli("officer"), group_, consentRecord),
            std::vector<crypto::DeviceId>{officer_.device});

  // A reader does not take the server's word: a coordinator's version that
  // changes more than the status stops the officer's replica.
  ASSERT_TRUE(rep("coord").pull(cli("coord"), 300ms).ok());
  auto current = coordCases.find(caseId);
  ASSERT_TRUE(current.has_value());
  current->brief = "MARKER-the coordinator's own brief";
  auto coordScope = coordCases.scopeOf(caseId);
  ASSERT_TRUE(coordScope.ok());
  ASSERT_TRUE(rep("coord").write(record, "case", current->serialize(), *coordScope).ok());
  pushed = rep("coord").push(cli("coord"));
  ASSERT_TRUE(pushed.ok() && pushed->sent == 1U);
  // The version is refused on its own: the officer keeps the one before, is
  // told, and goes on working.
  auto pulled = rep("officer").pull(cli("officer"), 300ms);
  ASSERT_TRUE(pulled.ok()) << pulled.error().describe();
  EXPECT_EQ(officerCases.find(caseId)->brief, kBrief);
  ASSERT_EQ(rep("officer").refusedRecords().size(), 1U);
  EXPECT_EQ(rep("officer").refusedRecords()[0].why.reason(), "record.coordinator_edit");
  EXPECT_EQ(rep("officer").refusedRecords()[0].author, coord_.device);
  // A device that never held the case (a new laptop) refuses it as well.
  auto freshStore = localStore("officer-new-laptop");
  auto fresh =
      client::GroupReplica::open(freshStore->database(), copyOf(colleague_), pinned_, group_);
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE((*fresh)->refreshChain(cli("colleague")).ok());
  ASSERT_TRUE((*fresh)->pull(cli("colleague"), 300ms).ok());
  EXPECT_FALSE((*fresh)->object(record).has_value());
  ASSERT_EQ((*fresh)->refusedRecords().size(), 1U);
  EXPECT_EQ((*fresh)->refusedRecords()[0].why.reason(), "record.coordinator_edit");

  // Around the rules: turning the case record into another kind, or a
  // "case" record with no case behind it, is refused by the server.
  ASSERT_TRUE(rep("worker").discardConflict(record).ok());
  ASSERT_TRUE(rep("worker").discardConflict(consentRecord).ok());
  ASSERT_TRUE(rep("worker").pull(cli("worker"), 300ms).ok());
  ASSERT_TRUE(rep("worker").write(record, "note", crypto::asBytes("x"), *scope).ok());
  ASSERT_TRUE(rep("worker").write(crypto::ObjectId::random(), "case", crypto::asBytes("x")).ok());
  pushed = rep("worker").push(cli("worker"));
  ASSERT_TRUE(pushed.ok());
  EXPECT_EQ(pushed->refused, 2U);
  std::set<std::string> reasons;
  for (const auto& c : rep("worker").conflicts()) reasons.insert(c.refusedReason);
  EXPECT_EQ(reasons, (std::set<std::string>{"object.kind_changed", "object.case_record_id"}));
}

// The low item of #25: closing a case starts its retention clock, and
// deleting an object is its creator's — not a recused member's, not whoever
// wrote a later version.
TEST_F(Consent, ClosingAndDeletingNeedTheCaseAndTheObjectsOwnPeople) {
  const std::int64_t now = nowSeconds();
  client::CaseBook officerCases(rep("officer"), police_.id, officer_.user);
  client::Referral referral{"NRS-2026-032",
                            client::CaseKind::Deidentified,
                            client::Urgency::Planned,
                            false,
                            "Kvinna 40 år, hot från f.d. sambo.",
                            {colleague_.user},
                            now,
                            {},
                            {}};
  auto referred = officerCases.refer(referral);
  ASSERT_TRUE(referred.ok()) << referred.error().describe();
  const crypto::ObjectId note = crypto::ObjectId::random();
  ASSERT_TRUE(rep("officer").write(note, "meeting-note", crypto::asBytes("anteckning")).ok());
  ASSERT_TRUE(rep("officer").push(cli("officer")).ok());

  // The case's consent record id is held for it from the start: the nurse,
  // who learns the case id, cannot put something else there first.
  ASSERT_TRUE(rep("nurse").pull(cli("nurse"), 300ms).ok());
  ASSERT_TRUE(rep("nurse")
                  .write(client::ConsentBook::objectOf(referred->id), "note", crypto::asBytes("x"))
                  .ok());
  auto squatted = rep("nurse").push(cli("nurse"));
  ASSERT_TRUE(squatted.ok());
  EXPECT_EQ(squatted->refused, 1U);
  EXPECT_EQ(rep("nurse").conflicts().at(0).refusedReason, "object.kind_changed");
  ASSERT_TRUE(rep("nurse").discardConflict(client::ConsentBook::objectOf(referred->id)).ok());

  // The recused colleague is of the referring agency, but cannot read the
  // case, so cannot close it.
  auto closed =
      cli("colleague").setCaseState(group_, referred->id, true, true, crypto::randomBytes(16));
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().reason(), "case.not_allowed");
  // Nor can another agency's member who reads it.
  closed = cli("nurse").setCaseState(group_, referred->id, true, true, crypto::randomBytes(16));
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().reason(), "case.not_allowed");
  // A case the server has no record of is not closed at all.
  closed = cli("officer").setCaseState(group_, crypto::CaseId::random(), true, true,
                                       crypto::randomBytes(16));
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().reason(), "case.not_found");

  // The nurse writes a version of the officer's note; that does not make it hers.
  ASSERT_TRUE(rep("nurse").pull(cli("nurse"), 300ms).ok());
  ASSERT_TRUE(rep("nurse").write(note, "meeting-note", crypto::asBytes("tillägg")).ok());
  auto pushed = rep("nurse").push(cli("nurse"));
  ASSERT_TRUE(pushed.ok() && pushed->sent == 1U);
  auto head = cli("nurse").getObject(group_, note);
  ASSERT_TRUE(head.ok());
  auto deleted = cli("nurse").deleteObject(group_, note, 2);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().reason(), "object.not_owner");
  // A case's own record is not deleted one by one, not even by its author.
  deleted = cli("officer").deleteObject(group_, client::CaseBook::objectOf(referred->id), 1);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().reason(), "object.case_record");
  EXPECT_TRUE(cli("officer").deleteObject(group_, note, 2).ok());
}

}  // namespace
}  // namespace samrad::platform_testing
