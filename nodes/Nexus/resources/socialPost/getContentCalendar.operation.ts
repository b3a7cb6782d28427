import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { periodFilters, readPeriodFilters } from './period';

export const getContentCalendar = mcpToolOperation({
	name: 'Get Content Calendar',
	value: 'getContentCalendar',
	action: 'Get the social content calendar',
	description: 'Scheduled and published posts grouped by day (scheduled time, else publish time, in UTC) (MCP tool nexus_get_content_calendar)',
	tool: 'nexus_get_content_calendar',
	properties: [periodFilters('instant')],
	args() {
		return readPeriodFilters(this, 'instant');
	},
});
