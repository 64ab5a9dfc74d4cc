#include "ingest/csv.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_set>

#include "base/mapped_file.hpp"
#include "graph/exception.hpp"
#include "ingest/csv_parser.hpp"
#include "ingest/interchange.hpp"
#include "base/utf8.hpp"

namespace kg {
namespace {

using interchange::TextType;

enum class Role : std::uint8_t { Attribute, Id, Name, EntityType, Aliases, Source, Target, RelationType, Date, Until,
                                 Evidence, Ignore };

struct Column {
  Role role = Role::Attribute;
  std::string attribute;  // for Role::Attribute
  TextType type = TextType::String;
};

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// Neo4j's header roles (`:ID`, `:START_ID(Space)`, ...) and property types.
std::optional<Role> neo4j_role(const std::string& suffix) {
  const std::string base = suffix.substr(0, suffix.find('('));
  if (base == "id") return Role::Id;
  if (base == "label") return Role::EntityType;
  if (base == "start_id") return Role::Source;
  if (base == "end_id") return Role::Target;
  if (base == "type") return Role::RelationType;
  if (base == "ignore") return Role::Ignore;
  return std::nullopt;
}

std::optional<TextType> neo4j_type(const std::string& suffix) {
  const std::string base = suffix.size() > 2 && suffix.compare(suffix.size() - 2, 2, "[]") == 0
                               ? suffix.substr(0, suffix.size() - 2)
                               : suffix;
  if (base == "int" || base == "long" || base == "short" || base == "byte") return TextType::Integer;
  if (base == "float" || base == "double") return TextType::Real;
  if (base == "boolean") return TextType::Boolean;
  if (base == "string" || base == "char" || base == "date" || base == "localdate" || base == "time" ||
      base == "localtime" || base == "datetime" || base == "localdatetime" || base == "duration" ||
      base == "point") {
    return TextType::String;  // kept as text: kg's dates are partial, Neo4j's temporal types are not
  }
  return std::nullopt;
}

Column column_for(std::string_view header, const CsvColumns& flags, bool relations_hint) {
  Column column;
  std::string name(header);
  std::string suffix;
  if (const auto colon = header.rfind(':'); colon != std::string_view::npos) {
    const std::string candidate = lower(header.substr(colon + 1));
    if (neo4j_role(candidate) || neo4j_type(candidate)) {
      name = std::string(header.substr(0, colon));
      suffix = candidate;
    }
  }
  const std::pair<const std::string*, Role> flagged[] = {
      {&flags.id, Role::Id},         {&flags.name, Role::Name},           {&flags.entity_type, Role::EntityType},
      {&flags.source, Role::Source}, {&flags.target, Role::Target},       {&flags.relation_type, Role::RelationType},
      {&flags.date, Role::Date},     {&flags.until, Role::Until}};
  for (const auto& [flag, role] : flagged) {
    if (!flag->empty() && (*flag == header || *flag == name)) {
      column.role = role;
      return column;
    }
  }
  if (!suffix.empty()) {
    if (const auto role = neo4j_role(suffix)) {
      column.role = *role;
      return column;
    }
  }
  if (suffix.empty() || suffix == "string" || suffix == "string[]") {
    // Plain names of kg's fields (the type column's meaning depends on the
    // table: entity type or relation type).
    if (name == "id") column.role = Role::Id;
    else if (name == "name") column.role = Role::Name;
    else if (name == "label") column.role = Role::EntityType;
    else if (name == "type") column.role = relations_hint ? Role::RelationType : Role::EntityType;
    else if (name == "aliases") column.role = Role::Aliases;
    else if (name == "source") column.role = Role::Source;
    else if (name == "target") column.role = Role::Target;
    else if (name == "date") column.role = Role::Date;
    else if (name == "until") column.role = Role::Until;
    else if (name == "evidence") column.role = Role::Evidence;
    if (column.role != Role::Attribute) return column;
  }
  column.attribute = std::string(interchange::imported_attribute_name(name));
  column.type = suffix.empty() ? TextType::String : *neo4j_type(suffix);
  return column;
}

struct Table {
  std::string name;  // for diagnostics
  std::string_view text;
  std::function<std::string()> load_text;
};

class Reader {
 public:
  explicit Reader(const ReadOptions& options) : options_(options) {}

