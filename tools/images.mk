# tools/images.mk - the server images (included by the top-level Makefile).
#
#   make images   build/images/nginx.cpio, nginx-test.cpio and redis.cpio from
#                 Debian's own packages (pinned in tools/mkimages) and our
#                 configuration (tools/images/)
#
# tools/mkimages fetch downloads the pinned .debs into build/debs/ (checked
# against their sha256) and unpacks them into build/pkgroot/; the images are
# built from that tree with mkimage --root.

PKGROOT_STAMP := $(BUILD)/pkgroot/.keel-pins
SERVER_IMAGES := $(BUILD)/images/nginx.cpio $(BUILD)/images/nginx-test.cpio $(BUILD)/images/redis.cpio
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

NETTESTS += tools/test-net
NETTEST_DEPS += $(SERVER_IMAGES)
