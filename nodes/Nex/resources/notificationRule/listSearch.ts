import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import { RULE_SCOPE_READ } from './fields';

/** Rules for the "Rule" dropdown (one request answers every rule), filtered here by name. */
export async function searchNotificationRules(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = (await nexApiRequest.call(this, 'GET', '/v1/notifications/custom', {
		scope: RULE_SCOPE_READ,
		safeToRepeat: true,
	})) as IDataObject;
	const rules = Array.isArray(answer?.rules) ? (answer.rules as IDataObject[]) : [];
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: rules
			.filter((rule) => !wanted || `${String(rule.name ?? '')} ${String(rule.prompt ?? '')}`.toLowerCase().includes(wanted))
			.map((rule) => ({ name: String(rule.name ?? rule.prompt ?? rule.id), value: String(rule.id) })),
	};
}
