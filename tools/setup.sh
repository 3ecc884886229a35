#!/bin/sh
# tools/setup.sh - install the Debian packages keel needs to build, boot
# and test, if any is missing. Idempotent: with everything present it only
# checks (a dpkg query) and exits. Needs root (or sudo) to install.
#
# The packages and why:
#   gcc make binutils     build the kernel and host tools
#   linux-libc-dev        Linux UAPI headers (errno values, later virtio)
#   python3               test drivers (tools/test-boot, tools/run-tests)
#   qemu-system-x86       the hypervisor: -M microvm with a PVH kernel
#   coreutils             timeout(1), used by tools/run
#   libelf-dev            libelf, with which tools/mkimage reads programs' ELF dependencies
#   g++ musl-tools        test programs are built as glibc C/C++ and musl (musl-gcc) binaries
#   dpkg-dev xz-utils     apt-get source (lwIP's source package) and unpacking it
#   iproute2              network tests: network namespaces and tap devices (ip netns, ip tuntap)
#   curl wrk redis-tools  network tests and bench-net: clients on the host side
#
# It also adds a deb-src entry for bookworm (/etc/apt/sources.list.d/keel-src.sources)
# so that the build can fetch lwIP with apt-get source (net/lwip.mk).
set -eu

PACKAGES="gcc make binutils linux-libc-dev python3 qemu-system-x86 coreutils libelf-dev g++ musl-tools
	dpkg-dev xz-utils iproute2 curl wrk redis-tools"
QEMU_MIN_MAJOR=7 # microvm + PVH ELF boot + isa-debug-exit; Debian 12 ships 7.2

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

SRC_LIST=/etc/apt/sources.list.d/keel-src.sources
need_src=0
[ -f "$SRC_LIST" ] || need_src=1

if [ -n "$missing" ] || [ $need_src = 1 ]; then
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=""
	elif command -v sudo >/dev/null; then
		SUDO=sudo
	else
		echo "setup: missing packages:$missing (or $SRC_LIST); run this script as root" >&2
		exit 1
	fi
fi
if [ $need_src = 1 ]; then
	echo "setup: adding a deb-src entry for bookworm ($SRC_LIST)"
	printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm' \
		'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
		$SUDO tee "$SRC_LIST" >/dev/null
	$SUDO apt-get update -qq
fi
if [ -n "$missing" ]; then
	echo "setup: installing:$missing"
	[ $need_src = 1 ] || $SUDO apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

qemu_version=$(qemu-system-x86_64 --version | sed -n 's/^QEMU emulator version \([0-9][0-9.]*\).*/\1/p')
major=${qemu_version%%.*}
if [ -z "$major" ] || [ "$major" -lt "$QEMU_MIN_MAJOR" ]; then
	echo "setup: QEMU $qemu_version is too old; keel needs $QEMU_MIN_MAJOR.0 or later" >&2
	exit 1
fi
