#include "ingest/kg_json_shape.hpp"

namespace kg::kg_json {
namespace {

const std::vector<std::string_view> kTopFields = {"kg",        "name",           "sources", "entities",
                                                  "relations", "relation_types", "directed"};
const std::vector<std::string_view> kSourceFields = {"id", "title", "url", "date"};
const std::vector<std::string_view> kEntityFields = {"id", "name", "type", "aliases", "attributes"};
const std::vector<std::string_view> kRelationFields = {"source", "target", "type", "date", "until", "attributes",
                                                       "evidence"};
const std::vector<std::string_view> kEvidenceFields = {"source", "quote"};
const std::vector<std::string_view> kRelationTypeFields = {"symmetric", "polarity", "description"};
const std::vector<std::string_view> kOpenMembers;  // attribute names, relation type names

}  // namespace

const std::vector<std::string_view>& fields_of(Context context) {
  switch (context) {
    case Context::Top: return kTopFields;
    case Context::Source: return kSourceFields;
    case Context::Entity: return kEntityFields;
    case Context::Relation: return kRelationFields;
    case Context::EvidenceItem: return kEvidenceFields;
    case Context::RelationType: return kRelationTypeFields;
    default: return kOpenMembers;
  }
}

const char* what_object(Context context) {
  switch (context) {
    case Context::Top: return "the document";
    case Context::Source: return "a source";
    case Context::Entity: return "an entity";
    case Context::Relation: return "a relation";
    case Context::EvidenceItem: return "an evidence item";
    default: return "a relation type";
  }
}

std::string path_of(const std::vector<Frame>& frames) {
  std::string text;
  for (std::size_t i = 1; i < frames.size(); ++i) {
    const Frame& frame = frames[i];
    if (frame.array) {
      text += "[" + std::to_string(frame.index) + "]";
    } else if (frame.field >= 0) {
      if (!text.empty()) text += ".";
      text += fields_of(frame.context)[static_cast<std::size_t>(frame.field)];
    } else if (!frame.key.empty()) {
      if (!text.empty()) text += ".";
      text += frame.key;
    }
  }
  return text;
}

}  // namespace kg::kg_json
