/**
 * The demo imports examples/ so that n8n's workflow list shows them in the README's order, example
 * 1 (the demo's suggested first workflow) at the top. n8n 2.x and 1.123 list workflows by last
 * update, newest first (`updatedAt:desc`, the editor's default sort), and their import keeps the
 * `updatedAt` a workflow file carries.
 */
import { examplesForImport, loadExamples } from '../../scripts/stack';

/** n8n's default order of the workflow list: last updated first. */
function asListed(workflows: Array<{ name: string; updatedAt?: unknown }>): string[] {
	return [...workflows].sort((a, b) => Date.parse(String(b.updatedAt)) - Date.parse(String(a.updatedAt))).map((workflow) => workflow.name);
}

test("the editor lists the imported examples in the README's order, the suggested first workflow at the top", () => {
	const examples = loadExamples();
	const now = new Date('2026-12-03T17:00:00.000Z');
	const imported = examplesForImport(examples, now);
	expect(asListed(imported)).toEqual(examples.map(({ workflow }) => workflow.name));
	expect(asListed(imported)[0]).toBe('Meeting notes → follow-up tasks');
	for (const workflow of imported) {
		// Whole seconds apart, none after the import: n8n keeps milliseconds, and a later edit moves a workflow up.
		expect(Date.parse(String(workflow.updatedAt))).toBeLessThanOrEqual(now.getTime());
		expect(workflow.createdAt).toBe(workflow.updatedAt);
		expect(workflow.active).toBe(false);
	}
});
