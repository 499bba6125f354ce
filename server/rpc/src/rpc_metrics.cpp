#include "samrad/server/rpc/rpc_metrics.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/support/status.h>

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <shared_mutex>
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

// A method the server has, with its histogram per status code, resolved once:
// a call then costs a map lookup under a shared lock and an atomic load.
struct MethodEntry {
  std::string label;
  std::array<std::atomic<metrics::Histogram*>, 17> byCode{};

  metrics::Histogram& histogram(grpc::StatusCode code) {
    const auto i = static_cast<std::size_t>(code);
    if (i >= byCode.size()) return metrics::rpcSeconds(label, codeName(code));
    metrics::Histogram* h = byCode[i].load(std::memory_order_acquire);
    if (h == nullptr) {
      h = &metrics::rpcSeconds(label, codeName(code));
      byCode[i].store(h, std::memory_order_release);
    }
    return *h;
  }
};

class KnownMethods {
 public:
  // The entry of a method the server has; nullptr for any other path (those
  // are resolved anew each time and never stored, so they cannot grow this).
  MethodEntry* find(const char* method) {
    const std::string_view m = method != nullptr ? method : "";
    {
      std::shared_lock lock(mu_);
      if (auto hit = known_.find(m); hit != known_.end()) return hit->second.get();
    }
    std::string label = methodLabel(method);
    if (label == "other") return nullptr;
    std::unique_lock lock(mu_);
    auto& slot = known_[label];
    if (!slot) {
      slot = std::make_unique<MethodEntry>();
      slot->label = std::move(label);
    }
    return slot.get();
  }

 private:
  std::shared_mutex mu_;
  std::map<std::string, std::unique_ptr<MethodEntry>, std::less<>> known_;
};

class RpcMetrics final : public grpc::experimental::Interceptor {
 public:
  RpcMetrics(MethodEntry* method, bool unary)
      : method_(method), unary_(unary), started_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using Hook = grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
      const char* code = codeName(status.error_code());
      if (method_ != nullptr) {
        method_->histogram(status.error_code()).observe(seconds);
      } else {
        metrics::rpcSeconds("other", code).observe(seconds);
      }
      // Both sides string_view: with a std::string on one side the conditional
      // would make a temporary copy, dead before the view is used.
      const std::string_view rpc =
          method_ != nullptr ? std::string_view(method_->label) : std::string_view("other");
      // The journal gets what an operator needs to follow a refusal or a
      // slow call: the RPC, its status, the reason code and the latency —
      // no content, no id. Every call at debug level. An unknown method
      // ("other") is a scanner or a wrong client: debug only.
      const auto ms = static_cast<long long>(seconds * 1000.0);
      const bool refused =
          !status.ok() && status.error_code() != grpc::StatusCode::CANCELLED && method_ != nullptr;
      if (refused) {
        log::info("rpc.refused", {{"rpc", rpc},
                                  {"code", code},
                                  {"reason", reasonOf(status.error_message())},
                                  {"latency_ms", ms}});
      } else if (unary_ && seconds > 1.0) {
        log::warn("rpc.slow", {{"rpc", rpc}, {"code", code}, {"latency_ms", ms}});
      } else {
        log::debug("rpc.done", {{"rpc", rpc}, {"code", code}, {"latency_ms", ms}});
      }
    }
    methods->Proceed();
  }

 private:
  MethodEntry* method_;  // nullptr: a path the server does not have
  bool unary_;
  std::chrono::steady_clock::time_point started_;
};

class RpcMetricsFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcMetrics(known_.find(info->method()),
                          info->type() == grpc::experimental::ServerRpcInfo::Type::UNARY);
  }

 private:
  KnownMethods known_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> makeRpcMetricsFactory() {
  return std::make_unique<RpcMetricsFactory>();
}

}  // namespace samrad::server::rpc
