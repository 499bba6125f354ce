#include "demo.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "samrad/client/advice.h"
#include "samrad/client/cases.h"
#include "samrad/client/consent.h"
#include "samrad/client/identity.h"
#include "samrad/client/key_store.h"
#include "samrad/client/platform_client.h"
#include "samrad/client/replica.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/scanner.h"

namespace samrad::client {
namespace {

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

constexpr std::int64_t kYear = 365LL * 24 * 3600;

struct Participant {
  std::string name;  // stays on this computer: the server never sees it
  DeviceIdentity id;
  std::unique_ptr<PlatformClient> client;
};

struct Failure {
  std::string step;
  Error error;
};

class Demo {
 public:
  Demo(const ServerEndpoint& endpoint, std::string operatorToken, std::ostream& out)
      : endpoint_(endpoint), operatorToken_(std::move(operatorToken)), out_(out) {}

  Status run();

 private:
  std::unique_ptr<PlatformClient> connect() {
    auto ch = openChannel(endpoint_);
    return std::make_unique<PlatformClient>(ch.ok() ? *ch : nullptr);
  }

  Status enrolAgency(const char* name, int kind, Agency& agency, Participant& admin);
  Status enrolMember(const Agency& agency, Participant& admin, Participant& p);
  Result<crypto::MembershipChain> chainOf(Participant& p);
  Result<crypto::SecretBytes> epochKey(Participant& p, const crypto::MembershipChain& chain);
  // A consented case and its withdrawal, and an advice request, through the
  // client core's replicas on encrypted local stores in `dir`.
  Status consentAndAdvice(Participant& samordnare, Participant& polis, Participant& vard,
                          Participant& asker, const Agency& social, const Agency& police,
                          const std::filesystem::path& dir);
  Result<crypto::Bytes> seal(Participant& author, const crypto::MembershipChain& chain,
                             const crypto::SecretBytes& key, const char* kind,
                             const crypto::ObjectId& id, std::uint64_t version,
                             const std::string& text);

