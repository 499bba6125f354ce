#include "samrad/server/app/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace samrad::server::app {
namespace {

Error configError(const std::filesystem::path& path, const std::string& what) {
  return Error(ErrorCode::InvalidArgument, "config.invalid", path.string() + ": " + what);
}

Status checkKeys(const toml::table& table, const std::set<std::string>& allowed,
                 const std::string& prefix, const std::filesystem::path& path) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (allowed.count(name) == 0) {
      return configError(path, "unknown setting '" + prefix + name + "'");
    }
  }
  return okStatus();
}

template <typename T>
Status readValue(const toml::table& table, const char* key, const std::string& section,
                 const std::filesystem::path& path, T& out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return okStatus();
  auto v = node->value<T>();
  if (!v) {
    return configError(path, "'" + section + "." + key + "' has the wrong type");
  }
  out = *v;
  return okStatus();
}

}  // namespace

Status loadConfigFile(const std::filesystem::path& path, ServerConfig& config) {
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << "line " << e.source().begin.line << ": " << e.description();
    return configError(path, msg.str());
  }
  SAMRAD_TRY(checkKeys(root, {"server", "tls", "log", "limits", "metrics"}, "", path));

  if (const auto* server = root["server"].as_table()) {
    SAMRAD_TRY(checkKeys(*server,
                         {"listen", "data_dir", "port_file", "workers", "sweep_seconds",
                          "keepalive_seconds", "keepalive_timeout_seconds", "min_client_ping_ms"},
                         "server.", path));
    for (auto [key, field] :
         {std::pair{"keepalive_seconds", &config.keepaliveSeconds},
          std::pair{"keepalive_timeout_seconds", &config.keepaliveTimeoutSeconds},
          std::pair{"min_client_ping_ms", &config.minClientPingMs}}) {
      std::int64_t value = *field;
      SAMRAD_TRY(readValue(*server, key, "server", path, value));
      *field = static_cast<int>(std::clamp<std::int64_t>(value, -1, 1 << 30));
    }
    std::int64_t workers = config.workers;
    SAMRAD_TRY(readValue(*server, "workers", "server", path, workers));
    config.workers = static_cast<int>(workers);
    std::int64_t sweep = config.sweepSeconds;
    SAMRAD_TRY(readValue(*server, "sweep_seconds", "server", path, sweep));
    config.sweepSeconds = static_cast<int>(std::clamp<std::int64_t>(sweep, -1, 1 << 30));
    SAMRAD_TRY(readValue(*server, "listen", "server", path, config.listen));
    std::string dataDir = config.dataDir.string();
    SAMRAD_TRY(readValue(*server, "data_dir", "server", path, dataDir));
    config.dataDir = dataDir;
    std::string portFile = config.portFile.string();
    SAMRAD_TRY(readValue(*server, "port_file", "server", path, portFile));
    config.portFile = portFile;
  }
  if (const auto* tls = root["tls"].as_table()) {
    SAMRAD_TRY(checkKeys(*tls, {"cert", "key"}, "tls.", path));
    std::string cert = config.tlsCert.string();
    std::string key = config.tlsKey.string();
    SAMRAD_TRY(readValue(*tls, "cert", "tls", path, cert));
    SAMRAD_TRY(readValue(*tls, "key", "tls", path, key));
    config.tlsCert = cert;
    config.tlsKey = key;
  }
  if (const auto* logTable = root["log"].as_table()) {
    SAMRAD_TRY(checkKeys(*logTable, {"level", "format", "file"}, "log.", path));
    std::string file = config.logFile.string();
    SAMRAD_TRY(readValue(*logTable, "file", "log", path, file));
    config.logFile = file;
    std::string level;
    std::string format;
    SAMRAD_TRY(readValue(*logTable, "level", "log", path, level));
    SAMRAD_TRY(readValue(*logTable, "format", "log", path, format));
    if (!level.empty()) {
      auto parsed = log::parseLevel(level);
      if (!parsed) return configError(path, parsed.error().message());
      config.logLevel = *parsed;
    }
    if (!format.empty()) {
      auto parsed = log::parseFormat(format);
      if (!parsed) return configError(path, parsed.error().message());
      config.logFormat = *parsed;
    }
  }
  if (const auto* metrics = root["metrics"].as_table()) {
    SAMRAD_TRY(checkKeys(*metrics, {"listen"}, "metrics.", path));
    SAMRAD_TRY(readValue(*metrics, "listen", "metrics", path, config.metricsListen));
  }
  if (const auto* limits = root["limits"].as_table()) {
    SAMRAD_TRY(checkKeys(*limits,
                         {"max_message_bytes", "max_concurrent_streams", "max_subscriber_backlog",
                          "session_seconds", "login_calls_burst", "login_calls_per_second"},
                         "limits.", path));
    SAMRAD_TRY(
        readValue(*limits, "login_calls_burst", "limits", path, config.limits.loginCallsBurst));
    SAMRAD_TRY(readValue(*limits, "login_calls_per_second", "limits", path,
                         config.limits.loginCallsPerSecond));
    SAMRAD_TRY(readValue(*limits, "session_seconds", "limits", path, config.limits.sessionSeconds));
    SAMRAD_TRY(readValue(*limits, "max_subscriber_backlog", "limits", path,
                         config.limits.maxSubscriberBacklog));
    std::int64_t streams = config.limits.maxConcurrentStreams;
    SAMRAD_TRY(
        readValue(*limits, "max_message_bytes", "limits", path, config.limits.maxMessageBytes));
    SAMRAD_TRY(readValue(*limits, "max_concurrent_streams", "limits", path, streams));
    config.limits.maxConcurrentStreams = static_cast<int>(streams);
  }
  return okStatus();
}

