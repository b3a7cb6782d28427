import type { INode } from 'n8n-workflow';

import { checkWholeNumber } from '../../nodes/shared/numbers';

const node = { name: 'Nex', type: 'n8n-nodes-nex.nex', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

test.each([[0], [-1], [1.5], ['0'], ['-3'], ['2.5'], ['abc'], [''], [null], [undefined], [NaN], [Infinity], [101], ['1e2']])(
	'%j is refused as a Limit from 1 to 100, naming the field',
	(value) => {
		expect(() => checkWholeNumber(node, value, 'Limit', 1, 100)).toThrow(/^Limit must be a whole number between 1 and 100, not /);
	},
);

test.each([
	[1, 1],
	[100, 100],
	['7', 7],
	[' 42 ', 42],
])('%j is read as %d', (value, expected) => {
	expect(checkWholeNumber(node, value, 'Limit', 1, 100)).toBe(expected);
});

test('a huge value is quoted short in the message', () => {
	expect(() => checkWholeNumber(node, '9'.repeat(100_000), 'Limit', 1)).toThrow(/… \(100000 characters\)$/);
});
