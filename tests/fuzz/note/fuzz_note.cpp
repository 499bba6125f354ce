// Network input: checkpoints as signed notes, cosignatures, verifier keys.
#include <string_view>

#include "../common/fixtures.h"
#include "../common/fuzz_target.h"
#include "samrad/crypto/note.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const std::vector<crypto::NoteVerifier> known = {
      crypto::NoteVerifier::make("samrad.example/log", crypto::NoteKeyType::Ed25519,
                                 fuzz::key(0x01).publicKey()),
      crypto::NoteVerifier::make("socialtjansten.example/witness", crypto::NoteKeyType::Cosignature,
                                 fuzz::key(0x02).publicKey())};
  auto note = crypto::Note::parse(text);
  if (note.ok()) {
    (void)crypto::verifyNote(*note, known);
    (void)crypto::Checkpoint::parse(note->text);
    (void)note->serialize();
  }
  (void)crypto::Checkpoint::parse(text);
  (void)crypto::NoteVerifier::parse(text);
  return 0;
}
