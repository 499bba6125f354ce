// The README's main job: the demo week runs against a real server and every
// step it reports actually happened.
#include "demo.h"

#include <gtest/gtest.h>

#include <sstream>

#include "samrad/common/log.h"
#include "samrad/crypto/primitives.h"
#include "samrad/server/app/server_app.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/testing/support.h"

namespace samrad {
namespace {

TEST(Demo, AConsultationGroupWorksThroughAWeek) {
  log::init(log::Format::Text, log::Level::Error);
  testing::TempDir dir;
  const auto pki = testing::makeDevPki(dir.path() / "pki");
  server::app::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.dataDir = dir.path() / "var";
  config.tlsCert = pki.serverCert;
  config.tlsKey = pki.serverKey;
  auto app = server::app::ServerApp::start(config);
  ASSERT_TRUE(app.ok()) << app.error().describe();
  auto op = server::storage::loadOrCreateKeyFile(config.dataDir / "operator.key");
  ASSERT_TRUE(op.ok());

  std::ostringstream out;
  const int rc = client::runDemo({"127.0.0.1:" + std::to_string((*app)->port()), pki.caCert, ""},
                                 crypto::toHex(op->view()), out);
  const std::string text = out.str();
  EXPECT_EQ(rc, 0) << text;
  EXPECT_NE(text.find("Gruppkod att läsa upp"), std::string::npos) << text;
  EXPECT_NE(text.find("avvisades i stället för att"), std::string::npos) << text;
  // The draft's name, personnummer and phone number are caught on the device.
  EXPECT_NE(text.find("hittar 3 uppgifter i utkastet: NAME PERSONNUMMER PHONE"), std::string::npos)
      << text;
  EXPECT_NE(text.find("nekas nu: group.not_member"), std::string::npos) << text;
  // Consent holds its scope and its withdrawal takes effect; advice comes back.
  EXPECT_NE(text.find("Samordnaren läser ärendet: ja. Regionen nekas: object.no_access"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("samordnarens dator har ärendet kvar: nej"), std::string::npos) << text;
  EXPECT_NE(text.find("Svaret når bara frågeställaren: \"Erbjud kontakt"), std::string::npos)
      << text;
  EXPECT_NE(text.find("inget har skrivits om"), std::string::npos) << text;

  // A wrong operator token stops the demo with a sentence, not a crash.
  std::ostringstream refused;
  EXPECT_EQ(client::runDemo({"127.0.0.1:" + std::to_string((*app)->port()), pki.caCert, ""},
                            std::string(64, '0'), refused),
            1);
  EXPECT_NE(refused.str().find("Demot stannade"), std::string::npos) << refused.str();
}

}  // namespace
}  // namespace samrad
