// samrad.v1.ServerInfoService: the server's public identity and limits.
#pragma once

#include <cstdint>
#include <string>

#include "samrad/v1/server_info.grpc.pb.h"

namespace samrad::server::rpc {

struct ServerIdentity {
  std::string serverIdHex;
  std::string version;
  std::uint32_t schemaVersion = 0;
  std::uint64_t maxMessageBytes = 0;
};

class ServerInfoService final : public samrad::v1::ServerInfoService::CallbackService {
 public:
  explicit ServerInfoService(ServerIdentity identity) : identity_(std::move(identity)) {}

  grpc::ServerUnaryReactor* GetServerInfo(grpc::CallbackServerContext* context,
                                          const samrad::v1::GetServerInfoRequest* request,
                                          samrad::v1::ServerInfo* response) override;

 private:
  const ServerIdentity identity_;
};

}  // namespace samrad::server::rpc
