import type { IDataObject, INodeExecutionData, ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nexTransport } from '../Nex/shared/transport';
import { asNodeError, asTransportFailure } from '../shared/executor';
import { timeOf } from '../shared/time';
import { STREAM_SPEC, InsightStreamConnection, type OpenInfo } from './connection';
import { InsightMemory, insightIdentity } from './dedupe';
import {
	fetchInsights,
	fetchInsightsSince,
	PAGE_SIZE,
	type FetchSettings,
	type GapFillResult,
	type GapFillShortfall,
	type InsightsAnswer,
} from './gapFill';
import {
	BATCH_EVENT,
	GAP_FILL_EVENT,
	insightItem,
	parseInsightEvent,
	passesFilters,
	RECENT_EVENT,
	REPLAY_EVENT,
	type InsightFilters,
} from './insights';
import type { NexSession } from './session';
import type { SseMessage } from './sse/parser';
import { answerOrder, msOf, nsOfMs, timestampNs } from './timestamps';

/**
 * What the Nex Trigger does with the stream: turns events into executions, drops what was
 * emitted already, fills the gap after every reconnect and restart, and persists its memory.
 *
 * - Active workflow: `insight.batch.created` always; `insight.replay` only when asked for, each
 *   replayed insight once per workflow. After every (re)connect, before reading the stream,
 *   `GET /v1/insights?from=<newest emission seen − overlap>` recovers what the gap swallowed;
 *   what was emitted already is dropped. On the very first activation nothing old is emitted:
 *   the server's clock (and the replayed insights' times) set a floor below which gap fills
 *   ignore insights. When that first connection only comes after failed attempts (Nex down at
 *   activation) or after a restart, the floor is the activation itself, on the server's clock,
 *   and the first connection fills the gap from there: what was created meanwhile is emitted.
 * - Manual test ("Listen for event"): nothing is persisted; the first new batch that passes the
 *   filters is returned, or, with the option, the most recent insights at once.
 */

export interface ListenerSettings {
	includeReplay: boolean;
	outputMode: 'batch' | 'insight';
	filters: InsightFilters;
	watchdogMs: number;
	reconnectBaseMs: number;
	reconnectMaxMs: number;
	/** How many insights "Listen for event" with recent insights returns at most. */
	recentLimit: number;
}

export class InsightListener {
	private readonly memory: InsightMemory;

	private readonly connection: InsightStreamConnection;

	/** The first connection of a first activation: replayed insights raise the floor. */
	private settingFloor = false;

	private emittedInManual = false;

	/** This listener began the first activation (no earlier process of it ever connected). */
	private activatedHere = false;

