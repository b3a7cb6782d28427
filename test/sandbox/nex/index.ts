import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultSpec } from '../shared/faults';
import { MutationHooks } from '../nexus/mutations';
import { RequestLog } from '../shared/requestLog';
import { DEMO_KEYS, KeyRing } from './auth';
import { applyConfig, DEFAULT_CONFIG, type NexSandboxConfig } from './config';
import { handleControl, type ControlTarget } from './control';
import { finalizeArtifact } from './extract';
import { buildInsight, makeBatch } from './insights';
import { addNotification, presentNotification } from './routes/notifications';
import { ALL_ROUTES } from './routes';
import { settleConnectFlows } from './routes/integrations';
import { Router } from './router';
import { seedBulk, seedDemo, type SeedResult, type SeedSpec } from './seed';
import { BASE_PATH, CONTROL_PATH, createNexServer } from './server';
import { NexStore } from './store';
import { InsightStreamHub, type StreamWriteOptions } from './stream';
import type { Insight, InsightBatch, NotificationItem } from './types';

export { ALL_SCOPES, DEMO_KEYS, READ_SCOPES } from './auth';
export { toJson, parseJson } from './json';
export { FIRST_ID, WORKSPACE_ID } from './ids';
export { ALL_ROUTES } from './routes';
export { NexStore } from './store';
export { formatEvent, REPLAY_LIMIT } from './stream';
export type { LineEnding, StreamWriteOptions } from './stream';
export type { Insight, InsightBatch, StreamInsight, InsightType, NotificationItem } from './types';
export type { NexSandboxConfig, ReplayFormat, InsightsRestShape, AiListShape, TimestampPrecision, InsightsOrder, RecordsSort } from './config';
export type { SeedSpec, SeedResult, RecordSeed } from './seed';

export interface NexSandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 30000. */
	keepaliveIntervalMs?: number;
	/** Total time pending → processing → completed of a text artifact. Default 1500. */
	artifactProcessingMs?: number;
	/** AI list jobs, compounding jobs, integration consent. Default 1000. */
	jobDurationMs?: number;
	/** A connect_id answers 410 after this long. Default 10 minutes. */
	connectExpiryMs?: number;
	/** Start with the demo workspace. Default true. */
	seed?: boolean;
	/** Documented 10/min limit of integration connect (per key); 0 turns it off. */
	connectRateLimitPerMinute?: number;
	/** How the stream replays on connect: one event per insight (default), one batch, or bare insights. */
	replayFormat?: NexSandboxConfig['replayFormat'];
	/** `GET /v1/insights` shape: the spec's `{data}` (default), the guide's envelope, or a bare array. */
	insightsRestShape?: NexSandboxConfig['insightsRestShape'];
	/** AI-list answers wrapped in `{message}` (default, the spec) or bare (nex-llms.txt). */
	aiListShape?: NexSandboxConfig['aiListShape'];
	/** Precision of insight times: 'us' (default, Postgres), 'ns' (Go's full precision) or 'ms'. */
	timestampPrecision?: NexSandboxConfig['timestampPrecision'];
	/** Order of `GET /v1/insights` answers: 'newest-first' (default) or 'oldest-first' (undocumented either way). */
	insightsOrder?: NexSandboxConfig['insightsOrder'];
	/** 'honoured' (default): record listings follow `sort`; 'ignored': creation order whatever it says; 'rejected': 400 for a sort on updated_at. */
	recordsSort?: NexSandboxConfig['recordsSort'];
	/** Completed text artifacts also push their insights to the stream (default true). */
	artifactEmitsInsights?: boolean;
}

