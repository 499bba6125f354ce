// How a client reaches the server: always TLS, the server's certificate checked
// against a CA the agency trusts (the development PKI's CA in the demo).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "samrad/common/result.h"

namespace grpc {
class Channel;
}

namespace samrad::client {

struct ServerEndpoint {
  std::string target = "127.0.0.1:7443";  // host:port
  std::filesystem::path caFile;           // PEM; empty = the system's roots
  // Name to check in the server's certificate when it differs from the host in
  // `target` (e.g. target by IP, certificate for "localhost").
  std::string serverName;
  // A connection quiet this long is pinged, and dropped when no answer comes
  // within the timeout; the next call connects again. So a path that died
  // without a word (a NAT that forgot it, a laptop on another network) is
  // noticed in seconds, not after TCP's many minutes of retransmitting.
  // The server accepts pings this often (ServerConfig::minClientPingMs).
  std::chrono::milliseconds keepalive{30'000};
  std::chrono::milliseconds keepaliveTimeout{10'000};
};

Result<std::shared_ptr<grpc::Channel>> openChannel(const ServerEndpoint& endpoint);

enum class Health { Serving, NotServing, Unknown };

// Asks the standard gRPC health service (grpc.health.v1) about `service`
// ("" = the whole server).
Result<Health> checkHealth(grpc::Channel& channel, const std::string& service,
                           std::chrono::milliseconds timeout);

std::string_view healthName(Health h);

struct ServerInfo {
  std::string serverId;  // hex, 32 characters
  std::string version;
  std::uint32_t schemaVersion = 0;
  std::uint64_t maxMessageBytes = 0;
};

// samrad.v1.ServerInfoService/GetServerInfo: the server's public identity.
Result<ServerInfo> fetchServerInfo(grpc::Channel& channel, std::chrono::milliseconds timeout);

// A sentence a person understands, for an error from this library or from the
// server. English; the Qt client translates by reason.
std::string describeForPerson(const Error& error);

}  // namespace samrad::client
