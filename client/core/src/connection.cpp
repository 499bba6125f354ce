#include "samrad/client/connection.h"

#include <grpcpp/grpcpp.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "grpc/health/v1/health.grpc.pb.h"
#include "samrad/v1/server_info.grpc.pb.h"

namespace samrad::client {
namespace {

Error fromGrpc(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return Error(ErrorCode::Unavailable, "rpc.unavailable", status.error_message());
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return Error(ErrorCode::Unavailable, "rpc.timeout", status.error_message());
    case grpc::StatusCode::UNAUTHENTICATED:
      return Error(ErrorCode::Unauthenticated, "rpc.unauthenticated", status.error_message());
    case grpc::StatusCode::PERMISSION_DENIED:
      return Error(ErrorCode::PermissionDenied, "rpc.permission_denied", status.error_message());
    case grpc::StatusCode::NOT_FOUND:
      return Error(ErrorCode::NotFound, "rpc.not_found", status.error_message());
    case grpc::StatusCode::INVALID_ARGUMENT:
      return Error(ErrorCode::InvalidArgument, "rpc.invalid_argument", status.error_message());
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return Error(ErrorCode::ResourceExhausted, "rpc.resource_exhausted", status.error_message());
    case grpc::StatusCode::ABORTED:
      return Error(ErrorCode::Aborted, "rpc.aborted", status.error_message());
    case grpc::StatusCode::FAILED_PRECONDITION:
      return Error(ErrorCode::FailedPrecondition, "rpc.failed_precondition",
                   status.error_message());
    case grpc::StatusCode::ALREADY_EXISTS:
      return Error(ErrorCode::AlreadyExists, "rpc.already_exists", status.error_message());
    default:
      return Error(ErrorCode::Internal, "rpc.error", status.error_message());
  }
}

}  // namespace

Result<std::shared_ptr<grpc::Channel>> openChannel(const ServerEndpoint& endpoint) {
  grpc::SslCredentialsOptions tls;
  if (!endpoint.caFile.empty()) {
    std::ifstream in(endpoint.caFile, std::ios::binary);
    if (!in) {
      return Error(ErrorCode::InvalidArgument, "tls.ca_unreadable",
                   "cannot read the CA certificate " + endpoint.caFile.string());
    }
    std::ostringstream s;
    s << in.rdbuf();
    tls.pem_root_certs = s.str();
    if (tls.pem_root_certs.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
      return Error(ErrorCode::InvalidArgument, "tls.ca_not_pem",
                   "the CA file " + endpoint.caFile.string() + " holds no PEM certificate");
    }
  }
  grpc::ChannelArguments args;
  if (!endpoint.serverName.empty()) {
    args.SetSslTargetNameOverride(endpoint.serverName);
  }
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, static_cast<int>(endpoint.keepalive.count()));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, static_cast<int>(endpoint.keepaliveTimeout.count()));
  // Between calls too (the client syncs every few seconds, and a quiet
  // connection is the one that dies unnoticed), with no cap on pings sent
  // while no data flows.
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  return grpc::CreateCustomChannel(endpoint.target, grpc::SslCredentials(tls), args);
}

Result<Health> checkHealth(grpc::Channel& channel, const std::string& service,
                           std::chrono::milliseconds timeout) {
  // The stub only needs a shared_ptr for its lifetime; the caller owns the channel.
  std::shared_ptr<grpc::Channel> alias(std::shared_ptr<grpc::Channel>{}, &channel);
  auto stub = grpc::health::v1::Health::NewStub(alias);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + timeout);
  grpc::health::v1::HealthCheckRequest req;
  req.set_service(service);
  grpc::health::v1::HealthCheckResponse resp;
  const grpc::Status status = stub->Check(&ctx, req, &resp);
  if (!status.ok()) {
    return fromGrpc(status);
  }
  switch (resp.status()) {
    case grpc::health::v1::HealthCheckResponse::SERVING:
      return Health::Serving;
    case grpc::health::v1::HealthCheckResponse::NOT_SERVING:
      return Health::NotServing;
    default:
      return Health::Unknown;
  }
}

Result<ServerInfo> fetchServerInfo(grpc::Channel& channel, std::chrono::milliseconds timeout) {
  std::shared_ptr<grpc::Channel> alias(std::shared_ptr<grpc::Channel>{}, &channel);
  auto stub = samrad::v1::ServerInfoService::NewStub(alias);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + timeout);
  samrad::v1::ServerInfo resp;
  const grpc::Status status = stub->GetServerInfo(&ctx, {}, &resp);
  if (!status.ok()) {
    return fromGrpc(status);
  }
  if (resp.server_id().size() != 32) {
    return Error(ErrorCode::DataLoss, "server.bad_identity",
                 "the server sent a malformed identity");
  }
  return ServerInfo{resp.server_id(), resp.version(), resp.schema_version(),
                    resp.max_message_bytes()};
}

std::string_view healthName(Health h) {
  switch (h) {
    case Health::Serving:
      return "SERVING";
    case Health::NotServing:
      return "NOT_SERVING";
    case Health::Unknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

std::string describeForPerson(const Error& error) {
  const std::string& r = error.reason();
  if (r == "rpc.unavailable") {
    return "The Samråd server cannot be reached. Check that it is running and that the "
           "address is right; if it is, its TLS certificate may not be trusted by this "
           "computer.";
  }
  if (r == "rpc.timeout") {
    return "The Samråd server did not answer in time. Try again in a moment.";
  }
  if (r == "tls.ca_unreadable" || r == "tls.ca_not_pem") {
    return "The certificate file that should identify the server cannot be used: " +
           error.message();
  }
  if (r == "rpc.unauthenticated") {
    return "You are not signed in, or your session has ended. Sign in again.";
  }
  if (r == "rpc.permission_denied") {
    return "You do not have permission to do this.";
  }
  // The explanation the core or the server gave, as a sentence, with its
  // reason code for whoever helps the person.
  std::string m = error.message();
  if (m.empty()) return "Something went wrong (" + r + ").";
  m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
  if (m.back() != '.') m.push_back('.');
  return m + " (" + r + ")";
}

}  // namespace samrad::client
