#include "workspace_controller.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaObject>
#include <chrono>
#include <fstream>
#include <sstream>

#include "connection_controller.h"
#include "samrad/client/key_store.h"
#include "samrad/crypto/identity_checks.h"

namespace samrad::app {

using namespace std::chrono_literals;

namespace {

std::int64_t nowSeconds() {
  return QDateTime::currentSecsSinceEpoch();
}

bool isVerification(const Error& e) {
  return e.reason().rfind("verify.", 0) == 0;
}

}  // namespace

// ---- Snapshot ----------------------------------------------------------------------

QString Snapshot::agencyName(const crypto::AgencyId& a) const {
  for (const auto& v : agencies) {
    if (v.id == a) {
      return QString::fromStdString(v.name);
    }
  }
  return QCoreApplication::translate("samrad", "Unknown agency (%1)")
      .arg(QString::fromStdString(crypto::toHex(a.view()).substr(0, 8)));
}

const client::CaseRecord* Snapshot::findCase(const crypto::CaseId& id) const {
  for (const auto& c : cases) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

const client::ConsentRecord* Snapshot::consentOf(const crypto::CaseId& id) const {
  for (const auto& c : consents) {
    if (c.form.caseId == id) {
      return &c;
    }
  }
  return nullptr;
}

const client::Meeting* Snapshot::findMeeting(const crypto::ObjectId& id) const {
  for (const auto& m : meetings) {
    if (m.id == id) {
      return &m;
    }
  }
  return nullptr;
}

const client::Minutes* Snapshot::minutesOf(const crypto::ObjectId& meeting,
                                           const crypto::ObjectId& item) const {
  const auto it = minutes.find({meeting, item});
  return it == minutes.end() ? nullptr : &it->second;
}

const MemberView* Snapshot::member(const crypto::UserId& user) const {
  for (const auto& m : members) {
    if (m.user == user) {
      return &m;
    }
  }
  return nullptr;
}

const client::Meeting* Snapshot::nextMeeting(std::int64_t now) const {
  const client::Meeting* best = nullptr;
  for (const auto& m : meetings) {
    if (m.status != client::MeetingStatus::Planned) {
      continue;
    }
    // A meeting stays "next" until its end.
    if (m.startsAt + static_cast<std::int64_t>(m.durationMinutes) * 60 < now) {
      continue;
    }
    if (best == nullptr || m.startsAt < best->startsAt) {
      best = &m;
    }
  }
  return best;
}

// ---- the controller -------------------------------------------------------------------

WorkspaceController::WorkspaceController(client::ServerEndpoint endpoint,
                                         std::filesystem::path profileDir, QObject* parent)
    : QObject(parent), endpoint_(std::move(endpoint)), dir_(std::move(profileDir)) {
  thread_.setObjectName("samrad-workspace");
  worker_ = new QObject();
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  thread_.start();
  syncTimer_.setInterval(3000);
  connect(&syncTimer_, &QTimer::timeout, this, &WorkspaceController::syncNow);
}

WorkspaceController::~WorkspaceController() {
  syncTimer_.stop();
  // The workspace is dropped on its own thread, after any operation running there.
  QMetaObject::invokeMethod(
      worker_, [this] { ws_.reset(); }, Qt::BlockingQueuedConnection);
  thread_.quit();
  thread_.wait();
}

namespace {
constexpr const char* kOwnerFile = "owner";
}  // namespace

WorkspaceController::Owner WorkspaceController::profileOwner() const {
  Owner o;
  std::ifstream in(dir_ / kOwnerFile);
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq);
    const std::string value = line.substr(eq + 1);
    if (key == "agency") {
      o.agency = QString::fromStdString(value);
    } else if (key == "role") {
      const int r = std::atoi(value.c_str());
      if (r >= static_cast<int>(crypto::GroupRole::Coordinator) &&
          r <= static_cast<int>(crypto::GroupRole::Recovery)) {
        o.role = static_cast<crypto::GroupRole>(r);
      }
    } else if (key == "external") {
      o.external = value == "1";
    }
  }
  return o;
}

