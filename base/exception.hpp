#pragma once
// Typed exceptions, one per kind of failure a caller may want to tell apart.
// A front end maps each to its own outcome (the command line: the exit codes
// of docs/CLI.md) and words the fields an error names its own way (a flag, an
// HTTP parameter, a Python keyword): library messages never name a flag.
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kg {

// A request or options field an error is about, by its library name
// ("relation_types", "weight_attribute", "by").
struct Field {
  std::string name;
};

// How a front end calls a field: "--relations" for the command line.
using FieldNamer = std::function<std::string(std::string_view field)>;

// An error message made of text and fields, worded by whoever shows it.
class Message {
 public:
  using Part = std::variant<std::string, Field>;
  Message(std::initializer_list<Part> parts) : parts_(parts) {}

  // For messages put together piece by piece.
  Message& append(Part part) {
    parts_.push_back(std::move(part));
    return *this;
  }

  // The fields named by `namer`; without one, by their library names.
  std::string worded(const FieldNamer& namer = {}) const {
    std::string text;
    for (const auto& part : parts_) {
      if (const auto* field = std::get_if<Field>(&part)) {
        text += namer ? namer(field->name) : field->name;
      } else {
        text += std::get<std::string>(part);
      }
    }
    return text;
  }

 private:
  std::vector<Part> parts_;
};

// Base of every exception kg throws on purpose.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message), message_({message}) {}
  // "FIELD: detail".
  Error(Field field, const std::string& detail)
      : Error(field.name, Message{field, ": " + detail}) {}
  Error(Field field, Message message)
      : Error(field.name, std::move(message)) {}

  // The field the error is about; empty when it is about none.
  const std::string& field() const { return field_; }
  // The message with each field named the front end's way.
  std::string worded(const FieldNamer& namer) const { return message_.worded(namer); }

 private:
  Error(std::string field, Message message)
      : std::runtime_error(message.worded()), field_(std::move(field)), message_(std::move(message)) {}

  std::string field_;
  Message message_;
};

// A caller broke a documented precondition: a bad option value, an entity
// index out of range. The error names the offending field.
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
