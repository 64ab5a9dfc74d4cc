#include "ingest/edgelist.hpp"

#include <functional>
#include <unordered_set>

#include "ingest/interchange.hpp"
#include "ingest/mapped_file.hpp"
#include "base/utf8.hpp"

namespace kg {
namespace {

constexpr std::size_t kMaxToken = kMaxStringBytes;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

ReadResult parse(const char* data, std::size_t size, MappedFile* file, const std::string& name,
                 const std::function<std::string()>& load_text, const ReadOptions& options) {
  interchange::Problems problems(options.max_problems);
  ReadResult result;
  const std::string_view text(data, size);
  if (const std::size_t bad = is_ascii(text) ? std::string_view::npos : find_invalid_utf8(text);
      bad != std::string_view::npos) {
    problems.report(bad, "", "invalid UTF-8");
    problems.append_to(result, name, load_text());
    return result;
  }
  if (text.find('\0') != std::string_view::npos) {
    problems.report(text.find('\0'), "", "a NUL byte: not a text edge list");
    problems.append_to(result, name, load_text());
    return result;
  }
  Builder builder;
  std::unordered_set<std::string_view> seen;  // views into the mapped text
  std::vector<std::size_t> relation_offsets;
  std::size_t start = size >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (start < size) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = size;
    std::string_view line = text.substr(start, end - start);
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::string_view columns[3];
    std::size_t offsets[3] = {};
    std::size_t count = 0;
    for (std::size_t i = 0; i < line.size();) {
      if (is_blank(line[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < line.size() && !is_blank(line[j])) ++j;
      if (count == 3) {
        problems.report(start + i, "", "a fourth column: expected source, target and an optional weight");
        count = 4;
        break;
      }
      if (j - i > kMaxToken) problems.report(start + i, "", "a column longer than 16 MiB");
      offsets[count] = start + i;
      columns[count++] = line.substr(i, j - i);
      i = j;
    }
    if (count == 1) problems.report(offsets[0], "", "one column: expected source and target");
    if (count == 2 || count == 3) {
      for (int end_point = 0; end_point < 2; ++end_point) {
        if (seen.insert(columns[end_point]).second) builder.add_entity(columns[end_point], "", "");
      }
      relation_offsets.push_back(offsets[0]);
      builder.add_relation(columns[0], columns[1], interchange::kDefaultRelationType, Date(), Date());
      if (count == 3) {
        auto weight = interchange::typed_value(columns[2], interchange::TextType::Integer);
        if (!weight) weight = interchange::typed_value(columns[2], interchange::TextType::Real);
        builder.add_relation_attribute("weight", weight ? *weight : ScalarInput(columns[2]));
      }
    }
    start = end + 1;
    if (file && start > kMaxToken) file->release_before(start - kMaxToken);
    if (options.progress) options.progress(std::min(start, size), size);
  }
  const auto place = [&](const ContentProblem& problem) -> std::size_t {
    return problem.subject == ContentProblem::Subject::Relation ? relation_offsets[problem.index] : 0;
  };
  if (interchange::finish_build(std::move(builder), problems, place, result)) return result;
  problems.append_to(result, name, load_text());
  return result;
}

}  // namespace

ReadResult read_edgelist_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), &file, path, [&file] { return std::string(file.data(), file.size()); },
               options);
}

ReadResult read_edgelist_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), nullptr, name, [&text] { return text; }, options);
}

Format edgelist_format() {
  // Never sniffed: any text looks like an edge list. Chosen by extension or --from.
  return {"edgelist", "plain edge list: source target [weight] a line (NetworkX, igraph NCOL, SNAP)",
          {".edgelist", ".edges", ".ncol"}, [](std::string_view) { return false; }, &read_edgelist_file};
}

}  // namespace kg