  ReadResult read(const Table* entities, const Table* relations) {
    collect_endpoints_ = !entities;
    if (entities) entity_problems_.emplace(options_.max_problems);
    if (relations) relation_problems_.emplace(options_.max_problems);
    if (entities) read_table(*entities, false, *entity_problems_);
    if (relations) read_table(*relations, true, *relation_problems_);
    if (!entities && relations) add_endpoint_entities();
    // CSV has no sources table: the sources evidence cites are known by id only.
    for (const auto& id : evidence_sources_) builder_.add_source(id, "", "", Date());
    ReadResult result;
    const auto clean = [](const std::optional<interchange::Problems>& p) { return !p || p->empty(); };
    if (clean(entity_problems_) && clean(relation_problems_)) {
      BuildResult built = std::move(builder_).finish();
      if (built.problems.empty()) {
        result.graph = std::move(built.graph);
        return result;
      }
      for (const auto& problem : built.problems) {
        const bool entity = problem.subject == ContentProblem::Subject::Entity;
        if (entity && entities) {
          entity_problems_->report(entity_offsets_[problem.index], problem.field, problem.message);
        } else if (entity) {
          relation_problems_->report(endpoint_offsets_[problem.index], problem.field, problem.message);
        } else if (problem.subject == ContentProblem::Subject::Relation) {
          relation_problems_->report(relation_offsets_[problem.index], problem.field, problem.message);
        } else {
          (entity_problems_ ? *entity_problems_ : *relation_problems_).report(0, problem.field, problem.message);
        }
      }
    }
    if (entities && !entity_problems_->empty()) {
      entity_problems_->append_to(result, entities->name, entities->load_text());
    }
    if (relations && !relation_problems_->empty()) {
      relation_problems_->append_to(result, relations->name, relations->load_text());
    }
    return result;
  }

