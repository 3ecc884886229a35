/*
 * tty.c - the console as a terminal: /dev/console, /dev/tty and fds 0-2.
 *
 * Output goes to console_write() (the serial port). There is no serial
 * input driver yet, so reading the console returns 0 at once: the program
 * sees end of file on stdin, as if started with </dev/null, and a poll for
 * input reports it readable (a read would not block). When an input driver
 * arrives, read and poll here are what changes.
 *
 * The terminal ioctls programs use to ask "am I on a terminal?" (isatty is
 * TCGETS) and "how big is it?" (TIOCGWINSZ) succeed only here: every other
 * file answers -ENOTTY. TCGETS returns Linux's default termios
 * (tty_std_termios: cooked mode, echo, 38400 baud, 8 bits) or whatever the
 * program last set with TCSETS*; the settings are kept but have no effect.
 * The window is 80x24 until TIOCSWINSZ changes it.
 */
#include "internal.h"
#include <asm/termbits.h>
#include <asm/termios.h>
#include <asm/ioctls.h>
#include <linux/poll.h>

static struct termios termios = {   /* written by TCSETS*, read by TCGETS */
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = {
		[VINTR] = 3, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 4, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023,
		[VSUSP] = 032, [VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027,
		[VLNEXT] = 026,
	},
};
static struct winsize winsize = { .ws_row = 24, .ws_col = 80 };

static int tty_open(struct inode *ino, struct file **fp)
{
	(void)ino;
	(*fp)->fmode &= ~FMODE_SEEK; /* lseek and pread on a terminal: -ESPIPE */
	return 0;
}

static long tty_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	(void)f; (void)buf; (void)n; (void)pos; (void)io;
	return 0; /* no input driver yet: end of file */
}

static long tty_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	char tmp[256];
	size_t done = 0;

	(void)f; (void)pos;
	if (io == IO_KERNEL) {
		console_write(buf, n);
		return (long)n;
	}
	while (done < n) {
		size_t k = MIN(n - done, sizeof(tmp));
		if (copy_from_user(tmp, (const char *)buf + done, k))
			return done ? (long)done : -EFAULT;
		console_write(tmp, k);
		done += k;
	}
	return (long)done;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int zero = 0;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &termios, sizeof(termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF: {
		struct termios t;
		if (copy_from_user(&t, (const void *)arg, sizeof(t)))
			return -EFAULT;
		termios = t;
		return 0;
	}
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &winsize, sizeof(winsize));
	case TIOCSWINSZ: {
		struct winsize w;
		if (copy_from_user(&w, (const void *)arg, sizeof(w)))
			return -EFAULT;
		winsize = w;
		return 0;
	}
	case FIONREAD:
		return copy_to_user((void *)arg, &zero, sizeof(zero));
	case TCFLSH:
	case TCXONC:
	case TCSBRK:
		return 0; /* nothing is buffered: flushing and draining are done */
	default:
		return -ENOTTY;
	}
}

static unsigned tty_poll(struct file *f, struct poll_table *pt)
{
	(void)f; (void)pt;
	return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}

const struct file_ops tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};
