// samrad-cli: every Samråd workflow headless, for scripts, tests and lawyers.
#include <grpcpp/grpcpp.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include "demo.h"
#include "samrad/client/connection.h"
#include "samrad/crypto/primitives.h"
#include "samrad/crypto/secure.h"

namespace {

// Exit codes: 0 ok, 1 a failure explained on stderr, 2 usage, 3 the server
// answered but is not serving.
constexpr int kExitFailure = 1;
constexpr int kExitNotServing = 3;

}  // namespace

int main(int argc, char** argv) {
  samrad::crypto::initSodium();
  CLI::App cli{"samrad-cli — Samråd from the command line"};
  cli.set_version_flag("--version", "samrad-cli 0.1.0");
  cli.require_subcommand(1);

  samrad::client::ServerEndpoint endpoint;
  if (const char* env = std::getenv("SAMRAD_SERVER")) endpoint.target = env;
  if (const char* env = std::getenv("SAMRAD_CA")) endpoint.caFile = env;
  std::string caFile = endpoint.caFile.string();
  cli.add_option("-s,--server", endpoint.target, "server address host:port (env SAMRAD_SERVER)")
      ->capture_default_str();
  cli.add_option("--ca", caFile, "CA certificate that signed the server's (env SAMRAD_CA)");
  cli.add_option("--server-name", endpoint.serverName,
                 "name expected in the server certificate, if not the host in --server");
  double timeoutSeconds = 5.0;
  cli.add_option("--timeout", timeoutSeconds, "seconds to wait for the server")
      ->check(CLI::Range(0.1, 600.0));

  auto* health = cli.add_subcommand("health", "ask whether the server is serving (over TLS)");
  std::string service;
  health->add_option("--service", service, "a named service instead of the whole server");

  auto* info = cli.add_subcommand("info", "show the server's identity, version and limits");

  auto* demo = cli.add_subcommand(
      "demo",
      "walk a demo consultation group through a week on this server (needs the operator key)");
  std::string operatorKeyFile;
  demo->add_option("--operator-key", operatorKeyFile, "the server's operator.key file")
      ->required()
      ->check(CLI::ExistingFile);

  CLI11_PARSE(cli, argc, argv);
  endpoint.caFile = caFile;
  const auto timeout = std::chrono::milliseconds(static_cast<long>(timeoutSeconds * 1000));

  if (health->parsed()) {
    auto channel = samrad::client::openChannel(endpoint);
    if (!channel) {
      std::cerr << samrad::client::describeForPerson(channel.error()) << '\n';
      return kExitFailure;
    }
    auto state = samrad::client::checkHealth(**channel, service, timeout);
    if (!state) {
      std::cerr << samrad::client::describeForPerson(state.error()) << '\n';
      return kExitFailure;
    }
    std::cout << samrad::client::healthName(*state) << '\n';
    return *state == samrad::client::Health::Serving ? 0 : kExitNotServing;
  }
  if (demo->parsed()) {
    std::ifstream in(operatorKeyFile, std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (raw.size() != 32) {
      std::cerr << "The operator key file " << operatorKeyFile
                << " is not a server operator key.\n";
      return kExitFailure;
    }
    const std::string token = samrad::crypto::toHex(samrad::crypto::asBytes(raw));
    return samrad::client::runDemo(endpoint, token, std::cout);
  }
  if (info->parsed()) {
    auto channel = samrad::client::openChannel(endpoint);
    if (!channel) {
      std::cerr << samrad::client::describeForPerson(channel.error()) << '\n';
      return kExitFailure;
    }
    auto si = samrad::client::fetchServerInfo(**channel, timeout);
    if (!si) {
      std::cerr << samrad::client::describeForPerson(si.error()) << '\n';
      return kExitFailure;
    }
    std::cout << "server id:        " << si->serverId << '\n'
              << "version:          " << si->version << '\n'
              << "schema version:   " << si->schemaVersion << '\n'
              << "max message size: " << si->maxMessageBytes << " bytes\n";
    return 0;
  }
  return 0;
}
