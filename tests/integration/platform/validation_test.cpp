// Hostile and careless input over the real wire: every malformed, oversized or
// missing field gets INVALID_ARGUMENT or RESOURCE_EXHAUSTED with a message that
// names the rule; missing sessions get UNAUTHENTICATED; nothing crashes.
#include <grpcpp/grpcpp.h>

#include <fstream>
#include <iterator>

#include "platform_fixture.h"
#include "samrad/crypto/login.h"
#include "samrad/v1/auth.grpc.pb.h"
#include "samrad/v1/enrollment.grpc.pb.h"
#include "samrad/v1/groups.grpc.pb.h"
#include "samrad/v1/objects.grpc.pb.h"

namespace samrad::platform_testing {
namespace {

class Validation : public Platform {
 protected:
  void SetUp() override {
    Platform::SetUp();
    bootstrap(social_, 2);
    enrolMember(social_, samordnare_);
    pinned_.pin(social_.id, social_.root.publicKey());
    crypto::MembershipChain local(pinned_, {});
    auto genesis = local.makeLink(
        group_, crypto::OpCreate{{spec(samordnare_, crypto::GroupRole::Coordinator)}}, nowSeconds(),
        samordnare_.device.signing, samordnare_.device.id);
    ASSERT_TRUE(genesis.ok());
    ASSERT_TRUE(samordnare_.device.client->createGroup(genesis->serialize()).ok());
    auto ch =
        client::openChannel({"127.0.0.1:" + std::to_string(server_->port()), pki_.caCert, ""});
    channel_ = *ch;
  }

  void authed(grpc::ClientContext& ctx, bool withToken = true) {
    ctx.set_deadline(std::chrono::system_clock::now() + 10s);
    if (withToken) {
      ctx.AddMetadata("authorization", "Bearer " + samordnare_.device.client->sessionToken());
    }
  }

  static void expectStatus(const grpc::Status& s, grpc::StatusCode code,
                           const std::string& reason) {
    EXPECT_EQ(s.error_code(), code) << s.error_message();
    EXPECT_NE(s.error_message().find(reason), std::string::npos)
        << "message '" << s.error_message() << "' does not name " << reason;
  }

