// gRPC for the life of a program. When the last gRPC object goes, gRPC
// finishes its shutdown on a thread it detaches, which can still be running
// while the process exits and OpenSSL and the static destructors tear down
// what it uses: "corrupted size vs. prev_size" and a hang after a passing
// ui_workflow run, LeakSanitizer's tracer crashing under ASan. A GrpcRuntime
// made first thing in main holds gRPC up and shuts it down on main's own
// thread, before the exit handlers run. Every other gRPC object must be gone
// by then (declare it first, so it is destroyed last).
#pragma once

#include <grpc/grpc.h>

namespace samrad {

class GrpcRuntime {
 public:
  GrpcRuntime() { grpc_init(); }
  ~GrpcRuntime() { grpc_shutdown_blocking(); }
  GrpcRuntime(const GrpcRuntime&) = delete;
  GrpcRuntime& operator=(const GrpcRuntime&) = delete;
};

}  // namespace samrad
