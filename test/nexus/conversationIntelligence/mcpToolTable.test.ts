/**
 * The README's "MCP tool → resource → operation" table: every tool the vendor's reference lists
 * has a row, and each row names a resource and operation the Nexus node has (display names as the
 * editor shows them). The resources other work is adding may be missing for now; once a resource
 * of that name exists, its rows are held to the same rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Nexus } from '../../../nodes/Nexus/Nexus.node';

const ROOT = join(__dirname, '..', '..', '..');
const REFERENCE = join(ROOT, '..', 'shared', 'api', 'nexus-api-reference.md');
const TABLE_HEADING = '#### MCP tool → resource → operation';
/** Resources being added alongside; allowed as pending only while the node has no resource of that name. */
const PENDING_RESOURCES = ['Team Chat', 'Search', 'Social Analytics', 'Content Calendar'];

interface Row {
	tool: string;
	resource: string;
	operations: string[];
}

/** The tool names of the reference's "MCP tools and resources" → "Tools" list. */
function documentedTools(reference: string): string[] {
	const start = reference.indexOf('\n### Tools\n');
	if (start < 0) throw new Error('The reference has no "### Tools" list');
	const end = reference.indexOf('\n### ', start + 1);
	return [...reference.slice(start, end < 0 ? undefined : end).matchAll(/^- `(nexus_[a-z0-9_]+)`/gm)].map((match) => match[1]);
}

/** The rows of the README's tool table; an operation cell may name several operations, split by " / ". */
function tableRows(readme: string): Row[] {
	const start = readme.indexOf(`\n${TABLE_HEADING}\n`);
	if (start < 0) throw new Error(`The README has no "${TABLE_HEADING}" section`);
	const end = readme.indexOf('\n#', start + 1);
	const rows = [...readme.slice(start, end < 0 ? undefined : end).matchAll(/^\| `(nexus_[a-z0-9_]+)` \| ([^|]+) \| ([^|]+) \|$/gm)];
	return rows.map(([, tool, resource, operations]) => ({ tool, resource: resource.trim(), operations: operations.split(' / ').map((name) => name.trim()) }));
}

const properties = new Nexus().description.properties;
const resourceSelector = properties.find((property) => property.name === 'resource') as INodeProperties;
const resourceOptions = resourceSelector.options as INodePropertyOptions[];

/** The operation display names of a resource, by its display name (undefined: no such resource). */
function operationNames(resourceName: string): string[] | undefined {
	const resource = resourceOptions.find((option) => option.name === resourceName);
	if (!resource) return undefined;
	const selector = properties.find(
		(property) => property.name === 'operation' && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource.value)),
	);
	return ((selector?.options ?? []) as INodePropertyOptions[]).map((option) => option.name);
}

const documented = documentedTools(readFileSync(REFERENCE, 'utf8'));
const rows = tableRows(readFileSync(join(ROOT, 'README.md'), 'utf8'));

test('the reference lists the 41 MCP tools (the list is read, not empty by accident)', () => {
	expect(documented).toHaveLength(41);
	expect(documented).toEqual(expect.arrayContaining(['nexus_create_contact', 'nexus_update_org_conversation_intelligence_context']));
});

test('every documented MCP tool has exactly one row in the README table, and the table names no other tool', () => {
	const tools = rows.map((row) => row.tool);
	expect([...tools].sort()).toEqual([...documented].sort());
	expect(new Set(tools).size).toBe(tools.length);
});

test.each(documented.map((tool) => [tool]))('%s: the README names a Nexus resource and operation that exist', (tool) => {
	const row = rows.find((entry) => entry.tool === tool);
	expect(row).toBeDefined();
	if (!row) return;
	const names = operationNames(row.resource);
	if (names === undefined && PENDING_RESOURCES.includes(row.resource)) return;
	expect({ tool, resource: row.resource, exists: names !== undefined }).toEqual({ tool, resource: row.resource, exists: true });
	for (const operation of row.operations) expect({ tool, operation, known: names?.includes(operation) }).toEqual({ tool, operation, known: true });
});
