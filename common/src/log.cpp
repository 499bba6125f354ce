#include "samrad/common/log.h"

#include <fcntl.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/uio.h>
#include <systemd/sd-journal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include "samrad/common/json.h"

namespace samrad::log {
namespace {

std::atomic<Format> g_format{Format::Text};

// Text values are quoted when they would otherwise be ambiguous.
void appendTextValue(std::string& out, std::string_view s) {
  const bool plain = !s.empty() && s.find_first_of(" \"=\n\r\t") == std::string_view::npos;
  if (plain) {
    out += s;
  } else {
    appendJsonString(out, s);
  }
}

spdlog::level::level_enum toSpd(Level level) {
  switch (level) {
    case Level::Debug:
      return spdlog::level::debug;
    case Level::Info:
      return spdlog::level::info;
    case Level::Warn:
      return spdlog::level::warn;
    case Level::Error:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

}  // namespace

Result<Level> parseLevel(std::string_view text) {
  if (text == "debug") return Level::Debug;
  if (text == "info") return Level::Info;
  if (text == "warn" || text == "warning") return Level::Warn;
  if (text == "error") return Level::Error;
  return Error(ErrorCode::InvalidArgument, "log.bad_level",
               "log level must be one of debug, info, warn, error");
}

Result<Format> parseFormat(std::string_view text) {
  if (text == "text") return Format::Text;
  if (text == "json") return Format::Json;
  if (text == "journal") return Format::Journal;
  return Error(ErrorCode::InvalidArgument, "log.bad_format",
               "log format must be text, json or journal");
}

void init(Format format, Level level, const std::string& file) {
  g_format = format;
  spdlog::sink_ptr sink;
  if (file.empty()) {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  } else {
    // Created owner-only before spdlog opens it (spdlog would create it
    // 0644): logs hold no content, but ids, addresses and times are still
    // the server's business. A file the operator made is left as it is.
    if (const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        fd >= 0) {
      ::close(fd);
    }
    try {
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(file);
    } catch (const spdlog::spdlog_ex&) {
      // An unwritable log file must not stop the server: fall back to stderr, say so.
      sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
      std::fprintf(stderr, "samrad: cannot open log file %s; logging to stderr\n", file.c_str());
    }
  }
  auto logger = std::make_shared<spdlog::logger>("samrad", std::move(sink));
  // Journal: this logger is the fallback when no journal answers.
  if (format == Format::Json || format == Format::Journal) {
    logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l",%v})",
                        spdlog::pattern_time_type::utc);
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %-5l %v", spdlog::pattern_time_type::utc);
  }
  logger->set_level(toSpd(level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
}

std::string render(Format format, std::string_view event, std::initializer_list<Field> fields) {
  std::string out;
  out.reserve(64 + fields.size() * 24);
  if (format == Format::Json) {
    out += "\"event\":";
    appendJsonString(out, event);
    for (const auto& f : fields) {
      out.push_back(',');
      appendJsonString(out, f.key);
      out.push_back(':');
      std::visit(
          [&out](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::string_view>) {
              appendJsonString(out, v);
            } else if constexpr (std::is_same_v<V, bool>) {
              out += v ? "true" : "false";
            } else {
              out += std::to_string(v);
            }
          },
          f.value);
    }
  } else {
    out += event;
    for (const auto& f : fields) {
      out.push_back(' ');
      out += f.key;
      out.push_back('=');
      std::visit(
          [&out](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::string_view>) {
              appendTextValue(out, v);
            } else if constexpr (std::is_same_v<V, bool>) {
              out += v ? "true" : "false";
            } else {
              out += std::to_string(v);
            }
          },
          f.value);
    }
  }
  return out;
}

std::vector<std::string> journalFields(Level level, std::string_view event,
                                       std::initializer_list<Field> fields) {
  std::vector<std::string> out;
  out.reserve(3 + fields.size());
  out.push_back("MESSAGE=" + render(Format::Text, event, fields));
  // syslog priorities: debug 7, info 6, warning 4, err 3.
  const char* priority = "6";
  switch (level) {
    case Level::Debug:
      priority = "7";
      break;
    case Level::Info:
      priority = "6";
      break;
    case Level::Warn:
      priority = "4";
      break;
    case Level::Error:
      priority = "3";
      break;
  }
  out.push_back(std::string("PRIORITY=") + priority);
  out.push_back("SAMRAD_EVENT=" + std::string(event));
  for (const auto& f : fields) {
    std::string name = "SAMRAD_";
    for (const char c : f.key) {
      if (c >= 'a' && c <= 'z') {
        name.push_back(static_cast<char>(c - 'a' + 'A'));
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        name.push_back(c);
      } else {
        name.push_back('_');
      }
    }
    std::string value;
    std::visit(
        [&value](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string_view>) {
            value.assign(v);
          } else if constexpr (std::is_same_v<V, bool>) {
            value = v ? "true" : "false";
          } else {
            value = std::to_string(v);
          }
        },
        f.value);
    out.push_back(name + '=' + value);
  }
  return out;
}

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  auto logger = spdlog::default_logger_raw();
  const auto spdLevel = toSpd(level);
  if (!logger->should_log(spdLevel)) {
    return;
  }
  const Format format = g_format.load();
  if (format == Format::Journal) {
    const auto entries = journalFields(level, event, fields);
    std::vector<iovec> iov(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      iov[i].iov_base = const_cast<char*>(entries[i].data());
      iov[i].iov_len = entries[i].size();
    }
    if (sd_journal_sendv(iov.data(), static_cast<int>(iov.size())) >= 0) {
      return;
    }
    // No journal (a container, a chroot): JSON lines on stderr instead.
    logger->log(spdLevel, render(Format::Json, event, fields));
    return;
  }
  logger->log(spdLevel, render(format, event, fields));
}

}  // namespace samrad::log
