// The consent the server enforces, as it travels (samrad.v1.ConsentState):
// in RPC answers and as the payload of the audit log's consent entries.
#pragma once

#include "samrad/server/domain/store.h"
#include "samrad/v1/consent.pb.h"

namespace samrad::server::domain {

void consentToProto(const ConsentRecord& c, v1::ConsentState& out);

}  // namespace samrad::server::domain
