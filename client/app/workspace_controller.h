// The desktop client's bridge to client/core: it owns the person's
// Workspace on a worker thread (network and crypto never run on the UI
// thread), runs each operation there one after another, and hands the
// widgets a Snapshot — a plain copy of what the device can read — after
// every operation and whenever the periodic sync brings something new.
// Widgets only display snapshots and ask for operations; no workflow logic
// lives in them.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "samrad/client/advice.h"
#include "samrad/client/cases.h"
#include "samrad/client/connection.h"
#include "samrad/client/consent.h"
#include "samrad/client/followup.h"
#include "samrad/client/key_store.h"
#include "samrad/client/meetings.h"
#include "samrad/client/workspace.h"

namespace samrad::app {

struct MemberView {
  crypto::UserId user;
  crypto::AgencyId agency;
  crypto::GroupRole role = crypto::GroupRole::Member;
  std::vector<crypto::DeviceId> devices;
};

// A device a revocation concerns: taken out of the group by this device
// (done), or still in it, waiting for a coordinator's computer.
struct RevocationView {
  crypto::UserId user;
  crypto::AgencyId agency;
  bool wholeMember = false;
  bool expired = false;  // else revoked
};

struct AgencyView {
  crypto::AgencyId id;
  std::string name;
  std::string safetyNumber;  // of the pinned root, to compare in person
};

// Everything the widgets show, copied out of the workspace on the worker.
struct Snapshot {
  bool open = false;
  bool external = false;  // an external requester: only their own advice
  crypto::UserId me;
  crypto::DeviceId myDevice;
  crypto::AgencyId myAgency;
  bool coordinator = false;
  std::optional<crypto::GroupRole> role;
  std::string groupId;    // hex
  std::string groupCode;  // read aloud when someone joins
  std::uint64_t epoch = 0;
  std::vector<AgencyView> agencies;
  std::vector<MemberView> members;
  std::vector<RevocationView> excluded;  // by this device, this session
  std::vector<RevocationView> awaitingExclusion;
  QString exclusionProblem;  // why they could not be taken out yet (tried at every sync)
  // The group's witness policy, when it is not met: required agencies, and
  // how many cosigned the newest checkpoint that met it (0: none did).
  std::optional<client::WitnessCheck> witnessShortfall;
  // Versions of case records this computer refused (another agency's edit,
  // or a coordinator's that changed more than the status): who wrote them.
  std::vector<crypto::DeviceId> refusedRecordAuthors;

  std::vector<client::CaseRecord> cases;
  std::vector<client::ConsentRecord> consents;
  std::vector<client::RepeatFlag> repeatFlags;
  std::vector<client::Meeting> meetings;
  std::map<crypto::ObjectId, std::vector<client::Attendance>> attendance;
  std::map<crypto::ObjectId, std::string> statements;
  std::map<std::pair<crypto::ObjectId, crypto::ObjectId>, client::Minutes> minutes;
  std::map<crypto::ObjectId, client::Approval> approvals;
  std::map<crypto::ObjectId, std::vector<crypto::ObjectId>> changedSinceApproval;
  std::vector<client::Action> actions;
  std::map<crypto::CaseId, client::FollowUp> followUps;
  std::vector<client::AdviceRequest> advice;
  QString adviceProblem;  // why the advice list could not be read, if it could not

  std::uint64_t logSize = 0;
  std::string logRoot;  // hex
  std::string checkpoint;
  std::size_t conflicts = 0;
  std::uint64_t lastSeq = 0;
  std::int64_t takenAt = 0;

  [[nodiscard]] QString agencyName(const crypto::AgencyId& a) const;
  [[nodiscard]] const client::CaseRecord* findCase(const crypto::CaseId& id) const;
  [[nodiscard]] const client::ConsentRecord* consentOf(const crypto::CaseId& id) const;
  [[nodiscard]] const client::Meeting* findMeeting(const crypto::ObjectId& id) const;
  [[nodiscard]] const client::Minutes* minutesOf(const crypto::ObjectId& meeting,
                                                 const crypto::ObjectId& item) const;
  [[nodiscard]] const MemberView* member(const crypto::UserId& user) const;
  // The next planned meeting from `now`, if any.
  [[nodiscard]] const client::Meeting* nextMeeting(std::int64_t now) const;
};

class WorkspaceController : public QObject {
  Q_OBJECT
 public:
  using Op = std::function<Status(client::Workspace&)>;
  using Done = std::function<void(const Status&)>;
  enum class SyncState { Locked, Syncing, UpToDate, Offline, VerificationFailed };
  Q_ENUM(SyncState)

  WorkspaceController(client::ServerEndpoint endpoint, std::filesystem::path profileDir,
                      QObject* parent = nullptr);
  ~WorkspaceController() override;

