"""A tiny web app for Wharf: answers on $PORT, says which release serves it, stops cleanly on SIGTERM."""
import http.server
import json
import os
import signal
import sys
import threading

PORT = int(os.environ.get("PORT", "5000"))
RELEASE = os.environ.get("RELEASE", "dev")
GREETING = os.environ.get("GREETING", "Hello from Wharf")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/health":
            body = b"ok\n"
            kind = "text/plain"
        else:
            body = (json.dumps({"greeting": GREETING, "release": RELEASE, "path": self.path}) + "\n").encode()
            kind = "application/json"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print("%s %s" % (self.address_string(), fmt % args), flush=True)


server = http.server.ThreadingHTTPServer(("0.0.0.0", PORT), Handler)


def stop(signum, frame):
    print("SIGTERM: finishing in-flight requests and stopping", flush=True)
    threading.Thread(target=server.shutdown).start()


signal.signal(signal.SIGTERM, stop)
print(f"hello listening on port {PORT} (release {RELEASE})", flush=True)
server.serve_forever()
print("stopped", flush=True)
sys.exit(0)
