#pragma once
// What an endpoint answers: a status, a body and its type. Errors are JSON
// too, one shape for all: {"status": 400, "error": "...", "parameter": "k",
// "accepted": "1..100"} (parameter and accepted for 400s, "suggestions"
// for an unknown entity).
#include <string>
#include <vector>

#include "graph/lookup.hpp"

namespace kg::server {

struct Reply {
  Reply() = default;
  Reply(int status_code, std::string text) : status(status_code), body(std::move(text)) {}

  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

struct ErrorReply {
  ErrorReply(int status_code, std::string text, std::string parameter_name = {}, std::string accepted_values = {})
      : status(status_code),
        message(std::move(text)),
        parameter(std::move(parameter_name)),
        accepted(std::move(accepted_values)) {}

  int status = 500;
  std::string message;
  std::string parameter;                 // the request parameter at fault
  std::string accepted;                  // what that parameter accepts
  std::vector<std::string> suggestions;  // "did you mean" for an unknown name
};

Reply json_reply(std::string json);
Reply error_reply(const ErrorReply& error);

// The reply for the exception being handled (call inside a catch block):
// 400 for a bad parameter or value, 404 for an unknown entity (with
// suggestions from `lookup`), 504 for a query past its time budget, 503
// when the server is stopping, 500 for anything else.
Reply reply_for_exception(const EntityLookup& lookup, bool stopping);

// A query that passed its time budget: thrown by endpoints whose answer
// came back cut.
class BudgetSpent : public std::exception {
 public:
  const char* what() const noexcept override { return "the query ran past its time budget"; }
};

}  // namespace kg::server
