// Linked into kg and kg_tests in the sanitizer build (KG_SANITIZE): any
// finding fails the run, and leaks inside the third-party libraries behind
// Graphviz rendering are not kg's (they keep process-lifetime caches, and
// libgvc leaks a few KB per layout: STACK-NOTES.md). The sanitizer runtimes
// call these before main, so no environment needs setting.
extern "C" const char* __asan_default_options() {
  return "detect_leaks=1:abort_on_error=1:strict_string_checks=1";
}

extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libfontconfig.so\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n"
         "leak:libpango\n"
         "leak:libcairo.so\n"
         "leak:libharfbuzz.so\n";
}
