#!/usr/bin/env python3
"""Serves a directory on loopback like `python3 -m http.server`, plus one path that never
answers: `/__stall` accepts the request and then sends nothing, the way a dead mobile connection
or a hung server behaves. Used by scripts/checks.sh to prove the app gives up and says so.

Usage: serve_with_stall.py DIR PORT
"""
import functools
import http.server
import sys
import threading


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.split("?")[0].endswith("/__stall"):
            # Hold the connection open without a byte of answer until the client gives up.
            threading.Event().wait(120)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