  // Opens the profile with the passphrase (wiped after use), logs in and
  // syncs the group. Emits unlocked() or unlockFailed(sentence).
  void unlock(const QString& passphrase);
  // First start, step by step (each `done` runs on the UI thread):
  // a new encrypted store under the passphrase, with this device's fresh
  // identity for a person of `agency` who pinned its root;
  void createProfile(const QString& passphrase, const crypto::AgencyId& agency,
                     crypto::UserRole role, const crypto::SigningPublicKey& root,
                     const QString& agencyName, Done done);
  // the device enrolled with the administrator's certificate file and code;
  void enrol(const QString& certificateFile, const QString& code, Done done);
  // the group the coordinator added this person to, opened: unlocked.
  // `keys`: the group's agencies' root keys the person compared and trusts.
  // `logKey`: the transparency log's key from the agency keys file, if given.
  void joinGroup(const crypto::GroupId& group, std::vector<client::AgencyKey> keys,
                 std::string logKey, Done done);
  // What the person hands on during setup (empty before createProfile).
  [[nodiscard]] QString identityRequest() const { return identityRequest_; }
  [[nodiscard]] QString memberCard() const { return memberCard_; }
  [[nodiscard]] QString personalSafetyNumber() const { return safetyNumber_; }
  // The Argon2id cost for a new store (tests use the floor).
  void setKdf(const client::KdfParams& params) { kdf_ = params; }

  // Forgets the workspace (keys leave memory) and shows the lock screen.
  void lock();
  // Runs `op` on the worker, then refreshes the snapshot; `done` runs on the
  // UI thread with the result. `what` names it for the status bar.
  void run(const QString& what, Op op, Done done = {});
  // Reads something on the workspace's thread for a dialog (the case's
  // pseudonyms): no snapshot, no message, the sync state left alone; `done`
  // is not called when the profile was locked meanwhile.
  void peek(Op op, Done done);
  // Sends the outbox and pulls what changed (also every few seconds).
  void syncNow();
  void setSyncInterval(int milliseconds);

  // Thread-safe: an operation on the worker reports how far a transfer got;
  // the UI hears it as progressChanged().
  void reportProgress(const QString& what, std::uint64_t done, std::uint64_t total);

  [[nodiscard]] const Snapshot& snapshot() const { return snap_; }
  [[nodiscard]] bool unlocked() const { return snap_.open; }
  [[nodiscard]] bool busy() const { return pending_ > 0; }
  // A passphrase is being checked (between unlock() and its answer).
  [[nodiscard]] bool unlocking() const { return unlocking_; }
  [[nodiscard]] SyncState syncState() const { return syncState_; }
  [[nodiscard]] QString syncProblem() const { return syncProblem_; }
  [[nodiscard]] QString profileDir() const { return QString::fromStdString(dir_.string()); }
  [[nodiscard]] bool profileExists() const;
  // Whose profile this is, for the lock screen, as last seen unlocked: the
  // agency's name and the person's role in the group (kept beside the
  // encrypted store in a file only the user reads; nothing of the group's
  // content). Empty agency: never opened on this computer.
  struct Owner {
    QString agency;
    std::optional<crypto::GroupRole> role;
    bool external = false;
  };
  [[nodiscard]] Owner profileOwner() const;

 signals:
  void unlockedChanged(bool unlocked);
  void unlockFailed(const QString& message);
  void snapshotChanged();
  void busyChanged(bool busy);
  void syncStateChanged(samrad::app::WorkspaceController::SyncState state);
  // An operation failed: a sentence for a person.
  void operationFailed(const QString& what, const QString& message);
  void operationSucceeded(const QString& what);
  // A transfer's progress (bytes), for a progress bar.
  void progressChanged(const QString& what, qint64 done, qint64 total);
  // The group's chain or log failed verification: stop and warn loudly.
  void verificationFailed(const QString& message);

 private:
  void writeOwner() const;
  bool unlocking_ = false;
  // On the worker thread.
  Snapshot takeSnapshot();
  void post(std::function<void()> work);
  void finish(const Status& status, std::optional<Snapshot> snap, const QString& what,
              const Done& done, bool quiet);
  void setSyncState(SyncState s, const QString& problem = {});
  // A setup step on the worker; `enter`: on success, open the workspace's view.
  void setupStep(std::function<Status(client::Workspace&)> op, Done done, bool enter);
  void enterWorkspace(Snapshot snap);
  // On the worker: hands a setup step's result and what the person hands on to the UI.
  void reportSetup(const Status& st, bool enter, Done done);

  client::ServerEndpoint endpoint_;
  std::filesystem::path dir_;
  QThread thread_;
  QObject* worker_ = nullptr;              // lives on thread_
  std::unique_ptr<client::Workspace> ws_;  // used on the worker thread only
  Snapshot snap_;
  QTimer syncTimer_;
  int pending_ = 0;
  bool syncQueued_ = false;
  SyncState syncState_ = SyncState::Locked;
  QString syncProblem_;
  client::KdfParams kdf_;
  QString identityRequest_;
  QString memberCard_;
  QString safetyNumber_;
};

// A translated sentence for a client-core or server error, keyed by reason.
QString describeWorkspaceError(const Error& error);

}  // namespace samrad::app
