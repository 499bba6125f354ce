// The name and place lists from client/deid/data, compiled in (see
// CMakeLists.txt). One entry per line; lines starting with '#' are comments;
// place lists carry "Name|Where" and only the name counts.
#pragma once

namespace samrad::deid::data {

extern const char* const k_given_names;
extern const char* const k_surnames;
extern const char* const k_nicknames;
extern const char* const k_municipalities;
extern const char* const k_localities;
extern const char* const k_place_exceptions;

}  // namespace samrad::deid::data
