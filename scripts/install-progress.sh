# Progress output for scripts/install-n8n.sh (sourced, not run). npm and node-gyp print hundreds
# of long compiler lines, or nothing for minutes; a phase shows one line when it starts, a
# heartbeat while it runs and one line when it ends, and keeps their output in a log file.

# Seconds between heartbeat lines of a running phase.
INSTALL_HEARTBEAT="${N8N_INSTALL_HEARTBEAT:-30}"
# Lines of the log shown when a phase fails.
INSTALL_LOG_TAIL="${N8N_INSTALL_LOG_TAIL:-40}"

log() { printf '[n8n:install %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

elapsed_since() {
	local seconds=$((SECONDS - $1))
	printf '%dm%02ds' $((seconds / 60)) $((seconds % 60))
}

# phase LABEL LOGFILE COMMAND [ARGS...]: runs COMMAND (a function or a program) with its output
# appended to LOGFILE. On failure prints the log's path and tail and returns COMMAND's exit code.
phase() {
	local label="$1" logfile="$2"
	shift 2
	local start=$SECONDS
	mkdir -p "$(dirname "$logfile")"
	printf '\n=== %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$label" >>"$logfile"
	log "$label: started (log: $logfile)"
	"$@" >>"$logfile" 2>&1 &
	local pid=$! next=$((start + INSTALL_HEARTBEAT))
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
			log "$label: still running, $(elapsed_since "$start") so far"
			next=$((next + INSTALL_HEARTBEAT))
		fi
	done
	local status=0
	wait "$pid" || status=$?
	if [ "$status" -eq 0 ]; then
		log "$label: done in $(elapsed_since "$start")"
		return 0
	fi
	log "$label: failed after $(elapsed_since "$start") (exit code $status); full log: $logfile"
	log "last $INSTALL_LOG_TAIL lines of the log:"
	tail -n "$INSTALL_LOG_TAIL" "$logfile" | sed 's/^/    /'
	return "$status"
}
