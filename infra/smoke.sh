#!/usr/bin/env bash
# Smoke run: `npm start` with no DATABASE_URL (embedded PostgreSQL, demo
# data), one federated query through the gateway, then Ctrl-C and a check
# that nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
# Five free ports chosen by the OS (gateway, three subgraphs, PostgreSQL), so the
# smoke run never collides with a hub or a database already running here.
read -r P0 P1 P2 P3 P4 < <(node -e '
  const net = require("node:net");
  const one = () => new Promise((ok, ko) => { const s = net.createServer(); s.on("error", ko); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
  (async () => { const ports = new Set(); while (ports.size < 5) ports.add(await one()); console.log([...ports].join(" ")); })();')
export PORT="${SMOKE_PORT:-$P0}" SINBA_PORT="$P1" ASSO_PORT="$P2" ASMI_PORT="$P3" EMBEDDED_PG_PORT="$P4"
# A data directory of this run's own, removed at the end.
export EMBEDDED_PG_DIR="$(pwd)/.data/smoke-postgres-$$"
rm -rf "$EMBEDDED_PG_DIR"
LOG=$(mktemp)
# Own process group, so SIGINT reaches every process as Ctrl-C in a terminal would.
setsid npm start >"$LOG" 2>&1 &
PID=$!
cleanup() { kill -INT -- "-$PID" 2>/dev/null || true; sleep 2; rm -rf "$EMBEDDED_PG_DIR"; }
trap cleanup EXIT

ok=""
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && grep -q "sirmi-hub is up" "$LOG"; then ok=1; break; fi
  if ! kill -0 "$PID" 2>/dev/null; then break; fi
  sleep 1
done
if [ -z "$ok" ]; then echo "smoke: the hub did not come up"; cat "$LOG"; exit 1; fi
grep "sirmi-hub is up" "$LOG"

TOKEN=$(npm run -s token -- --role SOCIAL_WORKER --service S-RM-01)
QUERY='{"query":"query History { minors(first: 10) { nodes { id firstName cases { serviceId startDate } placements { admissionDate structure { name status } } } } }"}'
RESPONSE=$(curl -fsS "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d "$QUERY")
echo "smoke: response ${RESPONSE:0:400}"
echo "$RESPONSE" | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const r = JSON.parse(s);
    const nodes = r.data && r.data.minors && r.data.minors.nodes;
    if (r.errors || !nodes || nodes.length === 0) { console.error("smoke: unexpected response"); process.exit(1); }
    const placed = nodes.find((n) => n.placements && n.placements.length && n.placements[0].structure && n.placements[0].structure.name);
    if (!placed || !placed.firstName || !placed.cases.length) { console.error("smoke: no cross-module history in the response"); process.exit(1); }
    console.log("smoke: federated query ok (" + nodes.length + " minors, placement in " + placed.placements[0].structure.name + ")");
  });'

# The structures' web client (issue 9): built by npm start, served at /.
PAGE=$(curl -fsS "http://127.0.0.1:$PORT/")
if ! echo "$PAGE" | grep -q '<div id="root"'; then echo "smoke: / does not serve the web client"; echo "${PAGE:0:400}"; exit 1; fi
echo "smoke: web client served at /"

# The development GraphQL IDE (issue 19): built by npm start, served at /graphiql.
IDE=$(curl -fsS "http://127.0.0.1:$PORT/graphiql")
if ! echo "$IDE" | grep -q 'id="graphiql"'; then echo "smoke: /graphiql does not serve the GraphQL IDE"; echo "${IDE:0:400}"; exit 1; fi
echo "smoke: GraphQL IDE served at /graphiql"

kill -INT -- "-$PID"
for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
if kill -0 "$PID" 2>/dev/null; then echo "smoke: npm start did not stop on SIGINT"; tail -20 "$LOG"; exit 1; fi
sleep 1
left=$(ps -o pid=,stat=,args= -g "$PID" | awk '$2 !~ /^Z/' || true)
if [ -n "$left" ]; then echo "smoke: processes left behind:"; echo "$left"; exit 1; fi
trap - EXIT
sleep 1
if pgrep -f "$EMBEDDED_PG_DIR" >/dev/null; then echo "smoke: PostgreSQL left running"; pgrep -af "$EMBEDDED_PG_DIR"; exit 1; fi
rm -rf "$EMBEDDED_PG_DIR"
echo "smoke: stopped cleanly"
