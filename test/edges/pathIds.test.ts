/**
 * Every operation of both nodes whose URL path holds an id, with every kind of value that would
 * reach a different resource or break the URL: the run stops on the field, by name, the sandbox
 * receives nothing, and its data is unchanged.
 */
import { allOperations, expressionValue, pathParameters, requiredFill, type OperationInfo } from './operations';
import { startEdgeSandboxes, type EdgeSandboxes } from './runner';

/** Each value, and what it is, for the test names. */
export const HOSTILE_PATH_IDS: Array<[string, string | number]> = [
	['empty', ''],
	['whitespace only', ' \t '],
	['one dot', '.'],
	['two dots', '..'],
	['three dots', '...'],
	['dots around spaces', ' .. '],
	['encoded dot', '%2e'],
	['encoded dots', '%2e%2E'],
	['half-encoded dots', '.%2e'],
	['double-encoded dots', '%252e%252e'],
	['one-dot leaders (NFKC ..)', '\u2024\u2024'],
	['fullwidth full stops (NFKC ..)', '\uff0e\uff0e'],
	['slash', 'person/attributes'],
	['parent path', '../objects'],
	['encoded slash', 'a%2Fb'],
	['backslash', 'a\\b'],
	['fullwidth solidus (NFKC /)', 'a\uff0fb'],
	['question mark', 'a?b'],
	['hash', 'a#b'],
	['semicolon', '..;x'],
	['NUL', 'a\u0000b'],
	['newline', 'a\nb'],
	['encoded newline', 'a%0Ab'],
	['DEL', 'a\u007fb'],
	['line separator', 'a\u2028b'],
	['64 KB', 'x'.repeat(65_536)],
	['number above 2^53', 32414268188027655],
];

const CASES = allOperations().flatMap((info) => pathParameters(info).map((parameter) => ({ info, parameter })));

let sandboxes: EdgeSandboxes;
beforeAll(async () => {
	sandboxes = await startEdgeSandboxes();
});
afterAll(async () => await sandboxes.close());

test('the operations with path ids are found in both nodes (the list below is not empty by accident)', () => {
	const names = CASES.map(({ info, parameter }) => `${info.node}:${info.resource}.${info.operation}:${parameter.name}`);
	expect(names).toEqual(expect.arrayContaining(['nex:attribute.delete:attributeId', 'nex:task.delete:taskId', 'nex:object.delete:objectType', 'nexus:table.delete:table']));
	expect(CASES.length).toBeGreaterThan(40);
});

function title({ info, parameter }: { info: OperationInfo; parameter: { name: string } }): string {
	return `${info.node === 'nex' ? 'Nex' : 'Nexus'} ${info.resource} → ${info.operation}, ${parameter.name}`;
}

test.each(CASES.map((entry) => [title(entry), entry] as const))(
	'%s: every hostile id is refused by field name, nothing is sent, nothing changes',
	async (_title, { info, parameter }) => {
		const others = pathParameters(info).map((other) => other.name);
		const parameters = {
			...requiredFill(info, others),
			// Other path ids of the operation get a valid value; the one under test reads each input item's value.
			...Object.fromEntries(
				others.map((name) => {
					const type = pathParameters(info).find((other) => other.name === name)?.type ?? 'string';
					const value = name === parameter.name ? '={{ $json.value }}' : `={{ "${name === 'table' ? 'orders' : '1001'}" }}`;
					return [name, expressionValue(type, value)];
				}),
			),
		};
		const before = await sandboxes.fingerprint(info.node);
		const run = await sandboxes.run(
			info.node,
			parameters as never,
			HOSTILE_PATH_IDS.map(([, value]) => ({ value })),
		);
		expect(run.requests).toEqual([]);
		expect(run.items).toHaveLength(HOSTILE_PATH_IDS.length);
		run.items.forEach((item, index) => {
			const [kind] = HOSTILE_PATH_IDS[index];
			const message = String(item.error ?? '');
			// Each item failed on this field, and no message carries more than a short prefix of the value.
			// The headline starts with the field's name exactly as the editor shows it.
			const named = new RegExp(`^${parameter.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(: | "| is )`).test(message);
			expect({ kind, message: message.slice(0, 120), named }).toEqual({ kind, message: message.slice(0, 120), named: true });
			expect({ kind, short: message.length < 400 }).toEqual({ kind, short: true });
		});
		expect(await sandboxes.fingerprint(info.node)).toBe(before);
	},
);

test('a megabyte id is refused with a short message, and nothing is sent', async () => {
	const run = await sandboxes.run(
		'nex',
		{ resource: 'task', operation: 'delete', taskId: { __rl: true, mode: 'id', value: '={{ $json.value }}' } },
		[{ value: '7'.repeat(1_000_000) }],
		false,
	);
	expect(run.error?.message).toMatch(/^Task "7{40}"… \(1000000 characters\) is not a valid id/);
	expect(run.error?.message.length).toBeLessThan(200);
	expect(run.requests).toEqual([]);
});

test('without "Continue On Fail" the run stops with the field named, and nothing is sent', async () => {
	const run = await sandboxes.run(
		'nex',
		{ resource: 'attribute', operation: 'delete', objectType: { __rl: true, mode: 'id', value: 'company' }, attributeId: { __rl: true, mode: 'id', value: '={{ $json.value }}' } },
		[{ value: '..' }],
		false,
	);
	expect(run.error?.message).toMatch(/^Attribute ".." is not a valid id: it is made of dots only/);
	expect(run.requests).toEqual([]);
});
