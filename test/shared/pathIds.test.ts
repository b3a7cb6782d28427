import { MAX_PATH_ID_LENGTH, pathIdProblem, pathParametersOf, unsafePathSegment } from '../../nodes/shared/pathIds';

describe('pathIdProblem', () => {
	test.each([
		['', 'is empty'],
		['   ', 'is empty'],
		['.', 'dots only'],
		['..', 'dots only'],
		['....', 'dots only'],
		['%2e', 'dots only'],
		['%2E%2e', 'dots only'],
		['.%2e', 'dots only'],
		['%252e%252e', 'dots only'],
		['%25252e', 'dots only'],
		['\u2024\u2024', 'dots only'],
		['\uff0e', 'dots only'],
		['a/b', '"/"'],
		['a%2fb', '"/"'],
		['a%252Fb', '"/"'],
		['a\\b', '"/"'],
		['a%5Cb', '"/"'],
		['a\uff0fb', '"/"'],
		['a?b', '"/"'],
		['a#b', '"/"'],
		['..;', '"/"'],
		['a\u0000b', 'control character'],
		['a%00b', 'control character'],
		['a\rb', 'control character'],
		['a\u0085b', 'control character'],
		['a\u2029b', 'control character'],
		['x'.repeat(MAX_PATH_ID_LENGTH + 1), 'characters long'],
		[2 ** 53 + 2, 'above 2^53'],
		[1.5, 'not a whole number'],
		[{ id: 1 }, 'is not text'],
	])('%j is refused (%s)', (value, reason) => {
		expect(pathIdProblem(value)).toContain(reason);
	});

	test.each([['person'], ['32414268188027655'], ['3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c'], ['a.b'], ['..a'], ['%zz'], ['100%'], ['مريم'], [42]])(
		'%j is an id',
		(value) => {
			expect(pathIdProblem(value)).toBeUndefined();
		},
	);
});

describe('unsafePathSegment', () => {
	test.each([
		['/v1/objects/company/attributes/..', '..'],
		['/v1/objects/%2e', '%2e'],
		['/v1/tasks/%252E%252E', '%252E%252E'],
		['/v1/tasks/a%2Fb', 'a%2Fb'],
		['/v1/tasks/a%5cb', 'a%5cb'],
		['/v1/tasks/a%0Ab/x', 'a%0Ab'],
		['https://host/api/./v1', '.'],
	])('%s → %s', (url, segment) => {
		expect(unsafePathSegment(url)).toBe(segment);
	});

	test.each([['/v1/objects/person'], ['/rest/v1/orders?id=eq.1'], ['/v1/records/1/timeline?cursor=../x'], ['https://host/api/developers/v1/x']])('%s is safe', (url) => {
		expect(unsafePathSegment(url)).toBeUndefined();
	});
});

test('pathParametersOf finds placeholders and the parameters an expression URL reads', () => {
	expect(pathParametersOf('/v1/objects/{objectType}/attributes/{attributeId}')).toEqual(['objectType', 'attributeId']);
	expect(pathParametersOf('=/v1/integrations/{{encodeURIComponent($parameter.integrationType)}}/{{$parameter["provider"]}}/connect')).toEqual([
		'integrationType',
		'provider',
	]);
	expect(pathParametersOf('/v1/objects')).toEqual([]);
});
