import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/** Dropdowns filled from the live workspace. */
export const nexLoadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {};