	/** Ends a request made outside the connection ("Listen for event" with recent insights). */
	private readonly closing = new AbortController();

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly session: NexSession,
		private readonly settings: ListenerSettings,
		private readonly manual: boolean,
	) {
		this.memory = new InsightMemory(manual ? undefined : (context.getWorkflowStaticData('node') as IDataObject));
		this.connection = new InsightStreamConnection(
			context,
			session,
			{
				onOpen: async (info, signal) => await this.onOpen(info, signal),
				onMessage: (message) => this.onMessage(message),
				onFatal: (error) => this.context.emitError(error),
			},
			{ watchdogMs: settings.watchdogMs, reconnectBaseMs: settings.reconnectBaseMs, reconnectMaxMs: settings.reconnectMaxMs },
		);
	}

	listen(): void {
		if (!this.manual && this.memory.gapFillFrom() === undefined && this.memory.activatedAt === undefined) {
			this.memory.activatedAt = Date.now();
			this.activatedHere = true;
			this.memory.save();
		}
		this.connection.start();
	}

	async close(): Promise<void> {
		this.closing.abort();
		await this.connection.close();
	}

	/** "Listen for event" with recent insights: the most recent ones at once, or else the next batch. */
	async emitRecentOrListen(): Promise<void> {
		let recent: InsightsAnswer;
		try {
			recent = await fetchInsights(this.session, { limit: this.settings.recentLimit }, this.fetchSettings(this.closing.signal));
		} catch (error) {
			throw asNodeError(this.context, nexTransport.userError(this.context, STREAM_SPEC, asTransportFailure(error)));
		}
		// Oldest first in the output, as they would have arrived, whatever the order of the answer.
		const newestFirst = answerOrder(recent.insights.map((insight) => timestampNs(insight.created_at))) !== 'oldest-first';
		const items = (newestFirst ? [...recent.insights].reverse() : recent.insights)
			.filter((insight) => passesFilters(insight, this.settings.filters))
			.map((insight) => insightItem(insight, recent.workspace, recent.emittedAt, RECENT_EVENT));
		if (items.length > 0) {
			this.emittedInManual = true;
			this.context.emit([items]);
			return;
		}
		this.listen();
	}

	private fetchSettings(signal: AbortSignal): FetchSettings {
		return { signal, timeoutMs: Math.max(this.settings.watchdogMs, 30_000) };
	}

	private async onOpen(info: OpenInfo, signal: AbortSignal): Promise<void> {
		if (this.manual) return;
		let from = this.memory.gapFillFrom();
		if (from === undefined) {
			const now = Date.now();
			const serverNow = info.serverTime ?? now;
			const activatedAt = this.memory.activatedAt ?? now;
			this.memory.activatedAt = undefined;
			if (this.activatedHere && info.connection === 1) {
				// First activation, connected at once: only insights from now on.
				this.memory.floor = serverNow;
				this.settingFloor = true;
				this.memory.save();
				return;
			}
			// First activation, connected only now: the activation, moved onto the server's clock
			// (its Date header is whole seconds, so this errs towards including), is the floor.
			this.memory.floor = serverNow - Math.max(0, now - activatedAt);
			from = this.memory.floor;
		}
		this.settingFloor = false;
		const settings = this.fetchSettings(signal);
		const result = await fetchInsightsSince(
			async (qs) => await fetchInsights(this.session, qs, settings),
			new Date(from).toISOString(),
			// Only what reached the workflow closes the gap; what the filters leave out does not (it may hide older insights that pass).
			(insight) => this.memory.has(insight),
		);
		if (result.shortfalls.length > 0) this.reportShortfall(result);
		const items: INodeExecutionData[] = [];
		const floorNs = this.memory.floor === undefined ? undefined : nsOfMs(this.memory.floor);
		for (const { insight, workspace, emittedAt, createdNs } of result.insights) {
			if (floorNs !== undefined && createdNs !== undefined && createdNs < floorNs) continue;
			if (!passesFilters(insight, this.settings.filters) || this.memory.has(insight)) continue;
			const createdMs = createdNs === undefined ? undefined : msOf(createdNs);
			this.memory.remember(insight, createdMs ?? Date.now());
			this.memory.sawEmission(createdMs);
			items.push(insightItem(insight, workspace ?? this.memory.workspace, emittedAt, GAP_FILL_EVENT));
		}
		this.memory.save();
		this.emit(items);
	}

	/**
	 * A gap fill that could not read the whole gap: a failed execution in the workflow's list (n8n
	 * 2.x; the workflow stays active) and an error in n8n's log, so it is seen, never silent.
	 */
	private reportShortfall(result: GapFillResult): void {
		const reasons: Record<GapFillShortfall, string> = {
			'page-cap': `it read ${result.pages} pages (${result.pages * PAGE_SIZE} insights) without closing the gap`,
			'instant-overflow': `more than ${PAGE_SIZE} insights share one creation time, and the API cannot page inside one instant`,
			unordered: 'an answer of GET /v1/insights was in no time order, so it could not be paged by time',
		};
		const error = new NodeOperationError(
			this.context.getNode(),
			`Nex Trigger: insights created while the stream was disconnected may be missing: ${result.shortfalls.map((s) => reasons[s]).join('; ')}`,
			{ description: 'Check the insights of that period in Nex (GET /v1/insights with from/to) and process what is missing by hand.' },
		);
		this.context.logger.error(error.message);
		const saveFailedExecution = (this.context as Partial<Pick<ITriggerFunctions, 'saveFailedExecution'>>).saveFailedExecution;
		if (typeof saveFailedExecution === 'function') {
			try {
				saveFailedExecution.call(this.context, error);
			} catch (failure) {
				this.context.logger.error(`Nex Trigger: could not record the missing insights as a failed execution (${(failure as Error).message})`);
			}
		}
	}

	private onMessage(message: SseMessage): void {
		if (message.kind !== 'event') return;
		const isReplay = message.type === REPLAY_EVENT;
		if (message.type !== BATCH_EVENT && !isReplay) return;
		if (this.manual && (isReplay || this.emittedInManual)) return;
		let batch;
		try {
			batch = parseInsightEvent(message.data);
		} catch (error) {
			this.context.logger.warn(`Nex Trigger: skipped an ${message.type} event whose data is not JSON (${(error as Error).message})`);
			return;
		}
		if (!batch) return;
		const emittedMs = timeOf(batch.emittedAt);
		if (isReplay && !this.settings.includeReplay) {
			if (this.settingFloor) this.raiseFloor(batch.insights, emittedMs);
			return;
		}
		if (!isReplay) this.memory.sawEmission(emittedMs);
		if (batch.workspace) this.memory.workspace = batch.workspace;
		const items: INodeExecutionData[] = [];
		for (const insight of batch.insights) {
			if (!passesFilters(insight, this.settings.filters)) continue;
			const identity = insightIdentity(insight);
			if (this.memory.hasIdentity(identity)) continue;
			this.memory.rememberIdentity(identity, timeOf(insight.created_at) ?? emittedMs ?? Date.now());
			items.push(insightItem(insight, batch.workspace ?? this.memory.workspace, batch.emittedAt, message.type));
		}
		this.memory.save();
		this.emit(items);
	}

	/**
	 * On the first activation, the replayed insights existed before the trigger: remember them and
	 * move the floor up to the newest of them (the server's clock), so no later gap fill emits them.
	 */
	private raiseFloor(insights: IDataObject[], emittedMs: number | undefined): void {
		for (const insight of insights) {
			const ms = timeOf(insight.created_at) ?? emittedMs;
			if (ms === undefined) continue;
			if (this.memory.floor === undefined || ms > this.memory.floor) this.memory.floor = ms;
			if (!this.memory.has(insight)) this.memory.remember(insight, ms);
		}
		this.memory.save();
	}

	private emit(items: INodeExecutionData[]): void {
		if (items.length === 0) return;
		if (this.manual) {
			if (this.emittedInManual) return;
			this.emittedInManual = true;
			this.context.emit([items]);
			this.connection.stop();
			return;
		}
		if (this.settings.outputMode === 'insight') {
			for (const item of items) this.context.emit([[item]]);
		} else {
			this.context.emit([items]);
		}
	}
}
