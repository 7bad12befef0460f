#!/usr/bin/env bash
# Install the Debian packages the workstation needs outside the Python venv.
#
#   packaging/system_deps.sh test    # PostgreSQL server for the tests, libusb, Qt "offscreen" libs
#   packaging/system_deps.sh run     # all of the above plus the libs of Qt's xcb (X11) platform plugin
#   packaging/system_deps.sh --list MODE   # print the package names and exit
#
# Only missing packages are installed, and `apt-get update` runs only when something is missing,
# so the common case (everything present) costs a few dpkg-query calls and no network.
# Set DESK_SKIP_SYSTEM_DEPS=1 to skip the whole check (e.g. on a non-Debian machine you manage by hand).
#
# The lists come from `readelf -d` on the PySide6 6.12 wheel's Qt libraries and plugins
# (libQt6Core/Gui/Widgets/DBus/PrintSupport/Svg, platforms/libqoffscreen.so and libqxcb.so,
# libQt6XcbQpa, xcbglintegrations/*): the Debian packages that own each NEEDED library that the
# wheel does not bundle. ICU is bundled by the wheel. apt pulls in the transitive dependencies.
set -euo pipefail

# Qt "offscreen" (tests, screenshots): libQt6Gui + libqoffscreen link EGL, GL, X11, xkbcommon,
# fontconfig/freetype, glib; QtDBus links libdbus. Without any font installed Qt renders no text,
# which makes screenshots and text-metric-dependent widget tests meaningless, hence DejaVu.
# poppler-utils: pdftoppm turns our PDFs into PNG pages for docs/ and for looking at them.
# libusb: pyusb (the hardware layer) loads it at first use and finds no backend without it.
# QtWebEngine ("New card": the operator's own card page, PySide6-Addons): the NEEDED libraries of
# libQt6WebEngineCore and libexec/QtWebEngineProcess (readelf -d on the 6.11.3 wheel) that neither the
# wheel nor the list below bundles. Wanted by the tests too: one test opens a real page offscreen.
WEBENGINE_PKGS=(
    libnss3
    libxcomposite1
    libxdamage1
    libxext6
    libxfixes3
    libxrandr2
    libxtst6
    libxkbfile1
    libxcb-dri3-0
    libasound2
    libgbm1
    libudev1
    libexpat1
)

TEST_PKGS=(
    postgresql
    libusb-1.0-0
    libegl1
    libgl1
    libx11-6
    libxkbcommon0
    libfontconfig1
    libfreetype6
    libglib2.0-0
    libdbus-1-3
    fonts-dejavu-core
    poppler-utils
    "${WEBENGINE_PKGS[@]}"
)

# Qt's xcb platform plugin (a real window on X11). Qt 6 no longer links libxcb-xinerama.
RUN_EXTRA_PKGS=(
    libxcb1
    libx11-xcb1
    libxcb-cursor0
    libxcb-icccm4
    libxcb-keysyms1
    libxcb-image0
    libxcb-util1
    libxcb-randr0
    libxcb-render0
    libxcb-render-util0
    libxcb-shape0
    libxcb-shm0
    libxcb-sync1
    libxcb-xfixes0
    libxcb-xkb1
    libxcb-glx0
    libxkbcommon-x11-0
)

usage() {
    echo "usage: $0 [--list] test|run" >&2
    exit 2
}

list_only=0
if [[ "${1:-}" == "--list" ]]; then
    list_only=1
    shift
fi
mode="${1:-}"
case "$mode" in
    test) wanted=("${TEST_PKGS[@]}") ;;
    run) wanted=("${TEST_PKGS[@]}" "${RUN_EXTRA_PKGS[@]}") ;;
    *) usage ;;
esac

# A plain Debian python3 cannot create a venv without python3-venv (ensurepip is split out);
# a pyenv/self-built python3 has it built in, so only ask for the package when it is really missing.
if command -v python3 >/dev/null && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    wanted+=(python3-venv)
fi

if ((list_only)); then
    printf '%s\n' "${wanted[@]}"
    exit 0
fi

if [[ "${DESK_SKIP_SYSTEM_DEPS:-}" == 1 ]]; then
    echo "system_deps: DESK_SKIP_SYSTEM_DEPS=1, not checking system packages" >&2
    exit 0
fi

if ! command -v dpkg-query >/dev/null; then
    echo "system_deps: not a Debian/Ubuntu system (no dpkg-query); make sure the equivalents of" >&2
    echo "these packages are installed: ${wanted[*]}" >&2
    exit 0
fi

is_installed() {
    # Status is "install ok installed" only when fully installed; "deinstall ok config-files"
    # (removed, config kept) or a half-configured package must count as missing.
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing=()
for pkg in "${wanted[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "system_deps ($mode): missing Debian packages: ${missing[*]}" >&2

install_cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if ((EUID == 0)); then
    sudo=()
elif command -v sudo >/dev/null && { [[ -t 0 ]] || sudo -n true 2>/dev/null; }; then
    # With a terminal sudo may ask for a password; without one (CI, pipes) it must not hang.
    sudo=(sudo)
    [[ -t 0 ]] || sudo=(sudo -n)
else
    echo "system_deps: not root and sudo is unavailable; run this as root, then retry:" >&2
    echo "    $install_cmd" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt (unattended-upgrades, a parallel job) may hold the lock for a while: wait, don't fail.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"

still=()
for pkg in "${missing[@]}"; do
    is_installed "$pkg" || still+=("$pkg")
done
if ((${#still[@]})); then
    echo "system_deps: still missing after apt-get install: ${still[*]}" >&2
    exit 1
fi
