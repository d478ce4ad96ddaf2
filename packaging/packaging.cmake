# The Debian package (`make package`, CPack's DEB generator): agora and agora-cli, the desktop
# entry, AppStream metainfo, the hicolor icon (installed by app/CMakeLists.txt), man pages, and
# the Debian copyright and changelog. Runtime libraries are found by dpkg-shlibdeps from the
# binaries; what it cannot see (QML modules, Qt plugins loaded at run time) is listed here.
# tests/packaging/check_package.sh checks the result; packaging/NOTES.md explains the choices.

set(AGORA_APP_ID "app.agora.Agora")
set(agora_doc_dir "share/doc/agora")

if(AGORA_BUILD_APP)
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/agora.desktop"
            DESTINATION share/applications RENAME "${AGORA_APP_ID}.desktop")
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/${AGORA_APP_ID}.metainfo.xml" DESTINATION share/metainfo)
endif()

# Debian wants man pages and the changelog compressed with gzip -9n (no timestamp: reproducible).
set(agora_pkg_gen "${CMAKE_BINARY_DIR}/packaging")
set(agora_pkg_compressed "")
foreach(source IN ITEMS man/agora.1 man/agora-cli.1 changelog.Debian)
    get_filename_component(name "${source}" NAME)
    set(output "${agora_pkg_gen}/${name}.gz")
    add_custom_command(OUTPUT "${output}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${agora_pkg_gen}"
        COMMAND sh -c "gzip -9n -c '${CMAKE_CURRENT_LIST_DIR}/${source}' > '${output}'"
        DEPENDS "${CMAKE_CURRENT_LIST_DIR}/${source}" VERBATIM)
    list(APPEND agora_pkg_compressed "${output}")
endforeach()
add_custom_target(agora_package_docs ALL DEPENDS ${agora_pkg_compressed})
if(AGORA_BUILD_APP)
    install(FILES "${agora_pkg_gen}/agora.1.gz" DESTINATION share/man/man1)
endif()
install(FILES "${agora_pkg_gen}/agora-cli.1.gz" DESTINATION share/man/man1)
# A version without a Debian revision (0.1.0) makes this a native package, whose changelog is
# changelog.gz (changelog.Debian.gz is for packages of someone else's upstream).
install(FILES "${agora_pkg_gen}/changelog.Debian.gz" DESTINATION "${agora_doc_dir}" RENAME changelog.gz)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/copyright" DESTINATION "${agora_doc_dir}")

# --- CPack -------------------------------------------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "agora")
set(CPACK_PACKAGE_VENDOR "The Agora developers")
set(CPACK_PACKAGE_CONTACT "The Agora developers <agora@agora.app>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "private chat with local language models on any GPU")
set(CPACK_PACKAGE_DESCRIPTION
    "Agora is a desktop chat application that runs GGUF language models on the\ngraphics card through Vulkan. Conversations stay on this computer; the only\nnetwork traffic is a model download the user starts. Includes agora-cli, a\nterminal tool to inspect and run models with the same engine.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://agora.app/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Loaded at run time, so invisible to dpkg-shlibdeps: the QML modules the window imports, the
# SQLite driver of the history store, the SVG image plugin for the icon, and a Vulkan loader.
# (Qt 6.4's non-native FileDialog needs Qt.labs.folderlistmodel and crashes without it.)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-templates, qml6-module-qtqml-workerscript, qml6-module-qtquick-dialogs, qml6-module-qt-labs-folderlistmodel, libqt6sql6-sqlite, libqt6svg6, libvulkan1")
# A Vulkan driver: mesa's covers Intel, AMD and (lavapipe) any CPU. NVIDIA users have their own.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "mesa-vulkan-drivers | vulkan-icd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
