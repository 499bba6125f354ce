#include "samrad/common/result.h"

#include <gtest/gtest.h>

#include <memory>

namespace samrad {
namespace {

Result<int> half(int x) {
  if (x % 2 != 0) {
    return Error(ErrorCode::InvalidArgument, "test.odd", "odd input");
  }
  return x / 2;
}

Result<int> quarter(int x) {
  SAMRAD_ASSIGN_OR_RETURN(int h, half(x));
  return half(h);
}

Status needsEven(int x) {
  SAMRAD_TRY(half(x));
  return okStatus();
}

TEST(Result, CarriesValueOrError) {
  auto ok = half(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 4);
  auto bad = half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(bad.error().reason(), "test.odd");
  EXPECT_EQ(bad.error().describe(), "test.odd: odd input");
}

TEST(Result, MacrosPropagateTheFirstError) {
  EXPECT_EQ(*quarter(8), 2);
  auto r = quarter(6);  // 6 -> 3 -> odd
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "test.odd");
  EXPECT_TRUE(needsEven(2).ok());
  EXPECT_FALSE(needsEven(1).ok());
}

TEST(Result, HoldsMoveOnlyValues) {
  Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

TEST(ErrorCode, NamesMatchGrpcCanonicalCodes) {
  EXPECT_EQ(errorCodeName(ErrorCode::Aborted), "ABORTED");
  EXPECT_EQ(errorCodeName(ErrorCode::FailedPrecondition), "FAILED_PRECONDITION");
  EXPECT_EQ(errorCodeName(ErrorCode::ResourceExhausted), "RESOURCE_EXHAUSTED");
}

}  // namespace
}  // namespace samrad
