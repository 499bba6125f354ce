# One INTERFACE target carries the warning policy; every target of ours links it,
# generated code (proto/) does not.
add_library(samrad_warnings INTERFACE)
target_compile_options(samrad_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2
  -Wmissing-declarations -Wundef)
if(SAMRAD_WERROR)
  target_compile_options(samrad_warnings INTERFACE -Werror)
endif()
