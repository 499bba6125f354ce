#include "samrad/server/rpc/rpc_metrics.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <string>

#include "samrad/common/log.h"
#include "samrad/server/metrics/catalogue.h"

namespace samrad::server::rpc {
namespace {

const char* codeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "OTHER";
  }
}

// The reason code a status message starts with ("auth.no_session: …"), or
// empty: only that vocabulary reaches the log, never the rest of a message.
std::string reasonOf(const std::string& message) {
  const auto colon = message.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 64) {
    return {};
  }
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = message[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) {
      return {};
    }
  }
  return message.substr(0, colon);
}

// The method's full name when the server has it — a method of a service
// compiled into this binary, or gRPC's health check — else "other". A
// caller chooses the path it sends; only names from that fixed vocabulary
// may become a label or reach the log, so a caller can neither write its
// own strings there nor grow the label sets.
std::string methodLabel(const char* method) {
  const std::string_view m = method != nullptr ? method : "";
  if (m == "/grpc.health.v1.Health/Check" || m == "/grpc.health.v1.Health/Watch") {
    return std::string(m);
  }
  const auto slash = m.rfind('/');
  if (m.size() < 4 || m.size() > 256 || m.front() != '/' || slash == 0 ||
      slash == std::string_view::npos) {
    return "other";
  }
  const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      std::string(m.substr(1, slash - 1)));
  if (service == nullptr ||
      service->FindMethodByName(std::string(m.substr(slash + 1))) == nullptr) {
    return "other";
  }
  return std::string(m);
}

class RpcMetrics final : public grpc::experimental::Interceptor {
 public:
  RpcMetrics(const char* method, bool unary)
      : method_(methodLabel(method)), unary_(unary), started_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using Hook = grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
      const char* code = codeName(status.error_code());
      metrics::rpcSeconds(method_, code).observe(seconds);
      // The journal gets what an operator needs to follow a refusal or a
      // slow call: the RPC, its status, the reason code and the latency —
      // no content, no id. Every call at debug level.
      const auto ms = static_cast<long long>(seconds * 1000.0);
      // An unknown method ("other") is a scanner or a wrong client: debug only.
      const bool refused =
          !status.ok() && status.error_code() != grpc::StatusCode::CANCELLED && method_ != "other";
      if (refused) {
        log::info("rpc.refused", {{"rpc", method_},
                                  {"code", code},
                                  {"reason", reasonOf(status.error_message())},
                                  {"latency_ms", ms}});
      } else if (unary_ && seconds > 1.0) {
        log::warn("rpc.slow", {{"rpc", method_}, {"code", code}, {"latency_ms", ms}});
      } else {
        log::debug("rpc.done", {{"rpc", method_}, {"code", code}, {"latency_ms", ms}});
      }
    }
    methods->Proceed();
  }

 private:
  std::string method_;
  bool unary_;
  std::chrono::steady_clock::time_point started_;
};

class RpcMetricsFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcMetrics(info->method(),
                          info->type() == grpc::experimental::ServerRpcInfo::Type::UNARY);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> makeRpcMetricsFactory() {
  return std::make_unique<RpcMetricsFactory>();
}

}  // namespace samrad::server::rpc
