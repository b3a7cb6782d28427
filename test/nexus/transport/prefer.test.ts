/** Prefer headers merged (nodes/Nexus/shared/prefer.ts). */
import { mergePrefer } from '../../../nodes/Nexus/shared/prefer';

describe('paging helpers', () => {
	test('Prefer merging', () => {
		expect(mergePrefer('return=representation', 'count=exact, return=representation', undefined)).toBe('return=representation, count=exact');
	});
});
