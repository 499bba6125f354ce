#include "samrad/common/result.h"

namespace samrad {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument:
      return "INVALID_ARGUMENT";
    case ErrorCode::NotFound:
      return "NOT_FOUND";
    case ErrorCode::AlreadyExists:
      return "ALREADY_EXISTS";
    case ErrorCode::FailedPrecondition:
      return "FAILED_PRECONDITION";
    case ErrorCode::Aborted:
      return "ABORTED";
    case ErrorCode::PermissionDenied:
      return "PERMISSION_DENIED";
    case ErrorCode::ResourceExhausted:
      return "RESOURCE_EXHAUSTED";
    case ErrorCode::Unauthenticated:
      return "UNAUTHENTICATED";
    case ErrorCode::Unavailable:
      return "UNAVAILABLE";
    case ErrorCode::DataLoss:
      return "DATA_LOSS";
    case ErrorCode::Internal:
      return "INTERNAL";
  }
  return "INTERNAL";
}

std::string Error::describe() const {
  if (message_.empty()) {
    return reason_;
  }
  return reason_ + ": " + message_;
}

}  // namespace samrad
