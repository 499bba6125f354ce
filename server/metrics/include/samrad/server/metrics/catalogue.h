// Every counter and histogram the server keeps, named once. The gauges read
// at scrape time (log size, checkpoint age, sessions, store size, RSS, …) are
// written by the app's metrics endpoint (server/app/src/metrics_endpoint.cpp).
#pragma once

#include <string>

#include "samrad/server/metrics/metrics.h"

namespace samrad::server::metrics {

// An RPC's handling time, by full method name and gRPC status code name.
Histogram& rpcSeconds(const std::string& method, const std::string& code);
// Calls stored together in one batch of the commit lane.
Histogram& commitLaneBatchSize();
// From a write being queued until its commit is durable; `path` is
// "commit_lane" or "committer".
Histogram& durableWaitSeconds(const char* path);
// One fdatasync of the store's write-ahead log.
Histogram& fsyncSeconds();
Counter& subscribersDropped();
Counter& retentionDeletions();

// Makes every family above present (at zero) before its first event, so a
// scrape of a server that just started already names them all.
void registerAll();

}  // namespace samrad::server::metrics
