// Checks people do and the blind index the server matches on:
//  - safety numbers: 60 digits for a pair of users (or agency roots) that both
//    read out and compare; a QR payload carrying the same;
//  - the group code: a short number from the chain head, read aloud at the
//    meeting so everyone knows they see the same group;
//  - the personnummer normalised, for the person tags of repeat checks
//    (person_tag.h).
#pragma once

#include <string>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

inline constexpr std::uint16_t kSafetyNumberVersion = 1;
inline constexpr int kSafetyIterations = 5200;

// 30 digits for one party (its id and identity/root key).
std::string safetyFingerprintDigits(ByteView partyId, const SigningPublicKey& key);
// 60 digits for a pair: the two halves in sorted order so both sides agree.
std::string safetyNumber(ByteView idA, const SigningPublicKey& keyA, ByteView idB,
                         const SigningPublicKey& keyB);
// "12345 67890 …": 12 groups of 5.
std::string formatSafetyNumber(const std::string& digits);
// Version byte, then both 32-byte fingerprints in sorted order.
Bytes safetyQrPayload(ByteView idA, const SigningPublicKey& keyA, ByteView idB,
                      const SigningPublicKey& keyB);

// "1234 5678 9012" from the group id and its chain head.
std::string groupCode(const GroupId& group, const Hash& chainHead);

// A personnummer or samordningsnummer normalised to 12 digits YYYYMMDDNNNC.
// Accepts YYMMDD-NNNC, YYMMDD+NNNC (100 years or older), YYMMDDNNNC,
// YYYYMMDD-NNNC and YYYYMMDDNNNC. `referenceYear` decides the century of the
// short forms. Reasons: pnr.format, pnr.date, pnr.checksum.
Result<std::string> normalisePersonnummer(std::string_view text, int referenceYear);

// The Luhn check of Swedish identity numbers over 10 digits YYMMDDNNNC.
bool luhnValid(std::string_view tenDigits);

}  // namespace samrad::crypto
