#pragma once
// Standard output as one checked sink. What kg prints goes through C's
// `stdout` (fmt::print, std::cout, which shares its buffer, fwrite) and is
// checked here at the end of every command; files written to "-" go to the
// same descriptor, after stdout's buffer (base/output_file.hpp). A failed
// write is an error, never a silent loss.

namespace kg {

// Flushes standard output. Throws OutputError("cannot write output: REASON")
// when a write failed (now or earlier); when the reading end of a pipe is
// closed (EPIPE) ends the process quietly, as SIGPIPE does.
void flush_standard_output();

// Flushes and closes standard output: a close can report what a write did
// not (a full disk on a network file system). Same errors as above.
void close_standard_output();

// What a failed write to standard output with `error` (an errno value)
// means: EPIPE ends the process quietly; anything else throws OutputError.
[[noreturn]] void standard_output_failed(int error);

}  // namespace kg
