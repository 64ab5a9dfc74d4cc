// kg: wires the subcommands of cli/commands/ and maps failures to the exit
// codes of docs/CLI.md.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "base/interrupt_cleanup.hpp"
#include "base/standard_output.hpp"
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
#include "cli/commands/serve.hpp"
#include "cli/commands/validate.hpp"
#include "cli/common.hpp"
#include "graph/exception.hpp"
#include "mpi/world.hpp"

namespace {

// A failed write to standard output: EPIPE ends kg quietly, anything else is
// reported.
int output_failed(int error) {
  try {
    kg::standard_output_failed(error);
  } catch (const kg::OutputError& failure) {
    kg::cli::print_error(failure.what());
  }
  return kg::cli::kExitOutput;
}

// Closes standard output, whatever the command's outcome: what it printed
// must have arrived, or the exit code says it did not.
int finish_output(int code) {
  if (code == kg::cli::kExitOutput) {
    std::fclose(stdout);  // the failure was reported already
    return code;
  }
  try {
    kg::close_standard_output();
  } catch (const kg::OutputError& failure) {
    kg::cli::print_error(failure.what());
    return kg::cli::kExitOutput;
  }
  return code;
}

// Runs the command line; returns its exit code after any error went to stderr.
int run(CLI::App& app, int argc, char** argv, const int& exit_code) {
  using namespace kg::cli;
  try {
    if (argc < 2) {
      std::cout << app.help();
    } else {
      app.parse(argc, argv);
    }
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
    print_error(error);
    return kExitUsage;
  } catch (const kg::InvalidArgument& error) {
    print_error(error);
    return kExitUsage;
  } catch (const kg::InputError& error) {
    print_error(error);
    return kExitInput;
  } catch (const kg::query::Cancelled& error) {
    print_error(error);
    return kExitNo;
  } catch (const kg::ReadOnlyOutput& error) {
    print_error(std::string(error.what()) + " (--force replaces it)");
    return kExitOutput;
  } catch (const kg::OutputError& error) {
    print_error(error);
    return kExitOutput;
  } catch (const std::filesystem::filesystem_error& error) {
    print_error(std::string("internal error: ") + error.what());
    return kExitInternal;
  } catch (const std::system_error& error) {
    // fmt::print's failed writes to standard output.
    return output_failed(error.code().value());
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kExitInternal;
  } catch (const std::exception& error) {
    print_error(std::string("internal error: ") + error.what());
    return kExitInternal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kg::cli;
  CLI::App app("kg: typed, dated, source-backed relationship graphs", "kg");
  app.set_version_flag("--version", std::string("kg ") + KG_VERSION);
  app.require_subcommand(0, 1);
  app.footer("Run 'kg COMMAND --help' for a command's options. Exit codes: 0 ok, 1 no / problems found, "
             "2 usage error, 3 input unreadable or malformed, 4 internal error, 5 output could not be written.");

  kg::mpi::start(&argc, &argv);
  kg::install_interrupt_cleanup();
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
  setup_serve(app, exit_code);

  const int code = finish_output(run(app, argc, argv, exit_code));
  return kg::mpi::finish(code, code == kExitInternal);
}