  ServerEndpoint endpoint_;
  std::string operatorToken_;
  std::ostream& out_;
  crypto::TrustStore pinned_;
  crypto::GroupId group_ = crypto::GroupId::random();
};

Status Demo::enrolAgency(const char* name, int kind, Agency& agency, Participant& admin) {
  admin.id = DeviceIdentity::issue(agency, crypto::UserRole::Administrator, now(), kYear);
  auto op = connect();
  SAMRAD_ASSIGN_OR_RETURN(
      std::string code,
      op->bootstrapAgency(operatorToken_, agency.id, kind, agency.root.publicKey(),
                          admin.id.userCertificate.serialize()));
  admin.client = connect();
  SAMRAD_TRY(admin.client->enrollDevice(code, admin.id.deviceCertificate.serialize()));
  SAMRAD_TRY(admin.client->login(admin.id.device, admin.id.signing));
  pinned_.pin(agency.id, agency.root.publicKey());
  out_ << "  " << name << ": rotnyckel registrerad, administratörens enhet inskriven\n";
  return okStatus();
}

Status Demo::enrolMember(const Agency& agency, Participant& admin, Participant& p) {
  p.id = DeviceIdentity::issue(agency, crypto::UserRole::Member, now(), kYear);
  SAMRAD_TRY(admin.client->registerUser(p.id.userCertificate.serialize()));
  SAMRAD_ASSIGN_OR_RETURN(std::string code, admin.client->issueEnrollmentCode(p.id.user));
  p.client = connect();
  SAMRAD_TRY(p.client->enrollDevice(code, p.id.deviceCertificate.serialize()));
  SAMRAD_TRY(p.client->login(p.id.device, p.id.signing));
  out_ << "  " << p.name << " har skrivit in sin dator med en engångskod och loggat in\n";
  return okStatus();
}

Result<crypto::MembershipChain> Demo::chainOf(Participant& p) {
  SAMRAD_ASSIGN_OR_RETURN(auto links, p.client->getChain(group_));
  std::vector<crypto::Envelope> envs;
  for (const auto& l : links) {
    SAMRAD_ASSIGN_OR_RETURN(auto e, crypto::Envelope::parse(l));
    envs.push_back(std::move(e));
  }
  // Every client validates the chain from genesis against the roots it pinned.
  return crypto::MembershipChain::validate(pinned_, {}, envs);
}

Result<crypto::SecretBytes> Demo::epochKey(Participant& p, const crypto::MembershipChain& chain) {
  SAMRAD_ASSIGN_OR_RETURN(auto keys, p.client->getEpochKeys(group_));
  SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(keys.second));
  SAMRAD_ASSIGN_OR_RETURN(auto opened,
                          crypto::openEpochKeyBundle(env, chain, p.id.device, p.id.box));
  return std::move(opened.key);
}

Result<crypto::Bytes> Demo::seal(Participant& author, const crypto::MembershipChain& chain,
                                 const crypto::SecretBytes& key, const char* kind,
                                 const crypto::ObjectId& id, std::uint64_t version,
                                 const std::string& text) {
  const crypto::ContentContext ctx{
      kind, group_, id, version, chain.state().epoch, author.id.device, chain.state().head};
  SAMRAD_ASSIGN_OR_RETURN(auto o, crypto::encryptObject(ctx, crypto::asBytes(text),
                                                        {key, std::nullopt}, author.id.signing));
  return o.serialize();
}

Status Demo::consentAndAdvice(Participant& samordnare, Participant& polis, Participant& vard,
                              Participant& asker, const Agency& social, const Agency& police,
                              const std::filesystem::path& dir) {
  auto copy = [](const DeviceIdentity& d) -> Result<DeviceIdentity> {
    SAMRAD_ASSIGN_OR_RETURN(auto identity,
                            crypto::SigningKeyPair::fromSeed(d.identity.seed().view()));
    SAMRAD_ASSIGN_OR_RETURN(auto signing,
                            crypto::SigningKeyPair::fromSeed(d.signing.seed().view()));
    SAMRAD_ASSIGN_OR_RETURN(auto box, crypto::BoxKeyPair::fromSecret(d.box.secret().view()));
    return DeviceIdentity{
        d.user,         std::move(identity), d.device,           std::move(signing),
        std::move(box), d.userCertificate,   d.deviceCertificate};
  };
  struct Desk {
    std::unique_ptr<KeyStore> store;
    std::unique_ptr<GroupReplica> replica;
    std::unique_ptr<CaseBook> cases;
  };
  auto open = [&](Participant& p, const Agency& agency, const char* folder) -> Result<Desk> {
    Desk d;
    SAMRAD_ASSIGN_OR_RETURN(
        d.store,
        KeyStore::create(dir / folder,
                         crypto::asBytes(std::string_view("demo-lösenord, bara för demot")),
                         kKdfFloor));
    SAMRAD_ASSIGN_OR_RETURN(auto id, copy(p.id));
    SAMRAD_ASSIGN_OR_RETURN(
        d.replica, GroupReplica::open(d.store->database(), std::move(id), pinned_, group_));
    SAMRAD_TRY(d.replica->refreshChain(*p.client));
    SAMRAD_TRY(d.replica->pull(*p.client, std::chrono::milliseconds(100)));
    d.cases = std::make_unique<CaseBook>(*d.replica, agency.id, p.id.user);
    return d;
  };
  SAMRAD_ASSIGN_OR_RETURN(Desk polisDesk, open(polis, police, "polis"));
  SAMRAD_ASSIGN_OR_RETURN(Desk karinDesk, open(samordnare, social, "samordnare"));

  out_ << "\nTorsdag eftermiddag — ett ärende med samtycke\n";
  SAMRAD_ASSIGN_OR_RETURN(
      auto referred,
      polisDesk.cases->refer({"NRS-2026-018",
                              CaseKind::Consented,
                              Urgency::Planned,
                              false,
                              "Kvinna, 52 år, utsatt av sin make; samtycker till att "
                              "socialtjänsten får uppgifterna.",
                              {},
                              now(),
                              {social.id},
                              {}}));
  ConsentBook consents(*polisDesk.replica, *polisDesk.cases, *polis.client, police.id,
                       polis.id.user);
  ConsentForm form;
  form.caseId = referred.id;
  form.oslWaiver = "OSL 12 kap. 2 §: uppgifter får lämnas till socialtjänsten";
  form.gdprBasis = "GDPR art. 6.1 e (myndighetsutövning), inte samtycket";
  form.recipients = {social.id};
  form.categories = {"brott", "social situation"};
  form.purpose = "samordnat skydd och stöd";
  form.validFrom = now() - 60;
  form.validUntil = now() + 180 * 24 * 3600;
  form.method = ConsentMethod::Written;
  form.formTemplate = "Samtycke Norrsken";
  form.formVersion = "3";
  form.formTextHash = crypto::sha256(crypto::asBytes(std::string_view("Samtyckesblankett v3")));
  SAMRAD_TRY([&]() -> Status {
    auto r = consents.registerConsent(form, now());
    if (!r) return r.error();
    return okStatus();
  }());
  SAMRAD_TRY(karinDesk.replica->pull(*samordnare.client, std::chrono::milliseconds(200)));
  const bool karinReads = karinDesk.cases->find(referred.id).has_value();
  auto vardTries = vard.client->getObject(group_, CaseBook::objectOf(referred.id));
  out_ << "  Samtycket gäller socialtjänsten till " << isoDate(form.validUntil)
       << ". Samordnaren läser ärendet: " << (karinReads ? "ja" : "nej") << ". Regionen nekas: "
       << (vardTries.ok() ? std::string("(släpptes in!)") : vardTries.error().reason()) << "\n";
  if (!karinReads || vardTries.ok()) {
    return Error(ErrorCode::Internal, "demo.consent_scope", "the consent's scope was not held");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto withdrawn, consents.withdraw(referred.id, ConsentMethod::Written,
                                                            "Återkallat per brev", now()));
  SAMRAD_TRY(karinDesk.replica->pull(*samordnare.client, std::chrono::milliseconds(200)));
  out_ << "  Kvinnan återkallar samtycket. Servern raderar genast socialtjänstens kopior ("
       << withdrawn.deleted << " st.), och samordnarens dator har ärendet kvar: "
       << (karinDesk.cases->find(referred.id).has_value() ? "ja (fel!)" : "nej") << "\n";
  if (karinDesk.cases->find(referred.id).has_value()) {
    return Error(ErrorCode::Internal, "demo.withdrawal", "the withdrawal did not take effect");
  }

  out_ << "\nTorsdag kväll — en rådfrågning från Bräcke kommun\n";
  AdviceInbox inbox(*karinDesk.replica, *samordnare.client, samordnare.id, pinned_);
  SAMRAD_ASSIGN_OR_RETURN(auto intake, inbox.openIntake(now()));
  SAMRAD_TRY(inbox.allowRequester(asker.id.user));
  AdviceDesk desk(*asker.client, asker.id, pinned_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto request,
      desk.ask(group_, "Hur stöttar vi en äldre man som utsätts för våld av sin vuxna son?",
               "Socialtjänsten, Bräcke kommun", RequesterOrganisation::SocialServices, now()));
  out_ << "  Frågan förseglas till gruppens mottagarnyckel (" << intakeFingerprint(intake)
       << ") och läses bara av gruppen\n";
  SAMRAD_ASSIGN_OR_RETURN(auto answered,
                          inbox.answer(request,
                                       "Erbjud kontakt med kommunens våldsstödjare och gör en "
                                       "riskbedömning tillsammans med honom.",
                                       std::nullopt, now()));
  (void)answered;
  SAMRAD_ASSIGN_OR_RETURN(auto mine, desk.mine(group_));
  out_ << "  Svaret når bara frågeställaren: \""
       << (mine.empty() ? "" : mine[0].answer.value_or("")) << "\"\n";
  if (mine.empty() || !mine[0].answer) {
    return Error(ErrorCode::Internal, "demo.advice", "the answer did not reach the requester");
  }
  return okStatus();
}

Status Demo::run() {
  Agency police;
  Agency social;
  Agency health;
  Participant policeAdmin{"Polisens administratör", {}, nullptr};
  Participant socialAdmin{"Socialtjänstens administratör", {}, nullptr};
  Participant healthAdmin{"Regionens administratör", {}, nullptr};
  Participant samordnare{"Samordnaren Karin (socialtjänsten)", {}, nullptr};
  Participant polis{"Polisen Johan", {}, nullptr};
  Participant vard{"Vårdsamordnaren Amira (regionen)", {}, nullptr};

  out_ << "\nMåndag — tre myndigheter ansluter till Samråd\n";
  SAMRAD_TRY(enrolAgency("Polisregion Mitt", 1, police, policeAdmin));
  SAMRAD_TRY(enrolAgency("Socialtjänsten i kommunen", 2, social, socialAdmin));
  SAMRAD_TRY(enrolAgency("Region Jämtland Härjedalen", 3, health, healthAdmin));
  SAMRAD_TRY(enrolMember(social, socialAdmin, samordnare));
  SAMRAD_TRY(enrolMember(police, policeAdmin, polis));
  SAMRAD_TRY(enrolMember(health, healthAdmin, vard));

  out_ << "\nTisdag — samrådsgruppen bildas\n";
  crypto::MembershipChain local(pinned_, {});
  SAMRAD_ASSIGN_OR_RETURN(
      auto genesis,
      local.makeLink(group_,
                     crypto::OpCreate{{samordnare.id.memberSpec(crypto::GroupRole::Coordinator),
                                       polis.id.memberSpec(crypto::GroupRole::Member),
                                       vard.id.memberSpec(crypto::GroupRole::Member)}},
                     now(), samordnare.id.signing, samordnare.id.device));
  SAMRAD_TRY(samordnare.client->createGroup(genesis.serialize()));
  SAMRAD_ASSIGN_OR_RETURN(crypto::MembershipChain chain, chainOf(vard));
  out_ << "  Gruppkod att läsa upp på mötet: " << crypto::groupCode(group_, chain.state().head)
       << "\n";
  const auto e1 = crypto::SecretBytes::random(32);
  SAMRAD_ASSIGN_OR_RETURN(
      auto bundle, crypto::makeEpochKeyBundle(chain, e1, nullptr, samordnare.id.signing,
                                              samordnare.id.device, {}, chain.state().lastTime));
  SAMRAD_TRY(samordnare.client->putEpochKeys(group_, bundle.serialize()));
  SAMRAD_ASSIGN_OR_RETURN(auto polisKey, epochKey(polis, chain));
  SAMRAD_ASSIGN_OR_RETURN(auto vardKey, epochKey(vard, chain));
  out_ << "  Gruppnyckeln är förseglad till varje medlems dator; servern kan inte läsa den\n";

  out_ << "\nOnsdag — polisen anmäler ett avidentifierat ärende\n";
  const crypto::ObjectId brief = crypto::ObjectId::random();
  // The first draft still names her; the de-identification check on the
  // officer's own computer catches it before anything is encrypted and sent.
  const std::string draft =
      "Ärende NRS-2026-017 (avidentifierat): Sara Lindqvist, 850612-1238, 34 år, två barn "
      "under 10, upprepat hot från tidigare partner. Nås på 070-123 45 67.";
  const deid::Scanner scanner(std::make_shared<const deid::Lexicon>(deid::Lexicon::standard()));
  const auto proposals = deid::propose(scanner.scan(draft));
  out_ << "  Avidentifieringskontrollen på polisens dator hittar " << proposals.size()
       << " uppgifter i utkastet:";
  for (const auto& p : proposals) out_ << " " << deid::typeName(p.finding.type);
  out_ << "\n  Johan ersätter namnet, personnumret och telefonnumret och gör åldern grövre.\n";
  const std::string briefText =
      "Ärende NRS-2026-017 (avidentifierat): kvinna 30–39 år, två barn under 10, "
      "upprepat hot från tidigare partner. Önskar samordnade insatser.";
  if (!scanner.scan(briefText).empty()) {
    return Error(ErrorCode::Internal, "demo.deid", "the demo brief is not de-identified");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto sealed,
                          seal(polis, chain, polisKey, "case-brief", brief, 1, briefText));
  SAMRAD_TRY(polis.client->putObject(group_, brief, 0, sealed));
  SAMRAD_ASSIGN_OR_RETURN(auto fetched, vard.client->getObject(group_, brief));
  SAMRAD_ASSIGN_OR_RETURN(auto obj, crypto::EncryptedObject::parse(fetched));
  SAMRAD_ASSIGN_OR_RETURN(auto plain, crypto::decryptObject(obj, {group_, brief, 1, "case-brief"},
                                                            chain, {vardKey, std::nullopt}));
  out_ << "  Servern lagrade " << fetched.size() << " byte chiffertext.\n"
       << "  " << vard.name << " läser, efter att ha kontrollerat polisens signatur:\n    \""
       << std::string(reinterpret_cast<const char*>(plain.data()), plain.size()) << "\"\n";

  out_ << "\nTorsdag — mötet: två skriver minnesanteckningar samtidigt\n";
  const crypto::ObjectId minutes = crypto::ObjectId::random();
  SAMRAD_ASSIGN_OR_RETURN(auto m1, seal(samordnare, chain, e1, "minutes", minutes, 1,
                                        "Punkt 1: NRS-2026-017 — socialtjänsten kontaktar"));
  SAMRAD_TRY(samordnare.client->putObject(group_, minutes, 0, m1));
  SAMRAD_ASSIGN_OR_RETURN(auto a, seal(samordnare, chain, e1, "minutes", minutes, 2,
                                       "Punkt 1: … Åtgärd: socialtjänsten, senast fredag"));
  SAMRAD_ASSIGN_OR_RETURN(auto b, seal(vard, chain, vardKey, "minutes", minutes, 2,
                                       "Punkt 1: … Åtgärd: regionen erbjuder samtalsstöd"));
  auto first = samordnare.client->putObject(group_, minutes, 1, a);
  auto second = vard.client->putObject(group_, minutes, 1, b);
  if (!first.ok()) return first.error();
  if (second.ok() || second.error().reason() != "object.conflict") {
    return Error(ErrorCode::Internal, "demo.no_conflict", "the second edit was not refused");
  }
  out_ << "  Samordnaren sparade version 2. Vårdsamordnarens ändring avvisades i stället för att\n"
       << "  skriva över: \"" << second.error().message() << "\"\n";
  SAMRAD_ASSIGN_OR_RETURN(auto merged, seal(vard, chain, vardKey, "minutes", minutes, 3,
                                            "Punkt 1: … Åtgärder: socialtjänsten senast fredag; "
                                            "regionen erbjuder samtalsstöd"));
  SAMRAD_TRY(vard.client->putObject(group_, minutes, 2, merged));
  out_ << "  Hon läste version 2, förde in sin åtgärd och sparade version 3\n";

  // The rest of the week runs through the client core, on encrypted local
  // stores made for the demo and removed after it.
  char tmpl[] = "/tmp/samrad-demo-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) {
    return Error(ErrorCode::Unavailable, "demo.tmp", "cannot make a folder for the demo's stores");
  }
  const std::filesystem::path stores(tmpl);
  Agency municipality;
  Participant smallAdmin{"Bräcke kommuns administratör", {}, nullptr};
  Participant asker{"Socialsekreteraren i Bräcke", {}, nullptr};
  SAMRAD_TRY(enrolAgency("Bräcke kommun (rådfrågare)", 5, municipality, smallAdmin));
  asker.id = DeviceIdentity::issue(municipality, crypto::UserRole::External, now(), kYear);
  SAMRAD_TRY(smallAdmin.client->registerUser(asker.id.userCertificate.serialize()));
  SAMRAD_ASSIGN_OR_RETURN(std::string askerCode,
                          smallAdmin.client->issueEnrollmentCode(asker.id.user));
  asker.client = connect();
  SAMRAD_TRY(asker.client->enrollDevice(askerCode, asker.id.deviceCertificate.serialize()));
  SAMRAD_TRY(asker.client->login(asker.id.device, asker.id.signing));
  const Status middle = consentAndAdvice(samordnare, polis, vard, asker, social, police, stores);
  std::error_code ec;
  std::filesystem::remove_all(stores, ec);
  SAMRAD_TRY(middle);

