#include "workflow_cmd.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>

#include "deid_cmd.h"
#include "recovery_sheet.h"
#include "samrad/client/advice.h"
#include "samrad/client/audit.h"
#include "samrad/client/cases.h"
#include "samrad/client/connection.h"
#include "samrad/client/consent.h"
#include "samrad/client/key_store.h"
#include "samrad/client/meetings.h"
#include "samrad/client/platform_client.h"
#include "samrad/client/profile.h"
#include "samrad/client/pseudonym_store.h"
#include "samrad/client/recovery.h"
#include "samrad/client/replica.h"
#include "samrad/client/stats.h"
#include "samrad/client/workspace.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/secure.h"
#include "samrad/deid/scanner.h"

namespace samrad::client {
namespace {

using crypto::Bytes;
constexpr std::int64_t kDay = std::int64_t{24} * 3600;

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Wipes a passphrase read into a string once the command no longer needs it.
class Wiped {
 public:
  explicit Wiped(std::string& s) : s_(s) {}
  ~Wiped() { crypto::wipeMemory(s_.data(), s_.size()); }
  Wiped(const Wiped&) = delete;
  Wiped& operator=(const Wiped&) = delete;

 private:
  std::string& s_;
};

template <typename T>
Status statusOf(const Result<T>& r) {
  if (!r) {
    return r.error();
  }
  return okStatus();
}

Error usage(const std::string& message) {
  return Error(ErrorCode::InvalidArgument, "cli.usage", message);
}

// "2026-12-03" or "2026-12-03T09:00" (UTC, as the dates shown).
Result<std::int64_t> parseTime(const std::string& text, const char* what) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  const int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi);
  if (n != 3 && n != 5) {
    return usage(std::string(what) + " must be a date like 2026-12-03 or 2026-12-03T09:00");
  }
  using namespace std::chrono;
  const year_month_day ymd{year(y), month(static_cast<unsigned>(mo)),
                           day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59) {
    return usage(std::string(what) + " is not a real date");
  }
  return (sys_days(ymd).time_since_epoch().count()) * kDay + std::int64_t{h} * 3600 +
         std::int64_t{mi} * 60;
}

std::string dateTime(std::int64_t t) {
  using namespace std::chrono;
  const sys_seconds s{seconds(t)};
  const auto dayStart = floor<days>(s);
  const hh_mm_ss hms{s - dayStart};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d", isoDate(t).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
  return buf;
}

