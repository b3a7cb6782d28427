/** toJsonObject: a parsed answer's fields as the JSON object NodeApiError takes. */
import { toJsonObject } from '../../nodes/shared/jsonObject';

test('JSON values are kept as they are, nested ones too', () => {
	const fields = { status: 406, code: 'PGRST116', message: 'none', details: null, hint: { a: [1, 'b', true, null] } };
	expect(toJsonObject(fields)).toEqual(fields);
});

test('what JSON cannot hold is left out, inside arrays as null', () => {
	expect(toJsonObject({ kept: 'x', gone: undefined, fn: () => 1, nan: Number.NaN, list: [1, undefined, Infinity] })).toEqual({
		kept: 'x',
		list: [1, null, null],
	});
});
