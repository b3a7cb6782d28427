/** Phone numbers to E.164 (nodes/Nexus/shared/phone.ts). */
import { toE164 } from '../../../nodes/Nexus/shared/phone';

describe('phone numbers to E.164', () => {
	test.each([
		['+20 101 234 5678', undefined, '+201012345678'],
		['0020-101-234-5678', undefined, '+201012345678'],
		['(+20) 1012345678', undefined, '+201012345678'],
		['01012345678', '20', '+201012345678'],
		['01012345678', '+20', '+201012345678'],
		['1012345678', '20', '+201012345678'],
		['201012345678', '20', '+201012345678'],
	])('%p (country %p) → %p', (input, country, expected) => {
		expect(toE164(input, country)).toBe(expected);
	});

	test.each([['01012345678'], ['+20 10 abc'], [''], ['+0123456789'], ['+1234']])('%p is not a number', (input) => {
		expect(toE164(input)).toBeUndefined();
	});
});