  grpc::Status put(const std::function<void(v1::PutObjectRequest&)>& edit) {
    auto stub = v1::ObjectService::NewStub(channel_);
    v1::PutObjectRequest req;
    req.set_group_id(group_.str());
    req.set_object_id(crypto::ObjectId::random().str());
    req.set_object("x");
    edit(req);
    grpc::ClientContext ctx;
    authed(ctx);
    v1::PutObjectResponse resp;
    return stub->PutObject(&ctx, req, &resp);
  }

  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(Validation, ObjectRequestsNameWhatIsWrong) {
  expectStatus(put([](auto& r) { r.set_group_id("abc"); }), grpc::StatusCode::INVALID_ARGUMENT,
               "group_id must be 16 bytes");
  expectStatus(put([](auto& r) { r.set_object_id(""); }), grpc::StatusCode::INVALID_ARGUMENT,
               "object_id must be 16 bytes");
  expectStatus(put([](auto& r) { r.clear_object(); }), grpc::StatusCode::INVALID_ARGUMENT,
               "object is required");
  expectStatus(put([](auto& r) { r.set_object("\x0a\xff\xff\xff\xff garbage"); }),
               grpc::StatusCode::INVALID_ARGUMENT, "content.malformed");
  expectStatus(put([](auto& r) { r.set_object(std::string(5 << 20, 'a')); }),
               grpc::StatusCode::RESOURCE_EXHAUSTED, "");
  expectStatus(put([](auto& r) { r.mutable_access()->mutable_devices()->add_device_ids("short"); }),
               grpc::StatusCode::INVALID_ARGUMENT, "access.device_ids must be 16 bytes");

  auto stub = v1::ObjectService::NewStub(channel_);
  v1::ListObjectsRequest list;
  list.set_group_id(group_.str());
  list.mutable_page()->set_page_size(10000);
  grpc::ClientContext ctx;
  authed(ctx);
  v1::ListObjectsResponse listResp;
  expectStatus(stub->ListObjects(&ctx, list, &listResp), grpc::StatusCode::INVALID_ARGUMENT,
               "page_size is at most 500");
}

TEST_F(Validation, GroupRequestsRefuseJunkLinks) {
  auto stub = v1::GroupService::NewStub(channel_);
  {
    v1::AppendLinkRequest req;
    req.set_group_id(group_.str());
    req.set_link("not an envelope at all");
    grpc::ClientContext ctx;
    authed(ctx);
    v1::AppendLinkResponse resp;
    expectStatus(stub->AppendLink(&ctx, req, &resp), grpc::StatusCode::INVALID_ARGUMENT,
                 "link is not a signed envelope");
  }
  {
    v1::CreateGroupRequest req;
    grpc::ClientContext ctx;
    authed(ctx);
    v1::CreateGroupResponse resp;
    expectStatus(stub->CreateGroup(&ctx, req, &resp), grpc::StatusCode::INVALID_ARGUMENT,
                 "genesis_link is required");
  }
  {
    v1::GetChainRequest req;
    req.set_group_id(crypto::GroupId::random().str());
    grpc::ClientContext ctx;
    authed(ctx);
    v1::Chain resp;
    expectStatus(stub->GetChain(&ctx, req, &resp), grpc::StatusCode::NOT_FOUND, "group.not_found");
  }
  {
    v1::GetChainRequest req;
    req.set_group_id(group_.str());
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::Chain resp;
    expectStatus(stub->GetChain(&ctx, req, &resp), grpc::StatusCode::UNAUTHENTICATED,
                 "auth.no_session");
  }
}

TEST_F(Validation, LoginAndEnrolmentRefuseMalformedCredentials) {
  auto auth = v1::AuthService::NewStub(channel_);
  {
    v1::GetChallengeRequest req;
    req.set_device_id("tiny");
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::Challenge resp;
    expectStatus(auth->GetChallenge(&ctx, req, &resp), grpc::StatusCode::INVALID_ARGUMENT,
                 "device_id must be 16 bytes");
  }
  {
    v1::LoginRequest req;
    req.set_device_id(samordnare_.device.id.str());
    req.set_challenge(std::string(32, 'c'));
    req.set_signature("short");
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::Session resp;
    expectStatus(auth->Login(&ctx, req, &resp), grpc::StatusCode::INVALID_ARGUMENT,
                 "signature 64 bytes");
  }
  auto enrol = v1::EnrollmentService::NewStub(channel_);
  {
    v1::EnrollDeviceRequest req;
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::EnrollDeviceResponse resp;
    expectStatus(enrol->EnrollDevice(&ctx, req, &resp), grpc::StatusCode::INVALID_ARGUMENT,
                 "an enrolment code is required");
  }
  {
    v1::EnrollDeviceRequest req;
    req.set_enrollment_code("WRONGWRONGWRONGWRONG");
    req.set_device_certificate(samordnare_.device.certificate.serialize().empty() ? "" : "x");
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::EnrollDeviceResponse resp;
    const auto s = enrol->EnrollDevice(&ctx, req, &resp);
    EXPECT_TRUE(s.error_code() == grpc::StatusCode::INVALID_ARGUMENT ||
                s.error_code() == grpc::StatusCode::PERMISSION_DENIED)
        << s.error_message();
  }
  {
    v1::BootstrapAgencyRequest req;
    grpc::ClientContext ctx;
    authed(ctx, false);
    ctx.AddMetadata("x-samrad-operator", "guess");
    v1::BootstrapAgencyResponse resp;
    expectStatus(enrol->BootstrapAgency(&ctx, req, &resp), grpc::StatusCode::PERMISSION_DENIED,
                 "auth.not_operator");
  }
}

TEST_F(Validation, RepeatedBadLoginsAreRateLimited) {
  auto auth = v1::AuthService::NewStub(channel_);
  grpc::Status last;
  for (int i = 0; i < 6; ++i) {
    v1::Challenge challenge;
    {
      v1::GetChallengeRequest req;
      req.set_device_id(samordnare_.device.id.str());
      grpc::ClientContext ctx;
      authed(ctx, false);
      last = auth->GetChallenge(&ctx, req, &challenge);
      if (!last.ok()) break;
    }
    v1::LoginRequest req;
    req.set_device_id(samordnare_.device.id.str());
    req.set_challenge(challenge.challenge());
    req.set_signature(std::string(64, 's'));  // not a valid signature
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::Session resp;
    last = auth->Login(&ctx, req, &resp);
    if (i < 5) expectStatus(last, grpc::StatusCode::UNAUTHENTICATED, "auth.bad_signature");
  }
  expectStatus(last, grpc::StatusCode::RESOURCE_EXHAUSTED, "auth.rate_limited");
}

// Security review, item 6 ("anyone can lock a device out"): the three ways a
// stranger who knows only a device id kept it from logging in.
class LoginDefences : public Validation {
 protected:
  v1::Challenge challenge() {
    auto auth = v1::AuthService::NewStub(channel_);
    v1::GetChallengeRequest req;
    req.set_device_id(samordnare_.device.id.str());
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::Challenge c;
    EXPECT_TRUE(auth->GetChallenge(&ctx, req, &c).ok());
    return c;
  }
  grpc::Status login(const std::string& challengeBytes, const std::string& signature) {
    auto auth = v1::AuthService::NewStub(channel_);
    v1::LoginRequest req;
    req.set_device_id(samordnare_.device.id.str());
    req.set_challenge(challengeBytes);
    req.set_signature(signature);
    grpc::ClientContext ctx;
    authed(ctx, false);
    v1::Session resp;
    return auth->Login(&ctx, req, &resp);
  }
  // What the device itself sends for a challenge it was given.
  grpc::Status loginAsTheDevice(const v1::Challenge& c) {
    std::ifstream pem(pki_.serverCert);
    const std::string cert{std::istreambuf_iterator<char>(pem), std::istreambuf_iterator<char>()};
    const auto sig = samordnare_.device.signing.sign(
        crypto::loginMessage(crypto::asBytes(c.server_id()), *crypto::tlsCertificateDigest(cert),
                             samordnare_.device.id, crypto::asBytes(c.challenge())));
    return login(c.challenge(), std::string(sig.begin(), sig.end()));
  }
  // A stranger's Login: a challenge the server never issued, a junk signature.
  grpc::Status junkLogin() {
    const auto made = crypto::randomBytes(crypto::kLoginChallengeSize);
    return login(std::string(made.begin(), made.end()), std::string(64, 's'));
  }
};

TEST_F(LoginDefences, JunkLoginsFromAStrangerDoNotLockTheDeviceOut) {
  for (int i = 0; i < 12; ++i) {
    expectStatus(junkLogin(), grpc::StatusCode::UNAUTHENTICATED, "auth.bad_challenge");
  }
  const grpc::Status s = loginAsTheDevice(challenge());
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(LoginDefences, AStrangersLoginDoesNotSpendTheDevicesChallenge) {
  const v1::Challenge mine = challenge();
  expectStatus(junkLogin(), grpc::StatusCode::UNAUTHENTICATED, "auth.bad_challenge");
  const grpc::Status s = loginAsTheDevice(mine);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(LoginDefences, ADeviceMayHoldSeveralChallengesEachUsableOnce) {
  // Two windows of the same program asking at once, say.
  const v1::Challenge first = challenge();
  const v1::Challenge second = challenge();
  const grpc::Status a = loginAsTheDevice(first);
  EXPECT_TRUE(a.ok()) << a.error_message();
  const grpc::Status b = loginAsTheDevice(second);
  EXPECT_TRUE(b.ok()) << b.error_message();
  expectStatus(loginAsTheDevice(first), grpc::StatusCode::UNAUTHENTICATED, "auth.bad_challenge");
}

}  // namespace
}  // namespace samrad::platform_testing
