import { quoteValue } from '../../nodes/shared/quote';

test('short values are quoted whole, control characters escaped', () => {
	expect(quoteValue('abc')).toBe('"abc"');
	expect(quoteValue('a\nb\u0000')).toBe('"a\\nb\\u0000"');
	expect(quoteValue(12)).toBe('"12"');
});

test('a long value is quoted as a prefix with its length', () => {
	const quoted = quoteValue('x'.repeat(1_000_000));
	expect(quoted).toBe(`"${'x'.repeat(40)}"… (1000000 characters)`);
});

test('the prefix never splits a character made of two UTF-16 units', () => {
	const quoted = quoteValue('🙏'.repeat(50), 3);
	expect(quoted).toBe('"🙏🙏🙏"… (50 characters)');
});
