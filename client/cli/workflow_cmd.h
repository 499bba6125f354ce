// The consultation workflow in samrad-cli, on a device profile: enrolment
// (agency bootstrap, identity requests, user registration, device
// enrolment, pinning roots), the group, cases, consent, meetings with
// minutes and actions, advice requests and retention. Every command works on
// the profile's encrypted key store (passphrase from SAMRAD_PASSPHRASE or
// --passphrase-file), logs in with the device key, syncs the group, does its
// one thing, sends what it wrote and prints the result; a refusal is a
// sentence on stderr and exit code 1.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "samrad/client/connection.h"
#include "samrad/deid/pseudonyms.h"

namespace samrad::client {

class WorkflowCli {
 public:
  WorkflowCli(CLI::App& app, ServerEndpoint& endpoint, std::ostream& out, std::ostream& err);
  // The exit code, if one of these commands was the one parsed.
  std::optional<int> run();

  // For `deid scan --pseudonyms --case NUMBER`: opens the profile and the
  // group, loads the case's pseudonym book (kept only by the referring
  // agency's devices), lets `use` assign from it and saves it again. The exit
  // code is use's, or 1 with a sentence on stderr.
  int withCasePseudonyms(const std::string& caseNumber,
                         const std::function<int(deid::PseudonymBook&)>& use);

 private:
  struct Command {
    CLI::App* sub;
    std::function<int()> body;
  };
  CLI::App* add(CLI::App* parent, const std::string& name, const std::string& help,
                std::function<int()> body);

  ServerEndpoint& endpoint_;
  std::ostream& out_;
  std::ostream& err_;
  std::vector<Command> commands_;
  // Options shared by the commands (CLI11 binds to these).
  std::string profileDir_;
  std::string passphraseFile_;
  struct Opts;
  std::unique_ptr<Opts> o_;

 public:
  ~WorkflowCli();
};

}  // namespace samrad::client
