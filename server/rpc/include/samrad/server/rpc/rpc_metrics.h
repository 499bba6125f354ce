// A server interceptor that times every RPC from its arrival to its status
// and counts it by method and status code (samrad_rpc_duration_seconds).
// Method names outside Samråd's and gRPC health's services count as "other".
#pragma once

#include <grpcpp/support/server_interceptor.h>

#include <memory>

namespace samrad::server::rpc {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> makeRpcMetricsFactory();

}  // namespace samrad::server::rpc
