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
  scan->add_flag("--json", deidJson,
                 "findings as JSON: type, start, end, text, score, reason, explanation");
  samrad::client::DeidScanOptions scanOptions;
  std::string deidLang;
  std::string pseudonymCase;
  scan->add_flag("--pseudonyms", scanOptions.pseudonyms,
                 "replace with pseudonyms (Person A, Ort 1) instead of labels ([NAMN])");
  scan->add_option("--case", pseudonymCase,
                   "with --pseudonyms: the case whose pseudonyms to use and extend (its number; "
                   "only the referring agency keeps them; needs --profile)");
  scan->add_flag("--apply", scanOptions.apply,
                 "print the text with every proposed replacement made, instead of the list");
  scan->add_option("--lang", deidLang, "language of the reasons: sv or en (default: the locale)")
      ->check(CLI::IsMember({"sv", "en"}));
  auto* evaluateCmd = deidCmd->add_subcommand(
      "evaluate",
      "measure the scanner on a file of briefs annotated with [[CLASS|text]] (per-class "
      "precision and recall)");
  std::string evaluateFile;
  bool evaluateDetails = false;
  evaluateCmd->add_option("file", evaluateFile, "the annotated briefs, UTF-8")->required();
  evaluateCmd->add_flag("--details", evaluateDetails, "list every miss and false alarm");
  auto* risk = deidCmd->add_subcommand(
      "risk", "estimate how many people match the brief's quasi-identifiers");
  samrad::client::QuasiOptions quasi;
  samrad::client::addQuasiOptions(risk, quasi);
  risk->add_flag("--json", deidJson, "the assessment as JSON");

  samrad::client::WorkflowCli workflows(cli, endpoint, std::cout, std::cerr);

  CLI11_PARSE(cli, argc, argv);

  if (scan->parsed()) {
    scanOptions.file = scanFile;
    scanOptions.json = deidJson;
    scanOptions.language = samrad::client::cliLanguage(deidLang);
    if (!pseudonymCase.empty()) {
      if (!scanOptions.pseudonyms) {
        std::cerr << "--case goes with --pseudonyms: it names the case whose pseudonyms to use.\n";
        return 2;
      }
      endpoint.caFile = caFile;
      return workflows.withCasePseudonyms(pseudonymCase, [&](samrad::deid::PseudonymBook& book) {
        return samrad::client::runDeidScan(scanOptions, &book, std::cin, std::cout, std::cerr);
      });
    }
    return samrad::client::runDeidScan(scanOptions, nullptr, std::cin, std::cout, std::cerr);
  }
  if (evaluateCmd->parsed()) {
    return samrad::client::runDeidEvaluate(evaluateFile, evaluateDetails, std::cout, std::cerr);
  }
  if (risk->parsed()) {
    const auto q = quasi.resolve();
    if (!q) {
      std::cerr << q.error().message() << '\n';
      return 2;
    }
    return samrad::client::runDeidRisk(*q, deidJson, std::cout);
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