export interface NexSandbox {
	/** `http://127.0.0.1:PORT/api/developers` */
	baseUrl: string;
	/** `http://127.0.0.1:PORT/__control` */
	controlUrl: string;
	/** Named demo keys: full, readOnly, noInsight, insightOnly, noScopes. */
	keys: Record<string, string>;
	requests: RequestLog;
	faults: FaultInjector;
	/** Changes run between two requests of a listing ("once request N to path P was answered"), given as functions. */
	mutations: MutationHooks;
	store: NexStore;
	/** Live tunables (durations, response-shape variants). */
	config: NexSandboxConfig;
	/** Stores and streams one `insight.batch.created`; returns the envelope sent (bigint ids). */
	emitInsightBatch(insights?: Partial<Insight>[] | number, options?: StreamWriteOptions): InsightBatch;
	/** Ends every open stream ('end': clean close, 'destroy': socket reset). Returns how many. */
	dropStreams(mode?: 'end' | 'destroy'): number;
	streamClientCount(): number;
	addKey(key: string, scopes: string[]): void;
	/** Bulk data (see SeedSpec). */
	seed(spec: SeedSpec): SeedResult;
	/** Adds a notification to the feed (sent now unless given). */
	emitNotification(partial?: Partial<NotificationItem>): NotificationItem;
	/** Finishes the OAuth consent of one pending connect flow, or of all. */
	completeConnect(connectId?: string): number;
	/** The next N jobs of a kind end as `failed`. */
	failNext(counts: { artifacts?: number; aiListJobs?: number; compounding?: number }): void;
	/**
	 * Moves the sandbox clock forward (async jobs, connect expiry, rate-limit windows, timestamps)
	 * and completes text artifacts that became due. Returns the total offset.
	 */
	advanceClock(ms: number): number;
	/** Changes tunables at runtime. */
	configure(patch: Partial<NexSandboxConfig>): NexSandboxConfig;
	/** Back to the start state: demo data, demo keys, no faults, empty request log, streams ended. */
	reset(): void;
	close(): Promise<void>;
}

function configFrom(opts: NexSandboxOptions): NexSandboxConfig {
	const config = { ...DEFAULT_CONFIG };
	const { port: _port, seed: _seed, ...rest } = opts;
	applyConfig(config, rest as Record<string, unknown>);
	return config;
}

