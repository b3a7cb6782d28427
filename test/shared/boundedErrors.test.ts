import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { asNodeError, MAX_ERROR_DESCRIPTION_LENGTH, MAX_ERROR_MESSAGE_LENGTH } from '../../nodes/shared/executor';

const node = { name: 'Nexus', type: 'n8n-nodes-nex.nexus', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const context = { getNode: () => node } as never;

test.each([
	['an operation error', new NodeOperationError(node, `bad ${'x'.repeat(1_000_000)}`, { description: 'y'.repeat(1_000_000) })],
	['an API error', new NodeApiError(node, {}, { message: `api ${'x'.repeat(1_000_000)}`, description: 'y'.repeat(1_000_000) })],
	['a plain error', Object.assign(new Error(`plain ${'x'.repeat(1_000_000)}`), { description: 'y'.repeat(1_000_000) })],
])('%s keeps a bounded message and description, saying how much was left out', (_kind, error) => {
	const bounded = asNodeError(context, error);
	expect(bounded.message.length).toBeLessThan(MAX_ERROR_MESSAGE_LENGTH + 50);
	expect(bounded.message).toMatch(/… \(\d+ more characters\)$/);
	expect(String(bounded.description).length).toBeLessThan(MAX_ERROR_DESCRIPTION_LENGTH + 50);
});

test('a short error is left as it is', () => {
	const error = new NodeOperationError(node, 'Limit must be a whole number', { description: 'Set Limit.' });
	expect(asNodeError(context, error)).toBe(error);
	expect(error.message).toBe('Limit must be a whole number');
});
