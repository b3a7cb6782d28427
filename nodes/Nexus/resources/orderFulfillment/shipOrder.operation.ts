import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import { UUID_PATTERN } from '../../../shared/ids';
import type { Operation } from '../../../shared/operation';
import { RETURN_REPRESENTATION, SINGLE_OBJECT } from '../../shared/rowRouting';
import { checkUuid, readUuid } from '../../shared/uuid';
import { attempt, restateError } from '../../shared/steps';
import { nexusApiRequest, type NexusCallSpec, nexusExecutor } from '../../shared/transport';
import { orderIdLocator, ORDER_ID } from '../order/fields';
import { pickupDateProperty, readPickupDate } from './fields';
import { quoteValue } from '../../../shared/quote';
import { optionsCollection } from '../../../shared/collections';

/**
 * The documented order-to-ship flow in one operation:
 *
 *   1. confirm (PATCH order_status pending → confirmed)
 *   2. start picking (start-picking → pick list)
 *   3. complete pick (complete-pick)
 *   4. fulfilling (PATCH order_status → fulfilling)
 *   5. create AWB (create-awb-bosta → order shipped)
 *
 * It starts from the order's current status (a confirmed order skips step 1, a fulfilling one
 * goes straight to step 5) and stops at the first failing step with an error that names the
 * step and the status the order is left in.
 */

const STEPS = ['Confirm order', 'Start picking', 'Complete pick', 'Set fulfilling', 'Create AWB'] as const;
type Step = (typeof STEPS)[number];

interface Progress {
	done: Step[];
	skipped: Step[];
	pickListId?: string;
}

async function currentOrder(context: IExecuteSingleFunctions, orderId: string): Promise<IDataObject> {
	const answer = await nexusApiRequest.call(
		context,
		'GET',
		'/rest/v1/orders',
		{ safeToRepeat: true, what: 'order' },
		{ qs: { id: `eq.${orderId}`, select: 'id,order_number,order_status,awb_number,updated_at' }, headers: { Accept: SINGLE_OBJECT } },
	);
	return (answer.body ?? {}) as IDataObject;
}

async function setStatus(context: IExecuteSingleFunctions, orderId: string, from: string, to: string): Promise<IDataObject> {
	// Only from the status just read: a concurrent change answers 406 instead of being overwritten.
	const answer = await nexusApiRequest.call(
		context,
		'PATCH',
		'/rest/v1/orders',
		{ safeToRepeat: true, writes: true, what: `order in status "${from}"` },
		{
			qs: { id: `eq.${orderId}`, order_status: `eq.${from}` },
			body: { order_status: to },
			headers: { Prefer: RETURN_REPRESENTATION, Accept: SINGLE_OBJECT },
		},
	);
	return (answer.body ?? {}) as IDataObject;
}

async function callFunction(context: IExecuteSingleFunctions, name: string, body: IDataObject, spec: NexusCallSpec): Promise<IDataObject> {
	const answer = await nexusApiRequest.call(context, 'POST', `/functions/v1/${name}`, spec, { body });
	return (answer.body && typeof answer.body === 'object' && !Array.isArray(answer.body) ? answer.body : {}) as IDataObject;
}

function pickListIdOf(answer: IDataObject): string | undefined {
	const candidates = [answer.pick_list_id, (answer.pick_list as IDataObject | undefined)?.id, answer.id];
	const found = candidates.find((value) => typeof value === 'string' && UUID_PATTERN.test(value));
	return found as string | undefined;
}

/** Builds the error of a failed step, after reading the status the order is left in. */
async function stepFailure(
	context: IExecuteSingleFunctions,
	orderId: string,
	step: Step,
	failure: unknown,
	progress: Progress,
): Promise<Error> {
	const reread = await attempt(async () => await currentOrder(context, orderId));
	const status = reread.ok ? String(reread.value.order_status) : undefined;
	const position = STEPS.indexOf(step) + 1;
	const state = status
		? `The order is left in status "${status}".`
		: 'The order\'s status could not be read after the failure: check it in Nexus.';
	const pickList =
		progress.pickListId && step !== 'Start picking'
			? ` Its pick list ${progress.pickListId} was started${progress.done.includes('Complete pick') ? ' and completed' : ' but not completed'}.`
			: '';
	const done = progress.done.length ? ` Steps done: ${progress.done.join(', ')}.` : ' No step was completed.';
	const resume =
		step === 'Complete pick' && progress.pickListId
			? ` Fix the cause, then run Ship Order again with Options → Pick List ID ${progress.pickListId} to continue.`
			: ' Fix the cause, then run Ship Order again: it continues from the order\'s current status.';
	return restateError(
		context.getNode(),
		failure,
		(message) => `Ship Order stopped at step ${position} of ${STEPS.length} (${step}): ${message}`,
		`${state}${pickList}${done}${resume}`,
	);
}

