# compat-tests/compat.mk - the compatibility suite (compat-tests/README.md).
#
# Included by the top Makefile. compat-tests/run builds the cases itself
# (incrementally, into build/compat/VARIANT/AREA/NAME), runs each on the
# Linux host and in keel, and prints the table; this fragment only gives
# it a target and names it for `make test`:
#
#   make compat                       the whole suite (-j 2)
#   make compat COMPAT_ARGS='-j 4 files/ --variant musl'
#
# `make test` runs $(COMPATTESTS) through tools/run-tests, like the other
# test drivers.

COMPATTESTS := compat-tests/run
COMPAT_ARGS ?=

.PHONY: compat
compat: kernel build/tools/mkimage
	@compat-tests/run --no-build $(COMPAT_ARGS)