  SAMRAD_ASSIGN_OR_RETURN(auto checkpointBefore,
                          polis.client->checkpoint(crypto::LogId::ofGroup(group_)));

  out_ << "\nFredag — polisen Johan byter tjänst och lämnar gruppen\n";
  SAMRAD_ASSIGN_OR_RETURN(auto removal,
                          chain.makeLink(group_, crypto::OpRemoveMember{polis.id.user}, now(),
                                         samordnare.id.signing, samordnare.id.device));
  SAMRAD_TRY(samordnare.client->appendLink(group_, removal.serialize()));
  SAMRAD_ASSIGN_OR_RETURN(crypto::MembershipChain after, chainOf(samordnare));
  const auto e2 = crypto::SecretBytes::random(32);
  SAMRAD_ASSIGN_OR_RETURN(
      auto bundle2, crypto::makeEpochKeyBundle(after, e2, &e1, samordnare.id.signing,
                                               samordnare.id.device, {}, after.state().lastTime));
  SAMRAD_TRY(samordnare.client->putEpochKeys(group_, bundle2.serialize()));
  auto refused = polis.client->getObject(group_, brief);
  out_ << "  Ny epok " << after.state().epoch << " med ny gruppnyckel; Johans dator nekas nu: "
       << (refused.ok() ? std::string("(släpptes in!)") : refused.error().reason()) << "\n";
  if (refused.ok()) return Error(ErrorCode::Internal, "demo.removed_reads");

