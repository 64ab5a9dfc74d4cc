// kg: wires the subcommands of cli/commands/ and maps failures to the exit
// codes of docs/CLI.md.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands/communities.hpp"
#include "cli/commands/components.hpp"
#include "cli/commands/convert.hpp"
#include "cli/commands/diff.hpp"
#include "cli/commands/export.hpp"
#include "cli/commands/find.hpp"
#include "cli/commands/info.hpp"
#include "cli/commands/neighbors.hpp"
#include "cli/commands/path.hpp"
#include "cli/commands/render.hpp"
#include "cli/commands/timeline.hpp"
#include "cli/commands/rank.hpp"
#include "cli/commands/validate.hpp"
#include "cli/common.hpp"
#include "graph/exception.hpp"

int main(int argc, char** argv) {
  using namespace kg::cli;
  CLI::App app("kg: typed, dated, source-backed relationship graphs", "kg");
  app.set_version_flag("--version", std::string("kg ") + KG_VERSION);
  app.require_subcommand(0, 1);
  app.footer("Run 'kg COMMAND --help' for a command's options. Exit codes: 0 ok, 1 no / problems found, "
             "2 usage error, 3 input unreadable or malformed, 4 internal error.");

  int exit_code = kExitOk;
  setup_info(app, exit_code);
  setup_validate(app, exit_code);
  setup_path(app, exit_code);
  setup_neighbors(app, exit_code);
  setup_render(app, exit_code);
  setup_export(app, exit_code);
  setup_convert(app, exit_code);
  setup_rank(app, exit_code);
  setup_components(app, exit_code);
  setup_communities(app, exit_code);
  setup_find(app, exit_code);
  setup_timeline(app, exit_code);
  setup_diff(app, exit_code);

  if (argc < 2) {
    std::cout << app.help();
    return kExitOk;
  }
  try {
    app.parse(argc, argv);
    return exit_code;
  } catch (const CLI::ParseError& error) {
    // --help and --version end parsing with exit code 0 and print there.
    if (error.get_exit_code() == 0) return app.exit(error);
    print_error(std::string(error.what()) + " (see kg " +
                (app.get_subcommands().empty() ? std::string("--help")
                                               : app.get_subcommands().front()->get_name() + " --help") +
                ")");
    return kExitUsage;
  } catch (const CommandFailed& failed) {
    return failed.code();
  } catch (const kg::NameNotFound& error) {
    print_error(error.what());
    return kExitUsage;
  } catch (const kg::InvalidArgument& error) {
    print_error(worded_as_flags(error.what()));
    return kExitUsage;
  } catch (const kg::InputError& error) {
    print_error(error.what());
    return kExitInput;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kExitInternal;
  } catch (const std::exception& error) {
    print_error(std::string("internal error: ") + error.what());
    return kExitInternal;
  }
}
