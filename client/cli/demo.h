// `samrad-cli demo`: a consultation group working through a week against a
// real server — enrolment, a group with its membership chain and keys, an
// encrypted de-identified brief, concurrent minutes, a member leaving, and the
// transparency log checked — printing what happens as it happens.
#pragma once

#include <ostream>
#include <string>

#include "samrad/client/connection.h"

namespace samrad::client {

// Returns 0 when every step worked; otherwise prints what failed and returns 1.
int runDemo(const ServerEndpoint& endpoint, const std::string& operatorToken, std::ostream& out);

}  // namespace samrad::client
