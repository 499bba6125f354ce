#include "samrad/server/metrics/catalogue.h"

namespace samrad::server::metrics {

Histogram& rpcSeconds(const std::string& method, const std::string& code) {
  return global().histogram("samrad_rpc_duration_seconds",
                            "Time from an RPC's arrival to its status, by method and status code",
                            latencyBuckets(), {{"method", method}, {"code", code}});
}

Histogram& commitLaneBatchSize() {
  static Histogram& h =
      global().histogram("samrad_commit_lane_batch_size",
                         "Calls stored together in one commit-lane batch", powersOfTwo(1024));
  return h;
}

Histogram& durableWaitSeconds(const char* path) {
  return global().histogram(
      "samrad_durable_wait_seconds",
      "Time from a write being queued until its commit is durable and it is answered",
      latencyBuckets(), {{"path", path}});
}

Histogram& fsyncSeconds() {
  static Histogram& h = global().histogram(
      "samrad_store_fsync_seconds", "Time one fdatasync of the store's write-ahead log takes",
      latencyBuckets());
  return h;
}

Counter& subscribersDropped() {
  static Counter& c =
      global().counter("samrad_subscribers_dropped_total",
                       "Sync subscribers ended because they stopped reading (RESOURCE_EXHAUSTED)");
  return c;
}

Counter& retentionDeletions() {
  static Counter& c =
      global().counter("samrad_retention_deletions_total",
                       "Objects and records deleted because a group's retention period ran out");
  return c;
}

void registerAll() {
  (void)commitLaneBatchSize();
  (void)durableWaitSeconds("commit_lane");
  (void)durableWaitSeconds("committer");
  (void)fsyncSeconds();
  (void)subscribersDropped();
  (void)retentionDeletions();
}

}  // namespace samrad::server::metrics
