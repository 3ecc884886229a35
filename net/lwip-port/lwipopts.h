/*
 * lwipopts.h - keel's configuration of lwIP (see lwip/opt.h for every
 * option's meaning). The choices that matter:
 *
 *   NO_SYS=1        lwIP runs without threads or semaphores of its own:
 *                   keel calls it directly under one mutex, net_lock
 *                   (net/inet.c), from system calls and from the lwIP thread
 *                   (net/netif.c), which also runs lwIP's timers. Sockets
 *                   sit on the raw API: no message passing, no thread
 *                   switch per call.
 *   memory          every lwIP allocation (pbufs, pcbs, segments) comes from
 *                   kmalloc: no fixed pools to size or run out of early.
 *   TCP windows     a 256 KiB receive window (window scaling) and a 256 KiB
 *                   send buffer per connection, so one connection can keep a
 *                   fast link busy; MSS 1460 for a 1500-byte MTU.
 *   checksums       per interface (LWIP_CHECKSUM_CTRL_PER_NETIF): loopback
 *                   skips them, virtio-net skips what the device offloads.
 */
#ifndef KEEL_LWIPOPTS_H
#define KEEL_LWIPOPTS_H

#include <stddef.h>

#define NO_SYS 1
#define LWIP_TIMERS 1
#define SYS_LIGHTWEIGHT_PROT 0 /* net_lock serialises every entry into lwIP */
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0
#define LWIP_RAW 0
#define LWIP_ALTCP 0
#define LWIP_STATS 0
#define LWIP_DNS 0      /* programs resolve names themselves (/etc/resolv.conf) */

/* memory: kmalloc behind both of lwIP's allocators */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);
#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 1
#define MEM_ALIGNMENT 8
#define mem_clib_malloc kmalloc
#define mem_clib_free kfree
#define mem_clib_calloc(n, size) kzalloc((n) * (size))
#define MEM_SIZE (16 * 1024 * 1024) /* only bounds single allocations with MEM_LIBC_MALLOC */
#define PBUF_POOL_BUFSIZE 1536

/* protocols */
#define LWIP_IPV4 1
#define LWIP_IPV6 1
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_IGMP 1
#define LWIP_DHCP 1
#define DHCP_DOES_ARP_CHECK 0   /* a lease is used at once (QEMU's DHCP hands out unique addresses) */
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_IPV6_MLD 1
#define LWIP_IPV6_AUTOCONFIG 1
#define LWIP_IPV6_DHCP6 0
#define LWIP_ICMP6 1
#define IPV6_FRAG_COPYHEADER 1  /* required with 64-bit pointers */
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#define ARP_QUEUEING 1
#define ARP_TABLE_SIZE 64
#define ETHARP_SUPPORT_STATIC_ENTRIES 0

/* TCP */
#define TCP_MSS 1460
#define LWIP_WND_SCALE 1
#define TCP_RCV_SCALE 3
#define TCP_WND (256 * 1024)
#define TCP_SND_BUF (256 * 1024)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#define TCP_SNDLOWAT 32768 /* lwIP keeps it below 64 KiB; keel's sockets decide writability themselves */
#define TCP_SNDQUEUELOWAT (TCP_SND_QUEUELEN / 2)
#define TCP_OVERSIZE TCP_MSS
#define TCP_QUEUE_OOSEQ 1
#define TCP_LISTEN_BACKLOG 1
#define TCP_DEFAULT_LISTEN_BACKLOG 0xff
#define LWIP_TCP_KEEPALIVE 1
#define LWIP_TCP_TIMESTAMPS 0
#define TCP_MAXRTX 12
#define TCP_SYNMAXRTX 6
#define SO_REUSE 1
#define SO_REUSE_RXTOALL 1
#define LWIP_CALLBACK_API 1
#define LWIP_EVENT_API 0
#define TCP_CALCULATE_EFF_SEND_MSS 1
#define LWIP_TCP_SACK_OUT 0
#define MEMP_NUM_TCP_PCB 4096    /* tcp_alloc's "kill the oldest" threshold; memory is kmalloc */
#define MEMP_NUM_TCP_PCB_LISTEN 256
#define MEMP_NUM_UDP_PCB 1024
#define MEMP_NUM_TCP_SEG 8192
#define MEMP_NUM_PBUF 4096
#define PBUF_POOL_SIZE 4096

/* interfaces */
#define LWIP_NETIF_LOOPBACK 1
#define LWIP_HAVE_LOOPIF 1
#define LWIP_LOOPBACK_MAX_PBUFS 0
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_NETIF_HOSTNAME 1
#define LWIP_CHECKSUM_CTRL_PER_NETIF 1
#define LWIP_SINGLE_NETIF 0
#define LWIP_NETIF_TX_SINGLE_PBUF 0
#define ETH_PAD_SIZE 0

/* keel's hooks (net/inet.c) */
#define LWIP_DEBUG 0
#define LWIP_NOASSERT 0

#endif
