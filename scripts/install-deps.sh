#!/usr/bin/env bash
# Installs the Debian 12 / Ubuntu packages Agora needs to build, test and run, but only those
# that are missing. Uses sudo when not root. On a system without apt it prints the list and stops.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libqt6svg6
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtqml-workerscript qml6-module-qtquick-templates
  qml6-module-qttest qml6-module-qtquick-dialogs qml6-module-qtqml-models
  qml6-module-qt-labs-platform qml6-module-qt-labs-settings qml6-module-qtquick-shapes
  qml6-module-qt-labs-folderlistmodel
  libvulkan-dev mesa-vulkan-drivers vulkan-tools glslang-tools spirv-tools
  libspdlog-dev libpcre2-dev
  xvfb xauth
  lintian desktop-file-utils appstream dpkg-dev file
  clang libclang-rt-dev
)
if [ "${AGORA_DEPS_EXTRA:-}" != "" ]; then
  # shellcheck disable=SC2206
  PACKAGES+=(${AGORA_DEPS_EXTRA})
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Agora's set-up script needs apt (Debian 12 or Ubuntu 24.04+)." >&2
  echo "Install these packages with your package manager, then run the command again:" >&2
  printf '  %s\n' "${PACKAGES[@]}" >&2
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Not root and no sudo: install these packages as root, then run again:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
