#!/usr/bin/env python3
"""serve_peer.py DB PORT - the peer for `make bench-serve`: what a small Python
service over the same store would be. The standard library's threading HTTP
server and sqlite3 (one connection per thread) answer the same two routes
from the same rows with the same queries (the list read off the store's
index): the story list (the first 50 stories, newest first, as
an HTML table) and a story page (its stored page fragment in a layout)."""
import html
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DB, PORT = sys.argv[1], int(sys.argv[2])
local = threading.local()


def db():
    if not hasattr(local, "c"):
        local.c = sqlite3.connect("file:%s?mode=ro" % DB, uri=True, check_same_thread=False)
    return local.c


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/":
            rows = db().execute(
                "SELECT id, title, date, reports, sources, facts, disputes FROM stories"
                " ORDER BY date DESC, reports DESC, id LIMIT 50").fetchall()  # the store's index
            body = "".join(
                "<tr><td>%s</td><td><a href=\"/stories/%s\">%s</a></td><td>%d</td><td>%d</td>"
                "<td>%d</td><td>%d</td></tr>\n" % (html.escape(r[2] or "-"), r[0], html.escape(r[1]),
                                                    r[3], r[4], r[5], r[6]) for r in rows)
            self.send(200, "<!DOCTYPE html><html><body><table>%s</table></body></html>" % body)
        elif self.path.startswith("/stories/"):
            row = db().execute("SELECT page FROM briefs WHERE id = ?", (self.path[9:],)).fetchone()
            if row:
                self.send(200, "<!DOCTYPE html><html><body>%s</body></html>" % row[0])
            else:
                self.send(404, "not found")
        else:
            self.send(404, "not found")


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 1024
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