 private:
  void read_table(const Table& table, bool relations, interchange::Problems& problems) {
    const std::size_t start = table.text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const std::string_view text = table.text.substr(start);
    if (!is_ascii(text)) {
      const std::size_t bad = find_invalid_utf8(text);
      if (bad != std::string_view::npos) {
        problems.report(start + bad, "", "invalid UTF-8");
        return;
      }
    }
    CsvParser parser(text, options_.csv.delimiter);
    if (!parser.next()) {
      problems.report(0, "", "empty file: expected a header line");
      return;
    }
    if (!parser.error().empty()) {
      problems.report(start + parser.error_offset(), "", parser.error());
      return;
    }
    std::vector<Column> columns;
    for (std::size_t i = 0; i < parser.count(); ++i) columns.push_back(column_for(parser.field(i), options_.csv, relations));
    // A blank or repeated header cell would make attributes without a name,
    // or two values for one key: refused, as repeated keys are everywhere.
    bool header_ok = true;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].role != Role::Attribute) continue;
      if (columns[i].attribute.empty()) {
        problems.report(start + parser.offset(i), "", "empty header cell: every column needs a name");
        header_ok = false;
        continue;
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (columns[j].role == Role::Attribute && columns[j].attribute == columns[i].attribute) {
          problems.report(start + parser.offset(i), "",
                          "column '" + columns[i].attribute + "' given twice (first as column " +
                              std::to_string(j + 1) + ")");
          header_ok = false;
          break;
        }
      }
    }
    if (!header_ok) return;
    const auto has = [&columns](Role role) {
      return std::any_of(columns.begin(), columns.end(), [role](const Column& c) { return c.role == role; });
    };
    // The read option that names the column (ReadOptions::csv) is named by
    // its field, which each front end words its own way.
    const auto require = [&](Role role, const char* what, const char* field) {
      if (has(role)) return true;
      problems.report(start, "",
                      std::string("no ") + what + " column in the header (name it with " + field +
                          ", or use the header " +
                          (role == Role::Id ? "id or id:ID" : role == Role::Source ? "source or :START_ID"
                                                                                    : "target or :END_ID") +
                          ")",
                      field);
      return false;
    };
    if (relations) {
      const bool has_source = require(Role::Source, "source", "source_column");
      const bool has_target = require(Role::Target, "target", "target_column");
      if (!has_source || !has_target) return;
    } else if (!require(Role::Id, "id", "id_column")) {
      return;
    }
    const std::size_t width = columns.size();
    while (parser.next()) {
      if (!parser.error().empty()) {
        problems.report(start + parser.error_offset(), "", parser.error());
        continue;
      }
      if (parser.count() != width) {
        problems.report(start + parser.record_offset(), "",
                        "expected " + std::to_string(width) + " fields (as the header has), found " +
                            std::to_string(parser.count()));
        continue;
      }
      bool too_long = false;
      for (std::size_t i = 0; i < parser.count() && !too_long; ++i) {
        too_long = parser.field(i).size() > kMaxStringBytes;
        if (too_long) problems.report(start + parser.offset(i), "", "a field longer than 16 MiB");
      }
      if (too_long) continue;
      if (relations) {
        relation_row(parser, columns, start, problems);
      } else {
        entity_row(parser, columns, start, problems);
      }
    }
  }

  // Whether the attribute cells of a row hold values of their columns' types; reports those that do not.
  bool check_attributes(const CsvParser& row, const std::vector<Column>& columns, std::size_t start,
                        interchange::Problems& problems) {
    bool ok = true;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].role != Role::Attribute || row.field(i).empty()) continue;
      if (!interchange::typed_value(row.field(i), columns[i].type)) {
        problems.report(start + row.offset(i), columns[i].attribute,
                        std::string("expected ") + interchange::type_description(columns[i].type) + ", found '" +
                            row.field(i) + "'");
        ok = false;
      }
    }
    return ok;
  }

  template <typename Add>
  void add_attributes(const CsvParser& row, const std::vector<Column>& columns, Add&& add) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].role != Role::Attribute || row.field(i).empty()) continue;
      add(columns[i].attribute, *interchange::typed_value(row.field(i), columns[i].type));
    }
  }

  void entity_row(const CsvParser& row, const std::vector<Column>& columns, std::size_t start,
                  interchange::Problems& problems) {
    std::string_view id, name, type, aliases;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      switch (columns[i].role) {
        case Role::Id: id = row.field(i); break;
        case Role::Name: name = row.field(i); break;
        case Role::EntityType: type = row.field(i); break;
        case Role::Aliases: aliases = row.field(i); break;
        default: break;
      }
    }
    if (!check_attributes(row, columns, start, problems)) return;
    entity_offsets_.push_back(start + row.record_offset());
    builder_.add_entity(id, name, type);
    // Neo4j's array delimiter.
    for (std::size_t from = 0; from < aliases.size();) {
      const std::size_t end = std::min(aliases.find(';', from), aliases.size());
      if (end > from) builder_.add_alias(aliases.substr(from, end - from));
      from = end + 1;
    }
    add_attributes(row, columns, [this](const std::string& k, const ScalarInput& v) {
      builder_.add_entity_attribute(k, v);
    });
  }

  void relation_row(const CsvParser& row, const std::vector<Column>& columns, std::size_t start,
                    interchange::Problems& problems) {
    std::string_view source, target, type = interchange::kDefaultRelationType, evidence;
    Date dates[2];
    bool ok = true;
    std::size_t evidence_column = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& cell = row.field(i);
      switch (columns[i].role) {
        case Role::Source: source = cell; break;
        case Role::Target: target = cell; break;
        case Role::RelationType:
          if (!cell.empty()) type = cell;
          break;
        case Role::Evidence:
          evidence = cell;
          evidence_column = i;
          break;
        case Role::Date:
        case Role::Until: {
          if (cell.empty()) break;
          const auto date = Date::parse(cell);
          if (!date) {
            problems.report(start + row.offset(i), columns[i].role == Role::Date ? "date" : "until",
                            Date::explain_invalid(cell));
            ok = false;
          } else {
            dates[columns[i].role == Role::Date ? 0 : 1] = *date;
          }
          break;
        }
        default: break;
      }
    }
    ok = check_attributes(row, columns, start, problems) && ok;
    if (source.empty() || target.empty()) {
      problems.report(start + row.record_offset(), "", "a relation needs both a source and a target");
      ok = false;
    }
    if (!ok) return;
    relation_offsets_.push_back(start + row.record_offset());
    builder_.add_relation(source, target, type, dates[0], dates[1]);
    if (collect_endpoints_) {
      for (const std::string_view end : {source, target}) {
        if (endpoints_.insert(std::string(end)).second) {
          endpoint_order_.emplace_back(end);
          endpoint_offsets_.push_back(start + row.record_offset());
        }
      }
    }
    add_attributes(row, columns, [this](const std::string& k, const ScalarInput& v) {
      builder_.add_relation_attribute(k, v);
    });
    if (!evidence.empty()) {
      const std::string error = interchange::add_json_text(builder_, evidence, &interchange::add_evidence);
      if (!error.empty()) {
        problems.report(start + row.offset(evidence_column), "evidence", "expected " + error);
        return;
      }
      rapidjson::Document document;
      document.Parse(evidence.data(), evidence.size());
      for (const auto& item : document.GetArray()) {
        const std::string_view id(item["source"].GetString(), item["source"].GetStringLength());
        if (evidence_source_set_.insert(std::string(id)).second) evidence_sources_.emplace_back(id);
      }
    }
  }

  void add_endpoint_entities() {
    for (const auto& id : endpoint_order_) builder_.add_entity(id, "", "");
  }

  const ReadOptions& options_;
  Builder builder_;
  std::optional<interchange::Problems> entity_problems_, relation_problems_;
  std::vector<std::size_t> entity_offsets_, relation_offsets_, endpoint_offsets_;
  std::unordered_set<std::string> endpoints_;
  std::vector<std::string> endpoint_order_;
  std::unordered_set<std::string> evidence_source_set_;
  std::vector<std::string> evidence_sources_;
  bool collect_endpoints_ = false;  // no entities table: entities are the endpoints
};

