// Structured logs: an event name plus key/value fields, as JSON lines (for
// machines) or as "event k=v" text (for people at a terminal). Call sites pass
// metadata only — ids, sizes, counts, codes — never content, names or keys.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "samrad/common/result.h"

namespace samrad::log {

// Journal: straight to systemd's journal with each field as a journal field
// of its own (SAMRAD_EVENT, SAMRAD_REASON, SAMRAD_RPC, SAMRAD_LATENCY_MS, …;
// `journalctl -u samrad-server SAMRAD_REASON=auth.rate_limited`), falling
// back to JSON lines on stderr when no journal answers.
enum class Format { Text, Json, Journal };
enum class Level { Debug, Info, Warn, Error };

Result<Level> parseLevel(std::string_view text);
Result<Format> parseFormat(std::string_view text);

// Sets up the process-wide logger writing to stderr, or appending to `file`
// when one is given. Safe to call again.
void init(Format format, Level level, const std::string& file = {});

struct Field {
  std::string_view key;
  std::variant<std::string_view, std::int64_t, std::uint64_t, bool> value;

  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, int v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, long v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, long long v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, unsigned v) : key(k), value(static_cast<std::uint64_t>(v)) {}
  Field(std::string_view k, unsigned long v) : key(k), value(static_cast<std::uint64_t>(v)) {}
  Field(std::string_view k, unsigned long long v) : key(k), value(static_cast<std::uint64_t>(v)) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
};

// Renders the message part of one log line (exposed for tests).
std::string render(Format format, std::string_view event, std::initializer_list<Field> fields);

// The journal fields of one event, as "NAME=value" strings: MESSAGE (the
// event in text form), PRIORITY, SAMRAD_EVENT, and SAMRAD_<KEY> for each
// field, the key upper-cased with anything but A-Z, 0-9 and _ made _.
std::vector<std::string> journalFields(Level level, std::string_view event,
                                       std::initializer_list<Field> fields);

void write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void debug(std::string_view e, std::initializer_list<Field> f = {}) {
  write(Level::Debug, e, f);
}
inline void info(std::string_view e, std::initializer_list<Field> f = {}) {
  write(Level::Info, e, f);
}
inline void warn(std::string_view e, std::initializer_list<Field> f = {}) {
  write(Level::Warn, e, f);
}
inline void error(std::string_view e, std::initializer_list<Field> f = {}) {
  write(Level::Error, e, f);
}

}  // namespace samrad::log
