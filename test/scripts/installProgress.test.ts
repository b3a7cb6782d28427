/**
 * The output of `npm run n8n:install` (scripts/install-progress.sh): one line when a phase
 * starts, a heartbeat while it runs, one line when it ends; the phase's own output goes to a log
 * file, whose path and tail are printed when the phase fails. Fake phases stand in for npm: they
 * end only once the script has printed what is checked, so no assertion depends on timing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROGRESS = resolve(__dirname, '../../scripts/install-progress.sh');

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'install-progress-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `body` in bash with the helper sourced; stdout and stderr go to out.txt (the phases read it). */
function run(body: string): { status: number | null; out: string } {
	const out = join(folder, 'out.txt');
	const script = `set -euo pipefail\nsource "$1"\nOUT="$2"\nLOG="$3"\n${body}`;
	const result = spawnSync('bash', ['-c', `(${script}) >"$2" 2>&1`, 'bash', PROGRESS, out, join(folder, 'phase.log')], {
		env: { ...process.env, N8N_INSTALL_HEARTBEAT: '1' },
		encoding: 'utf8',
	});
	return { status: result.status, out: readFileSync(out, 'utf8') };
}

test('a long phase prints a start line, heartbeats and an end line with the time it took; its output goes to the log', () => {
	const { status, out } = run(`
noisy_phase() {
	for i in $(seq 1 200); do echo "compiler line $i with a warning"; done
	# Ends once a heartbeat has been printed.
	until grep -q 'still running' "$OUT"; do sleep 0.1; done
}
phase "Compiling things" "$LOG" noisy_phase
`);
	expect(status).toBe(0);
	const lines = out.trim().split('\n');
	expect(lines[0]).toMatch(/Compiling things: started \(log: .*phase\.log\)$/);
	expect(lines.some((line) => /Compiling things: still running, \d+m\d{2}s so far$/.test(line))).toBe(true);
	expect(lines[lines.length - 1]).toMatch(/Compiling things: done in \d+m\d{2}s$/);
	expect(out).not.toContain('compiler line');
	const log = readFileSync(join(folder, 'phase.log'), 'utf8');
	expect(log).toContain('compiler line 1 with a warning');
	expect(log).toContain('compiler line 200 with a warning');
});

test('a failing phase names its log file, shows its tail and fails the script with its exit code', () => {
	const { status, out } = run(`
failing_phase() {
	for i in $(seq 1 100); do echo "build line $i"; done
	echo "gyp ERR! build error" >&2
	return 7
}
phase "Compiling sqlite3" "$LOG" failing_phase
echo "not reached"
`);
	expect(status).toBe(7);
	expect(out).toMatch(/Compiling sqlite3: failed after \d+m\d{2}s \(exit code 7\); full log: .*phase\.log/);
	expect(out).toContain('gyp ERR! build error');
	expect(out).toContain('build line 100');
	// Only the tail: the start of a long log stays in the file.
	expect(out).not.toContain('build line 1\n');
	expect(out).not.toContain('not reached');
});
