// The paper sheet an administrator prints for the agency's recovery key: the
// 17 words, a QR code of the same words, and what to do with it. Written to
// standard output only — the seed is never stored on a networked computer.
#pragma once

#include <string>
#include <string_view>

namespace samrad::cli {

// A QR code of `text` drawn with block characters for printing (dark modules
// as "█", two rows per line), with a quiet zone. Empty if it cannot be made.
std::string qrBlocks(std::string_view text);

// The whole sheet: agency and label, the words in rows of four, the QR code.
std::string recoverySheet(std::string_view agencyName, std::string_view words,
                          std::string_view createdOn, std::string_view userIdHex);

}  // namespace samrad::cli
