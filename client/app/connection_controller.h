// Watches the connection to the Samråd server for the desktop client: checks
// health and fetches the server's identity off the UI thread, and reports the
// result as a state the widgets only display.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "samrad/client/connection.h"

namespace samrad::app {

class ConnectionController : public QObject {
  Q_OBJECT
 public:
  enum class State { Idle, Checking, Serving, NotServing, Unreachable };
  Q_ENUM(State)

  explicit ConnectionController(client::ServerEndpoint endpoint, QObject* parent = nullptr);
  ~ConnectionController() override;

  [[nodiscard]] State state() const { return state_; }
  [[nodiscard]] QString target() const { return QString::fromStdString(endpoint_.target); }
  [[nodiscard]] QString serverId() const { return serverId_; }
  [[nodiscard]] QString serverVersion() const { return serverVersion_; }
  // Why the last check failed, as a sentence for a person (translated).
  [[nodiscard]] QString problem() const { return problem_; }

 public slots:
  void check();

 signals:
  void stateChanged(samrad::app::ConnectionController::State state);

 private:
  struct Outcome {
    State state = State::Unreachable;
    QString serverId;
    QString version;
    QString problem;
  };
  static Outcome probe(const client::ServerEndpoint& endpoint);
  void finished();

  client::ServerEndpoint endpoint_;
  QFutureWatcher<Outcome> watcher_;
  State state_ = State::Idle;
  QString serverId_;
  QString serverVersion_;
  QString problem_;
};

// A translated sentence for a client-core error, keyed by its stable reason.
QString describeError(const Error& error);

}  // namespace samrad::app
