#pragma once
// Typed exceptions, one per kind of failure a caller may want to tell apart.
// The command line maps each to its documented exit code (docs/CLI.md).
#include <stdexcept>
#include <string>

namespace kg {

// Base of every exception kg throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A caller broke a documented precondition: a bad option value, an entity
// index out of range. The message names the offending parameter.
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

// A name given by the user matched no entity (or several). Carries the
// suggestions so the command line can say "did you mean".
class NameNotFound : public Error {
 public:
  NameNotFound(const std::string& message, std::string name)
      : Error(message), name_(std::move(name)) {}
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// Input that cannot be read or is malformed; the message already carries
// file:line:column when one is known.
class InputError : public Error {
 public:
  using Error::Error;
};

// Output that cannot be written: a full disk, an unwritable directory, a
// failed write to standard output. The message names the path.
class OutputError : public Error {
 public:
  using Error::Error;
};

// An output file that is read-only: replaced only when the caller asks for
// it (OutputFileOptions::replace_read_only).
class ReadOnlyOutput : public OutputError {
 public:
  using OutputError::OutputError;
};

// An iterative algorithm gave up before meeting its tolerance.
class NotConverged : public Error {
 public:
  using Error::Error;
};

// Work that cannot give a partial answer (a Graphviz layout) ran past the
// deadline its caller set.
class TimeLimitReached : public Error {
 public:
  using Error::Error;
};

}  // namespace kg
