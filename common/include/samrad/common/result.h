// Errors as values: every fallible function in the core returns Result<T> (or
// Status = Result<void>). Nothing throws across a layer. The gRPC edge maps an
// Error to a status with one function (server/rpc), the client to a sentence.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace samrad {

// The codes follow gRPC's canonical codes that gRPC itself never produces
// (STYLE: "Errors flow as values"), plus the few we need for local failures.
enum class ErrorCode {
  InvalidArgument,
  NotFound,
  AlreadyExists,
  FailedPrecondition,
  Aborted,
  PermissionDenied,
  ResourceExhausted,
  Unauthenticated,
  Unavailable,
  DataLoss,
  Internal,
};

std::string_view errorCodeName(ErrorCode code);

// An error carries a stable machine-readable reason (e.g. "chain.fork",
// "aead.open_failed") that tests and the client key on, and a message for
// operators. Neither may contain content, keys or SQL.
class Error {
 public:
  Error(ErrorCode code, std::string reason, std::string message = {})
      : code_(code), reason_(std::move(reason)), message_(std::move(message)) {}

  [[nodiscard]] ErrorCode code() const { return code_; }
  [[nodiscard]] const std::string& reason() const { return reason_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  // "reason: message" — what goes into a log line or a gRPC status message.
  [[nodiscard]] std::string describe() const;

 private:
  ErrorCode code_;
  std::string reason_;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error)
      : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  [[nodiscard]] T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  [[nodiscard]] const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  [[nodiscard]] T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error)
      : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  [[nodiscard]] const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_{ErrorCode::Internal, ""};
  bool ok_ = true;
};

using Status = Result<void>;

inline Status okStatus() {
  return {};
}

}  // namespace samrad

#define SAMRAD_CONCAT_INNER(a, b) a##b
#define SAMRAD_CONCAT(a, b) SAMRAD_CONCAT_INNER(a, b)

// Propagate an error from an expression returning Result/Status.
#define SAMRAD_TRY(expr) SAMRAD_TRY_IMPL(SAMRAD_CONCAT(samrad_try_, __COUNTER__), expr)
// `name` is a fresh identifier, never an expression: it cannot take parentheses.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define SAMRAD_TRY_IMPL(name, expr) \
  do {                              \
    auto name = (expr);             \
    if (!name.ok()) {               \
      return name.error();          \
    }                               \
  } while (false)

// Bind the value of a Result expression or return its error.
#define SAMRAD_ASSIGN_OR_RETURN(lhs, expr) \
  SAMRAD_ASSIGN_OR_RETURN_IMPL(SAMRAD_CONCAT(samrad_r_, __COUNTER__), lhs, expr)
#define SAMRAD_ASSIGN_OR_RETURN_IMPL(name, lhs, expr) \
  auto name = (expr);                                 \
  if (!name.ok()) {                                   \
    return name.error();                              \
  }                                                   \
  lhs = std::move(name).value()
// NOLINTEND(bugprone-macro-parentheses)
