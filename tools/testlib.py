"""tools/testlib.py - what the differential test drivers share.

tools/test-programs and compat-tests/run both run a program twice -- on the
Linux host, the reference, and inside keel -- and compare what it printed
and its exit status. This module holds the pieces they have in common:

  run_on_pty(argv, cwd, env, timeout)
      the host run (umask 022): stdout and stderr on a fresh pseudo-terminal, as keel's
      program has them on the console (isatty() is true on both sides, so
      stdio buffers by line and ls quotes names alike); returns
      (output, status) with the output normalised and a signal death turned
      into 128+N, as a shell (and keel) report it; 124 on timeout.
  tmp_parent()
      where host runs get their temporary folders: /dev/shm (tmpfs, the
      Linux file system closest to keel's ramfs) when it is writable.
  build_image(image, binary, args, adds, env, keep_mtime)
      build/tools/mkimage -o IMAGE [--keep-mtime] [--add H:I]... [--env K=V]...
      BINARY [-- ARGS]; raises RuntimeError with mkimage's output.
  run_keel(image, timeout, kernel_args)
      tools/run --timeout T IMAGE -- --quiet: returns (output, status,
      kernel messages), the output normalised like the host's with the
      kernel's own lines ("keel: ", "tools/run: ") set aside.
  normalise(b)
      the console's line ends: every carriage return dropped.
  diff_lines(host, keel, n) / first_difference(host, keel)
      a unified diff of two outputs (first n lines), or the first line
      where they differ, for failure reports.
  unimplemented(messages)
      the kernel messages that name a missing system call or feature.

Nothing here prints; the drivers decide what to show.
"""
import difflib
import os
import re
import select
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
RUN = os.path.join(ROOT, "tools", "run")
MKIMAGE = os.path.join(BUILD, "tools", "mkimage")

# The environment of every program, on both sides; a case may add to it.
BASE_ENV = {"LC_ALL": "C", "TZ": "UTC"}


def normalise(b):
    """The console's line ends: strip every carriage return (the console and
    the pseudo-terminal both turn "\\n" into "\\r\\n")."""
    return b.replace(b"\r", b"")


def tmp_parent():
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def make_tmpdir(prefix):
    return tempfile.mkdtemp(prefix=prefix, dir=tmp_parent())


def run_on_pty(argv, cwd, env, timeout, umask=0o022):
    """Runs argv with stdout and stderr on a new pseudo-terminal and stdin
    on /dev/null, in its own session, with umask 022 (what keel and Linux
    start a program with, whatever the caller's is). Returns (output,
    status)."""
    master, slave = os.openpty()
    try:
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=slave,
                             stderr=slave, start_new_session=True, umask=umask)
    finally:
        os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                p.kill()
                p.wait()
                return normalise(b"".join(chunks)), 124
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every slave descriptor is closed
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    rc = p.wait()
    return normalise(b"".join(chunks)), rc if rc >= 0 else 128 - rc


def build_image(image, binary, args=(), adds=(), env=None, keep_mtime=False):
    """adds: (host path, image path) pairs; env: dict. Returns image."""
    os.makedirs(os.path.dirname(image), exist_ok=True)
    cmd = [MKIMAGE, "-o", image]
    if keep_mtime:
        cmd.append("--keep-mtime")
    for host, img in adds:
        cmd += ["--add", f"{host}:{img}"]
    for k, v in (env or {}).items():
        cmd += ["--env", f"{k}={v}"]
    cmd.append(binary)
    if args:
        cmd += ["--"] + list(args)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        raise RuntimeError("mkimage failed:\n" + p.stdout.decode(errors="replace"))
    return image


EXIT_RE = re.compile(r"keel: exit status \d+\n?\Z")
KERNEL_PREFIXES = ("keel: ", "tools/run: ")


def split_console(text):
    """Separates the program's output from the kernel's lines in a
    normalised console transcript (str). Returns (output, messages)."""
    out, kmsgs = [], []
    # The kernel's last line; when the program's output did not end with a
    # newline, it follows that output on the same line.
    m = EXIT_RE.search(text)
    if m:
        kmsgs.append(m.group(0).strip())
        text = text[:m.start()] + text[m.end():]
    # split("\n") leaves "" after a final newline, so join() restores it.
    for line in text.split("\n"):
        if line.startswith(KERNEL_PREFIXES):
            kmsgs.append(line)
            continue
        out.append(line)
    return "\n".join(out), kmsgs


def run_keel(image, timeout, kernel_args=("--quiet",)):
    """Boots IMAGE; returns (output bytes, status, kernel messages)."""
    cmd = [RUN, "--timeout", str(timeout), image, "--"] + list(kernel_args)
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    out, kmsgs = split_console(normalise(p.stdout).decode("latin-1"))
    kmsgs += [l for l in p.stderr.decode(errors="replace").splitlines()
              if not l.startswith("tools/run: accelerator")]
    return out.encode("latin-1"), p.returncode, kmsgs


def show(b):
    return b.decode("latin-1").splitlines(keepends=True)


def diff_lines(host, keel, n):
    """The first n lines of a unified diff host -> keel, and its length."""
    diff = list(difflib.unified_diff(show(host), show(keel), "host", "keel", n=1))
    return [d.rstrip("\n") for d in diff[:n]], len(diff)


def first_difference(host, keel):
    """(line number, host line, keel line) of the first line that differs,
    None for a missing line; None when the outputs are equal."""
    h, k = show(host), show(keel)
    for i in range(max(len(h), len(k))):
        a = h[i] if i < len(h) else None
        b = k[i] if i < len(k) else None
        if a != b:
            return i + 1, a, b
    return None


STATUS_NOTES = {124: " (timed out)", 125: " (kernel panic, fatal exception or no status)"}

UNIMPL_RE = re.compile(r"not implemented|unimplemented|ENOSYS|unknown system call|unsupported",
                       re.I)


def unimplemented(kmsgs):
    return [m for m in kmsgs if UNIMPL_RE.search(m)]


def accelerator():
    """What tools/run will pick: "kvm" only with vmx/svm and a usable
    /dev/kvm, "tcg" otherwise (the same test as tools/run's)."""
    try:
        with open("/proc/cpuinfo") as f:
            hw = re.search(r"\b(vmx|svm)\b", f.read()) is not None
    except OSError:
        hw = False
    if hw and os.access("/dev/kvm", os.R_OK | os.W_OK):
        return "KVM"
    return "TCG"
