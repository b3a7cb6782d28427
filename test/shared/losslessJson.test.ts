import { isSafeNumber, parse as losslessParse } from 'lossless-json';

import { parseJsonKeepingIds, quoteUnsafeIntegers } from '../../nodes/shared/losslessJson';

/**
 * The oracle: a lossless parser, keeping integer literals a double cannot hold as their digits.
 * Non-integer literals (fractions, exponents) are not ids and stay numbers, as in the node.
 */
function oracle(text: string): unknown {
	return losslessParse(text, null, (value: string) =>
		/^-?\d+$/.test(value) && !isSafeNumber(value) ? value : Number(value),
	);
}

describe('quoteUnsafeIntegers', () => {
	it('quotes integers a double cannot hold and leaves everything else byte-identical', () => {
		const text = '{"a":32710180831586561,"b":[9007199254740993,-9007199254740993],"c":9007199254740991,"d":1.5e300,"e":"32710180831586561"}';
		expect(quoteUnsafeIntegers(text)).toBe(
			'{"a":"32710180831586561","b":["9007199254740993","-9007199254740993"],"c":9007199254740991,"d":1.5e300,"e":"32710180831586561"}',
		);
	});

	it('does not touch digits inside strings, including strings with escaped quotes', () => {
		const text = '{"s":"say \\"32710180831586561\\" \\\\","n":32710180831586561}';
		expect(JSON.parse(quoteUnsafeIntegers(text))).toEqual({ s: 'say "32710180831586561" \\', n: '32710180831586561' });
	});

	it('returns the same string object when nothing needs quoting', () => {
		const text = '{"a":1,"b":[2,3.25,-4e5]}';
		expect(quoteUnsafeIntegers(text)).toBe(text);
	});
});

describe('parseJsonKeepingIds', () => {
	const samples = [
		'{"artifact_id":32710180831586561}',
		'{"data":[{"id":"32414268188027655","entity_ids":[32710180831586561,32710180831586563],"score":0.75}]}',
		'[{"context_id":-32710180831586561},{"nested":{"deep":[[123456789012345678901234567890]]}}]',
		'{"unicode":"é ✓ 😀","big":18446744073709551615,"small":42,"float":3.14159,"exp":1e21}',
		'{"empty":[],"null":null,"t":true,"f":false,"neg":-0,"frac":-12.5e-3}',
	];

	it.each(samples)('agrees with a lossless parser on unsafe integers and values: %s', (text) => {
		const ours = parseJsonKeepingIds(text);
		const expected = oracle(text);
		// Ids become strings even when small; compare after applying the same id rule to the oracle.
		const normalise = (value: unknown, idKey: boolean): unknown => {
			if (Array.isArray(value)) return value.map((v) => normalise(v, idKey));
			if (value && typeof value === 'object') {
				return Object.fromEntries(
					Object.entries(value).map(([k, v]) => [k, normalise(v, /(^|_)ids?$/i.test(k))]),
				);
			}
			return idKey && typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
		};
		expect(ours).toEqual(normalise(expected, false));
	});

	it('hands every id to the workflow as a string, whatever its size', () => {
		expect(parseJsonKeepingIds('{"id":7,"record_id":32710180831586561,"member_ids":[1,32710180831586563],"count":7}')).toEqual({
			id: '7',
			record_id: '32710180831586561',
			member_ids: ['1', '32710180831586563'],
			count: 7,
		});
	});

	it('keeps the exact digits of random large integers anywhere in a document', () => {
		for (let i = 0; i < 200; i++) {
			const digits = String(9007199254740993n + BigInt(Math.floor(Math.random() * 1e15)) * 7n);
			const text = `{"x":{"values":[${digits},{"v":${digits}}]},"last":${digits}}`;
			expect(parseJsonKeepingIds(text)).toEqual({ x: { values: [digits, { v: digits }] }, last: digits });
		}
	});

	it('rejects incomplete JSON instead of returning part of it', () => {
		expect(() => parseJsonKeepingIds('{"data":[{"id":32710180831586561},{"id":')).toThrow();
	});
});
