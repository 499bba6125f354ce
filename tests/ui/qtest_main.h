// QTEST_MAIN for widget tests that use gRPC: the same, with gRPC shut down on
// main's thread after the test object and the application are gone (see
// samrad/grpc_runtime.h).
#pragma once

#include <QApplication>
#include <QTest>

#include "samrad/grpc_runtime.h"

#define SAMRAD_QTEST_MAIN(TestObject)                  \
  int main(int argc, char** argv) {                    \
    const samrad::GrpcRuntime grpcRuntime;             \
    QApplication app(argc, argv);                      \
    QApplication::setAttribute(Qt::AA_Use96Dpi, true); \
    TestObject tc;                                     \
    QTEST_SET_MAIN_SOURCE_PATH                         \
    return QTest::qExec(&tc, argc, argv);              \
  }
