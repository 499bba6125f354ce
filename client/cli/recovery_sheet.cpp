#include "recovery_sheet.h"

#include <qrencode.h>

#include <memory>
#include <sstream>
#include <vector>

#include "samrad/client/recovery.h"

namespace samrad::cli {

std::string qrBlocks(std::string_view text) {
  const std::string payload(text);
  // Not case-sensitive: the words go in upper case, in QR's compact
  // alphanumeric mode.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 0), &QRcode_free);
  if (!code) return {};
  constexpr int kQuiet = 2;
  const int n = code->width + 2 * kQuiet;
  auto dark = [&](int x, int y) {
    x -= kQuiet;
    y -= kQuiet;
    if (x < 0 || y < 0 || x >= code->width || y >= code->width) return false;
    return (code->data[y * code->width + x] & 1) != 0;
  };
  std::string out;
  for (int y = 0; y < n; y += 2) {
    for (int x = 0; x < n; ++x) {
      const bool top = dark(x, y);
      const bool bottom = y + 1 < n && dark(x, y + 1);
      out += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    out += '\n';
  }
  return out;
}

std::string recoverySheet(std::string_view agencyName, std::string_view words,
                          std::string_view createdOn, std::string_view userIdHex) {
  std::ostringstream s;
  s << client::recoveryKeyLabelSv(agencyName) << " — Samråd\n"
    << "Återställningsnyckel skapad " << createdOn << " (id " << userIdHex << ")\n\n"
    << "Skriv ut det här bladet och förvara det i kassaskåp. Spara det inte på en dator.\n"
    << "Med nyckeln ger administratören en medarbetares nya dator tillgång till gruppens\n"
    << "historik när en dator har gått förlorad (samrad-cli recovery restore).\n"
    << "Print this sheet and keep it in a safe; never store it on a computer.\n\n";
  std::vector<std::string> list;
  std::istringstream in{std::string(words)};
  for (std::string w; in >> w;) list.push_back(w);
  for (std::size_t i = 0; i < list.size(); ++i) {
    s << "  " << list[i] << (i % 4 == 3 || i + 1 == list.size() ? "\n" : "");
  }
  s << '\n' << qrBlocks(words) << '\n';
  return s.str();
}

}  // namespace samrad::cli
