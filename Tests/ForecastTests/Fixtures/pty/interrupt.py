#!/usr/bin/env python3
"""Runs a command under a pseudo-terminal, sends it SIGINT after SECONDS (first argument),
and prints what it wrote to the terminal (as a Python bytes literal) and its exit status.
Used by Tests/SimulateTests/OutputSetCommandTests.swift: the progress bar only shows on a
terminal, so only a terminal shows whether an interruption clears it."""
import os, pty, select, signal, sys, time

seconds = float(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
out = b""
deadline = time.time() + seconds
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            out += os.read(fd, 4096)
        except OSError:
            break
os.kill(pid, signal.SIGINT)
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
print(repr(out[-600:]))
print("exit", os.waitstatus_to_exitcode(status))
