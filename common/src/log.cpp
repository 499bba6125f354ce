#include "samrad/common/log.h"

#include <fcntl.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
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
  return Error(ErrorCode::InvalidArgument, "log.bad_format", "log format must be text or json");
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
  if (format == Format::Json) {
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

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  auto logger = spdlog::default_logger_raw();
  const auto spdLevel = toSpd(level);
  if (!logger->should_log(spdLevel)) {
    return;
  }
  logger->log(spdLevel, render(g_format.load(), event, fields));
}

}  // namespace samrad::log