export const shipOrder: Operation = {
	option: {
		name: 'Ship Order',
		value: 'shipOrder',
		action: 'Ship an order: confirm, pick (deducts stock), book a Bosta AWB',
		description:
			'Confirm → start picking → complete pick → fulfilling → create a Bosta AWB, in one step; stops at the first failing step and says which',
		routing: nexusExecutor.programmatic({
				safeToRepeat: false,
				writes: true,
				what: 'order',
				async run() {
					const orderId = readUuid(this, ORDER_ID.parameter, ORDER_ID.label);
					const options = this.getNodeParameter('options', {}) as IDataObject;
					const pickupDate = readPickupDate(this, options.pickupDate);
					const givenPickList = String(options.pickListId ?? '').trim();
					if (givenPickList !== '') {
						checkUuid(this.getNode(), givenPickList, 'Pick List ID', 'Give the pick_list_id that Start Picking (or a previous Ship Order error) named.');
					}
					const progress: Progress = { done: [], skipped: [], pickListId: givenPickList || undefined };
					const run = async <T>(step: Step, action: () => Promise<T>): Promise<T> => {
						const outcome = await attempt(action);
						if (!outcome.ok) throw await stepFailure(this, orderId, step, outcome.failure, progress);
						progress.done.push(step);
						return outcome.value;
					};

					const readOutcome = await attempt(async () => await currentOrder(this, orderId));
					if (!readOutcome.ok) {
						throw restateError(this.getNode(), readOutcome.failure, (message) => `Ship Order could not read the order: ${message}`, 'Nothing was changed.');
					}
					let status = String(readOutcome.value.order_status);
					if (!['pending', 'confirmed', 'fulfilling'].includes(status)) {
						throw new NodeOperationError(this.getNode(), `Ship Order: the order is ${quoteValue(status)}, so it cannot be shipped`, {
							description:
								status === 'shipped' || status === 'delivered'
									? `It was already shipped (AWB ${String(readOutcome.value.awb_number ?? 'unknown')}). Nothing was changed.`
									: 'Only pending, confirmed or fulfilling orders can be shipped. Nothing was changed.',
						});
					}

					if (status === 'pending') {
						await run('Confirm order', async () => await setStatus(this, orderId, 'pending', 'confirmed'));
						status = 'confirmed';
					} else progress.skipped.push('Confirm order');

					if (status === 'confirmed') {
						if (progress.pickListId) progress.skipped.push('Start picking');
						else {
							const started = await run(
								'Start picking',
								async () => await callFunction(this, 'start-picking', { order_id: orderId }, { safeToRepeat: false, writes: true, what: 'order' }),
							);
							progress.pickListId = pickListIdOf(started);
							if (!progress.pickListId) {
								throw await stepFailure(
									this,
									orderId,
									'Start picking',
									new NodeOperationError(this.getNode(), 'start-picking answered without a pick_list_id'),
									progress,
								);
							}
						}
						const pickListId = progress.pickListId;
						await run(
							'Complete pick',
							async () =>
								await callFunction(this, 'complete-pick', { pick_list_id: pickListId }, { safeToRepeat: false, writes: true, what: 'pick list' }),
						);
						await run('Set fulfilling', async () => await setStatus(this, orderId, 'confirmed', 'fulfilling'));
						status = 'fulfilling';
					} else progress.skipped.push('Start picking', 'Complete pick', 'Set fulfilling');

					const awbBody: IDataObject = { order_id: orderId };
					if (pickupDate) awbBody.pickup_date = pickupDate;
					const shipped = await run(
						'Create AWB',
						async () => await callFunction(this, 'create-awb-bosta', awbBody, { safeToRepeat: false, writes: true, what: 'order' }),
					);
					const finalOrder = await attempt(async () => await currentOrder(this, orderId));
					return [
						{
							order: finalOrder.ok ? finalOrder.value : ((shipped.order as IDataObject | undefined) ?? { id: orderId }),
							awb_number: (shipped.awb_number as string | undefined) ?? ((shipped.awb as IDataObject | undefined)?.awb_number as string | undefined) ?? null,
							awb: (shipped.awb as IDataObject | undefined) ?? null,
							pick_list_id: progress.pickListId ?? null,
							steps_done: progress.done,
							steps_skipped: progress.skipped,
						},
					];
				},
		}),
	},
	properties: [
		recordLocator(orderIdLocator),
		optionsCollection([
			{
				displayName: 'Pick List ID',
				name: 'pickListId',
				type: 'string',
				default: '',
				description:
					'To continue a Ship Order that stopped at Complete Pick: the pick list it started (named in its error). Start Picking is then skipped.',
			},
			pickupDateProperty,
		]),
	],
};
