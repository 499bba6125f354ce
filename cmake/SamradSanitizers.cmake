# ASan+UBSan for the whole build (our code and the tests); CI runs the suite twice,
# once plain and once with this on.
if(SAMRAD_SANITIZE AND SAMRAD_TSAN)
  message(FATAL_ERROR "SAMRAD_SANITIZE and SAMRAD_TSAN cannot be combined")
endif()
if(SAMRAD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# ThreadSanitizer: the server and its integration tests (deploy/tsan.sh).
if(SAMRAD_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
