#include "samrad/server/rpc/server_info_service.h"

namespace samrad::server::rpc {

grpc::ServerUnaryReactor* ServerInfoService::GetServerInfo(
    grpc::CallbackServerContext* context, const samrad::v1::GetServerInfoRequest* /*request*/,
    samrad::v1::ServerInfo* response) {
  response->set_server_id(identity_.serverIdHex);
  response->set_version(identity_.version);
  response->set_schema_version(identity_.schemaVersion);
  response->set_max_message_bytes(identity_.maxMessageBytes);
  auto* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace samrad::server::rpc
