// samrad-cli: every Samråd workflow headless, for scripts, tests and lawyers.
#include <grpcpp/grpcpp.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "deid_cmd.h"
#include "demo.h"
#include "samrad/client/connection.h"
#include "samrad/crypto/primitives.h"
#include "samrad/crypto/secure.h"
#include "samrad/grpc_runtime.h"
#include "workflow_cmd.h"

namespace {

// Exit codes: 0 ok, 1 a failure explained on stderr, 2 usage, 3 the server
// answered but is not serving.
constexpr int kExitFailure = 1;
constexpr int kExitNotServing = 3;

}  // namespace

int main(int argc, char** argv) {
  const samrad::GrpcRuntime grpcRuntime;  // first made, last gone
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

  auto* deidCmd = cli.add_subcommand(
      "deid", "find personal data in a text and estimate re-identification risk (offline)");
  deidCmd->require_subcommand(1);
  bool deidJson = false;
  auto* scan = deidCmd->add_subcommand(
      "scan", "list personal data in FILE (or - for standard input), with proposed redactions");
  std::string scanFile;
  scan->add_option("file", scanFile, "the text to scan, UTF-8 (default: standard input)");
  scan->add_flag("--json", deidJson, "findings as JSON: type, start, end, text, score, reason");
  auto* risk = deidCmd->add_subcommand(
      "risk", "estimate how many people match the brief's quasi-identifiers");
  samrad::deid::QuasiIdentifiers q;
  int age = -1;
  std::string sex;
  std::string childAges;
  int children = -1;
  risk->add_option("--municipality", q.municipality, "municipality or place named in the brief");
  risk->add_option("--county", q.county, "its county, proposed as the coarser place");
  risk->add_option("--population", q.population, "inhabitants of that place")
      ->check(CLI::Range(1L, 20'000'000L));
  risk->add_option("--age", age, "exact age given in the brief")->check(CLI::Range(0, 120));
  risk->add_flag("--birth-date", q.exactBirthDate, "a full date of birth is given");
  risk->add_option("--sex", sex, "F or M, if the brief says")->check(CLI::IsMember({"F", "M"}));
  risk->add_option("--children", children, "number of children mentioned")
      ->check(CLI::Range(0, 20));
  risk->add_option("--child-ages", childAges, "exact ages of the children, e.g. 3,7");
  risk->add_option("--occupation", q.occupation, "occupation as written in the brief");
  risk->add_flag("--protected", q.protectedIdentity, "the brief mentions a protected identity");
  risk->add_flag("--json", deidJson, "the assessment as JSON");

  samrad::client::WorkflowCli workflows(cli, endpoint, std::cout, std::cerr);

  CLI11_PARSE(cli, argc, argv);

  if (scan->parsed()) {
    return samrad::client::runDeidScan(scanFile, deidJson, std::cin, std::cout, std::cerr);
  }
  if (risk->parsed()) {
    if (age >= 0) q.exactAge = age;
    if (!sex.empty()) q.sex = sex == "F" ? samrad::deid::Sex::Female : samrad::deid::Sex::Male;
    if (children >= 0) q.children = children;
    std::istringstream ages(childAges);
    std::string part;
    while (std::getline(ages, part, ',')) {
      try {
        q.childAges.push_back(std::stoi(part));
      } catch (const std::exception&) {
        std::cerr << "--child-ages takes whole numbers separated by commas, e.g. 3,7\n";
        return 2;
      }
    }
    return samrad::client::runDeidRisk(q, deidJson, std::cout);
  }
  endpoint.caFile = caFile;
  if (auto code = workflows.run()) return *code;
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