export async function startNexSandbox(opts: NexSandboxOptions = {}): Promise<NexSandbox> {
	const initialConfig = configFrom(opts);
	const config: NexSandboxConfig = { ...initialConfig };
	const store = new NexStore(config);
	const ring = new KeyRing();
	const hub = new InsightStreamHub(store);
	const requests = new RequestLog();
	const faults = new FaultInjector();
	const mutations = new MutationHooks(async () => {
		throw new Error('The Nex sandbox runs mutations given as functions (run), not SQL');
	});
	const router = new Router(ALL_ROUTES);
	const withSeed = opts.seed !== false;
	store.onInsights = (insights) => hub.broadcast(makeBatch(store, insights));
	if (withSeed) seedDemo(store);

	const sandbox: NexSandbox & ControlTarget = {
		baseUrl: '',
		controlUrl: '',
		keys: Object.fromEntries(Object.entries(DEMO_KEYS).map(([name, k]) => [name, k.key])),
		requests,
		faults,
		mutations,
		store,
		config,
		emitInsightBatch(insights, options) {
			// One creation instant for the whole batch, as one write of the service would give it.
			const now = store.instantNs();
			const partials: Record<string, unknown>[] =
				typeof insights === 'number'
					? Array.from({ length: insights }, () => ({}))
					: insights === undefined
						? [{}, {}]
						: (insights as Record<string, unknown>[]);
			const built = partials.map((p) => buildInsight(store, p, now));
			store.storeInsights(built);
			const batch = makeBatch(store, built, now);
			hub.broadcast(batch, options);
			return batch;
		},
		dropStreams: (mode) => hub.drop(mode),
		streamClientCount: () => hub.count(),
		addKey: (key, scopes) => void ring.add(key, scopes),
		listKeys: () => ring.list().map((k) => ({ key: k.key, scopes: [...k.scopes], token_id: k.tokenId })),
		seed: (spec) => seedBulk(store, spec),
		emitNotification: (partial) => addNotification(store, partial),
		completeConnect(connectId) {
			let n = 0;
			for (const flow of store.connectFlows.values()) {
				if (connectId !== undefined && flow.connectId !== connectId) continue;
				if (flow.connectionId !== undefined) continue;
				flow.forcedConnected = true;
				n++;
			}
			settleConnectFlows(store, store.now());
			return n;
		},
		failNext(counts) {
			for (const k of ['artifacts', 'aiListJobs', 'compounding'] as const) {
				const v = counts[k];
				if (v !== undefined) {
					if (!Number.isInteger(v) || v < 0) throw new Error(`${k} must be a non-negative integer`);
					store.failNext[k] = v;
				}
			}
			return { ...store.failNext };
		},
		advanceClock(ms) {
			if (!Number.isFinite(ms) || ms < 0) throw new Error('advanceClock needs a non-negative number of milliseconds');
			store.clockOffsetMs += ms;
			const now = store.now();
			for (const artifact of store.artifacts.values()) {
				if (!artifact.finalized && now - artifact.createdMs >= artifact.durationMs) finalizeArtifact(store, artifact, now);
			}
			settleConnectFlows(store, now);
			return store.clockOffsetMs;
		},
		configure(patch) {
			applyConfig(config, patch as Record<string, unknown>);
			return { ...config };
		},
		reset() {
			hub.drop('end');
			store.clear();
			Object.assign(config, initialConfig);
			if (withSeed) seedDemo(store);
			ring.reset();
			faults.clear();
			mutations.clear();
			requests.clear();
		},
		addFaults: (specs: FaultSpec[]) => specs.forEach((s) => faults.add(s)),
		clearFaults: () => faults.clear(),
		pendingFaults: () => faults.pending(),
		listRequests: ({ path, method }) =>
			requests.entries.filter((e) => (!path || e.path.includes(path)) && (!method || e.method === method.toUpperCase())),
		clearRequests: () => requests.clear(),
		state: () => ({
			workspace_id: store.workspaceId,
			objects: [...store.objects.values()].map((o) => ({
				id: o.id,
				slug: o.slug,
				records: store.recordsByObject.get(o.id.toString())?.size ?? 0,
			})),
			lists: [...store.lists.values()].map((l) => ({ id: l.id, slug: l.slug, members: store.entriesByList.get(l.id.toString())?.size ?? 0 })),
			records: store.records.size,
			tasks: store.tasks.size,
			notes: store.notes.size,
			relationship_definitions: store.relationshipDefs.size,
			relationships: store.relationships.size,
			insights: store.insights.length,
			artifacts: store.artifacts.size,
			ai_list_jobs: store.aiListJobs.size,
			compounding_jobs: store.compoundingJobs.size,
			connect_flows: store.connectFlows.size,
			connections: store.integrations.flatMap((i) => i.connections.map((c) => ({ id: c.id, type: i.type, provider: i.provider }))),
			notifications: store.notifications.length,
			latest_notification: store.notifications.length ? presentNotification(store.notifications[store.notifications.length - 1]) : null,
			custom_rules: store.customRules.size,
			stream_clients: hub.count(),
			pending_faults: faults.pending(),
			requests: requests.entries.length,
			keys: ring.list().length,
			config: { ...config },
		}),
		async close() {
			hub.closeAll();
			store.clear();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};

	const server = createNexServer({
		store,
		ring,
		router,
		hub,
		requests,
		faults,
		mutations,
		control: (req, res, path, rawQuery) => handleControl(sandbox, req, res, path, rawQuery),
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	sandbox.baseUrl = `http://127.0.0.1:${port}${BASE_PATH}`;
	sandbox.controlUrl = `http://127.0.0.1:${port}${CONTROL_PATH}`;
	return sandbox;
}

/** A startup banner for the CLI: URLs, demo keys and their scopes, control endpoints. */
export function describeNexSandbox(s: NexSandbox): string {
	const lines = [
		'Nex sandbox (local stand-in for the Nex Developer API)',
		`  API base URL : ${s.baseUrl}`,
		`  Control URL  : ${s.controlUrl}`,
		`  Insight SSE  : ${s.baseUrl}/v1/insights/stream`,
		'',
		'  Demo API keys (Authorization: Bearer <key>):',
	];
	for (const [name, key] of Object.entries(s.keys)) {
		const scopes = DEMO_KEYS[name]?.scopes;
		const summary = !scopes ? '' : scopes.length === 0 ? 'no scopes' : name === 'full' ? 'all scopes' : scopes.join(' ');
		lines.push(`    ${name.padEnd(12)} ${key}  ${summary}`);
	}
	lines.push(
		'',
		`  Workspace: ${s.store.records.size} records, ${s.store.tasks.size} tasks, ${s.store.insights.length} insights`,
		'  Control: POST reset | POST seed | POST/GET/DELETE faults | GET/DELETE requests | POST insights/emit',
		'           POST stream/drop | GET stream | POST/GET keys | GET state | POST config | POST clock',
		'           POST notifications/emit | POST integrations/complete | POST fail-next',
	);
	return lines.join('\n');
}
