// Server configuration: a TOML file, overridden by command-line flags.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "samrad/common/log.h"
#include "samrad/common/result.h"

namespace samrad::server::app {

struct Limits {
  // Largest single gRPC message accepted. Attachments travel as 64 KiB chunks,
  // so anything near this bound is hostile or a bug.
  std::int64_t maxMessageBytes = 4LL * 1024 * 1024;
  int maxConcurrentStreams = 256;
  // Events held for a subscriber that is not reading before its stream ends.
  std::int64_t maxSubscriberBacklog = 10000;
  // How long a login session lasts; clients renew theirs before it ends.
  std::int64_t sessionSeconds = 15 * 60;
  // Login calls (GetChallenge and Login) from one network address: a burst,
  // then a steady rate. A whole office behind one firewall shares them.
  std::int64_t loginCallsBurst = 600;
  std::int64_t loginCallsPerSecond = 20;
};

struct ServerConfig {
  // host:port; port 0 picks a free port (tests).
  std::string listen = "127.0.0.1:7443";
  std::filesystem::path dataDir = "./var";
  std::filesystem::path tlsCert;
  std::filesystem::path tlsKey;
  // Where to write the bound port once listening (for scripts and tests).
  std::filesystem::path portFile;
  log::Level logLevel = log::Level::Info;
  log::Format logFormat = log::Format::Text;
  std::filesystem::path logFile;  // empty: stderr
  // host:port of the Prometheus metrics endpoint (plain HTTP, GET /metrics);
  // empty: none. It shows numbers only (no group, device or person), but keep
  // it on loopback or a monitoring network: the packaged configuration uses
  // 127.0.0.1:9464. Port 0 picks a free port (tests).
  std::string metricsListen;
  // Threads that run request handlers. Reads and new object versions do not
  // hold their thread while their commit waits or is fsync'd (the platform's
  // commit lane answers them); other changes wait for a shared commit. 32
  // gave about 15 % more closed-loop writes than 8 when every write still
  // waited on its thread to join a commit (samrad-bench, 4 alternating
  // rounds each); see #4's notes for the figures with the commit lane.
  int workers = 32;
  // How often scheduled work runs: ending consents whose validity ran out.
  // Reads check validity themselves, so this bounds only how long an expired
  // consent's objects stay stored with their wider access lists.
  int sweepSeconds = 60;
  // Keepalive. The server pings a connection quiet for keepaliveSeconds and
  // closes it when no answer comes within keepaliveTimeoutSeconds, so a
  // client that vanished without a word stops holding a subscription. A
  // client may ping as often as every minClientPingMs (samrad clients ping
  // every 30 s); one that pings more often is disconnected (gRPC's ping
  // policy: "too many pings").
  int keepaliveSeconds = 60;
  int keepaliveTimeoutSeconds = 20;
  int minClientPingMs = 10'000;
  Limits limits;
};

// Reads a TOML file into `config`, leaving keys the file does not name as they
// are. Unknown keys are an error: a typo must not silently fall back to a default.
Status loadConfigFile(const std::filesystem::path& path, ServerConfig& config);

// Checks the combination is usable before anything starts.
Status validate(const ServerConfig& config);

}  // namespace samrad::server::app
