// Untrusted input: an audit bundle's proof files (C2SP tlog-proof) as a
// lawyer's verifier reads them — parsed, the embedded checkpoint parsed and
// its signature checked, the inclusion proof checked against it, and the
// entry parsed as a log entry.
#include <string_view>

#include "../common/fixtures.h"
#include "../common/fuzz_target.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/crypto/tlog_proof.h"
#include "samrad/v1/log.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const std::vector<crypto::NoteVerifier> known = {crypto::NoteVerifier::make(
      "samrad.example/log", crypto::NoteKeyType::Ed25519, fuzz::key(0x01).publicKey())};
  auto proof = crypto::TlogProof::parse(text);
  if (!proof.ok()) return 0;
  (void)proof->serialize();
  auto note = crypto::Note::parse(proof->checkpoint);
  if (!note.ok()) return 0;
  (void)crypto::verifyNote(*note, known);
  auto cp = crypto::Checkpoint::parse(note->text);
  if (!cp.ok() || !proof->extra) return 0;
  (void)crypto::verifyInclusion(proof->index, cp->size, crypto::merkleLeafHash(*proof->extra),
                                proof->hashes, cp->root);
  v1::LogEntry entry;
  (void)entry.ParseFromArray(proof->extra->data(), static_cast<int>(proof->extra->size()));
  return 0;
}
