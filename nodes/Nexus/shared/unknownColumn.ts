import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Whether Nexus refused a request because a column it named does not exist (42703). */
export function isUnknownColumn(error: unknown): boolean {
	const nexus = error instanceof NodeApiError ? (error.context.nexus as IDataObject | undefined) : undefined;
	return nexus?.code === '42703';
}

/**
 * Reads with `preferred`; where the database lacks a column it names (the reference: some
 * databases have no `items.name`), reads with `fallback` instead.
 */
export async function withColumnFallback<T>(preferred: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
	// The preferred read's own error (any other than an unknown column) passes through unchanged.
	return await preferred().catch(async (error: unknown) => (isUnknownColumn(error) ? await fallback() : await Promise.reject(error)));
}
