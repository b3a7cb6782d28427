import type { IDataObject } from 'n8n-workflow';

import { splitList } from '../../../shared/parameters';
import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { fieldsCollection, listField, requireChanges, textArguments, textField } from './fields';

/** The list fields of the profile, by parameter name. */
const LIST_ARGUMENTS: Record<string, string> = {
	priorityAttributes: 'priority_attributes',
	customVocabulary: 'custom_vocabulary',
	dashboardFocusAreas: 'dashboard_focus_areas',
};

export const updateContext = mcpToolOperation({
	name: 'Update Organization Context',
	value: 'updateContext',
	action: 'Update the organization context',
	description: "Update the organization's AI profile: summaries, industry, vocabulary and focus areas (MCP tool nexus_update_org_conversation_intelligence_context)",
	tool: 'nexus_update_org_conversation_intelligence_context',
	properties: [
		fieldsCollection('updateFields', [
			textField('Business Summary', 'businessSummary', 'What the business does'),
			listField('Custom Vocabulary', 'customVocabulary', 'Words the business uses'),
			textField('Customer Summary', 'customerSummary', 'Who the customers are'),
			listField('Dashboard Focus Areas', 'dashboardFocusAreas', 'Areas the dashboards focus on'),
			textField('Industry', 'industry', 'Industry of the business'),
			listField('Priority Attributes', 'priorityAttributes', 'Attributes to watch'),
		]),
	],
	args() {
		const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
		const changes = textArguments(fields, { businessSummary: 'business_summary', customerSummary: 'customer_summary', industry: 'industry' });
		for (const [field, argument] of Object.entries(LIST_ARGUMENTS)) {
			if (fields[field] !== undefined) changes[argument] = splitList(fields[field]);
		}
		return requireChanges(this, changes, 'a summary, the industry or a list');
	},
});
