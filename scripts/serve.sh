# Sourced by the scripts that need a static server on loopback (smoke, a11y, bench):
# `serve_dir DIR` serves DIR on a free port, sets PORT and SERVER_PID, stops the server when the
# script exits (every server, when it is called more than once: SERVER_PIDS), and returns once
# the server accepts connections.
serve_dir() {
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$1" >/dev/null 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS="${SERVER_PIDS:-} $SERVER_PID"
  trap 'kill $SERVER_PIDS 2>/dev/null' EXIT
  for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "could not start a static server for $1" >&2
  return 1
}
