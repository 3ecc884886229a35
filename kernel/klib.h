/*
 * klib.h - the kernel's own small C library: strings, formatted output to
 * the console, panic. (The program-facing libc is musl, in a later issue;
 * this is only what kernel code itself uses.)
 */
#ifndef KEEL_KLIB_H
#define KEEL_KLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define ALIGN_UP(x, a) ALIGN_DOWN((x) + (a) - 1, a)
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define container_of(p, type, member) ((type *)((char *)(p) - offsetof(type, member)))
#define __noreturn __attribute__((noreturn))

/* string.c */
void *memset(void *d, int c, size_t n);
void *memcpy(void *restrict d, const void *restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *d, const char *s, size_t n);
bool str_starts(const char *s, const char *prefix);
/* Return: 0 and *out on success, -EINVAL if s is not a whole unsigned number. */
int parse_u64(const char *s, uint64_t *out);

/* printf.c: %d %i %u %x %X %o %p %s %c %% with l/ll/z, width, '-', '0' */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* console.c: everything printed goes to COM1 (polled, interrupts off while writing) */
void console_init(void);
void console_write(const char *s, size_t n);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* panic.c */
__noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define BUG_ON(c) do { if (c) panic("BUG at %s:%d: %s", __FILE__, __LINE__, #c); } while (0)

/* random.c: RDRAND-seeded generator (see the file for its limits) */
void random_bytes(void *buf, size_t n);
uint64_t random_u64(void);

/* shutdown.c: stop the VM; QEMU exits with a code tools/run maps back to status */
#define KEEL_STATUS_PANIC 125 /* a kernel panic or fatal exception */
__noreturn void machine_exit(int status);

/* ksyms.c: the kernel's symbol table (built into the image by tools/ksyms) */
/* Return: symbol name containing addr and *off within it, or NULL. */
const char *ksym_lookup(uint64_t addr, uint64_t *off);
void backtrace_print(uint64_t rip, uint64_t rbp);

#endif
