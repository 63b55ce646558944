"""Notes for Wharf: notes in PostgreSQL (through psql), the last note and a visit counter in Redis (through
redis-cli). The database URLs come from Wharf as MAIN_URL and CACHE_URL.

  GET  /health   ok once both answer
  GET  /notes    {"notes": [{"id": 1, "body": "..."}], "last": "...", "visits": 3}
  POST /notes    the request body is the note; answers {"id": 1}
"""
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time

PORT = int(os.environ.get("PORT", "5000"))
MAIN_URL = os.environ["MAIN_URL"]
CACHE_URL = os.environ["CACHE_URL"]


class CommandFailed(Exception):
    pass


def run(args, stdin=None):
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise CommandFailed(f"{args[0]} exited with {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def sql(statement, **variables):
    """Runs one statement; variables are passed to psql, never pasted into the SQL text."""
    args = ["psql", MAIN_URL, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    for name, value in variables.items():
        args += ["-v", f"{name}={value}"]
    return run(args, stdin=statement).strip()


def redis(*command):
    return run(["redis-cli", "-u", CACHE_URL, "--no-auth-warning", "--raw", *command]).rstrip("\n")


def setup():
    # Wharf starts the resources before the app, but a first start can still race a slow disk: retry briefly.
    for attempt in range(30):
        try:
            sql("CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());")
            redis("PING")
            return
        except CommandFailed as failure:
            print(f"waiting for the databases: {failure}", flush=True)
            time.sleep(1)
    sys.exit("the databases did not answer within 30 s")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/health":
            sql("SELECT 1;")
            self.answer(200, "ok\n", "text/plain")
        elif self.path == "/notes":
            notes = sql("SELECT coalesce(json_agg(json_build_object('id', id, 'body', body) ORDER BY id), '[]') FROM notes;")
            visits = int(redis("INCR", "visits"))
            self.answer(200, {"notes": json.loads(notes), "last": redis("GET", "last_note"), "visits": visits})
        else:
            self.answer(404, {"error": "not found"})

    def do_POST(self):
        if self.path != "/notes":
            self.answer(404, {"error": "not found"})
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
        note_id = int(sql("INSERT INTO notes (body) VALUES (:'body') RETURNING id;", body=body))
        redis("SET", "last_note", body)
        self.answer(201, {"id": note_id})

    def answer(self, status, body, kind="application/json"):
        data = (body if isinstance(body, str) else json.dumps(body) + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except CommandFailed as failure:
            print(failure, flush=True)
            self.answer(503, {"error": str(failure)})

    def log_message(self, fmt, *args):
        print("%s %s" % (self.address_string(), fmt % args), flush=True)


setup()
server = http.server.ThreadingHTTPServer(("0.0.0.0", PORT), Handler)


def stop(signum, frame):
    threading.Thread(target=server.shutdown).start()


signal.signal(signal.SIGTERM, stop)
print(f"notes listening on port {PORT} (release {os.environ.get('RELEASE', 'dev')})", flush=True)
server.serve_forever()
