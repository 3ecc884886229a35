# compat-tests/progs.mk - the compatibility test programs, built three ways.
#
# Included by the top Makefile (after its first target). Each program in
# compat-tests/progs/ is built as
#   build/progs/glibc/NAME    gcc (or g++), dynamic PIE against glibc
#   build/progs/musl/NAME     musl-gcc -fPIE -pie, dynamic PIE against musl
#   build/progs/static/NAME   gcc -static-pie (glibc)
# except where a variant cannot be built: programs that need a shared
# library of their own have no static build, and C++ has no musl build
# (Debian has no libstdc++ for musl). Those combinations are listed by
# `make progs-list` as "skip" lines, which tools/test-programs reports as
# skipped, never as passed.
#
#   make progs        build every program that can be built
#   make progs-list   one line per case: "build VARIANT NAME" or
#                     "skip VARIANT NAME REASON"
#
# PROGTESTS is the driver, for `make test` (tools/run-tests $(PROGTESTS)).

BUILD ?= build
PROGS_DIR := compat-tests/progs
PROGS_OUT := $(BUILD)/progs
PROGTESTS := tools/test-programs

# C programs with no library of their own; C++ ones; and those that link a
# shared library built here from compat-tests/progs/LIB.c or LIB.cc
# (NAME:LIB, LIB starting with "lib").
PROGS_C := threads fileio mmapfile mmapshared clocks sigsegv sigusr1 fork poll_select epoll_basic \
	eventfd_basic timerfd_basic sigintr
PROGS_CXX := cxxbasic
PROGS_SHLIB_C := tls:libtlsdep origin:libtlsdep
PROGS_SHLIB_CXX := exceptions:libthrow

MUSL_GCC := $(shell command -v musl-gcc 2>/dev/null)

PROGS_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -pthread
PROGS_CXXFLAGS := -std=gnu++17 -O2 -g -Wall -Wextra -pthread

progs_name = $(word 1,$(subst :, ,$(1)))
progs_lib = $(word 2,$(subst :, ,$(1)))
PROGS_SHLIB_NAMES_C := $(foreach p,$(PROGS_SHLIB_C),$(call progs_name,$(p)))
PROGS_SHLIB_NAMES_CXX := $(foreach p,$(PROGS_SHLIB_CXX),$(call progs_name,$(p)))

PROGS_GLIBC := $(PROGS_C) $(PROGS_CXX) $(PROGS_SHLIB_NAMES_C) $(PROGS_SHLIB_NAMES_CXX)
PROGS_STATIC := $(PROGS_C) $(PROGS_CXX)
PROGS_MUSL := $(if $(MUSL_GCC),$(PROGS_C) $(PROGS_SHLIB_NAMES_C))

PROGS_ALL := $(addprefix $(PROGS_OUT)/glibc/,$(PROGS_GLIBC)) \
	$(addprefix $(PROGS_OUT)/static/,$(PROGS_STATIC)) \
	$(addprefix $(PROGS_OUT)/musl/,$(PROGS_MUSL))

.PHONY: progs progs-list
progs: $(PROGS_ALL)

progs-list:
	@$(foreach p,$(PROGS_GLIBC),echo "build glibc $(p)";)
	@$(foreach p,$(PROGS_MUSL),echo "build musl $(p)";)
	@$(foreach p,$(PROGS_STATIC),echo "build static $(p)";)
	@$(foreach p,$(PROGS_SHLIB_C) $(PROGS_SHLIB_CXX),echo "skip static $(call progs_name,$(p)) it links its own shared library $(call progs_lib,$(p)).so";)
	@$(if $(MUSL_GCC),,$(foreach p,$(PROGS_C) $(PROGS_SHLIB_NAMES_C),echo "skip musl $(p) musl-gcc is not installed";))
	@$(foreach p,$(PROGS_CXX) $(PROGS_SHLIB_NAMES_CXX),echo "skip musl $(p) C++: Debian has no libstdc++ for musl-gcc";)

PROGS_HDRS := $(wildcard $(PROGS_DIR)/*.h)

# A program that links its own library finds it through DT_RUNPATH: the
# absolute build directory, except for the programs in PROGS_ORIGIN, which
# use '$ORIGIN' (the dynamic linker resolves it with readlink of
# /proc/self/exe; mkimage follows it too). PROGS_LIB_<name> is -lLIB.
PROGS_ORIGIN := origin
$(foreach p,$(PROGS_SHLIB_C) $(PROGS_SHLIB_CXX),$(eval PROGS_LIB_$(call progs_name,$(p)) := -l$(patsubst lib%,%,$(call progs_lib,$(p)))))
progs_rpath = -Wl,-rpath,$(if $(filter $(@F),$(PROGS_ORIGIN)),'$$ORIGIN',$(abspath $(@D)))
progs_ldlibs = $(if $(PROGS_LIB_$(@F)),-L$(@D) $(PROGS_LIB_$(@F)) $(progs_rpath))

$(foreach p,$(PROGS_SHLIB_C),$(eval $(PROGS_OUT)/glibc/$(call progs_name,$(p)): $(PROGS_OUT)/glibc/$(call progs_lib,$(p)).so))
$(foreach p,$(PROGS_SHLIB_C),$(eval $(PROGS_OUT)/musl/$(call progs_name,$(p)): $(PROGS_OUT)/musl/$(call progs_lib,$(p)).so))
$(foreach p,$(PROGS_SHLIB_CXX),$(eval $(PROGS_OUT)/glibc/$(call progs_name,$(p)): $(PROGS_OUT)/glibc/$(call progs_lib,$(p)).so))

# --- programs ---
$(PROGS_OUT)/glibc/%: $(PROGS_DIR)/%.c $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(PROGS_CFLAGS) -fPIE -pie -o $@ $< $(progs_ldlibs)
$(PROGS_OUT)/glibc/%: $(PROGS_DIR)/%.cc $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(CXX) $(PROGS_CXXFLAGS) -fPIE -pie -o $@ $< $(progs_ldlibs)
$(PROGS_OUT)/musl/%: $(PROGS_DIR)/%.c $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(MUSL_GCC) $(PROGS_CFLAGS) -fPIE -pie -o $@ $< $(progs_ldlibs)
$(PROGS_OUT)/static/%: $(PROGS_DIR)/%.c $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(PROGS_CFLAGS) -static-pie -o $@ $<
$(PROGS_OUT)/static/%: $(PROGS_DIR)/%.cc $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(CXX) $(PROGS_CXXFLAGS) -static-pie -o $@ $<

# --- their shared libraries ---
$(PROGS_OUT)/glibc/lib%.so: $(PROGS_DIR)/lib%.c $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(PROGS_CFLAGS) -fPIC -shared -Wl,-soname,lib$*.so -o $@ $<
$(PROGS_OUT)/glibc/lib%.so: $(PROGS_DIR)/lib%.cc $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(CXX) $(PROGS_CXXFLAGS) -fPIC -shared -Wl,-soname,lib$*.so -o $@ $<
$(PROGS_OUT)/musl/lib%.so: $(PROGS_DIR)/lib%.c $(PROGS_HDRS)
	@mkdir -p $(@D)
	$(MUSL_GCC) $(PROGS_CFLAGS) -fPIC -shared -Wl,-soname,lib$*.so -o $@ $<
