#pragma once
// What the XML readers (GraphML, GEXF) share: a namespace-aware Expat
// parser, fed the document in chunks (releasing the mapped file behind it
// and reporting progress), with entity declarations refused (no entity
// expansion attacks) and XML errors reported by byte offset.

#include <expat.h>

#include <algorithm>
#include <memory>
#include <new>
#include <string>

#include "ingest/format.hpp"
#include "ingest/interchange.hpp"
#include "base/mapped_file.hpp"

namespace kg::xml {

// Between an element's namespace and its local name in Expat's names.
inline constexpr char kNamespaceSeparator = '\x01';

using Parser = std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)>;

inline Parser make_parser() {
  // No forced encoding: Expat honours the XML declaration (UTF-8, UTF-16,
  // ISO-8859-1, US-ASCII) and assumes UTF-8 without one.
  XML_Parser parser = XML_ParserCreateNS(nullptr, kNamespaceSeparator);
  if (!parser) throw std::bad_alloc();
  return Parser(parser, XML_ParserFree);
}

// Parses `data` with `handler`'s start(name, attributes), end(), text(data,
// length) and refuse_entity() (which stops the parser, remembering
// refused_at()). Returns whether the document was read whole; if not, the
// reason is in `problems`.
template <typename Handler>
bool parse(XML_Parser parser, Handler& handler, const char* data, std::size_t size, MappedFile* file,
           const ReadOptions& options, interchange::Problems& problems) {
  constexpr std::size_t kChunk = std::size_t{1} << 24;  // bytes handed to Expat at once
  XML_SetUserData(parser, &handler);
  XML_SetElementHandler(
      parser,
      [](void* user, const XML_Char* element, const XML_Char** attributes) {
        static_cast<Handler*>(user)->start(element, attributes);
      },
      [](void* user, const XML_Char*) { static_cast<Handler*>(user)->end(); });
  XML_SetCharacterDataHandler(parser, [](void* user, const XML_Char* text, int length) {
    static_cast<Handler*>(user)->text(text, length);
  });
  XML_SetEntityDeclHandler(parser, [](void* user, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                      const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<Handler*>(user)->refuse_entity();
  });
  std::size_t offset = 0;
  bool ok = true;
  while (ok) {
    const std::size_t length = std::min(kChunk, size - offset);
    const bool last = offset + length == size;
    ok = XML_Parse(parser, data + offset, static_cast<int>(length), last) == XML_STATUS_OK;
    offset += length;
    if (file && offset > kChunk) file->release_before(offset - kChunk);
    if (options.progress) options.progress(offset, size);
    if (last) break;
  }
  if (!ok) {
    const XML_Error code = XML_GetErrorCode(parser);
    const bool refused = code == XML_ERROR_ABORTED;
    problems.report(refused ? handler.refused_at() : static_cast<std::size_t>(XML_GetCurrentByteIndex(parser)), "",
                    refused ? std::string("entity declarations are not supported")
                            : std::string("invalid XML: ") + XML_ErrorString(code));
  }
  return ok;
}

}  // namespace kg::xml
