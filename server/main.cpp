// samrad-server: the Samråd server with its embedded SQLCipher store.
#include <pthread.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "samrad/common/log.h"
#include "samrad/crypto/secure.h"
#include "samrad/grpc_runtime.h"
#include "samrad/server/app/config.h"
#include "samrad/server/app/server_app.h"
#include "samrad/server/storage/backup.h"

int main(int argc, char** argv) {
  const samrad::GrpcRuntime grpcRuntime;  // first made, last gone
  using samrad::server::app::ServerConfig;
  samrad::crypto::initSodium();

  // Block the shutdown signals in every thread (gRPC's included) and take them
  // synchronously below, so a signal never interrupts a write half-way.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A file-size limit (ulimit -f) must fail the write that exceeds it, which
  // the store reports as a full disk, not kill the server.
  std::signal(SIGXFSZ, SIG_IGN);

  CLI::App cli{"samrad-server — the Samråd server (gRPC over TLS, SQLCipher store)"};
  cli.set_version_flag("--version", "samrad-server 0.1.0");
  std::string configFile;
  std::string listen;
  std::string dataDir;
  std::string tlsCert;
  std::string tlsKey;
  std::string portFile;
  std::string logLevel;
  std::string logFormat;
  std::string logFile;
  std::string metricsListen;
  int graceSeconds = 10;
  int workers = 0;
  cli.add_option("-c,--config", configFile, "TOML configuration file")->check(CLI::ExistingFile);
  cli.add_option("--listen", listen, "address to listen on, host:port (port 0 = any free port)");
  cli.add_option("--data-dir", dataDir, "folder for the database and its key (default ./var)");
  cli.add_option("--tls-cert", tlsCert, "server certificate chain (PEM)");
  cli.add_option("--tls-key", tlsKey, "server private key (PEM)");
  cli.add_option("--port-file", portFile, "write the bound port to this file once listening");
  cli.add_option("--log-level", logLevel, "debug, info, warn or error");
  cli.add_option("--log-format", logFormat,
                 "text, json or journal (systemd's journal, a field each)");
  cli.add_option("--log-file", logFile, "append logs to this file instead of stderr");
  cli.add_option("--metrics-listen", metricsListen,
                 "serve Prometheus metrics on host:port (plain HTTP; keep it on loopback)");
  cli.add_option("--workers", workers, "threads that run requests (default 32)")
      ->check(CLI::Range(1, 1024));
  cli.add_option("--shutdown-grace", graceSeconds, "seconds calls in flight get at shutdown")
      ->check(CLI::Range(0, 300));
  cli.fallthrough();  // --data-dir and --config also after backup / restore
  std::string backupTo;
  std::string restoreFrom;
  auto* backup = cli.add_subcommand(
      "backup",
      "copy the store (one consistent snapshot, while the server runs) and its key "
      "files into a new folder");
  backup->add_option("--to", backupTo, "the new folder for the backup")->required();
  std::string keysFolder;
  std::string keysPassphraseFile;
  backup->add_option("--keys-to", keysFolder,
                     "a new folder for the key files, kept apart from the backup (another disk, "
                     "a safe)");
  backup->add_option("--keys-passphrase-file", keysPassphraseFile,
                     "instead: seal the key files in the backup under the passphrase in FILE");
  auto* restore = cli.add_subcommand(
      "restore", "check a backup and put it into an empty data folder (the server stopped)");
  restore->add_option("--from", restoreFrom, "the backup's folder")->required();
  restore->add_option("--keys-from", keysFolder, "the folder the backup's keys were kept in");
  restore->add_option("--keys-passphrase-file", keysPassphraseFile,
                      "instead: the file holding the passphrase the keys were sealed under");
  CLI11_PARSE(cli, argc, argv);
  if (backup->parsed() || restore->parsed()) {
    // The data folder: --data-dir, else the configuration's data_dir, else ./var.
    std::filesystem::path data = dataDir.empty() ? "var" : dataDir;
    if (dataDir.empty() && !configFile.empty()) {
      ServerConfig fromFile;
      if (auto loaded = samrad::server::app::loadConfigFile(configFile, fromFile); !loaded) {
        std::fprintf(stderr, "samrad-server: %s\n", loaded.error().message().c_str());
        return 2;
      }
      data = fromFile.dataDir;
    }
    samrad::server::storage::BackupKeys keys;
    keys.folder = keysFolder;
    if (!keysPassphraseFile.empty()) {
      std::ifstream in(keysPassphraseFile);
      std::getline(in, keys.passphrase);
      if (!in && keys.passphrase.empty()) {
        std::fprintf(stderr, "samrad-server: cannot read %s\n", keysPassphraseFile.c_str());
        return 1;
      }
    }
    auto done = backup->parsed() ? samrad::server::storage::backupDataDir(data, backupTo, keys)
                                 : samrad::server::storage::restoreDataDir(restoreFrom, data, keys);
    samrad::crypto::wipeMemory(keys.passphrase.data(), keys.passphrase.size());
    if (!done) {
      std::fprintf(stderr, "samrad-server %s: %s (%s)\n", backup->parsed() ? "backup" : "restore",
                   done.error().message().c_str(), done.error().reason().c_str());
      return 1;
    }
    if (backup->parsed()) {
      // For the metrics endpoint's samrad_backup_last_success_timestamp_seconds
      // (its modification time) and for a person looking: where it went.
      std::ofstream stamp(data / "last-backup", std::ios::trunc);
      stamp << backupTo << '\n';
    }
    std::printf("%s: schema version %d, %llu log entries, %llu bytes; integrity check ok\n",
                backup->parsed() ? "Backed up" : "Restored", done->schemaVersion,
                static_cast<unsigned long long>(done->logSize),
                static_cast<unsigned long long>(done->bytes));
    return 0;
  }

  ServerConfig config;
  if (!configFile.empty()) {
    auto loaded = samrad::server::app::loadConfigFile(configFile, config);
    if (!loaded) {
      std::fprintf(stderr, "samrad-server: %s\n", loaded.error().message().c_str());
      return 2;
    }
  }
  if (!listen.empty()) config.listen = listen;
  if (!dataDir.empty()) config.dataDir = dataDir;
  if (!tlsCert.empty()) config.tlsCert = tlsCert;
  if (!tlsKey.empty()) config.tlsKey = tlsKey;
  if (!portFile.empty()) config.portFile = portFile;
  if (workers > 0) config.workers = workers;
  if (!logLevel.empty()) {
    auto l = samrad::log::parseLevel(logLevel);
    if (!l) {
      std::fprintf(stderr, "samrad-server: %s\n", l.error().message().c_str());
      return 2;
    }
    config.logLevel = *l;
  }
  if (!logFormat.empty()) {
    auto f = samrad::log::parseFormat(logFormat);
    if (!f) {
      std::fprintf(stderr, "samrad-server: %s\n", f.error().message().c_str());
      return 2;
    }
    config.logFormat = *f;
  }
  if (!logFile.empty()) config.logFile = logFile;
  if (!metricsListen.empty()) config.metricsListen = metricsListen;
  samrad::log::init(config.logFormat, config.logLevel, config.logFile.string());

  auto app = samrad::server::app::ServerApp::start(config);
  if (!app) {
    samrad::log::error("server.start_failed",
                       {{"reason", app.error().reason()}, {"detail", app.error().message()}});
    std::fprintf(stderr, "samrad-server: %s\n", app.error().message().c_str());
    return 1;
  }

  // Under systemd (Type=notify) the unit is started once the server listens;
  // elsewhere NOTIFY_SOCKET is unset and this does nothing.
  sd_notifyf(0, "READY=1\nSTATUS=Serving on port %d\nMAINPID=%lu", (*app)->port(),
             static_cast<unsigned long>(getpid()));
  int received = 0;
  sigwait(&signals, &received);
  samrad::log::info("server.signal", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  sd_notify(0, "STOPPING=1\nSTATUS=Stopping: letting calls in flight finish");
  (*app)->shutdown(std::chrono::seconds(graceSeconds));
  return 0;
}
