# net/lwip.mk - build lwIP (Debian's source package, fetched and verified by
# tools/fetch-lwip) into the kernel. Included by the top-level Makefile.
#
# Only the raw-API core is built: IPv4 (ARP, ICMP, DHCP, IGMP, fragments),
# IPv6 (ND, ICMPv6, MLD, fragments), TCP, UDP and the Ethernet layer.
# lwIP's own sockets/netconn layers are not (keel's sockets, net/inet*.c, sit
# on the raw API); nor are altcp, PPP, 6LoWPAN or the apps.
#
# lwIP is compiled with the kernel's code-generation flags (kernel code model,
# no red zone, no vector registers) but its own warning set: it is third-party
# code, built as shipped. Its configuration is net/lwip-port/lwipopts.h, its
# platform header net/lwip-port/arch/cc.h; net/lwip-port/libc/ holds the few
# C library headers it includes, mapped onto the kernel's klib.
LWIP_VERSION := 2.1.3+dfsg1
LWIP_DIR := $(BUILD)/src/lwip-$(LWIP_VERSION)
LWIP_STAMP := $(LWIP_DIR)/.keel-verified
LWIP_SRC_NAMES := core/init.c core/def.c core/inet_chksum.c core/ip.c core/mem.c core/memp.c \
	core/netif.c core/pbuf.c core/stats.c core/sys.c core/tcp.c core/tcp_in.c core/tcp_out.c \
	core/timeouts.c core/udp.c core/raw.c \
	core/ipv4/dhcp.c core/ipv4/etharp.c core/ipv4/icmp.c core/ipv4/igmp.c core/ipv4/ip4.c \
	core/ipv4/ip4_addr.c core/ipv4/ip4_frag.c \
	core/ipv6/ethip6.c core/ipv6/icmp6.c core/ipv6/inet6.c core/ipv6/ip6.c core/ipv6/ip6_addr.c \
	core/ipv6/ip6_frag.c core/ipv6/mld6.c core/ipv6/nd6.c \
	netif/ethernet.c
LWIP_OBJS := $(patsubst %.c,$(BUILD)/obj/lwip/%.o,$(LWIP_SRC_NAMES))
LWIP_INC := -Inet/lwip-port -I$(LWIP_DIR)/src/include

LWIP_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -isystem $(GCC_INC) \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fcf-protection=none -fno-strict-aliasing -Wall -Wno-address -Ikernel -MMD -MP \
	-Inet/lwip-port/libc $(LWIP_INC)

$(LWIP_STAMP): tools/fetch-lwip
	@echo "  FETCH   lwIP $(LWIP_VERSION) (apt-get source)"
	$(Q)tools/fetch-lwip $(BUILD)/src
	@touch $@

$(LWIP_OBJS): $(BUILD)/obj/lwip/%.o: $(LWIP_STAMP) net/lwip-port/lwipopts.h net/lwip-port/arch/cc.h
	@mkdir -p $(@D)
	@echo "  CC      lwip/$*.c"
	$(Q)$(CC) $(LWIP_CFLAGS) -c $(LWIP_DIR)/src/$*.c -o $@

# The kernel's own net/ files include lwIP's headers too (and are built
# after it is fetched).
KCFLAGS += $(LWIP_INC)
$(filter $(BUILD)/obj/net/%,$(KOBJS)): | $(LWIP_STAMP)
KOBJS += $(LWIP_OBJS)
