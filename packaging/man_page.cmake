# Writes kg.1 with help2man: the synopsis and options from `kg --help`, and a
# COMMANDS section holding each command's own --help, so that the page and
# the program cannot disagree.
# cmake -DKG=path/to/kg -DHELP2MAN=path/to/help2man -DOUTPUT=kg.1 -P man_page.cmake
execute_process(COMMAND "${KG}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${KG} --help failed")
endif()
# The commands are the lines under "Subcommands:", two spaces in.
string(REGEX REPLACE ".*\nSubcommands:\n" "" commands_text "${help}")
string(REGEX MATCHALL "\n?  [a-z][a-z-]*" commands "\n${commands_text}")
set(section "[COMMANDS]\n")
foreach(command IN LISTS commands)
  string(STRIP "${command}" command)
  execute_process(COMMAND "${KG}" ${command} --help OUTPUT_VARIABLE command_help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${KG} ${command} --help failed")
  endif()
  # roff: a leading dot or quote would be a request; backslashes escape.
  string(REPLACE "\\" "\\e" command_help "${command_help}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" command_help "\n${command_help}")
  string(APPEND section ".SS ${command}\n.nf\n${command_help}\n.fi\n")
endforeach()
get_filename_component(directory "${OUTPUT}" DIRECTORY)
set(include_file "${directory}/kg.h2m")
file(WRITE "${include_file}" "${section}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --section 1 --name "typed, dated, source-backed relationship graphs"
          --include "${include_file}" --output "${OUTPUT}.tmp" "${KG}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