bool WorkspaceController::profileExists() const {
  std::error_code ec;
  return std::filesystem::exists(client::KeyStore::wrapPath(dir_), ec);
}

void WorkspaceController::setSyncInterval(int milliseconds) {
  syncTimer_.setInterval(milliseconds);
}

void WorkspaceController::post(std::function<void()> work) {
  if (++pending_ == 1) {
    emit busyChanged(true);
  }
  QMetaObject::invokeMethod(worker_, std::move(work), Qt::QueuedConnection);
}

void WorkspaceController::reportProgress(const QString& what, std::uint64_t done,
                                         std::uint64_t total) {
  QMetaObject::invokeMethod(
      this,
      [this, what, done, total] {
        emit progressChanged(what, static_cast<qint64>(done), static_cast<qint64>(total));
      },
      Qt::QueuedConnection);
}

void WorkspaceController::setSyncState(SyncState s, const QString& problem) {
  syncProblem_ = problem;
  if (s != syncState_) {
    syncState_ = s;
    emit syncStateChanged(s);
  }
}

void WorkspaceController::unlock(const QString& passphrase) {
  unlocking_ = true;
  QByteArray secret = passphrase.toUtf8();
  post([this, secret]() mutable {
    auto opened = client::Workspace::unlock(
        dir_, crypto::asBytes(std::string_view(secret.constData(), secret.size())));
    sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()));
    Status st = okStatus();
    std::optional<Snapshot> snap;
    std::optional<Error> away;  // opened from this computer's copy: why
    if (!opened.ok()) {
      st = opened.error();
    } else {
      auto& ws = **opened;
      st = ws.connect(endpoint_);
      const bool unreachable = !st && st.error().code() == ErrorCode::Unavailable;
      if (unreachable && ws.profile().role != crypto::UserRole::External) {
        // The server is away: the group from the encrypted copy here, and
        // the outbox keeps what is written until it answers.
        away = st.error();
        st = ws.openFromCopy(endpoint_);
        if (!st && st.error().reason() == "workspace.no_copy") st = *away;
      } else if (st && ws.profile().role != crypto::UserRole::External) {
        st = ws.openGroup(200ms);
      }
      if (st) {
        ws_ = std::move(*opened);
        snap = takeSnapshot();
      }
    }
    QMetaObject::invokeMethod(
        this,
        [this, st, away, snap = std::move(snap)]() mutable {
          unlocking_ = false;
          if (--pending_ == 0) {
            emit busyChanged(false);
          }
          if (!st) {
            if (isVerification(st.error())) {
              setSyncState(SyncState::VerificationFailed, describeWorkspaceError(st.error()));
              emit verificationFailed(describeWorkspaceError(st.error()));
            }
            emit unlockFailed(describeWorkspaceError(st.error()));
            return;
          }
          enterWorkspace(std::move(*snap));
          if (away) setSyncState(SyncState::Offline, describeWorkspaceError(*away));
        },
        Qt::QueuedConnection);
  });
}

// Whose profile this is, for the lock screen: a file created owner-only
// (0600, not following a link), one line per field, no control characters
// from the agency's name.
void WorkspaceController::writeOwner() const {
  std::string agency = snap_.agencyName(snap_.myAgency).toStdString();
  std::erase_if(agency, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  std::string text = "agency=" + agency + "\n";
  if (snap_.role) text += "role=" + std::to_string(static_cast<int>(*snap_.role)) + "\n";
  text += std::string("external=") + (snap_.external ? "1" : "0") + "\n";
  const std::string path = (dir_ / kOwnerFile).string();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return;  // the lock screen then shows no owner: nothing else depends on it
  if (::fchmod(fd, 0600) == 0) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    (void)n;
  }
  ::close(fd);
}

void WorkspaceController::enterWorkspace(Snapshot snap) {
  snap_ = std::move(snap);
  snap_.open = true;
  writeOwner();
  setSyncState(SyncState::UpToDate);
  syncTimer_.start();
  emit unlockedChanged(true);
  emit snapshotChanged();
}

