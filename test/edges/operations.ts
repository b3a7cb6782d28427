/**
 * The operations of both action nodes, read from their descriptions as n8n reads them, so the edge
 * tests cover every operation there is (a new operation is covered without touching the tests).
 */
import type { IDataObject, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Nex } from '../../nodes/Nex/Nex.node';
import { Nexus } from '../../nodes/Nexus/Nexus.node';
import { pathParametersOf } from '../../nodes/shared/pathIds';

export type NodeKind = 'nex' | 'nexus';

export const DESCRIPTIONS: Record<NodeKind, INodeTypeDescription> = {
	nex: new Nex().description,
	nexus: new Nexus().description,
};

export interface OperationInfo {
	node: NodeKind;
	resource: string;
	operation: string;
	url: string;
	/** The parameters this operation shows (resource and operation match; other conditions ignored). */
	properties: INodeProperties[];
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show ?? {};
	const resources = show.resource as string[] | undefined;
	const operations = show.operation as string[] | undefined;
	if (property.name === 'resource' || property.name === 'operation') return false;
	if (resources && !resources.includes(resource)) return false;
	if (operations && !operations.includes(operation)) return false;
	return true;
}

export function operationsOf(node: NodeKind): OperationInfo[] {
	const properties = DESCRIPTIONS[node].properties;
	const result: OperationInfo[] = [];
	for (const selector of properties.filter((property) => property.name === 'operation')) {
		const resource = (selector.displayOptions?.show?.resource as string[])[0];
		for (const option of (selector.options ?? []) as Array<{ value: string; routing?: { request?: { url?: string } } }>) {
			result.push({
				node,
				resource,
				operation: option.value,
				url: option.routing?.request?.url ?? '',
				properties: properties.filter((property) => shownFor(property, resource, option.value)),
			});
		}
	}
	return result;
}

export function allOperations(): OperationInfo[] {
	return [...operationsOf('nex'), ...operationsOf('nexus')];
}

/** The path parameters of an operation, each with its name in the editor. */
export function pathParameters(info: OperationInfo): Array<{ name: string; label: string; type: string }> {
	return pathParametersOf(info.url).map((name) => {
		const property = info.properties.find((candidate) => candidate.name === name);
		if (!property) throw new Error(`${info.resource} → ${info.operation}: the URL reads ${name}, which is not a parameter`);
		return { name, label: property.displayName, type: property.type };
	});
}

/** A value of the parameter given as an expression, so n8n's own pre-run checks leave it to the node. */
export function expressionValue(type: string, expression: string): unknown {
	return type === 'resourceLocator' ? { __rl: true, mode: 'id', value: expression } : expression;
}

/** Nexus ids are UUIDs. */
export const NEXUS_ID = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

/** A harmless valid value for each other required parameter, so the run reaches the node's own checks. */
export function requiredFill(info: OperationInfo, except: string[]): INodeParameters {
	const fill: INodeParameters = { resource: info.resource, operation: info.operation };
	for (const property of info.properties) {
		if (except.includes(property.name) || !property.required) continue;
		if (property.type === 'resourceLocator' || property.type === 'string') {
			const value = property.name === 'table' ? 'orders' : info.node === 'nexus' ? NEXUS_ID : '1001';
			fill[property.name] = expressionValue(property.type, `={{ "${value}" }}`) as INodeParameters[string];
		} else if (property.type === 'options' || property.type === 'multiOptions') {
			const first = (property.options as IDataObject[] | undefined)?.[0]?.value;
			if (first === undefined) {
				// Options loaded from the service: any value, given as an expression, reaches the node.
				fill[property.name] = '={{ "1001" }}';
				continue;
			}
			const value = property.default === '' || (Array.isArray(property.default) && property.default.length === 0) ? first : property.default;
			fill[property.name] = (property.type === 'multiOptions' && !Array.isArray(value) ? [value] : value) as INodeParameters[string];
		} else if (property.default !== undefined) {
			fill[property.name] = property.default as INodeParameters[string];
		}
	}
	return fill;
}
