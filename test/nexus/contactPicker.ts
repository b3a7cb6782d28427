/**
 * Picks a contact as the editor does for a contact field: finds the field in the Nexus node's
 * description (inside its collection), runs the search of its "From List" mode, and gives the
 * picked entry back in the resource locator form a saved workflow holds.
 */
import type { INode, INodeListSearchResult, INodeParameters, INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { Nexus } from '../../nodes/Nexus/Nexus.node';
import { loadOptions } from '../harness/triggers';
import { NEXUS_NODE_TYPE, type NexusTest } from './helpers';

function fieldOf(resource: string, operation: string, collection: string, field: string): INodeProperties {
	const holder = new Nexus().description.properties.find((property) => {
		const show = property.displayOptions?.show ?? {};
		return property.name === collection && (show.resource as string[]).includes(resource) && (show.operation as string[]).includes(operation);
	});
	const found = (holder?.options as INodeProperties[] | undefined)?.find((option) => option.name === field);
	if (!found) throw new Error(`${resource} → ${operation} has no ${collection}.${field}`);
	return found;
}

export async function pickContact(
	t: NexusTest,
	at: { resource: string; operation: string; collection: string; field: string },
	search: string,
): Promise<INodeParameters> {
	const field = fieldOf(at.resource, at.operation, at.collection, at.field);
	expect(field.type).toBe('resourceLocator');
	const listMode = (field.modes as INodePropertyMode[]).find((mode) => mode.name === 'list');
	const method = listMode?.typeOptions?.searchListMethod;
	expect(method).toBeDefined();
	const node: INode = {
		id: 'nexus',
		name: 'Nexus',
		type: NEXUS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: at.resource, operation: at.operation },
		credentials: { nexusApi: t.org('a') },
	};
	const found = (await loadOptions(t.engine, node, method as string, 'listSearch', search)) as INodeListSearchResult;
	expect(found.results).toHaveLength(1);
	const [picked] = found.results;
	return { __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name };
}
