import { create as observable } from 'n8n-workflow/dist/cjs/observable-object';

import { copyJson } from '../../nodes/NexTrigger/copyJson';

/** The copy of a workspace (or any JSON value) that goes into an output item. */

describe('copyJson', () => {
	it('copies nested objects and arrays, sharing nothing with the original', () => {
		const original = { slug: 'acme', id: '9007199254740993123', tags: ['a', { deep: true }], owner: { name: 'Jürgen', seats: 3, none: null } };
		const copy = copyJson(original);
		expect(copy).toEqual(original);
		expect(copy).not.toBe(original);
		expect(copy.tags).not.toBe(original.tags);
		expect(copy.tags[1]).not.toBe(original.tags[1]);
		expect(copy.owner).not.toBe(original.owner);
	});

	it('returns plain objects when the original is an observable proxy (static data)', () => {
		const stored = observable({ workspace: { slug: 'acme', plan: { name: 'pro' } } }) as { workspace: { slug: string; plan: { name: string } } };
		const copy = copyJson(stored.workspace);
		expect(copy).toEqual({ slug: 'acme', plan: { name: 'pro' } });
		expect(Object.keys(copy)).toEqual(['slug', 'plan']);
		copy.plan.name = 'free';
		expect(stored.workspace.plan.name).toBe('pro');
	});

	it('keeps primitives as they are', () => {
		expect(copyJson('text')).toBe('text');
		expect(copyJson(5)).toBe(5);
		expect(copyJson(null)).toBeNull();
		expect(copyJson(false)).toBe(false);
	});
});
