# tools/mkimage.mk - the image builder (tools/mkimage.c) and its test.
#
# Included by the top Makefile. mkimage is a host tool linked with elfutils'
# libelf (Debian: libelf-dev, installed by tools/setup.sh). It also links
# elf/parse.c, keel's own ELF header checks, through mkimage_elfcheck.c, so
# an image is never built around a program the kernel would refuse. That
# file sees elf/ through -iquote, not -I: with -I, libelf's #include <elf.h>
# in mkimage.c would find elf/elf.h.

TOOLS += build/tools/mkimage
HOSTTESTS += tools/tests/test_mkimage

build/tools/mkimage: tools/mkimage.c tools/mkimage_tree.c tools/mkimage_deps.c tools/mkimage_cpio.c \
		tools/mkimage_elfcheck.c tools/mkimage.h elf/parse.c elf/elf.h
	@mkdir -p $(@D)
	$(CC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -iquote elf -o $@ $(filter %.c,$^) -lelf

# The test is a script; it runs the tool, so the tool must be built first.
tools/tests/test_mkimage: build/tools/mkimage
