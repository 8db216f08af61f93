#!/bin/sh
# Runs the LogFlow CLI (io.logflow.cli.LogFlowCli) as bin/logflow does, from /app/classes and
# /app/lib. For `dashboard` without --token, the token comes from LOGFLOW_DASHBOARD_TOKEN: the
# dashboard binds 0.0.0.0 in a container, and the CLI refuses a non-loopback host without one.
set -eu

ADD_OPENS="--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

if [ "${1:-}" = "dashboard" ] && [ -n "${LOGFLOW_DASHBOARD_TOKEN:-}" ]; then
  case " $* " in
    *" --token "*) ;;
    *) set -- "$@" --token "$LOGFLOW_DASHBOARD_TOKEN" ;;
  esac
fi

# exec: the JVM replaces the shell as PID 1, so `docker stop` (SIGTERM) reaches it directly.
# shellcheck disable=SC2086
exec java ${LOGFLOW_JAVA_OPTS:-} $ADD_OPENS -cp "/app/classes:/app/lib/*" io.logflow.cli.LogFlowCli "$@"
