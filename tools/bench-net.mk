# tools/bench-net.mk - make bench-net (included by the top-level Makefile).
#
#   make bench-net   nginx (wrk) and redis (redis-benchmark) in keel (interp
#                    mode, and linked mode as the guest keel-linked) and in a
#                    stock Debian Linux guest on the same QEMU machine, side by
#                    side in one run: rates, p99 latencies, keel/Linux ratios
#                    against the targets, linked/interp ratios, time to the
#                    first answer, image sizes
#
# Needs root (a network namespace with a tap device of its own). The Linux
# guest's kernel comes from tools/linux-guest/fetch (pinned, idempotent);
# the benchmark's own images (build/bench-net/) are made by tools/bench-net
# from the images of `make images`.

.PHONY: bench-net
# fetch checks its pin and does nothing when the kernel is there already
$(BUILD)/linux-guest/vmlinux: tools/linux-guest/fetch
	@tools/linux-guest/fetch
	@touch $@

bench-net: setup kernel images $(BUILD)/tools/mkimage $(BUILD)/linux-guest/vmlinux
	@tools/bench-net --no-make