Result<std::string> readText(const std::string& path, const char* what) {
  if (path == "-") {
    return std::string((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return usage(std::string("cannot read ") + what + " from " + path);
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

template <typename I>
Result<I> idArg(const std::string& hex, const char* what) {
  Bytes raw;
  if (!crypto::fromHex(hex, raw)) {
    return usage(std::string(what) + " must be hex");
  }
  auto id = I::fromBytes(raw);
  if (!id) {
    return usage(std::string(what) + " must be 32 hex digits");
  }
  return *id;
}

std::string hex(crypto::ByteView b) {
  return crypto::toHex(b);
}

// A member's role in the group as Swedish agencies say it.
std::string groupRoleSv(crypto::GroupRole role) {
  switch (role) {
    case crypto::GroupRole::Coordinator:
      return "samordnare";
    case crypto::GroupRole::Member:
      return "medlem";
    case crypto::GroupRole::Lawyer:
      return "jurist";
    case crypto::GroupRole::Observer:
      return "observatör";
    case crypto::GroupRole::Recovery:
      return "återställningsnyckel";
  }
  return "okänd roll";
}

const std::map<std::string, crypto::UserRole>& roleNames() {
  static const std::map<std::string, crypto::UserRole> m = {
      {"member", crypto::UserRole::Member},
      {"admin", crypto::UserRole::Administrator},
      {"lawyer", crypto::UserRole::Lawyer},
      {"external", crypto::UserRole::External}};
  return m;
}

const char* kindName(CaseKind k) {
  return k == CaseKind::Consented ? "samtycke" : "avidentifierat";
}
const char* urgencyName(Urgency u) {
  switch (u) {
    case Urgency::Acute:
      return "akut";
    case Urgency::Planned:
      return "planerat";
    case Urgency::Consultative:
      return "konsultativt";
  }
  return "?";
}
const char* statusName(CaseStatus s) {
  switch (s) {
    case CaseStatus::Referred:
      return "anmält";
    case CaseStatus::OnAgenda:
      return "på dagordning";
    case CaseStatus::Active:
      return "aktivt";
    case CaseStatus::Closed:
      return "avslutat";
  }
  return "?";
}

// A de-identified text must not leave this computer with personal data in
// it: the use case runs the one gate (checkDeidentified); here its refusal
// gets the command line's next step.
Status withDeidHint(Status st) {
  if (st || st.error().reason() != "deid.findings_remain") return st;
  return Error(st.error().code(), st.error().reason(),
               st.error().message() +
                   ". 'samrad-cli deid scan --pseudonyms' proposes replacements; or pass "
                   "--accept-findings if you checked each one");
}

}  // namespace

// Every option any command takes; CLI11 writes into these.
struct WorkflowCli::Opts {
  std::string agency,
      role = "member", certificate, code, root, requestFile, out, operatorKey, group, number,
      kind = "deidentified", urgency = "planned", briefFile, pnr, osl, gdpr, purpose, from, until,
      method = "written", witness, formTemplate, formVersion, formTextFile, note, lang = "sv",
      first, place, statementFile, meeting, summary, caseNumber, description, due, action, status,
      review, user, text, questionFile, organisation, orgType = "social", request, scanFile, name,
      living, riskMethod, risk, after, goals, ownWords, closure, logKey, trustFile, bundle, device;
  std::vector<std::string> members, shareWith, recuse, recipients, categories, decisions, violence,
      measures;
  bool children = false, build = false, acceptFindings = false, json = false, csv = false;
  QuasiOptions quasi;
  int childCount = -1, year = 0;
  int kindNumber = 2, validDays = 730, count = 4, duration = 120, item = 0;
  std::size_t cosignatures = 0;
  unsigned deidMonths = 0, consentedMonths = 0, consentYears = 0, witnessAgencies = 0;
};

WorkflowCli::~WorkflowCli() = default;

CLI::App* WorkflowCli::add(CLI::App* parent, const std::string& name, const std::string& help,
                           std::function<int()> body) {
  auto* sub = parent->add_subcommand(name, help);
  commands_.push_back({sub, std::move(body)});
  return sub;
}

namespace {

// One invocation's view: the profile, a logged-in client, and (for group
// commands) the group's replica, synced.
class Session {
 public:
  Session(const ServerEndpoint& endpoint, std::filesystem::path dir, std::string passphraseFile,
          std::ostream& notices)
      : endpoint_(endpoint),
        dir_(std::move(dir)),
        passphraseFile_(std::move(passphraseFile)),
        notices_(notices) {}

  Result<std::string> passphrase() const {
    if (!passphraseFile_.empty()) {
      SAMRAD_ASSIGN_OR_RETURN(auto text, readText(passphraseFile_, "the passphrase"));
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
      }
      return text;
    }
    if (const char* env = std::getenv("SAMRAD_PASSPHRASE")) {
      return std::string(env);
    }
    return usage("give the profile's passphrase: --passphrase-file FILE or SAMRAD_PASSPHRASE");
  }

  Status create() {
    if (dir_.empty()) {
      return usage("--profile DIR is required (or SAMRAD_PROFILE)");
    }
    SAMRAD_ASSIGN_OR_RETURN(auto pass, passphrase());
    const Wiped wiped(pass);
    // SAMRAD_KDF=interactive: the lighter Argon2id floor, for scripts and tests.
    const char* kdf = std::getenv("SAMRAD_KDF");
    const KdfParams params =
        kdf != nullptr && std::string(kdf) == "interactive" ? kKdfFloor : KdfParams{};
    SAMRAD_ASSIGN_OR_RETURN(ws_, Workspace::create(dir_, crypto::asBytes(pass), params));
    return okStatus();
  }

  Status open() {
    if (dir_.empty()) {
      return usage("--profile DIR is required (or SAMRAD_PROFILE)");
    }
    SAMRAD_ASSIGN_OR_RETURN(auto pass, passphrase());
    const Wiped wiped(pass);
    SAMRAD_ASSIGN_OR_RETURN(ws_, Workspace::unlock(dir_, crypto::asBytes(pass)));
    return okStatus();
  }

  Status connect(bool login = true) {
    SAMRAD_TRY(ws_->connect(endpoint_, login));
    server = &ws_->server();
    return okStatus();
  }

  Status openGroup() {
    SAMRAD_TRY(open());
    SAMRAD_TRY(connect());
    SAMRAD_TRY(ws_->openGroup());
    replica = &ws_->replica();
    cases = &ws_->cases();
    meetings = &ws_->meetings();
    tellRevocations();
    return okStatus();
  }

  // Sends what this command wrote; a conflict or refusal is reported.
  Status send() { return ws_->send(); }

  Status save() { return ws_->saveProfile(); }
  KeyStore& store() { return ws_->store(); }
  Profile& profile() { return ws_->profile(); }
  ConsentBook& consent() { return ws_->consent(); }
  Workspace& workspace() { return *ws_; }
  [[nodiscard]] const ServerEndpoint& endpoint() const { return endpoint_; }

  Result<CaseRecord> caseByNumber(const std::string& number) {
    for (auto& c : cases->cases()) {
      if (c.number == number) {
        return c;
      }
    }
    return Error(ErrorCode::NotFound, "case.not_found",
                 "no case " + number + " that this device may read");
  }

  Result<Meeting> meetingOn(const std::string& date) {
    for (auto& m : meetings->meetings()) {
      if (isoDate(m.startsAt) == date.substr(0, 10)) {
        return m;
      }
    }
    return Error(ErrorCode::NotFound, "meeting.not_found", "no meeting on " + date);
  }

  PlatformClient* server = nullptr;
  GroupReplica* replica = nullptr;
  CaseBook* cases = nullptr;
  MeetingBook* meetings = nullptr;

 private:
  const ServerEndpoint& endpoint_;
  std::filesystem::path dir_;
  std::string passphraseFile_;
  std::ostream& notices_;
  std::unique_ptr<Workspace> ws_;

  // What this device did about revoked devices, or what waits for a
  // coordinator: on stderr, so that scripts reading the output are not misled.
  void tellRevocations() {
    for (const auto& e : ws_->exclusions()) {
      notices_ << (e.wholeMember ? "Removed member " : "Removed device(s) of member ")
               << hex(e.user.view()).substr(0, 8) << " from the group ("
               << (e.why == crypto::DeviceStanding::Revoked ? "revoked" : "certificate expired")
               << "); new epoch " << ws_->replica().chain().state().epoch
               << ": nothing written from now on reaches them.\n";
    }
    if (const auto& problem = ws_->exclusionProblem()) {
      notices_ << "Warning: revoked or expired devices could not be taken out of the group yet ("
               << describeForPerson(*problem) << "); this is tried again at every sync.\n";
    }
    for (const auto& r : ws_->replica().refusedRecords()) {
      notices_ << "Warning: version " << r.version << " of object "
               << hex(r.object.view()).substr(0, 8) << " by device "
               << hex(r.author.view()).substr(0, 8)
               << " was refused and the one before kept: " << r.why.message()
               << ". Tell the group's coordinator.\n";
    }
    if (const auto& w = ws_->witnesses(); w && !w->ok) {
      notices_ << "Warning: the group asks that " << w->required
               << " of its agencies witness the server's log, but "
               << (w->agencies < w->required
                       ? std::string("no checkpoint has been witnessed by that many")
                       : "none has done so in the last two days (last " + isoDate(w->newestAt) +
                             ")")
               << "; until then the log's record rests on the server alone.\n";
    }
    for (const auto& d : ws_->awaitingExclusion()) {
      notices_ << "Warning: device " << hex(d.id.view()).substr(0, 8) << " of member "
               << hex(d.user.view()).substr(0, 8)
               << " has been revoked or its certificate has expired, but is still in the group "
                  "until a coordinator syncs; it still holds the current group key.\n";
    }
  }
};

}  // namespace

int WorkflowCli::withCasePseudonyms(const std::string& caseNumber,
                                    const std::function<int(deid::PseudonymBook&)>& use) {
  Session s(endpoint_, profileDir_, passphraseFile_, err_);
  int code = 0;
  const Status done = [&]() -> Status {
    SAMRAD_TRY(s.openGroup());
    SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(caseNumber));
    if (c.referringAgency != s.profile().agency) {
      return Error(ErrorCode::PermissionDenied, "deid.pseudonyms_not_referrer",
                   "only the referring agency keeps the case's pseudonyms; this device belongs "
                   "to another agency");
    }
    PseudonymStore store(s.store().database());
    SAMRAD_ASSIGN_OR_RETURN(auto book, store.load(s.replica->group(), c.id));
    code = use(book);
    return store.save(s.replica->group(), c.id, book);
  }();
  if (!done) {
    err_ << describeForPerson(done.error()) << '\n';
    return 1;
  }
  return code;
}

WorkflowCli::WorkflowCli(CLI::App& app, ServerEndpoint& endpoint, std::ostream& out,
                         std::ostream& err)
    : endpoint_(endpoint), out_(out), err_(err), o_(std::make_unique<Opts>()) {
  if (const char* env = std::getenv("SAMRAD_PROFILE")) {
    profileDir_ = env;
  }
  app.add_option("-p,--profile", profileDir_, "the device profile folder (env SAMRAD_PROFILE)");
  app.add_option("--passphrase-file", passphraseFile_,
                 "file holding the profile's passphrase (else env SAMRAD_PASSPHRASE)");
  Opts& o = *o_;
  auto session = [this] { return Session(endpoint_, profileDir_, passphraseFile_, err_); };
  // Runs a command body; an error becomes a sentence and exit code 1.
  auto run = [this](const std::function<Status()>& body) {
    return [this, body]() -> int {
      Status s = body();
      if (s) {
        return 0;
      }
      err_ << describeForPerson(s.error()) << '\n';
      return 1;
    };
  };

  // ---- sync -------------------------------------------------------------------
  // What a writing command sends as it ends, on its own: after a command was
  // cut off (closed laptop, killed process), the edits it kept go now.
  add(&app, "sync",
      "send the edits waiting on this device, receive what changed, and list edits kept as "
      "conflicts",
      run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto r, s.replica->push(*s.server));
        const auto kept = s.replica->conflicts();
        out_ << "sent=" << r.sent << " waiting=" << r.waiting << " conflicts=" << kept.size()
             << '\n';
        for (const auto& c : kept) {
          out_ << "conflict " << c.kind << ' ' << c.id.hex().substr(0, 8)
               << " (your edit of version " << c.baseVersion << "; the server has "
               << c.serverVersion << ')'
               << (c.refusedReason.empty() ? "" : ", refused: " + c.refusedReason) << '\n';
        }
        if (r.waiting > 0) {
          return Error(ErrorCode::Unavailable, "sync.waiting",
                       "the server could not be reached; the change is kept and sent next time");
        }
        return s.workspace().sync(std::chrono::milliseconds(0));
      }));

  // ---- profile ----------------------------------------------------------------
  auto* profile = app.add_subcommand("profile", "this device's keys, enrolment and pinned roots");
  profile->require_subcommand(1);
  auto* init =
      add(profile, "init", "create a device profile and print its identity request",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_ASSIGN_OR_RETURN(auto agency, idArg<crypto::AgencyId>(o.agency, "--agency"));
            SAMRAD_TRY(s.create());
            s.profile().agency = agency;
            s.profile().role = roleNames().at(o.role);
            s.profile().device.userCertificate = {};
            s.profile().device.deviceCertificate = {};
            SAMRAD_TRY(s.save());
            out_ << identityRequest(s.profile());
            return okStatus();
          }));
  init->add_option("--agency", o.agency, "your agency's id (32 hex digits)")->required();
  init->add_option("--role", o.role, "member, lawyer or external")
      ->check(CLI::IsMember({"member", "lawyer", "external"}));
  add(profile, "show", "who this device is, its group and the roots it pinned",
      run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        const auto& p = s.profile();
        out_ << "user:     " << hex(p.device.user.view()) << '\n'
             << "device:   " << hex(p.device.device.view()) << '\n'
             << "agency:   " << hex(p.agency.view()) << '\n'
             << "enrolled: " << (p.enrolled ? "yes" : "no") << '\n'
             << "group:    " << (p.group ? hex(p.group->view()) : "-") << '\n';
        for (const auto& [a, k] : p.pinned) {
          out_ << "pinned:   " << hex(a.view()) << "  safety "
               << crypto::formatSafetyNumber(crypto::safetyFingerprintDigits(a.view(), k)) << '\n';
        }
        return okStatus();
      }));
  add(profile, "request", "print the identity request to give your agency administrator",
      run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        out_ << identityRequest(s.profile());
        return okStatus();
      }));
  auto* enrol = add(
      profile, "enrol", "enrol this device with the certificate and one-time code you were given",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_ASSIGN_OR_RETURN(auto text, readText(o.certificate, "the certificate"));
        SAMRAD_ASSIGN_OR_RETURN(auto cert, parseUserCertificateFile(text));
        SAMRAD_TRY(s.workspace().enrol(endpoint_, cert, o.code, now()));
        out_ << "This device is enrolled and logged in.\n";
        return okStatus();
      }));
  enrol->add_option("--certificate", o.certificate, "the user certificate file")
      ->required()
      ->check(CLI::ExistingFile);
  enrol->add_option("--code", o.code, "the one-time enrolment code")->required();
  add(profile, "card", "print the member card to give the group's coordinator",
      run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        if (!s.profile().enrolled) {
          return Error(ErrorCode::FailedPrecondition, "profile.not_enrolled",
                       "enrol this device first");
        }
        out_ << memberCard(s.profile());
        return okStatus();
      }));
  auto* pin = add(
      profile, "pin", "pin an agency's root key after comparing its safety number in person",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_ASSIGN_OR_RETURN(auto a, idArg<crypto::AgencyId>(o.agency, "--agency"));
        Bytes raw;
        if (!crypto::fromHex(o.root, raw)) {
          return usage("--root must be hex");
        }
        SAMRAD_ASSIGN_OR_RETURN(auto key, crypto::SigningPublicKey::fromBytes(raw));
        s.profile().pin(a, key);
        if (!o.name.empty()) {
          s.profile().agencyNames[a] = o.name;
        }
        SAMRAD_TRY(s.save());
        out_ << "Pinned. Safety number: "
             << crypto::formatSafetyNumber(crypto::safetyFingerprintDigits(a.view(), key)) << '\n';
        return okStatus();
      }));
  pin->add_option("--agency", o.agency, "the agency's id")->required();
  pin->add_option("--root", o.root, "the agency's root public key, hex")->required();
  pin->add_option("--name", o.name, "what you call the agency, e.g. \"Polisen Nordstad\"");
  auto* trust =
      add(profile, "trust",
          "pin the agency keys (and the log key) of a coordinator's 'Save agency keys' file",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.open());
            SAMRAD_ASSIGN_OR_RETURN(auto text, readText(o.trustFile, "the agency keys"));
            SAMRAD_ASSIGN_OR_RETURN(auto keys, parseAgencyKeys(text));
            SAMRAD_ASSIGN_OR_RETURN(auto logKey, parseLogKey(text));
            if (logKey) SAMRAD_TRY(pinLogKey(s.profile(), *logKey));
            for (const auto& k : keys) {
              s.profile().pin(k.agency, k.root);
              if (!k.name.empty()) s.profile().agencyNames[k.agency] = k.name;
              out_ << "Pinned " << (k.name.empty() ? crypto::toHex(k.agency.view()) : k.name)
                   << ". Safety number: "
                   << crypto::formatSafetyNumber(
                          crypto::safetyFingerprintDigits(k.agency.view(), k.root))
                   << '\n';
            }
            SAMRAD_TRY(s.save());
            out_ << (logKey ? "The log key is pinned: this device accepts no other.\n"
                            : "The file holds no log key: the first the server shows is kept.\n")
                 << "Compare every safety number with the agency's own before you rely on it.\n";
            return okStatus();
          }));
  trust->add_option("--file", o.trustFile, "the agency keys file")->required();

  // ---- agency and users (administrators) ------------------------------------------
  auto* agency = app.add_subcommand("agency", "an agency's root and administrator");
  agency->require_subcommand(1);
  auto* boot =
      add(agency, "bootstrap",
          "create an agency root and its administrator's device in a new profile (operator key)",
          run([this, &o, session]() -> Status {
            std::ifstream in(o.operatorKey, std::ios::binary);
            const std::string raw((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
            if (raw.size() != 32) {
              return usage("--operator-key is not a server operator key");
            }
            Session s = session();
            SAMRAD_TRY(s.create());
            Agency a;
            auto admin = DeviceIdentity::issue(a, crypto::UserRole::Administrator, now(),
                                               std::int64_t{2} * 365 * kDay);
            SAMRAD_TRY(s.connect(false));
            SAMRAD_ASSIGN_OR_RETURN(
                auto code,
                s.server->bootstrapAgency(crypto::toHex(crypto::asBytes(raw)), a.id, o.kindNumber,
                                          a.root.publicKey(), admin.userCertificate.serialize()));
            SAMRAD_TRY(s.server->enrollDevice(code, admin.deviceCertificate.serialize()));
            SAMRAD_TRY(s.server->login(admin.device, admin.signing));
            auto& p = s.profile();
            p.agency = a.id;
            p.role = crypto::UserRole::Administrator;
            p.enrolled = true;
            p.pin(a.id, a.root.publicKey());
            if (!o.name.empty()) {
              p.agencyNames[a.id] = o.name;
            }
            p.device = std::move(admin);
            p.agencyRoot = std::move(a);
            SAMRAD_TRY(s.save());
            out_ << "agency=" << hex(p.agency.view()) << '\n'
                 << "root=" << hex(p.agencyRoot->root.publicKey().view()) << '\n'
                 << "safety="
                 << crypto::formatSafetyNumber(crypto::safetyFingerprintDigits(
                        p.agency.view(), p.agencyRoot->root.publicKey()))
                 << '\n';
            return okStatus();
          }));
  boot->add_option("--operator-key", o.operatorKey, "the server's operator.key file")
      ->required()
      ->check(CLI::ExistingFile);
  boot->add_option("--name", o.name, "the agency's name as its members call it");
  boot->add_option("--kind", o.kindNumber,
                   "1 police, 2 social services, 3 healthcare, 4 legal unit, 5 external")
      ->check(CLI::Range(1, 5));
  auto* user = app.add_subcommand("user", "register your agency's users (administrators)");
  user->require_subcommand(1);
  auto* reg =
      add(user, "register",
          "certify a user from their identity request, register them and print a one-time code",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.open());
            if (!s.profile().agencyRoot) {
              return Error(ErrorCode::PermissionDenied, "auth.not_admin",
                           "only the agency administrator's profile holds the agency root");
            }
            SAMRAD_ASSIGN_OR_RETURN(auto text, readText(o.requestFile, "the identity request"));
            SAMRAD_ASSIGN_OR_RETURN(auto req, parseIdentityRequest(text));
            if (req.agency != s.profile().agency) {
              return usage("the request is for another agency; its own administrator registers it");
            }
            const auto cert = crypto::issueUserCertificate(
                s.profile().agencyRoot->root,
                {req.user, req.agency, roleNames().at(o.role), req.identityKey,
                 now() - crypto::kClockSkewSeconds, now() + o.validDays * kDay,
                 static_cast<std::uint64_t>(now())});
            SAMRAD_TRY(s.connect());
            SAMRAD_TRY(s.server->registerUser(cert.serialize()));
            SAMRAD_ASSIGN_OR_RETURN(auto code, s.server->issueEnrollmentCode(req.user));
            std::ofstream(o.out) << userCertificateFile(cert);
            out_ << "code=" << code << '\n';
            return okStatus();
          }));
  reg->add_option("--request", o.requestFile, "the identity request file")
      ->required()
      ->check(CLI::ExistingFile);
  reg->add_option("--role", o.role, "member, lawyer or external")
      ->check(CLI::IsMember({"member", "lawyer", "external"}));
  reg->add_option("--valid-days", o.validDays, "how long the certificate is valid")
      ->check(CLI::Range(1, 3 * 365));
  reg->add_option("--out", o.out, "where to write the user certificate")->required();
  auto* urevoke =
      add(user, "revoke",
          "revoke a user of your agency who has left, with every device of theirs (administrator); "
          "their groups' coordinators take them out with a new epoch",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.open());
            SAMRAD_ASSIGN_OR_RETURN(auto u, idArg<crypto::UserId>(o.user, "--user"));
            SAMRAD_TRY(s.connect());
            SAMRAD_ASSIGN_OR_RETURN(auto at, s.server->revokeUser(u));
            out_ << "revoked " << hex(u.view()).substr(0, 8) << " at " << dateTime(at) << " UTC\n";
            return okStatus();
          }));
  urevoke->add_option("--user", o.user, "the user's id")->required();
  auto* drevoke =
      add(user, "revoke-device",
          "revoke one device (a lost or stolen computer): its own user or their administrator; "
          "their groups' coordinators take it out with a new epoch",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.open());
            SAMRAD_ASSIGN_OR_RETURN(auto d, idArg<crypto::DeviceId>(o.device, "--device"));
            SAMRAD_TRY(s.connect());
            SAMRAD_ASSIGN_OR_RETURN(auto at, s.server->revokeDevice(d));
            out_ << "revoked device " << hex(d.view()).substr(0, 8) << " at " << dateTime(at)
                 << " UTC\n";
            return okStatus();
          }));
  drevoke->add_option("--device", o.device, "the device's id")->required();

  // ---- the agency's recovery key (administrators) ----------------------------------
  auto* recovery = app.add_subcommand("recovery", "the agency's recovery key (administrators)");
  recovery->require_subcommand(1);
  auto* rcreate = add(
      recovery, "create",
      "make the agency's recovery key: print its sheet (17 words and a QR code) to keep on "
      "paper, register it with the server, and write its card for the groups' coordinators",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        if (!s.profile().agencyRoot) {
          return Error(ErrorCode::PermissionDenied, "auth.not_admin",
                       "only the agency administrator's profile holds the agency root");
        }
        const auto seed = newRecoverySeed();
        SAMRAD_ASSIGN_OR_RETURN(auto key,
                                issueRecoveryIdentity(*s.profile().agencyRoot, seed, now(),
                                                      std::int64_t{o.validDays} * kDay));
        SAMRAD_TRY(s.connect());
        SAMRAD_TRY(s.server->registerUser(key.userCertificate.serialize()));
        SAMRAD_ASSIGN_OR_RETURN(auto code, s.server->issueEnrollmentCode(key.user));
        SAMRAD_TRY(s.server->enrollDevice(code, key.deviceCertificate.serialize()));
        // Only the public half goes to a file.
        std::ofstream(o.out) << "# Samråd recovery key card: give this file to the coordinators of "
                                "your agency's groups (samrad-cli group add --member FILE).\n"
                             << memberCardOf(key);
        const auto named = s.profile().agencyNames.find(s.profile().agency);
        std::string words = recoveryWords(seed);
        out_ << cli::recoverySheet(named != s.profile().agencyNames.end()
                                       ? named->second
                                       : hex(s.profile().agency.view()).substr(0, 8),
                                   words, dateTime(now()), hex(key.user.view()).substr(0, 8));
        crypto::wipeMemory(words.data(), words.size());
        return okStatus();
      }));
  rcreate->add_option("--card", o.out, "where to write the recovery key's card (public)")
      ->required();
  auto* rrestore = add(
      recovery, "restore",
      "give a member's new device the group's history with the agency's recovery key (its 17 "
      "words are read from standard input, never from the command line)",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_ASSIGN_OR_RETURN(auto groupId, idArg<crypto::GroupId>(o.group, "--group"));
        SAMRAD_ASSIGN_OR_RETURN(auto target, idArg<crypto::DeviceId>(o.device, "--device"));
        std::optional<crypto::UserId> inPlaceOf;
        if (!o.user.empty()) {
          SAMRAD_ASSIGN_OR_RETURN(inPlaceOf, idArg<crypto::UserId>(o.user, "--in-place-of"));
        }
        std::cerr << "Återställningsnyckelns 17 ord (från bladet), avsluta med Enter:\n";
        // As printed: rows of four, one row per line if the person likes.
        std::string words;
        std::size_t count = 0;
        for (std::string line; count < kRecoveryWords && std::getline(std::cin, line);) {
          std::istringstream row(line);
          for (std::string w; row >> w;) ++count;
          words += line + " ";
          crypto::wipeMemory(line.data(), line.size());
        }
        auto seed = seedFromWords(words);
        crypto::wipeMemory(words.data(), words.size());
        if (!seed) return seed.error();
        SAMRAD_ASSIGN_OR_RETURN(auto key, recoveryKeys(*seed));
        SAMRAD_ASSIGN_OR_RETURN(auto channel, openChannel(s.endpoint()));
        PlatformClient server(channel);
        SAMRAD_TRY(server.login(key.device, key.signing));
        // A store for this run only, removed afterwards: nothing of the
        // group stays on the administrator's computer.
        const auto dir = std::filesystem::temp_directory_path() /
                         ("samrad-recovery-" + hex(crypto::randomBytes(8)));
        struct Cleanup {
          std::filesystem::path dir;
          ~Cleanup() {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
          }
        } cleanup{dir};
        SAMRAD_ASSIGN_OR_RETURN(auto store,
                                KeyStore::create(dir, crypto::randomBytes(32), kKdfFloor));
        const crypto::UserId recoveryUser = key.user;
        SAMRAD_ASSIGN_OR_RETURN(auto replica, GroupReplica::open(store->database(), std::move(key),
                                                                 s.profile().roots, groupId));
        SAMRAD_TRY(replica->refreshChain(server));
        SAMRAD_TRY(replica->pull(server, std::chrono::milliseconds(2000)));
        CaseBook cases(*replica, s.profile().agency, recoveryUser);
        SAMRAD_ASSIGN_OR_RETURN(auto report,
                                restoreHistory(*replica, cases, server, target, now(), inPlaceOf));
        out_ << "The new device now has the group's history: " << report.epochs << " key epoch(s), "
             << report.cases << " case(s)";
        if (report.casesWithout > 0) {
          out_ << "; " << report.casesWithout
               << " case(s) were opened before the recovery key joined the group and are not "
                  "included — the referring agency shares them";
        }
        out_ << ".\n";
        return okStatus();
      }));
  rrestore->add_option("--group", o.group, "the group's id")->required();
  rrestore->add_option("--device", o.device, "the member's new device (its id)")->required();
  rrestore->add_option("--in-place-of", o.user,
                       "when the new device was enrolled as a new person: the user id of the "
                       "person it replaces (their epochs are given back too)");
  rcreate->add_option("--valid-days", o.validDays, "how long the recovery key is valid")
      ->check(CLI::Range(1, 10 * 365));

  // ---- group ------------------------------------------------------------------------
  auto* group = app.add_subcommand("group", "the consultation group");
  group->require_subcommand(1);
  auto* create = add(
      group, "create", "create a group with you as coordinator and the members' cards",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_TRY(s.connect());
        crypto::OpCreate op{{s.profile().device.memberSpec(crypto::GroupRole::Coordinator)}};
        for (const auto& arg : o.members) {
          const auto colon = arg.rfind(':');
          std::string file = arg;
          crypto::GroupRole role = crypto::GroupRole::Member;
          if (colon != std::string::npos) {
            const std::string r = arg.substr(colon + 1);
            file = arg.substr(0, colon);
            if (r == "lawyer") {
              role = crypto::GroupRole::Lawyer;
            } else if (r == "observer") {
              role = crypto::GroupRole::Observer;
            } else if (r != "member") {
              return usage("a member's role is member, lawyer or observer");
            }
          }
          SAMRAD_ASSIGN_OR_RETURN(auto text, readText(file, "a member card"));
          SAMRAD_ASSIGN_OR_RETURN(auto spec, parseMemberCard(text, role));
          op.members.push_back(std::move(spec));
        }
        const auto id = crypto::GroupId::random();
        crypto::MembershipChain chain(s.profile().roots, {});
        SAMRAD_ASSIGN_OR_RETURN(
            auto genesis,
            chain.makeLink(id, op, now(), s.profile().device.signing, s.profile().device.device));
        SAMRAD_TRY(chain.append(genesis));
        SAMRAD_TRY(s.server->createGroup(genesis.serialize(), crypto::randomBytes(16)));
        const auto key = crypto::SecretBytes::random(32);
        SAMRAD_ASSIGN_OR_RETURN(
            auto bundle,
            crypto::makeEpochKeyBundle(chain, key, nullptr, s.profile().device.signing,
                                       s.profile().device.device, {}, chain.state().lastTime));
        SAMRAD_TRY(s.server->putEpochKeys(id, bundle.serialize()));
        s.profile().group = id;
        SAMRAD_TRY(s.save());
        out_ << "group=" << hex(id.view()) << '\n'
             << "group code (read it aloud): " << crypto::groupCode(id, chain.state().head) << '\n';
        return okStatus();
      }));
  create->add_option("--member", o.members, "a member card FILE[:member|lawyer|observer]")
      ->required();
  auto* use =
      add(group, "use", "work in this group from now on", run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.open());
            SAMRAD_ASSIGN_OR_RETURN(auto id, idArg<crypto::GroupId>(o.group, "--group"));
            s.profile().group = id;
            SAMRAD_TRY(s.save());
            SAMRAD_TRY(s.openGroup());
            out_ << "group code (compare it aloud): "
                 << crypto::groupCode(id, s.replica->chain().state().head) << '\n';
            return okStatus();
          }));
  use->add_option("--group", o.group, "the group's id")->required();
  auto* gadd = add(
      group, "add", "add a member from their card (coordinator)",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        for (const auto& arg : o.members) {
          const auto colon = arg.rfind(':');
          const std::string file = colon == std::string::npos ? arg : arg.substr(0, colon);
          const std::string r = colon == std::string::npos ? "member" : arg.substr(colon + 1);
          const crypto::GroupRole role = r == "lawyer"     ? crypto::GroupRole::Lawyer
                                         : r == "observer" ? crypto::GroupRole::Observer
                                                           : crypto::GroupRole::Member;
          SAMRAD_ASSIGN_OR_RETURN(auto text, readText(file, "a member card"));
          SAMRAD_ASSIGN_OR_RETURN(auto spec, parseMemberCard(text, role));
          // An agency's recovery key joins through its own, visible link.
          SAMRAD_ASSIGN_OR_RETURN(
              auto who,
              crypto::verifyUserCertificate(spec.userCertificate, s.profile().roots, now(), {}));
          if (who.role == crypto::UserRole::Recovery) {
            spec.role = crypto::GroupRole::Recovery;
            SAMRAD_TRY(s.replica->changeMembership(
                *s.server, crypto::OpRecoveryEscrow{std::move(spec)}, now()));
            continue;
          }
          SAMRAD_TRY(
              s.replica->changeMembership(*s.server, crypto::OpAddMember{std::move(spec)}, now()));
        }
        const auto& st = s.replica->chain().state();
        out_ << "Added. New group code (read it aloud): " << crypto::groupCode(st.group, st.head)
             << '\n';
        return okStatus();
      }));
  gadd->add_option("--member", o.members, "a member card FILE[:member|lawyer|observer]")
      ->required();
  auto* gremove = add(
      group, "remove", "remove a member: a new epoch at once, nothing new reaches them",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto u, idArg<crypto::UserId>(o.user, "--user"));
        if (s.replica->chain().state().members.count(u) == 0) {
          return Error(ErrorCode::NotFound, "group.not_member", "that user is not in the group");
        }
        SAMRAD_TRY(s.replica->changeMembership(*s.server, crypto::OpRemoveMember{u}, now()));
        // An open intake moves to the new epoch, out of the removed member's reach.
        if (s.server->intakeKey(s.replica->group())) {
          AdviceInbox inbox(*s.replica, *s.server, s.profile().device, s.profile().roots);
          SAMRAD_TRY(statusOf(inbox.openIntake(now())));
        }
        const auto& st = s.replica->chain().state();
        out_ << "Removed; epoch " << st.epoch
             << ". New group code: " << crypto::groupCode(st.group, st.head) << '\n';
        return okStatus();
      }));
  gremove->add_option("--user", o.user, "the member's user id")->required();
  add(group, "show", "the group's members, roles and code", run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        const auto& st = s.replica->chain().state();
        out_ << "group code: " << crypto::groupCode(st.group, st.head) << "  epoch " << st.epoch
             << '\n';
        for (const auto& [u, m] : st.members) {
          const auto named = s.profile().agencyNames.find(m.certificate.agency);
          const bool known = named != s.profile().agencyNames.end();
          out_ << hex(u.view()) << "  agency " << hex(m.certificate.agency.view())
               << (known ? " (" + named->second + ")" : std::string()) << "  "
               << (m.role != crypto::GroupRole::Recovery ? groupRoleSv(m.role)
                   : known                               ? recoveryKeyLabelSv(named->second)
                                                         : std::string("återställningsnyckel"))
               << '\n';
        }
        return okStatus();
      }));

  auto* gwitness =
      add(group, "witnesses",
          "how many of the group's agencies must witness the server's log (coordinator; 0: none)",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_TRY(
                setWitnessPolicy(*s.replica, s.profile().device.device, o.witnessAgencies, now()));
            SAMRAD_TRY(s.send());
            out_ << (o.witnessAgencies == 0
                         ? std::string("The group asks for no witnesses of the log.\n")
                         : "Every member's client now warns unless " +
                               std::to_string(o.witnessAgencies) +
                               " of the group's agencies have witnessed the log in the last two "
                               "days.\n");
            return okStatus();
          }));
  gwitness->add_option("--agencies", o.witnessAgencies, "agencies required (0: none)")->required();

  // ---- cases ------------------------------------------------------------------------
  auto* cases = app.add_subcommand("case", "cases (ärenden)");
  cases->require_subcommand(1);
  auto* refer =
      add(cases, "refer", "refer a case for your agency", run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            Referral r;
            r.number = o.number;
            r.kind = o.kind == "consented" ? CaseKind::Consented : CaseKind::Deidentified;
            r.urgency = o.urgency == "acute"          ? Urgency::Acute
                        : o.urgency == "consultative" ? Urgency::Consultative
                                                      : Urgency::Planned;
            r.childrenInvolved = o.children;
            SAMRAD_ASSIGN_OR_RETURN(r.brief, readText(o.briefFile, "the brief"));
            r.review.keptAll = o.acceptFindings;
            SAMRAD_ASSIGN_OR_RETURN(r.review.quasi, o.quasi.resolve());
            for (const auto& a : o.shareWith) {
              SAMRAD_ASSIGN_OR_RETURN(auto id, idArg<crypto::AgencyId>(a, "--share-with"));
              r.sharedWith.push_back(id);
            }
            for (const auto& u : o.recuse) {
              SAMRAD_ASSIGN_OR_RETURN(auto id, idArg<crypto::UserId>(u, "--recuse"));
              r.recused.push_back(id);
            }
            r.now = now();
            auto referred = s.cases->refer(r);
            if (!referred) return withDeidHint(referred.error());
            const auto& c = *referred;
            SAMRAD_TRY(s.send());
            out_ << "Referred " << c.number << " (" << kindName(c.kind) << ", "
                 << urgencyName(c.urgency) << ").\n";
            return okStatus();
          }));
  refer->add_option("--number", o.number, "the pseudonymous case number, e.g. NRS-2026-017")
      ->required();
  refer->add_option("--kind", o.kind, "deidentified or consented")
      ->check(CLI::IsMember({"deidentified", "consented"}));
  refer->add_option("--urgency", o.urgency, "acute, planned or consultative")
      ->check(CLI::IsMember({"acute", "planned", "consultative"}));
  refer->add_flag("--children", o.children, "children are involved");
  refer->add_flag("--accept-findings", o.acceptFindings,
                  "send a de-identified brief although the check found something (you looked)");
  refer->add_option("--brief-file", o.briefFile, "the brief, UTF-8 (- for standard input)")
      ->required();
  refer->add_option("--share-with", o.shareWith, "a consented case: the agencies it names");
  refer->add_option("--recuse", o.recuse, "a member who must not see the case (user id)");
  addQuasiOptions(refer, o.quasi, "--child-count");
  add(cases, "list", "the cases this device may read", run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        // The coordinator is told which cases repeat which; the referring
        // agency only that its case does.
        std::map<crypto::CaseId, std::vector<crypto::CaseId>> flagged;
        if (s.workspace().isCoordinator()) {
          SAMRAD_ASSIGN_OR_RETURN(auto flags, s.cases->repeatFlags(*s.server));
          for (auto& f : flags) flagged[f.caseId] = std::move(f.earlier);
        }
        const auto all = s.cases->cases();
        auto numberOf = [&](const crypto::CaseId& id) -> std::string {
          for (const auto& c : all) {
            if (c.id == id) return c.number;
          }
          return "(ett ärende du inte läser)";
        };
        for (const auto& c : all) {
          std::string repeat;
          if (auto f = flagged.find(c.id); f != flagged.end()) {
            repeat = "  UPPREPAD av";
            for (const auto& e : f->second) repeat += " " + numberOf(e);
          } else if (c.repeatReferral) {
            repeat = "  UPPREPAD";
          }
          out_ << c.number << "  " << kindName(c.kind) << "  " << urgencyName(c.urgency) << "  "
               << statusName(c.status) << "  anmält " << isoDate(c.referredAt)
               << (c.childrenInvolved ? "  barn" : "") << repeat
               << (c.consentEnded ? "  samtycke upphört" : "") << '\n';
        }
        return okStatus();
      }));
  auto* show = add(cases, "show", "one case with its brief", run([this, &o, session]() -> Status {
                     Session s = session();
                     SAMRAD_TRY(s.openGroup());
                     SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.number));
                     out_ << c.number << "  " << kindName(c.kind) << "  " << urgencyName(c.urgency)
                          << "  " << statusName(c.status) << "\n\n"
                          << c.brief << '\n';
                     return okStatus();
                   }));
  show->add_option("number", o.number, "the case number")->required();
  auto* status = add(
      cases, "status", "move a case on: on-agenda or active", run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.number));
        const CaseStatus to = o.status == "active" ? CaseStatus::Active : CaseStatus::OnAgenda;
        SAMRAD_TRY(s.cases->setStatus(c.id, to, now()));
        SAMRAD_TRY(s.send());
        out_ << c.number << ": " << statusName(to) << ".\n";
        return okStatus();
      }));
  status->add_option("number", o.number, "the case number")->required();
  status->add_option("--to", o.status, "on-agenda or active")
      ->required()
      ->check(CLI::IsMember({"on-agenda", "active"}));
  auto* close = add(cases, "close", "close a case (starts its retention time)",
                    run([this, &o, session]() -> Status {
                      Session s = session();
                      SAMRAD_TRY(s.openGroup());
                      SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.number));
                      SAMRAD_TRY(s.cases->close(*s.server, c.id, now()));
                      out_ << "Closed " << c.number << ".\n";
                      return okStatus();
                    }));
  close->add_option("number", o.number, "the case number")->required();
  auto* followup = add(
      cases, "followup", "record the case's follow-up (uppföljning): before, during, after support",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.number));
        auto& book = s.workspace().followUps();
        FollowUp f = book.find(c.id).value_or(FollowUp{});
        f.caseId = c.id;
        static const std::map<std::string, std::uint32_t> kinds = {
            {"physical", kPhysical}, {"psychological", kPsychological},
            {"sexual", kSexual},     {"economic", kEconomic},
            {"digital", kDigital},   {"honour", kHonour}};
        if (!o.violence.empty()) {
          f.violenceKinds = 0;
          for (const auto& v : o.violence) f.violenceKinds |= kinds.at(v);
        }
        if (!o.living.empty()) {
          f.living = o.living == "alone"              ? LivingSituation::Alone
                     : o.living == "with-perpetrator" ? LivingSituation::WithPerpetrator
                     : o.living == "with-others"      ? LivingSituation::WithOthers
                     : o.living == "sheltered"        ? LivingSituation::Sheltered
                                                      : LivingSituation::Other;
        }
        if (o.childCount >= 0) f.children = static_cast<std::uint32_t>(o.childCount);
        if (!o.riskMethod.empty()) f.riskMethod = o.riskMethod;
        if (!o.risk.empty()) {
          f.risk = o.risk == "low"        ? RiskLevel::Low
                   : o.risk == "moderate" ? RiskLevel::Moderate
                                          : RiskLevel::High;
          f.assessedAt = now();
        }
        for (const auto& m : o.measures) {
          const auto colon = m.find(':');
          if (colon == std::string::npos) return usage("--measure is AGENCY_ID:what was done");
          SAMRAD_ASSIGN_OR_RETURN(auto by,
                                  idArg<crypto::AgencyId>(m.substr(0, colon), "--measure"));
          f.measures.push_back({by, m.substr(colon + 1), now()});
        }
        if (!o.after.empty()) {
          f.after = o.after == "stopped"     ? ViolenceAfter::Stopped
                    : o.after == "reduced"   ? ViolenceAfter::Reduced
                    : o.after == "unchanged" ? ViolenceAfter::Unchanged
                    : o.after == "increased" ? ViolenceAfter::Increased
                                             : ViolenceAfter::NotKnown;
          f.followedUpAt = now();
        }
        if (!o.goals.empty()) {
          f.goals = o.goals == "yes"      ? GoalsMet::Yes
                    : o.goals == "partly" ? GoalsMet::Partly
                                          : GoalsMet::No;
        }
        if (!o.ownWords.empty()) f.ownWords = o.ownWords;
        if (!o.closure.empty()) {
          f.closure = o.closure == "goals-met"           ? ClosureReason::GoalsMet
                      : o.closure == "moved"             ? ClosureReason::Moved
                      : o.closure == "declined"          ? ClosureReason::Declined
                      : o.closure == "consent-withdrawn" ? ClosureReason::ConsentWithdrawn
                                                         : ClosureReason::Other;
          f.closedAt = now();
        }
        SAMRAD_TRY(book.record(f, now()));
        SAMRAD_TRY(s.send());
        out_ << "Follow-up of " << c.number << " recorded.\n";
        return okStatus();
      }));
  followup->add_option("number", o.number, "the case number")->required();
  followup->add_option("--living", o.living, "living situation")
      ->check(CLI::IsMember({"alone", "with-perpetrator", "with-others", "sheltered", "other"}));
  followup->add_option("--children", o.childCount, "number of children in the household");
  followup->add_option("--violence", o.violence, "kinds of violence before support")
      ->check(
          CLI::IsMember({"physical", "psychological", "sexual", "economic", "digital", "honour"}));
  followup->add_option("--risk-method", o.riskMethod, "risk assessment method, e.g. Patriark");
  followup->add_option("--risk", o.risk, "assessed risk")
      ->check(CLI::IsMember({"low", "moderate", "high"}));
  followup->add_option("--measure", o.measures, "a measure during support: AGENCY_ID:what");
  followup->add_option("--after", o.after, "violence after support, as reported")
      ->check(CLI::IsMember({"stopped", "reduced", "unchanged", "increased", "not-known"}));
  followup->add_option("--goals", o.goals, "were the goals met")
      ->check(CLI::IsMember({"yes", "partly", "no"}));
  followup->add_option("--own-words", o.ownWords, "the person's own answer");
  followup->add_option("--closure", o.closure, "why the support ended")
      ->check(CLI::IsMember({"goals-met", "moved", "declined", "consent-withdrawn", "other"}));
  auto* share =
      add(cases, "share", "give the case's content to members who joined after it was referred",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.number));
            SAMRAD_TRY(s.cases->share(*s.server, c.id));
            out_ << "Shared " << c.number << " with everyone its scope names now.\n";
            return okStatus();
          }));
  share->add_option("number", o.number, "the case number")->required();
  auto* person = add(
      cases, "person", "register who the case is about (a person tag) and check for a repeat",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.number));
        const int year = static_cast<int>(1970 + now() / (365.2425 * kDay));
        SAMRAD_ASSIGN_OR_RETURN(auto check, s.cases->registerPerson(*s.server, c.id, o.pnr, year));
        SAMRAD_TRY(s.send());
        if (!check.repeat) {
          out_ << "No earlier referral of this person in the last 12 months.\n";
        } else {
          out_ << "Repeat referral: this person was referred to the group within the last 12 "
                  "months; the coordinator sees which case.\n";
        }
        return okStatus();
      }));
  person->add_option("number", o.number, "the case number")->required();
  person->add_option("--pnr", o.pnr, "personnummer or samordningsnummer (never sent or kept)")
      ->required();

  // ---- consent ----------------------------------------------------------------------
  auto* consent = app.add_subcommand("consent", "consent records (samtycke)");
  consent->require_subcommand(1);
  auto* creg =
      add(consent, "register", "register the consent of a case your agency referred",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.caseNumber));
            ConsentForm f;
            f.caseId = c.id;
            f.oslWaiver = o.osl;
            f.gdprBasis = o.gdpr;
            for (const auto& a : o.recipients) {
              SAMRAD_ASSIGN_OR_RETURN(auto id, idArg<crypto::AgencyId>(a, "--recipient"));
              f.recipients.push_back(id);
            }
            f.categories = o.categories;
            f.purpose = o.purpose;
            SAMRAD_ASSIGN_OR_RETURN(f.validFrom, parseTime(o.from, "--from"));
            SAMRAD_ASSIGN_OR_RETURN(f.validUntil, parseTime(o.until, "--until"));
            f.method = o.method == "oral" ? ConsentMethod::OralWithWitness : ConsentMethod::Written;
            f.witness = o.witness;
            f.formTemplate = o.formTemplate;
            f.formVersion = o.formVersion;
            SAMRAD_ASSIGN_OR_RETURN(auto formText, readText(o.formTextFile, "the form text"));
            f.formTextHash = crypto::sha256(crypto::asBytes(formText));
            auto& book = s.consent();
            if (!o.scanFile.empty()) {
              std::ifstream scan(o.scanFile, std::ios::binary);
              if (!scan) return usage("cannot read the scanned form " + o.scanFile);
              SAMRAD_ASSIGN_OR_RETURN(f, book.attachScannedForm(std::move(f), scan));
            }
            SAMRAD_TRY(statusOf(book.registerConsent(f, now())));
            out_ << "Consent registered for " << c.number << ", valid " << isoDate(f.validFrom)
                 << " – " << isoDate(f.validUntil) << ".\n";
            return okStatus();
          }));
  creg->add_option("--case", o.caseNumber, "the case number")->required();
  creg->add_option("--osl", o.osl, "the confidentiality waiver and its provision")->required();
  creg->add_option("--gdpr", o.gdpr, "the GDPR legal basis the agencies process under")->required();
  creg->add_option("--recipient", o.recipients, "a recipient agency (id)")->required();
  creg->add_option(
          "--category", o.categories,
          "an information category: the form's (våld i nära relation, hälsa, brott, boende, "
          "ekonomi, barn — in Swedish, in English or by code) or your own words")
      ->required();
  creg->add_option("--purpose", o.purpose, "what the information may be used for")->required();
  creg->add_option("--from", o.from, "valid from (YYYY-MM-DD)")->required();
  creg->add_option("--until", o.until, "valid until (YYYY-MM-DD)")->required();
  creg->add_option("--method", o.method, "written or oral")
      ->check(CLI::IsMember({"written", "oral"}));
  creg->add_option("--witness", o.witness, "the witness of an oral consent: name and title");
  creg->add_option("--template", o.formTemplate, "the form template's name")->required();
  creg->add_option("--template-version", o.formVersion, "the form template's version")->required();
  creg->add_option("--scanned-form", o.scanFile,
                   "the signed form, scanned (PDF or image): encrypted for the case's devices")
      ->check(CLI::ExistingFile);
  creg->add_option("--form-text-file", o.formTextFile, "the form's text, to record its hash")
      ->required()
      ->check(CLI::ExistingFile);
  auto* cw = add(consent, "withdraw", "register a withdrawal (återkallelse): access ends at once",
                 run([this, &o, session]() -> Status {
                   Session s = session();
                   SAMRAD_TRY(s.openGroup());
                   SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.caseNumber));
                   auto& book = s.consent();
                   SAMRAD_ASSIGN_OR_RETURN(
                       auto r, book.withdraw(c.id,
                                             o.method == "oral" ? ConsentMethod::OralWithWitness
                                                                : ConsentMethod::Written,
                                             o.note, now()));
                   out_ << "Consent withdrawn for " << c.number << ": " << r.narrowed
                        << " item(s) now with the referring agency only, " << r.deleted
                        << " deleted.\n";
                   return okStatus();
                 }));
  cw->add_option("--case", o.caseNumber, "the case number")->required();
  cw->add_option("--method", o.method, "written or oral")
      ->check(CLI::IsMember({"written", "oral"}));
  cw->add_option("--note", o.note, "how and when the person withdrew")->required();
  add(consent, "list", "the group's consent register as the server enforces it",
      run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_TRY(s.connect());
        if (!s.profile().group) {
          return usage("this profile has no group yet");
        }
        SAMRAD_ASSIGN_OR_RETURN(auto all, s.server->listConsents(*s.profile().group));
        for (const auto& c : all) {
          const char* st = c.status == ConsentState::Active      ? "gällande"
                           : c.status == ConsentState::Withdrawn ? "återkallat"
                                                                 : "upphört";
          out_ << hex(c.caseId.view()) << "  " << st << "  " << isoDate(c.validFrom) << " – "
               << isoDate(c.validUntil) << "  " << c.recipients.size() << " mottagare"
               << (c.endedAt != 0 ? "  slut " + isoDate(c.endedAt) : std::string()) << '\n';
        }
        return okStatus();
      }));
  auto* formCmd = add(consent, "form", "save the case's scanned consent form, decrypted",
                      run([this, &o, session]() -> Status {
                        Session s = session();
                        SAMRAD_TRY(s.openGroup());
                        SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.caseNumber));
                        auto& book = s.consent();
                        std::ostringstream plain;
                        SAMRAD_TRY(book.scannedForm(c.id, plain));
                        std::ofstream file(o.out, std::ios::binary);
                        file << plain.str();
                        if (!file) return usage("cannot write " + o.out);
                        out_ << "Saved the scanned form of " << c.number << " to " << o.out
                             << ".\n";
                        return okStatus();
                      }));
  formCmd->add_option("--case", o.caseNumber, "the case number")->required();
  formCmd->add_option("--out", o.out, "where to save it")->required();
  auto* receipt = add(
      consent, "receipt", "print the receipt for the person", run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.caseNumber));
        auto& book = s.consent();
        auto r = book.find(c.id);
        if (!r) {
          return Error(ErrorCode::NotFound, "consent.not_found",
                       "the case has no consent record on this device");
        }
        out_ << consentReceipt(*r, c.number, {}, o.organisation, o.note,
                               o.lang == "en" ? Language::English : Language::Swedish);
        return okStatus();
      }));
  receipt->add_option("--case", o.caseNumber, "the case number")->required();
  receipt->add_option("--agency-name", o.organisation, "your agency's name")->required();
  receipt->add_option("--contact", o.note, "how the person reaches you to withdraw")->required();
  receipt->add_option("--lang", o.lang, "sv or en")->check(CLI::IsMember({"sv", "en"}));

  // ---- meetings and actions -----------------------------------------------------------
  auto* meeting = app.add_subcommand("meeting", "meetings, agenda, attendance, minutes");
  meeting->require_subcommand(1);
  auto* sched = add(
      meeting, "schedule", "plan weekly meetings (coordinator)",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto first, parseTime(o.first, "--first"));
        SAMRAD_ASSIGN_OR_RETURN(auto statement, readText(o.statementFile, "the statement"));
        SAMRAD_ASSIGN_OR_RETURN(
            auto series, s.meetings->scheduleWeekly(first, static_cast<std::uint32_t>(o.duration),
                                                    o.place, o.count, statement));
        SAMRAD_TRY(s.send());
        for (const auto& m : series) {
          out_ << dateTime(m.startsAt) << "  " << m.place << '\n';
        }
        return okStatus();
      }));
  sched->add_option("--first", o.first, "the first meeting, e.g. 2026-12-03T09:00 (UTC)")
      ->required();
  sched->add_option("--count", o.count, "how many weekly meetings")->check(CLI::Range(1, 104));
  sched->add_option("--duration", o.duration, "minutes")->check(CLI::Range(15, 600));
  sched->add_option("--place", o.place, "where")->required();
  sched
      ->add_option("--statement-file", o.statementFile,
                   "the confidentiality statement read at the start")
      ->required()
      ->check(CLI::ExistingFile);
  add(meeting, "list", "the group's meetings", run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        for (const auto& m : s.meetings->meetings()) {
          out_ << dateTime(m.startsAt) << "  " << m.place << "  " << m.agenda.size() << " punkter"
               << (m.status == MeetingStatus::Cancelled ? "  inställt" : "")
               << (m.status == MeetingStatus::Held ? "  genomfört" : "") << '\n';
        }
        return okStatus();
      }));
  auto* agenda =
      add(meeting, "agenda", "show a meeting's agenda (--build: the coordinator fills it in order)",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
            if (o.build) {
              SAMRAD_ASSIGN_OR_RETURN(m, s.meetings->buildAgenda(m.id));
              SAMRAD_TRY(s.send());
            }
            std::map<crypto::CaseId, std::string> numbers;
            for (const auto& c : s.cases->cases()) {
              numbers[c.id] = c.number;
            }
            int n = 0;
            for (const auto& e : m.agenda) {
              out_ << ++n << ". ";
              if (e.caseId) {
                auto it = numbers.find(*e.caseId);
                out_ << (it != numbers.end() ? it->second : "(ärende du inte kan läsa)");
              } else {
                out_ << "rådfrågning";
              }
              out_ << "  " << e.minutesAllotted << " min\n";
            }
            return okStatus();
          }));
  agenda->add_option("--meeting", o.meeting, "the meeting's date, e.g. 2026-12-03")->required();
  agenda->add_flag("--build", o.build, "build it in the prescribed order (coordinator)");
  auto* reorder =
      add(meeting, "reorder", "put the agenda in another order, e.g. --order 2,1,3 (coordinator)",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
            std::vector<crypto::ObjectId> order;
            std::istringstream in(o.text);
            std::string part;
            while (std::getline(in, part, ',')) {
              char* end = nullptr;
              const long n = std::strtol(part.c_str(), &end, 10);
              if (end == part.c_str() || n < 1 || static_cast<std::size_t>(n) > m.agenda.size()) {
                return usage("--order lists the agenda's item numbers, 1-" +
                             std::to_string(m.agenda.size()) + ", separated by commas");
              }
              order.push_back(m.agenda[static_cast<std::size_t>(n - 1)].item);
            }
            SAMRAD_TRY(s.meetings->reorderAgenda(m.id, order));
            SAMRAD_TRY(s.send());
            out_ << "Agenda reordered.\n";
            return okStatus();
          }));
  reorder->add_option("--meeting", o.meeting, "the meeting's date")->required();
  reorder->add_option("--order", o.text, "every item number once, in the new order")->required();
  auto* cancel =
      add(meeting, "cancel", "cancel a meeting (coordinator)", run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
            SAMRAD_TRY(s.meetings->setStatus(m.id, MeetingStatus::Cancelled));
            SAMRAD_TRY(s.send());
            out_ << "Meeting of " << dateTime(m.startsAt) << " cancelled.\n";
            return okStatus();
          }));
  cancel->add_option("--meeting", o.meeting, "the meeting's date")->required();
  auto* attend =
      add(meeting, "attend", "confirm the confidentiality statement, signed",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
            SAMRAD_ASSIGN_OR_RETURN(auto statement, readText(o.statementFile, "the statement"));
            SAMRAD_TRY(s.meetings->confirmAttendance(m.id, statement, now()));
            SAMRAD_TRY(s.send());
            out_ << "Attendance confirmed.\n";
            return okStatus();
          }));
  attend->add_option("--meeting", o.meeting, "the meeting's date")->required();
  attend->add_option("--statement-file", o.statementFile, "the statement as read")->required();
  auto* minutes = add(
      meeting, "minutes", "write the minutes of an agenda item",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
        if (o.item < 1 || static_cast<std::size_t>(o.item) > m.agenda.size()) {
          return usage("--item is the agenda item's number, 1-" + std::to_string(m.agenda.size()));
        }
        const auto& e = m.agenda[static_cast<std::size_t>(o.item - 1)];
        Minutes mm;
        if (auto existing = s.meetings->minutes(m.id, e.item)) {
          mm = *existing;
        }
        mm.meeting = m.id;
        mm.item = e.item;
        mm.caseId = e.caseId;
        mm.summary = o.summary;
        mm.decisions = o.decisions;
        SAMRAD_TRY(s.meetings->writeMinutes(mm));
        SAMRAD_TRY(s.send());
        out_ << "Minutes saved.\n";
        return okStatus();
      }));
  minutes->add_option("--meeting", o.meeting, "the meeting's date")->required();
  minutes->add_option("--item", o.item, "the agenda item's number")->required();
  minutes->add_option("--summary", o.summary, "what was said")->required();
  minutes->add_option("--decision", o.decisions, "a decision (repeat for more)");
  auto* approve = add(meeting, "approve", "approve the minutes, signed (coordinator)",
                      run([this, &o, session]() -> Status {
                        Session s = session();
                        SAMRAD_TRY(s.openGroup());
                        SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
                        SAMRAD_ASSIGN_OR_RETURN(auto a, s.meetings->approve(m.id, now(), o.note));
                        SAMRAD_TRY(s.send());
                        out_ << "Minutes approved, version " << a.minutesVersion << ".\n";
                        return okStatus();
                      }));
  approve->add_option("--meeting", o.meeting, "the meeting's date")->required();
  approve->add_option("--reason", o.note, "for an amendment: why the approved minutes change");

  auto* action = app.add_subcommand("action", "actions (åtgärder) and their follow-up");
  action->require_subcommand(1);
  auto* aadd =
      add(action, "add", "add an action for an agency", run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.caseNumber));
            SAMRAD_ASSIGN_OR_RETURN(auto m, s.meetingOn(o.meeting));
            SAMRAD_ASSIGN_OR_RETURN(auto owner, idArg<crypto::AgencyId>(o.agency, "--agency"));
            SAMRAD_ASSIGN_OR_RETURN(auto due, parseTime(o.due, "--due"));
            SAMRAD_ASSIGN_OR_RETURN(auto a, s.meetings->addAction(c.id, m.id, owner, std::nullopt,
                                                                  o.description, due, now()));
            SAMRAD_TRY(s.send());
            out_ << "action=" << hex(a.id.view()) << '\n';
            return okStatus();
          }));
  aadd->add_option("--case", o.caseNumber, "the case number")->required();
  aadd->add_option("--meeting", o.meeting, "the meeting that decided it")->required();
  aadd->add_option("--agency", o.agency, "the agency that owns it (id)")->required();
  aadd->add_option("--description", o.description, "what is to be done")->required();
  aadd->add_option("--due", o.due, "due date (YYYY-MM-DD)")->required();
  auto* overdue = add(action, "list", "actions (--overdue: open and past due, oldest first)",
                      run([this, &o, session]() -> Status {
                        Session s = session();
                        SAMRAD_TRY(s.openGroup());
                        const auto list =
                            o.build ? s.meetings->overdue(now()) : s.meetings->actions();
                        for (const auto& a : list) {
                          out_ << hex(a.id.view()) << "  förfaller " << isoDate(a.dueAt) << "  "
                               << (a.status == ActionStatus::Open   ? "öppen"
                                   : a.status == ActionStatus::Done ? "klar"
                                                                    : "ej utförd")
                               << "  " << a.description << '\n';
                        }
                        return okStatus();
                      }));
  overdue->add_flag("--overdue", o.build, "only open actions past their due date");
  auto* areview =
      add(action, "review", "record an action's outcome (and why, if not done)",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto id, idArg<crypto::ObjectId>(o.action, "--action"));
            const ActionStatus st = o.status == "done"       ? ActionStatus::Done
                                    : o.status == "not-done" ? ActionStatus::NotDone
                                                             : ActionStatus::Open;
            const ActionReview rv = o.review == "changed"       ? ActionReview::CircumstancesChanged
                                    : o.review == "did-not-act" ? ActionReview::AgencyDidNotAct
                                                                : ActionReview::None;
            SAMRAD_TRY(s.meetings->reviewAction(id, st, rv, o.note, now()));
            SAMRAD_TRY(s.send());
            out_ << "Action reviewed.\n";
            return okStatus();
          }));
  areview->add_option("--action", o.action, "the action's id")->required();
  areview->add_option("--status", o.status, "done, not-done or open")
      ->required()
      ->check(CLI::IsMember({"done", "not-done", "open"}));
  areview->add_option("--review", o.review, "why: changed (circumstances) or did-not-act")
      ->check(CLI::IsMember({"changed", "did-not-act"}));
  areview->add_option("--note", o.note, "what happened");

  // ---- advice -------------------------------------------------------------------------
  auto* advice = app.add_subcommand("advice", "advice requests (rådfrågning)");
  advice->require_subcommand(1);
  add(advice, "open", "open the group for advice requests (coordinator)",
      run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        AdviceInbox inbox(*s.replica, *s.server, s.profile().device, s.profile().roots);
        SAMRAD_ASSIGN_OR_RETURN(auto key, inbox.openIntake(now()));
        out_ << "group=" << hex(s.replica->group().view()) << '\n'
             << "intake fingerprint (give it to requesters): " << intakeFingerprint(key) << '\n';
        return okStatus();
      }));
  auto* allow =
      add(advice, "allow", "let an external requester ask the group (coordinator)",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto u, idArg<crypto::UserId>(o.user, "--user"));
            AdviceInbox inbox(*s.replica, *s.server, s.profile().device, s.profile().roots);
            SAMRAD_TRY(inbox.allowRequester(u, true));
            out_ << "Allowed.\n";
            return okStatus();
          }));
  allow->add_option("--user", o.user, "the requester's user id")->required();
  add(advice, "inbox", "the group's advice requests", run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        AdviceInbox inbox(*s.replica, *s.server, s.profile().device, s.profile().roots);
        SAMRAD_ASSIGN_OR_RETURN(auto all, inbox.requests());
        for (const auto& r : all) {
          out_ << hex(r.id.view()) << "  " << isoDate(r.submittedAt) << "  " << r.organisation
               << (r.requesterVerified ? "" : "  (requester's agency not pinned)") << "\n  "
               << r.question << '\n';
          if (r.answer) {
            out_ << "  Svar: " << *r.answer << '\n';
          }
        }
        return okStatus();
      }));
  auto* answer =
      add(advice, "answer", "answer a request, sealed to the requester",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            SAMRAD_ASSIGN_OR_RETURN(auto id, idArg<crypto::ObjectId>(o.request, "--request"));
            AdviceInbox inbox(*s.replica, *s.server, s.profile().device, s.profile().roots);
            SAMRAD_TRY(statusOf(inbox.answer(id, o.text, std::nullopt, now())));
            out_ << "Answered.\n";
            return okStatus();
          }));
  answer->add_option("--request", o.request, "the request's id")->required();
  answer->add_option("--text", o.text, "the answer")->required();
  auto* ask = add(
      advice, "ask", "ask a group a de-identified question (external requester)",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_TRY(s.connect());
        SAMRAD_ASSIGN_OR_RETURN(auto g, idArg<crypto::GroupId>(o.group, "--group"));
        SAMRAD_ASSIGN_OR_RETURN(auto q, readText(o.questionFile, "the question"));
        DeidReview review;
        review.keptAll = o.acceptFindings;
        SAMRAD_ASSIGN_OR_RETURN(review.quasi, o.quasi.resolve());
        AdviceDesk desk(*s.server, s.profile().device, s.profile().roots, &s.store().database());
        const auto type = o.orgType == "health"   ? RequesterOrganisation::Healthcare
                          : o.orgType == "social" ? RequesterOrganisation::SocialServices
                                                  : RequesterOrganisation::Other;
        auto asked = desk.ask(g, q, o.organisation, type, now(), review);
        if (!asked) return withDeidHint(asked.error());
        const auto id = *asked;
        out_ << "request=" << hex(id.view()) << '\n';
        return okStatus();
      }));
  ask->add_option("--group", o.group, "the group's id")->required();
  ask->add_flag("--accept-findings", o.acceptFindings,
                "send although the de-identification check found something (you looked)");
  ask->add_option("--question-file", o.questionFile, "the question, de-identified (- for stdin)")
      ->required();
  addQuasiOptions(ask, o.quasi);
  ask->add_option("--organisation", o.organisation, "who asks, e.g. Socialtjänsten, Bräcke")
      ->required();
  ask->add_option("--type", o.orgType, "social, health or other")
      ->check(CLI::IsMember({"social", "health", "other"}));
  auto* mine = add(advice, "mine", "your own requests and their answers (external requester)",
                   run([this, &o, session]() -> Status {
                     Session s = session();
                     SAMRAD_TRY(s.open());
                     SAMRAD_TRY(s.connect());
                     SAMRAD_ASSIGN_OR_RETURN(auto g, idArg<crypto::GroupId>(o.group, "--group"));
                     AdviceDesk desk(*s.server, s.profile().device, s.profile().roots,
                                     &s.store().database());
                     SAMRAD_ASSIGN_OR_RETURN(auto all, desk.mine(g));
                     for (const auto& r : all) {
                       out_ << hex(r.id.view()) << "  " << isoDate(r.submittedAt) << "  "
                            << (r.answer ? "besvarad" : "väntar") << "\n  " << r.question << '\n';
                       if (r.answer) {
                         out_ << "  Svar: " << *r.answer << '\n';
                       }
                     }
                     return okStatus();
                   }));
  mine->add_option("--group", o.group, "the group's id")->required();

  // ---- statistics -----------------------------------------------------------------------
  auto* stats = add(
      &app, "stats", "the group's statistics for a period, computed here (small counts as <5)",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        std::int64_t from = 0;
        std::int64_t to = 0;
        if (!o.from.empty() || !o.until.empty()) {
          SAMRAD_ASSIGN_OR_RETURN(from,
                                  parseTime(o.from.empty() ? "1970-01-01" : o.from, "--from"));
          SAMRAD_ASSIGN_OR_RETURN(to, parseTime(o.until.empty() ? "9999-12-31" : o.until, "--to"));
        } else {
          const int year = o.year != 0 ? o.year : [] {
            const std::time_t t = now();
            std::tm tm{};
            gmtime_r(&t, &tm);
            return tm.tm_year + 1900;
          }();
          SAMRAD_ASSIGN_OR_RETURN(from, parseTime(std::to_string(year) + "-01-01", "--year"));
          SAMRAD_ASSIGN_OR_RETURN(to, parseTime(std::to_string(year + 1) + "-01-01", "--year"));
        }
        if (to <= from) return usage("--to must come after --from");
        SAMRAD_ASSIGN_OR_RETURN(auto input, s.workspace().statisticsInput());
        const auto st = computeStatistics(input, from, to, now());
        std::map<crypto::AgencyId, std::string> names = s.profile().agencyNames;
        if (o.csv) {
          out_ << statisticsCsv(st, names);
        } else {
          out_ << statisticsJson(st, names);
        }
        return okStatus();
      }));
  stats->add_option("--year", o.year, "a calendar year (default: this year)");
  stats->add_option("--from", o.from, "the first day, e.g. 2026-01-01");
  stats->add_option("--to", o.until, "the day after the last, e.g. 2027-01-01");
  stats->add_flag("--json", o.json, "JSON (the default)");
  stats->add_flag("--csv", o.csv, "CSV: section,key,measure,value");

  // ---- retention ----------------------------------------------------------------------
  auto* retention = app.add_subcommand("retention", "how long the server keeps closed cases");
  retention->require_subcommand(1);
  auto* rset = add(
      retention, "set", "set the group's retention policy (coordinator)",
      run([this, &o, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.openGroup());
        SAMRAD_ASSIGN_OR_RETURN(
            auto p, s.server->setRetentionPolicy(
                        s.replica->group(), {o.deidMonths, o.consentedMonths, o.consentYears, 0},
                        crypto::randomBytes(16)));
        out_ << "Policy set: de-identified cases " << p.deidentifiedCaseMonths
             << " months, consented cases " << p.consentedCaseMonths << " months, consent records "
             << p.consentRecordYears << " years after closure (0 = kept).\n";
        return okStatus();
      }));
  rset->add_option("--deidentified-months", o.deidMonths, "a closed de-identified case's content");
  rset->add_option("--consented-months", o.consentedMonths, "a closed consented case's content");
  rset->add_option("--consent-years", o.consentYears, "the consent record and scanned form");
  add(retention, "show", "the group's retention policy", run([this, session]() -> Status {
        Session s = session();
        SAMRAD_TRY(s.open());
        SAMRAD_TRY(s.connect());
        if (!s.profile().group) {
          return usage("this profile has no group yet");
        }
        SAMRAD_ASSIGN_OR_RETURN(auto p, s.server->retentionPolicy(*s.profile().group));
        out_ << "deidentified_case_months=" << p.deidentifiedCaseMonths << '\n'
             << "consented_case_months=" << p.consentedCaseMonths << '\n'
             << "consent_record_years=" << p.consentRecordYears << '\n';
        return okStatus();
      }));

  auto* audit = app.add_subcommand("audit", "the audit bundle a lawyer checks offline");
  audit->require_subcommand(1);
  auto* aexport =
      add(audit, "export",
          "write the log's record of the group for a period into a new folder (consent events, "
          "reads of cases, membership changes), with proofs",
          run([this, &o, session]() -> Status {
            Session s = session();
            SAMRAD_TRY(s.openGroup());
            AuditExportRequest r;
            r.group = s.replica->group();
            SAMRAD_ASSIGN_OR_RETURN(r.from, parseTime(o.from, "--from"));
            SAMRAD_ASSIGN_OR_RETURN(r.to, parseTime(o.until, "--to"));
            if (o.until.size() == 10) r.to += kDay;  // a date: to the end of that day
            r.now = now();
            r.witnessedBy = o.cosignatures;
            if (!o.caseNumber.empty()) {
              crypto::CaseId id;
              crypto::Bytes bytes;
              if (crypto::fromHex(o.caseNumber, bytes) && bytes.size() == crypto::kIdSize) {
                SAMRAD_ASSIGN_OR_RETURN(id, crypto::CaseId::fromBytes(bytes));
              } else {
                SAMRAD_ASSIGN_OR_RETURN(auto c, s.caseByNumber(o.caseNumber));
                id = c.id;
              }
              r.caseId = id;
            }
            SAMRAD_ASSIGN_OR_RETURN(
                auto sum, exportAuditBundle(*s.server, s.replica->log(), s.profile().device,
                                            agencyKeysFile(s.profile()), r, o.out));
            out_ << "Bundle written to " << o.out << ": log entries " << sum.first << " to "
                 << (sum.end == 0 ? 0 : sum.end - 1) << " of " << sum.logSize << " ("
                 << (sum.end - sum.first) << " in the period, " << sum.contextEntries
                 << " earlier ones for context), " << sum.files << " files.\n"
                 << "Check it with: samrad-cli audit verify " << o.out << "\n";
            return okStatus();
          }));
  aexport->add_option("--out", o.out, "the new folder for the bundle")->required();
  aexport->add_option("--from", o.from, "the first day, e.g. 2026-10-01")->required();
  aexport->add_option("--to", o.until, "the last day, e.g. 2026-10-31")->required();
  aexport->add_option("--case", o.caseNumber, "only this case in the report (number or id)");
  aexport->add_option("--witnessed", o.cosignatures,
                      "use the latest checkpoint cosigned by this many agencies");
  auto* averify =
      add(audit, "verify",
          "check a bundle offline: signatures, every inclusion proof, no gap, the manifest; "
          "prints the report (exit 1 naming each failure)",
          run([this, &o]() -> Status {
            AuditVerifyOptions v;
            v.logKey = o.logKey;
            if (!o.trustFile.empty()) {
              SAMRAD_ASSIGN_OR_RETURN(auto text, readText(o.trustFile, "the trusted agency keys"));
              SAMRAD_ASSIGN_OR_RETURN(v.trustedAgencies, parseAgencyKeys(text));
            }
            v.requiredCosignatures = o.cosignatures;
            const auto result = verifyAuditBundle(o.bundle, v);
            if (!result.report.empty()) out_ << result.report << '\n';
            if (result.ok()) {
              out_ << "VERIFIED: " << result.proofs << " inclusion proofs, " << result.entries
                   << " entries, no gap; every signature and every file checks out.\n";
              if (o.logKey.empty()) {
                auto vkey = readText(o.bundle + "/log.vkey", "log.vkey");
                out_ << "The log key was taken from the bundle: compare it with the one your "
                        "agency holds: "
                     << (vkey ? *vkey : std::string("?\n"));
              }
              return okStatus();
            }
            for (const auto& f : result.failures) {
              err_ << "FAILED " << f.file << ": " << f.reason << '\n';
            }
            return Error(ErrorCode::DataLoss, "audit.failed",
                         "the bundle does not verify: " + std::to_string(result.failures.size()) +
                             " problem(s), each named above");
          }));
  averify->add_option("bundle", o.bundle, "the bundle's folder")->required();
  averify->add_option("--log-key", o.logKey, "the log's verifier key as your agency holds it");
  averify->add_option("--trust", o.trustFile,
                      "agency keys you trust (the members page's 'Save agency keys' file)");
  averify->add_option("--cosignatures", o.cosignatures,
                      "how many agencies you trust (--trust, required then) must have cosigned "
                      "the checkpoint, within its window");
}

std::optional<int> WorkflowCli::run() {
  for (const auto& c : commands_) {
    if (c.sub->parsed()) {
      return c.body();
    }
  }
  return std::nullopt;
}

}  // namespace samrad::client