// Whether a header line names source and target columns: a relations table.
bool relations_header(std::string_view text, const ReadOptions& options) {
  CsvParser parser(text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0), options.csv.delimiter);
  if (!parser.next()) return false;
  for (std::size_t i = 0; i < parser.count(); ++i) {
    const Role role = column_for(parser.field(i), options.csv, true).role;
    if (role == Role::Source || role == Role::Target) return true;
  }
  return false;
}

ReadResult read_files(const std::string* entities_path, const std::string* relations_path,
                      const ReadOptions& options) {
  std::unique_ptr<MappedFile> entities_file, relations_file;
  std::optional<Table> entities, relations;
  if (entities_path) {
    entities_file = std::make_unique<MappedFile>(*entities_path, options.contents);
    const MappedFile* file = entities_file.get();
    entities = Table{*entities_path, std::string_view(file->data(), file->size()),
                     [file] { return std::string(file->data(), file->size()); }};
  }
  if (relations_path) {
    relations_file = std::make_unique<MappedFile>(*relations_path, options.contents);
    const MappedFile* file = relations_file.get();
    relations = Table{*relations_path, std::string_view(file->data(), file->size()),
                      [file] { return std::string(file->data(), file->size()); }};
  }
  return Reader(options).read(entities ? &*entities : nullptr, relations ? &*relations : nullptr);
}

}  // namespace

ReadResult read_csv_path(const std::string& path, const ReadOptions& options) {
  if (std::filesystem::is_directory(path)) {
    const std::string entities = path + "/entities.csv";
    const std::string relations = path + "/relations.csv";
    const bool has_entities = std::filesystem::exists(entities);
    const bool has_relations = std::filesystem::exists(relations);
    if (!has_entities && !has_relations) {
      throw InputError(path + ": a CSV graph directory needs entities.csv or relations.csv");
    }
    return read_files(has_entities ? &entities : nullptr, has_relations ? &relations : nullptr, options);
  }
  const MappedFile file(path, options.contents);
  const bool relations = relations_header(std::string_view(file.data(), file.size()), options);
  return read_files(relations ? nullptr : &path, relations ? &path : nullptr, options);
}

ReadResult read_csv_texts(const std::string& entities, const std::string& relations, const ReadOptions& options) {
  std::optional<Table> entity_table, relation_table;
  if (!entities.empty()) entity_table = Table{"entities.csv", entities, [&entities] { return entities; }};
  if (!relations.empty()) relation_table = Table{"relations.csv", relations, [&relations] { return relations; }};
  return Reader(options).read(entity_table ? &*entity_table : nullptr, relation_table ? &*relation_table : nullptr);
}

Format csv_format() {
  // Tables say nothing about themselves in their first bytes: CSV is chosen
  // by extension, by a directory, or by --from.
  return {"csv", "CSV tables (a directory with entities.csv and relations.csv, or one table)", {".csv"},
          [](std::string_view) { return false; }, &read_csv_path};
}

}  // namespace kg