void WorkspaceController::reportSetup(const Status& st, bool enter, Done done) {
  std::optional<Snapshot> snap;
  QString request, card, safety;
  if (ws_) {
    const auto& p = ws_->profile();
    request = QString::fromStdString(client::identityRequest(p));
    safety = QString::fromStdString(client::personalSafetyNumber(p));
    if (p.enrolled) {
      card = QString::fromStdString(client::memberCard(p));
    }
    if (st && enter) {
      snap = takeSnapshot();
    }
  }
  QMetaObject::invokeMethod(
      this,
      [this, st, snap = std::move(snap), done = std::move(done), request, card, safety]() mutable {
        if (--pending_ == 0) {
          emit busyChanged(false);
        }
        identityRequest_ = request;
        memberCard_ = card;
        safetyNumber_ = safety;
        if (st && snap) {
          enterWorkspace(std::move(*snap));
        }
        if (done) {
          done(st);
        }
      },
      Qt::QueuedConnection);
}

void WorkspaceController::setupStep(std::function<Status(client::Workspace&)> op, Done done,
                                    bool enter) {
  post([this, op = std::move(op), done = std::move(done), enter]() mutable {
    const Status st = ws_ ? op(*ws_)
                          : Status(Error(ErrorCode::FailedPrecondition, "workspace.locked",
                                         "the profile is locked"));
    reportSetup(st, enter, std::move(done));
  });
}

void WorkspaceController::createProfile(const QString& passphrase, const crypto::AgencyId& agency,
                                        crypto::UserRole role, const crypto::SigningPublicKey& root,
                                        const QString& agencyName, Done done) {
  QByteArray secret = passphrase.toUtf8();
  const std::string name = agencyName.toStdString();
  post([this, secret, agency, role, root, name, done = std::move(done)]() mutable {
    auto created = client::Workspace::create(
        dir_, crypto::asBytes(std::string_view(secret.constData(), secret.size())), kdf_);
    sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()));
    Status st = created.ok() ? okStatus() : Status(created.error());
    if (st) {
      ws_ = std::move(*created);
      st = ws_->initProfile(agency, role, root, name);
    }
    reportSetup(st, false, std::move(done));
  });
}

void WorkspaceController::enrol(const QString& certificateFile, const QString& code, Done done) {
  const std::string path = certificateFile.toStdString();
  const std::string oneTime = code.trimmed().toStdString();
  const client::ServerEndpoint endpoint = endpoint_;
  setupStep(
      [path, oneTime, endpoint](client::Workspace& ws) -> Status {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) {
          return Error(ErrorCode::InvalidArgument, "profile.bad_certificate",
                       "the certificate file cannot be read");
        }
        SAMRAD_ASSIGN_OR_RETURN(auto cert, client::parseUserCertificateFile(text.str()));
        return ws.enrol(endpoint, cert, oneTime, QDateTime::currentSecsSinceEpoch());
      },
      std::move(done), false);
}

void WorkspaceController::joinGroup(const crypto::GroupId& group,
                                    std::vector<client::AgencyKey> keys, std::string logKey,
                                    Done done) {
  setupStep(
      [group, keys = std::move(keys), logKey = std::move(logKey)](client::Workspace& ws) -> Status {
        if (!logKey.empty()) SAMRAD_TRY(client::pinLogKey(ws.profile(), logKey));
        for (const auto& k : keys) {
          ws.profile().pin(k.agency, k.root);
          if (!k.name.empty()) {
            ws.profile().agencyNames[k.agency] = k.name;
          }
        }
        ws.profile().group = group;
        SAMRAD_TRY(ws.saveProfile());
        if (ws.profile().role == crypto::UserRole::External) {
          return okStatus();
        }
        return ws.openGroup(std::chrono::milliseconds(200));
      },
      std::move(done), true);
}

void WorkspaceController::lock() {
  syncTimer_.stop();
  post([this] {
    ws_.reset();
    QMetaObject::invokeMethod(
        this,
        [this] {
          if (--pending_ == 0) {
            emit busyChanged(false);
          }
        },
        Qt::QueuedConnection);
  });
  const bool was = snap_.open;
  snap_ = Snapshot{};
  setSyncState(SyncState::Locked);
  if (was) {
    emit unlockedChanged(false);
    emit snapshotChanged();
  }
}

