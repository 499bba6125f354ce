# ASan+UBSan for the whole build (our code and the tests); CI runs the suite twice,
# once plain and once with this on.
if(SAMRAD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
