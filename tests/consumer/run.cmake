# The installed kg, tested as a user meets it: installs the build tree into
# a fresh prefix, checks the program, man page and bash completion there,
# then configures, builds and runs tests/consumer against that prefix only.
# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -P run.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " line "${ARGN}")
    message(FATAL_ERROR "failed (${status}): ${line}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

foreach(file bin/kg include/kg/graph/graph.hpp include/kg/graph/boost_view.hpp include/kg/algorithms/paths.hpp
             lib/libkg_graph.a lib/libkg_ingest.a lib/libkg_algorithms.a lib/libkg_export.a
             lib/cmake/kg/kgConfig.cmake lib/cmake/kg/kgConfigVersion.cmake share/man/man1/kg.1
             share/bash-completion/completions/kg)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

run("${prefix}/bin/kg" --version)
if(NOT out MATCHES "^kg [0-9]+\\.[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "installed kg --version printed: ${out}")
endif()
# The man page holds every command's options.
file(READ "${prefix}/share/man/man1/kg.1" man)
foreach(text ".SS path" ".SS rank" "--max-hops" "--relations")
  string(FIND "${man}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "kg.1 lacks ${text}")
  endif()
endforeach()
# Completion: "kg pa<TAB>" offers path; "kg path --max-h<TAB>" offers --max-hops.
set(completion "${prefix}/share/bash-completion/completions/kg")
# (Newlines, not semicolons, separate the shell's commands: CMake would
# split the argument at a semicolon.)
run(bash -c "source '${completion}'\nCOMP_WORDS=('${prefix}/bin/kg' pa)\nCOMP_CWORD=1\n_kg\necho \"\${COMPREPLY[*]}\"")
if(NOT out STREQUAL "path\n")
  message(FATAL_ERROR "completion of 'kg pa' gave: ${out}")
endif()
run(bash -c "source '${completion}'\nCOMP_WORDS=('${prefix}/bin/kg' path --max-h)\nCOMP_CWORD=2\n_kg\necho \"\${COMPREPLY[*]}\"")
if(NOT out STREQUAL "--max-hops\n")
  message(FATAL_ERROR "completion of 'kg path --max-h' gave: ${out}")
endif()

# The Python module, when built (PYTHON and PYTHON_SITE given): imported
# from the prefix's site directory, and run on the sample.
if(PYTHON)
  set(ENV{PYTHONPATH} "${prefix}/${PYTHON_SITE}")
  run("${PYTHON}" -c "import kg\nprint(kg.__file__)\nprint(kg.load('${SOURCE_DIR}/samples/openai.json'))")
  if(NOT out MATCHES "^${prefix}/${PYTHON_SITE}/kg/__init__.py\n<kg.Graph 'OpenAI's founding years': 21 entities")
    message(FATAL_ERROR "the installed kg module gave: ${out}")
  endif()
  unset(ENV{PYTHONPATH})
endif()

# docs/LIBRARY.md's example (its one ```cpp block) is built and run too.
file(READ "${SOURCE_DIR}/docs/LIBRARY.md" library_doc)
if(NOT library_doc MATCHES "\n```cpp\n(.*)\n```\n\n## The API")
  message(FATAL_ERROR "docs/LIBRARY.md: no ```cpp example before '## The API'")
endif()
set(example "${WORK_DIR}/library_example.cpp")
file(WRITE "${example}" "${CMAKE_MATCH_1}\n")

# The consumer sees only the prefix (and the system), not the source tree.
set(consumer_build "${WORK_DIR}/build")
find_program(ccache ccache)
set(launcher "")
if(ccache)
  set(launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${ccache}")
endif()
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/consumer" -B "${consumer_build}" -G Ninja
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}" "-DKG_LIBRARY_EXAMPLE=${example}" ${launcher})
run(${CMAKE_COMMAND} --build "${consumer_build}")
run("${consumer_build}/rank_sample" "${SOURCE_DIR}/samples/openai.json" openai)
message(STATUS "installed kg: consumer ranked ${out}")
run("${consumer_build}/library_example" "${SOURCE_DIR}/samples/openai.json")
message(STATUS "docs/LIBRARY.md's example printed:\n${out}")
