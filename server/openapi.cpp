// openapi.json, written from the endpoint table the server routes by.
#include <string>

#include "query/json.hpp"
#include "server/endpoints.hpp"

namespace kg::server {
namespace {

void write_schema(query::JsonSink& json, const ParameterSpec& spec) {
  json.StartObject();
  json.Key("type");
  switch (spec.type) {
    case ParameterType::Whole:
      json.String("integer");
      json.Key("minimum");
      json.Double(spec.min);
      json.Key("maximum");
      json.Double(spec.max);
      break;
    case ParameterType::Real:
      json.String("number");
      json.Key("minimum");
      json.Double(spec.min);
      json.Key("maximum");
      json.Double(spec.max);
      break;
    case ParameterType::Boolean: json.String("boolean"); break;
    case ParameterType::Choice: {
      json.String("string");
      json.Key("enum");
      json.StartArray();
      std::string word;
      for (const char c : spec.accepted + "|") {
        if (c != '|') {
          word += c;
        } else {
          query::write_string(json, word);
          word.clear();
        }
      }
      json.EndArray();
      break;
    }
    case ParameterType::List:
    case ParameterType::Text: json.String("string"); break;
  }
  json.EndObject();
}

void write_parameter(query::JsonSink& json, const ParameterSpec& spec, const char* in) {
  json.StartObject();
  json.Key("name");
  query::write_string(json, spec.name);
  json.Key("in");
  json.String(in);
  json.Key("required");
  json.Bool(spec.required || std::string(in) == "path");
  json.Key("description");
  std::string description = spec.description;
  if ((spec.type == ParameterType::Text || spec.type == ParameterType::List) && !spec.accepted.empty()) {
    description += " (" + spec.accepted + ")";
  }
  query::write_string(json, description);
  json.Key("schema");
  write_schema(json, spec);
  json.EndObject();
}

void write_responses(query::JsonSink& json) {
  static const std::pair<const char*, const char*> kResponses[] = {
      {"200", "The answer, as the command line's --format json writes it"},
      {"400", "A parameter is unknown or malformed: the error names it and what it accepts"},
      {"401", "The server needs a token: Authorization: Bearer TOKEN"},
      {"404", "No such entity (with suggestions) or endpoint"},
      {"413", "The request body is over the limit"},
      {"414", "The URL is over the limit"},
      {"503", "The server is busy (its queue is full) or stopping; retry later"},
      {"504", "The query ran past its time budget"},
  };
  json.StartObject();
  for (const auto& [status, description] : kResponses) {
    json.Key(status);
    json.StartObject();
    json.Key("description");
    json.String(description);
    json.EndObject();
  }
  json.EndObject();
}

}  // namespace

std::string openapi_json(const std::vector<Endpoint>& endpoints, const Caps& caps) {
  return query::json_text([&](query::JsonSink& json) {
    json.StartObject();
    json.Key("openapi");
    json.String("3.0.3");
    json.Key("info");
    json.StartObject();
    json.Key("title");
    json.String("kg serve");
    json.Key("version");
    json.String("1");
    json.Key("description");
    query::write_string(json, "Read-only questions about one knowledge graph; each answer is the JSON of the same "
                              "kg command with --format json. Caps: k <= " + std::to_string(caps.k) +
                              ", max_hops <= " + std::to_string(caps.max_hops) + ", limit <= " +
                              std::to_string(caps.limit) + ", top <= " + std::to_string(caps.top) + ".");
    json.EndObject();
    json.Key("paths");
    json.StartObject();
    for (const auto& endpoint : endpoints) {
      json.Key(("/api/v1/" + endpoint.path).c_str());
      json.StartObject();
      json.Key("get");
      json.StartObject();
      json.Key("summary");
      query::write_string(json, endpoint.summary);
      json.Key("parameters");
      json.StartArray();
      std::string::size_type open = 0;
      while ((open = endpoint.path.find('{', open)) != std::string::npos) {
        const auto close = endpoint.path.find('}', open);
        write_parameter(json, {endpoint.path.substr(open + 1, close - open - 1), ParameterType::Text, "Entity id, name or alias"}, "path");
        open = close;
      }
      for (const auto& spec : endpoint.parameters) write_parameter(json, spec, "query");
      json.EndArray();
      json.Key("responses");
      write_responses(json);
      json.EndObject();
      json.EndObject();
    }
    json.EndObject();
    json.EndObject();
  }) + "\n";
}

}  // namespace kg::server
