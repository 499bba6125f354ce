# samrad_add_fuzzer(NAME SOURCES ... LIBS ...)
#
# Every fuzz target defines LLVMFuzzerTestOneInput. With SAMRAD_BUILD_FUZZ (clang) it
# links libFuzzer; otherwise it links a small driver that feeds every file of the
# target's seed corpus (tests/fuzz/<name>/corpus) once, so the corpus runs as a
# regression test under ctest on every build.
function(samrad_add_fuzzer name)
  cmake_parse_arguments(F "" "" "SOURCES;LIBS" ${ARGN})
  set(target fuzz_${name})
  add_executable(${target} ${F_SOURCES})
  target_link_libraries(${target} PRIVATE ${F_LIBS} samrad_warnings)
  if(SAMRAD_BUILD_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  else()
    target_link_libraries(${target} PRIVATE samrad_fuzz_driver)
  endif()
  set(corpus "${CMAKE_CURRENT_SOURCE_DIR}/corpus")
  if(NOT SAMRAD_BUILD_FUZZ AND EXISTS "${corpus}")
    add_test(NAME fuzz_corpus_${name} COMMAND ${target} "${corpus}")
  endif()
endfunction()
