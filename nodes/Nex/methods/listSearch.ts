import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

/** Searchable dropdowns (resource locators) filled from the live workspace. */
export const nexListSearch: Record<string, (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>> = {};