void WorkspaceController::run(const QString& what, Op op, Done done) {
  post([this, what, op = std::move(op), done = std::move(done)] {
    Status st = ws_ ? op(*ws_)
                    : Status(Error(ErrorCode::FailedPrecondition, "workspace.locked",
                                   "the profile is locked"));
    std::optional<Snapshot> snap;
    if (ws_) {
      snap = takeSnapshot();
    }
    QMetaObject::invokeMethod(
        this,
        [this, st, snap = std::move(snap), what, done]() mutable {
          finish(st, std::move(snap), what, done, false);
        },
        Qt::QueuedConnection);
  });
}

void WorkspaceController::peek(Op op, Done done) {
  post([this, op = std::move(op), done = std::move(done)] {
    Status st = ws_ ? op(*ws_)
                    : Status(Error(ErrorCode::FailedPrecondition, "workspace.locked",
                                   "the profile is locked"));
    QMetaObject::invokeMethod(
        this,
        [this, st, done] {
          if (snap_.open && done) done(st);
        },
        Qt::QueuedConnection);
  });
}

void WorkspaceController::syncNow() {
  if (!snap_.open || syncQueued_ || syncState_ == SyncState::VerificationFailed) {
    return;
  }
  syncQueued_ = true;
  if (syncState_ != SyncState::Offline) {
    setSyncState(SyncState::Syncing);
  }
  const std::uint64_t seenSeq = snap_.lastSeq;
  const std::size_t seenConflicts = snap_.conflicts;
  post([this, seenSeq, seenConflicts] {
    Status st = okStatus();
    std::optional<Snapshot> snap;
    if (ws_) {
      if (ws_->groupOpen()) {
        st = ws_->sync(150ms);
        if (st && ws_->replica().log().size() > 0) {
          st = ws_->replica().verifyLog(ws_->server());
        }
      }
      // A new snapshot only when something changed (or for the requester, whose
      // answers arrive without group events).
      const bool changed = !ws_->groupOpen() || ws_->replica().lastEventSeq() != seenSeq ||
                           ws_->replica().conflicts().size() != seenConflicts;
      if (changed) {
        snap = takeSnapshot();
      }
    }
    QMetaObject::invokeMethod(
        this,
        [this, st, snap = std::move(snap)]() mutable {
          syncQueued_ = false;
          finish(st, std::move(snap), QString(), {}, true);
        },
        Qt::QueuedConnection);
  });
}

void WorkspaceController::finish(const Status& status, std::optional<Snapshot> snap,
                                 const QString& what, const Done& done, bool quiet) {
  if (--pending_ == 0) {
    emit busyChanged(false);
  }
  if (!snap_.open) {
    // Locked meanwhile: nothing to show, and nothing opened over the lock
    // screen — the page hears that the profile is locked.
    if (done) {
      done(status ? Status(Error(ErrorCode::FailedPrecondition, "workspace.locked",
                                 "locked before the answer came"))
                  : status);
    }
    return;
  }
  if (snap) {
    snap_ = std::move(*snap);
    snap_.open = true;
  }
  if (!status) {
    const QString message = describeWorkspaceError(status.error());
    if (isVerification(status.error())) {
      syncTimer_.stop();
      setSyncState(SyncState::VerificationFailed, message);
      emit verificationFailed(message);
    } else if (status.error().code() == ErrorCode::Unavailable ||
               status.error().reason() == "sync.waiting" ||
               status.error().reason() == "rpc.unavailable") {
      setSyncState(SyncState::Offline, message);
    } else if (quiet) {
      setSyncState(SyncState::UpToDate, message);
    }
    if (!quiet) {
      emit operationFailed(what, message);
    }
  } else {
    setSyncState(SyncState::UpToDate);
    if (!quiet) {
      emit operationSucceeded(what);
    }
  }
  if (snap) {
    emit snapshotChanged();
  }
  if (done) {
    done(status);
  }
}

