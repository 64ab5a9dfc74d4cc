#include "server/reply.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <new>

#include "graph/exception.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "server/parameters.hpp"

namespace kg::server {

Reply json_reply(std::string json) {
  Reply reply;
  reply.body = std::move(json);
  reply.body += '\n';
  return reply;
}

Reply error_reply(const ErrorReply& error) {
  Reply reply;
  reply.status = error.status;
  reply.body = query::json_text([&](query::JsonSink& json) {
    json.StartObject();
    json.Key("status");
    json.Int(error.status);
    json.Key("error");
    query::write_string(json, error.message);
    if (!error.parameter.empty()) {
      json.Key("parameter");
      query::write_string(json, error.parameter);
    }
    if (!error.accepted.empty()) {
      json.Key("accepted");
      query::write_string(json, error.accepted);
    }
    if (!error.suggestions.empty()) {
      json.Key("suggestions");
      json.StartArray();
      for (const auto& suggestion : error.suggestions) query::write_string(json, suggestion);
      json.EndArray();
    }
    json.EndObject();
  }) + "\n";
  return reply;
}

Reply reply_for_exception(const EntityLookup& lookup, bool stopping) {
  const auto cut_short = [stopping] {
    return stopping ? error_reply({503, "the server is stopping"})
                    : error_reply({504, "the query ran past its time budget"});
  };
  try {
    throw;
  } catch (const ParameterError& error) {
    return error_reply({400, error.what(), error.parameter(), error.accepted()});
  } catch (const NameNotFound& error) {
    ErrorReply reply{404, error.what()};
    reply.suggestions = lookup.suggestions(error.name());
    return error_reply(reply);
  } catch (const InvalidArgument& error) {
    const auto parameter = parameter_for(error.field());
    return error_reply({400, error.worded([](std::string_view field) { return parameter_for(field); }), parameter});
  } catch (const query::Cancelled&) {
    return cut_short();
  } catch (const TimeLimitReached&) {
    return cut_short();
  } catch (const BudgetSpent&) {
    return cut_short();
  } catch (const std::bad_alloc&) {
    return error_reply({503, "out of memory for this request"});
  } catch (const std::exception& error) {
    return error_reply({500, std::string("internal error: ") + error.what()});
  }
}

}  // namespace kg::server