Status validate(const ServerConfig& config) {
  auto bad = [](const std::string& what) {
    return Error(ErrorCode::InvalidArgument, "config.invalid", what);
  };
  if (config.listen.empty() || config.listen.rfind(':') == std::string::npos) {
    return bad("listen address must be host:port, e.g. 127.0.0.1:7443");
  }
  if (!config.metricsListen.empty() && config.metricsListen.rfind(':') == std::string::npos) {
    return bad("metrics.listen must be host:port, e.g. 127.0.0.1:9464 (or empty: no metrics)");
  }
  if (config.tlsCert.empty() || config.tlsKey.empty()) {
    return bad(
        "a TLS certificate and key are required (--tls-cert, --tls-key); "
        "deploy/dev-pki.sh makes a development pair");
  }
  if (config.dataDir.empty()) {
    return bad("a data folder is required (--data-dir)");
  }
  if (config.limits.maxMessageBytes < 64 * 1024 ||
      config.limits.maxMessageBytes > 64LL * 1024 * 1024) {
    return bad("limits.max_message_bytes must be between 64 KiB and 64 MiB");
  }
  if (config.limits.maxSubscriberBacklog < 16 || config.limits.maxSubscriberBacklog > 1000000) {
    return bad("limits.max_subscriber_backlog must be between 16 and 1000000");
  }
  if (config.limits.sessionSeconds < 2 || config.limits.sessionSeconds > 12 * 3600) {
    return bad("limits.session_seconds must be between 2 and 43200");
  }
  if (config.limits.loginCallsBurst < 1 || config.limits.loginCallsBurst > 1000000 ||
      config.limits.loginCallsPerSecond < 1 || config.limits.loginCallsPerSecond > 100000) {
    return bad(
        "limits.login_calls_burst must be between 1 and 1000000, "
        "limits.login_calls_per_second between 1 and 100000");
  }
  if (config.sweepSeconds < 1 || config.sweepSeconds > 86400) {
    return bad("server.sweep_seconds must be between 1 and 86400");
  }
  if (config.keepaliveSeconds < 10 || config.keepaliveSeconds > 7200) {
    return bad("server.keepalive_seconds must be between 10 and 7200");
  }
  if (config.keepaliveTimeoutSeconds < 1 || config.keepaliveTimeoutSeconds > 600) {
    return bad("server.keepalive_timeout_seconds must be between 1 and 600");
  }
  if (config.minClientPingMs < 100 || config.minClientPingMs > 3600 * 1000) {
    return bad("server.min_client_ping_ms must be between 100 and 3600000");
  }
  if (config.workers < 1 || config.workers > 1024) {
    return bad("server.workers must be between 1 and 1024");
  }
  if (config.limits.maxConcurrentStreams < 1 || config.limits.maxConcurrentStreams > 10000) {
    return bad("limits.max_concurrent_streams must be between 1 and 10000");
  }
  return okStatus();
}

}  // namespace samrad::server::app