Snapshot WorkspaceController::takeSnapshot() {
  Snapshot s;
  auto& ws = *ws_;
  auto& p = ws.profile();
  s.me = p.device.user;
  s.myDevice = p.device.device;
  s.myAgency = p.agency;
  s.external = p.role == crypto::UserRole::External;
  s.takenAt = nowSeconds();
  for (const auto& [id, key] : p.pinned) {
    s.agencies.push_back(
        {id, ws.agencyName(id),
         crypto::formatSafetyNumber(crypto::safetyFingerprintDigits(id.view(), key))});
  }
  if (p.group) {
    s.groupId = crypto::toHex(p.group->view());
  }

  if (s.external) {
    if (p.group) {
      client::AdviceDesk desk(ws.server(), p.device, p.roots, &ws.store().database());
      auto mine = desk.mine(*p.group);
      if (mine.ok()) {
        s.advice = std::move(*mine);
      } else {
        s.adviceProblem = describeWorkspaceError(mine.error());
      }
    } else {
      s.adviceProblem = QCoreApplication::translate(
          "samrad",
          "This profile is not connected to a group yet. Ask the group's coordinator "
          "for the group's id.");
    }
    return s;
  }
  if (!ws.groupOpen()) {
    return s;
  }

  const auto& state = ws.replica().chain().state();
  s.coordinator = ws.isCoordinator();
  s.role = ws.groupRole();
  s.epoch = state.epoch;
  s.groupCode = crypto::groupCode(state.group, state.head);
  for (const auto& [user, m] : state.members) {
    MemberView v{user, m.certificate.agency, m.role, {}};
    for (const auto& [d, dev] : m.devices) {
      v.devices.push_back(d);
    }
    s.members.push_back(std::move(v));
  }
  for (const auto& e : ws.exclusions()) {
    s.excluded.push_back(
        {e.user, e.agency, e.wholeMember, e.why == crypto::DeviceStanding::Expired});
  }
  const std::int64_t at = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
  if (const auto& problem = ws.exclusionProblem()) {
    s.exclusionProblem = describeWorkspaceError(*problem);
  }
  if (const auto& w = ws.witnesses(); w && !w->ok) {
    s.witnessShortfall = *w;
  }
  for (const auto& r : ws.replica().refusedRecords()) s.refusedRecordAuthors.push_back(r.author);
  for (const auto& d : ws.awaitingExclusion()) {
    const auto* m = state.members.count(d.user) != 0 ? &state.members.at(d.user) : nullptr;
    s.awaitingExclusion.push_back(
        {d.user, m != nullptr ? m->certificate.agency : crypto::AgencyId{}, false,
         crypto::standingOf(d, ws.replica().revocations(), at) == crypto::DeviceStanding::Expired});
  }

  s.cases = ws.cases().cases();
  s.consents = ws.consent().all();
  s.repeatFlags = ws.repeatFlags();
  s.meetings = ws.meetings().meetings();
  for (const auto& m : s.meetings) {
    s.attendance[m.id] = ws.meetings().attendance(m.id);
    if (auto text = ws.meetings().statementText(m)) {
      s.statements[m.id] = *text;
    }
    for (const auto& e : m.agenda) {
      if (auto mins = ws.meetings().minutes(m.id, e.item)) {
        s.minutes[{m.id, e.item}] = *mins;
      }
    }
    if (auto a = ws.meetings().approval(m.id)) {
      s.approvals[m.id] = *a;
      s.changedSinceApproval[m.id] = ws.meetings().changedSinceApproval(m.id);
    }
  }
  s.actions = ws.meetings().actions();
  for (auto& f : ws.followUps().all()) {
    s.followUps[f.caseId] = std::move(f);
  }
  auto advice = ws.advice().requests();
  if (advice.ok()) {
    s.advice = std::move(*advice);
  } else {
    s.adviceProblem = describeWorkspaceError(advice.error());
  }
  const auto& log = ws.replica().log();
  s.logSize = log.size();
  s.logRoot = crypto::toHex(crypto::ByteView(log.root().bytes.data(), log.root().bytes.size()));
  s.checkpoint = log.checkpointNote();
  s.conflicts = ws.replica().conflicts().size();
  s.lastSeq = ws.replica().lastEventSeq();
  return s;
}

}  // namespace samrad::app
