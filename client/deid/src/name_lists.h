// The name lists from client/deid/data, compiled in (see CMakeLists.txt).
#pragma once

namespace samrad::deid::data {

// One name per line; lines starting with '#' are comments.
extern const char* const kGivenNames;
extern const char* const kSurnames;

}  // namespace samrad::deid::data
