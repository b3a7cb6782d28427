import { findInexactId } from '../../nodes/shared/exactIds';

test.each([
	[{ recordId: 32414268188027656 }, 'recordId'],
	[{ record_id: 2 ** 60 }, 'record_id'],
	[{ id: 2 ** 54 }, 'id'],
	[{ additionalFields: { entity_ids: [1, 2 ** 55] } }, 'additionalFields.entity_ids[1]'],
	[{ listId: { __rl: true, mode: 'id', value: 2 ** 56 } }, 'listId'],
	[{ recordIds: [2 ** 57] }, 'recordIds[0]'],
])('%j: the rounded id is found at %s', (parameters, path) => {
	expect(findInexactId(parameters, '')?.path).toBe(path);
});

test.each([
	[{ recordId: 32414268 }],
	[{ recordId: '32414268188027655' }],
	[{ amount: 2 ** 60 }],
	[{ valid: 2 ** 60 }],
	[{ paid: 1e300 }],
	[{ id: 1.5 }],
])('%j has no rounded id', (parameters) => {
	expect(findInexactId(parameters, '')).toBeUndefined();
});
