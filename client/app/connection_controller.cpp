#include "connection_controller.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace samrad::app {

using namespace std::chrono_literals;

ConnectionController::ConnectionController(client::ServerEndpoint endpoint, QObject* parent)
    : QObject(parent), endpoint_(std::move(endpoint)) {
  connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ConnectionController::finished);
}

ConnectionController::~ConnectionController() {
  watcher_.waitForFinished();
}

void ConnectionController::check() {
  if (state_ == State::Checking) return;
  state_ = State::Checking;
  emit stateChanged(state_);
  watcher_.setFuture(QtConcurrent::run(&ConnectionController::probe, endpoint_));
}

ConnectionController::Outcome ConnectionController::probe(const client::ServerEndpoint& endpoint) {
  Outcome out;
  auto channel = client::openChannel(endpoint);
  if (!channel) {
    out.problem = describeError(channel.error());
    return out;
  }
  auto health = client::checkHealth(**channel, "", 5s);
  if (!health) {
    out.problem = describeError(health.error());
    return out;
  }
  if (*health != client::Health::Serving) {
    out.state = State::NotServing;
    out.problem = QCoreApplication::translate(
        "samrad",
        "The server is running but not accepting work right now (it may be "
        "starting or stopping).");
    return out;
  }
  auto info = client::fetchServerInfo(**channel, 5s);
  if (!info) {
    out.problem = describeError(info.error());
    return out;
  }
  out.state = State::Serving;
  out.serverId = QString::fromStdString(info->serverId);
  out.version = QString::fromStdString(info->version);
  return out;
}

void ConnectionController::finished() {
  const Outcome out = watcher_.result();
  state_ = out.state;
  serverId_ = out.serverId;
  serverVersion_ = out.version;
  problem_ = out.problem;
  emit stateChanged(state_);
}

QString describeError(const Error& error) {
  const std::string& r = error.reason();
  if (r == "rpc.unavailable") {
    return QCoreApplication::translate(
        "samrad",
        "The Samråd server cannot be reached. Check that it is running and that the address "
        "is right. If it is, this computer may not trust the server's certificate.");
  }
  if (r == "rpc.timeout") {
    return QCoreApplication::translate("samrad",
                                       "The Samråd server did not answer in time. Try again.");
  }
  if (r == "tls.ca_unreadable" || r == "tls.ca_not_pem") {
    return QCoreApplication::translate(
        "samrad", "The certificate file that identifies the server cannot be used.");
  }
  if (r == "server.bad_identity") {
    return QCoreApplication::translate("samrad",
                                       "The server identified itself in an unexpected way.");
  }
  return QCoreApplication::translate("samrad", "Something went wrong (%1).")
      .arg(QString::fromStdString(r));
}

}  // namespace samrad::app
