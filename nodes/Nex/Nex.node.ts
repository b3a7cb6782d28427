import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { aiListDescription } from './resources/aiList';
import { attributeDescription } from './resources/attribute';
import { compoundingJobDescription } from './resources/compoundingJob';
import { contextDescription } from './resources/context';
import { insightDescription } from './resources/insight';
import { integrationDescription } from './resources/integration';
import { knowledgeGraphDescription } from './resources/knowledgeGraph';
import { listDescription } from './resources/list';
import { listEntryDescription } from './resources/listEntry';
import { noteDescription } from './resources/note';
import { notificationDescription } from './resources/notification';
import { notificationRuleDescription } from './resources/notificationRule';
import { objectDescription } from './resources/object';
import { recordDescription } from './resources/record';
import { relationshipDefinitionDescription } from './resources/relationshipDefinition';
import { relationshipDescription } from './resources/relationship';
import { searchDescription } from './resources/search';
import { taskDescription } from './resources/task';
import { timelineDescription } from './resources/timeline';
import { nexResources } from './resources';
import { nexListSearch } from './methods/listSearch';
import { nexLoadOptions } from './methods/loadOptions';
import { requestOptionsProperty } from './shared/requestOptions';
import { NEX_CREDENTIAL_TYPE, nexRequestDefaults } from './shared/transport';
import { registerParameterLabels } from '../shared/exactIds';
import { actionNodeBasics, resourceSelector } from '../shared/nodeDescription';
import { resourceOperationSubtitle } from '../shared/subtitle';

export class Nex implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nex',
		name: 'nex',
		icon: { light: 'file:nex.svg', dark: 'file:nex.dark.svg' },
		group: ['transform'],
		...actionNodeBasics(NEX_CREDENTIAL_TYPE),
		// "Context: Add Text" on the canvas; the constructor fills in the names from the options below.
		subtitle: '={{$parameter["operation"]}}',
		description: 'Read and write the Nex context graph: records, lists, tasks, notes, AI context and insights',
		defaults: { name: 'Nex' },
		usableAsTool: true,
		requestDefaults: nexRequestDefaults,
		properties: [
			resourceSelector(nexResources, 'object'),
			...objectDescription,
			...attributeDescription,
			...recordDescription,
			...listDescription,
			...listEntryDescription,
			...relationshipDefinitionDescription,
			...relationshipDescription,
			...taskDescription,
			...noteDescription,
			...timelineDescription,
			...searchDescription,
			...contextDescription,
			...aiListDescription,
			...insightDescription,
			...knowledgeGraphDescription,
			...integrationDescription,
			...compoundingJobDescription,
			...notificationDescription,
			...notificationRuleDescription,
			requestOptionsProperty,
		],
	};

	constructor() {
		this.description.subtitle = resourceOperationSubtitle(this.description.properties);
		registerParameterLabels(this.description.name, this.description.properties);
	}

	methods = { listSearch: nexListSearch, loadOptions: nexLoadOptions };
}
