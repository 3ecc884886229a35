# tools/images.mk - the server images (included by the top-level Makefile).
#
#   make images   build/images/nginx.cpio, nginx-test.cpio and redis.cpio from
#                 Debian's own packages (pinned in tools/mkimages) and our
#                 configuration (tools/images/); nginx-mod.cpio and
#                 redis-mod.cpio, the same servers with plugins they load
#                 themselves (tools/test-plugins)
#
# tools/mkimages fetch downloads the pinned .debs into build/debs/ (checked
# against their sha256) and unpacks them into build/pkgroot/; the images are
# built from that tree with mkimage --root.

PKGROOT_STAMP := $(BUILD)/pkgroot/.keel-pins
SERVER_IMAGES := $(BUILD)/images/nginx.cpio $(BUILD)/images/nginx-test.cpio $(BUILD)/images/redis.cpio \
	$(BUILD)/images/nginx-mod.cpio $(BUILD)/images/redis-mod.cpio
IMAGE_SOURCES := tools/mkimages $(wildcard tools/images/* tools/images/etc/*)

.PHONY: images
images: $(SERVER_IMAGES)

# The stamp holds the pins: a changed pin list refetches.
$(PKGROOT_STAMP): tools/mkimages
	@tools/mkimages fetch
	@touch $@

$(SERVER_IMAGES): $(BUILD)/images/%.cpio: $(PKGROOT_STAMP) $(IMAGE_SOURCES) $(BUILD)/tools/mkimage
	@mkdir -p $(@D)
	@echo "  IMAGE   $@"
	$(Q)tools/mkimages image $* $@

# The plugins of nginx-mod and redis-mod, built with the host's gcc
# (tools/plugins/). keeltest.so is a Redis module of ours, compiled against
# redismodule.h from Debian's redis source package (tools/fetch-redis, only
# the header is used). The broken ones must fail the program's dlopen():
# an undefined symbol, and a DT_NEEDED library (libkeel-absent.so.1) that is
# only linked against, never put into an image.
PLUGINS := $(BUILD)/plugins
REDIS_SRC_STAMP := $(BUILD)/src/redis-7.0.15/.keel-verified
PLUGIN_CFLAGS := -O2 -g -Wall -Wextra -Werror -fPIC -shared

$(REDIS_SRC_STAMP): tools/fetch-redis tools/fetch-debsrc
	$(Q)tools/fetch-redis $(BUILD)/src

$(PLUGINS)/keeltest.so: tools/plugins/keeltest_module.c $(REDIS_SRC_STAMP)
	@mkdir -p $(@D)
	$(CC) $(PLUGIN_CFLAGS) -pthread -I$(BUILD)/src/redis-7.0.15/src -o $@ $<
$(PLUGINS)/libkeel-absent.so.1: tools/plugins/broken.c
	@mkdir -p $(@D)
	$(CC) $(PLUGIN_CFLAGS) -DABSENT_LIBRARY -Wl,-soname,libkeel-absent.so.1 -o $@ $<
$(PLUGINS)/keel_broken_symbol.so: tools/plugins/broken.c
	@mkdir -p $(@D)
	$(CC) $(PLUGIN_CFLAGS) -DMISSING_SYMBOL -o $@ $<
$(PLUGINS)/keel_broken_library.so: tools/plugins/broken.c $(PLUGINS)/libkeel-absent.so.1
	$(CC) $(PLUGIN_CFLAGS) -DMISSING_LIBRARY -o $@ $< $(PLUGINS)/libkeel-absent.so.1

BROKEN_PLUGINS := $(PLUGINS)/keel_broken_symbol.so $(PLUGINS)/keel_broken_library.so
$(BUILD)/images/nginx-mod.cpio: $(BROKEN_PLUGINS)
$(BUILD)/images/redis-mod.cpio: $(PLUGINS)/keeltest.so $(BROKEN_PLUGINS)

# the servers run in the default mode (auto: linked, as their imports all
# resolve); the plugin cases once more in interp mode, glibc's own dlopen
NETTESTS += tools/test-net tools/test-plugins 'tools/test-plugins --mode interp'
NETTEST_DEPS += $(SERVER_IMAGES)