  out_ << "\nJuristen granskar — transparensloggen\n";
  SAMRAD_ASSIGN_OR_RETURN(std::string vkey, samordnare.client->logVerifierKey());
  SAMRAD_ASSIGN_OR_RETURN(auto verifier, crypto::NoteVerifier::parse(vkey));
  const std::vector<crypto::NoteVerifier> known{verifier};
  SAMRAD_ASSIGN_OR_RETURN(auto cpNow,
                          samordnare.client->checkpoint(crypto::LogId::ofGroup(group_)));
  SAMRAD_ASSIGN_OR_RETURN(auto noteBefore, crypto::Note::parse(checkpointBefore.first));
  SAMRAD_ASSIGN_OR_RETURN(auto noteNow, crypto::Note::parse(cpNow.first));
  SAMRAD_TRY(crypto::verifyNote(noteBefore, known));
  SAMRAD_TRY(crypto::verifyNote(noteNow, known));
  SAMRAD_ASSIGN_OR_RETURN(auto cpA, crypto::Checkpoint::parse(noteBefore.text));
  SAMRAD_ASSIGN_OR_RETURN(auto cpB, crypto::Checkpoint::parse(noteNow.text));
  SAMRAD_ASSIGN_OR_RETURN(auto proof, samordnare.client->consistencyProof(
                                          crypto::LogId::ofGroup(group_), cpA.size, cpB.size));
  SAMRAD_TRY(crypto::verifyConsistency(cpA.size, cpB.size, proof, cpA.root, cpB.root));
  out_ << "  Gruppens logg har " << cpB.size << " poster (medlemskap, samtycken, läsningar), "
       << "signerad av " << verifier.name << "; bara gruppens medlemmar kan läsa den.\n"
       << "  Den är förenlig med torsdagens kontrollpunkt (" << cpA.size
       << " poster): inget har skrivits om.\n";
  out_ << "\nKlart. Servern såg bara id:n, storlekar, versioner och tider — aldrig namn eller "
          "text.\n";
  return okStatus();
}

}  // namespace

int runDemo(const ServerEndpoint& endpoint, const std::string& operatorToken, std::ostream& out) {
  Demo demo(endpoint, operatorToken, out);
  const Status s = demo.run();
  if (!s.ok()) {
    out << "\nDemot stannade: " << describeForPerson(s.error()) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace samrad::client
