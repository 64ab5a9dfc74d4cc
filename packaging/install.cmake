# `cmake --install`: the kg program, its man page and bash completion, and kg
# as a C++ library (static libraries, headers, a CMake package). docs/LIBRARY.md
# describes the layout:
#   bin/kg
#   include/kg/{base,graph,ingest,algorithms,export}/*.hpp
#   lib/libkg_{base,graph,ingest,algorithms,export}.a
#   lib/cmake/kg/kgConfig.cmake, kgConfigVersion.cmake, kgTargets*.cmake
#   share/man/man1/kg.1
#   share/bash-completion/completions/kg
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(kg_libraries kg_base kg_graph kg_ingest kg_algorithms kg_export)
foreach(library IN LISTS kg_libraries)
  string(REPLACE "kg_" "" short "${library}")
  set_target_properties(${library} PROPERTIES EXPORT_NAME ${short})
endforeach()
# kg::kg: everything, for users who do not pick.
add_library(kg_all INTERFACE)
target_link_libraries(kg_all INTERFACE ${kg_libraries})
set_target_properties(kg_all PROPERTIES EXPORT_NAME kg)

install(TARGETS kg RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${kg_libraries} kg_all EXPORT kgTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(folder base graph ingest algorithms export)
  install(DIRECTORY "${KG_ROOT}/${folder}/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/kg/${folder}"
          FILES_MATCHING PATTERN "*.hpp")
endforeach()

set(kg_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/kg")
install(EXPORT kgTargets NAMESPACE kg:: DESTINATION "${kg_cmake_dir}")
configure_package_config_file("${KG_ROOT}/packaging/kgConfig.cmake.in" "${CMAKE_CURRENT_BINARY_DIR}/kgConfig.cmake"
                              INSTALL_DESTINATION "${kg_cmake_dir}")
# 0.x: a minor version may break the API.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/kgConfigVersion.cmake" COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/kgConfig.cmake" "${CMAKE_CURRENT_BINARY_DIR}/kgConfigVersion.cmake"
        DESTINATION "${kg_cmake_dir}")

# The man page, generated from kg's --help and each command's (help2man).
find_program(KG_HELP2MAN help2man)
if(KG_HELP2MAN)
  set(man_page "${CMAKE_CURRENT_BINARY_DIR}/kg.1")
  add_custom_command(
    OUTPUT "${man_page}"
    COMMAND ${CMAKE_COMMAND} -DKG=$<TARGET_FILE:kg> -DHELP2MAN=${KG_HELP2MAN} -DOUTPUT=${man_page}
            -P "${KG_ROOT}/packaging/man_page.cmake"
    DEPENDS kg "${KG_ROOT}/packaging/man_page.cmake"
    COMMENT "Generating the man page kg.1 from --help")
  add_custom_target(kg_man_page ALL DEPENDS "${man_page}")
  install(FILES "${man_page}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
else()
  message(WARNING "help2man not found (run scripts/install-deps.sh): kg.1 will not be built or installed")
endif()

install(FILES "${KG_ROOT}/packaging/kg-completion.bash" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME kg)
